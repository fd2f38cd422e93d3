// The report's sections in report order. To add a metric area's sections:
// define its builder in src/report/sections_<area>.cpp (a SectionBuilder that
// appends one or more Sections), declare it below, and add one entry to the
// list. The data-quality section is not listed: build_report always adds it
// first (id "data_quality").
#include "report/section_registry.h"

namespace clm::detail {

// Builders defined in the sections_<area>.cpp files.
Status build_nps_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_csat_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_ces_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_email_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_revenue_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_cac_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_payback_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_clv_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_clv_cac_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_churn_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_cohort_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_survival_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_stage_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_activation_sections(const Scope&, const ReportOptions&, std::vector<Section>&);
Status build_rfm_sections(const Scope&, const ReportOptions&, std::vector<Section>&);

const std::vector<SectionSpec>& section_registry() {
  static const std::vector<SectionSpec> kSections = {
      {"nps", "Net Promoter Score", build_nps_sections},
      {"csat", "Customer Satisfaction (CSAT)", build_csat_sections},
      {"ces", "Customer Effort Score (CES)", build_ces_sections},
      {"email", "Email engagement", build_email_sections},
      {"revenue", "Revenue", build_revenue_sections},
      {"cac", "CAC per channel, blended and paid", build_cac_sections},
      {"cac_payback", "CAC payback", build_payback_sections},
      {"clv", "Customer lifetime value", build_clv_sections},
      {"clv_cac", "CLV:CAC per channel", build_clv_cac_sections},
      {"churn", "Churn and retention", build_churn_sections},
      {"cohorts", "Cohort retention", build_cohort_sections},
      {"survival", "Customer survival", build_survival_sections},
      {"stages", "Lifecycle stages, flow and funnel", build_stage_sections},
      {"activation", "Activation", build_activation_sections},
      {"rfm", "RFM segments", build_rfm_sections},
  };
  return kSections;
}

}  // namespace clm::detail
