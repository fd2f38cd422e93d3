// The report's sections in report order. To add a metric area's sections:
// define its builder (a SectionBuilder that appends one or more Sections) and
// the schema of each section it builds in src/report/sections_<area>.cpp,
// declare them below, and add one entry to the list. The data-quality section
// is not listed: build_report always adds it first (id "data_quality").
#include "report/section_registry.h"

namespace clm {
namespace detail {

void ReportContext::prepare(unsigned needs) const {
  if (needs & kNeedsActivity) activity();
  if (needs & kNeedsSurveys) surveys();
  if (needs & kNeedsCac) cac();
  if (needs & kNeedsHistoricalClv) historical_clv();
}

// Builders and schemas defined in the sections_<area>.cpp files.
Status build_nps_sections(const Scope&, const ReportOptions&, ReportContext&,
                          std::vector<Section>&);
Status build_csat_sections(const Scope&, const ReportOptions&, ReportContext&,
                           std::vector<Section>&);
Status build_ces_sections(const Scope&, const ReportOptions&, ReportContext&,
                          std::vector<Section>&);
Status build_email_sections(const Scope&, const ReportOptions&, ReportContext&,
                            std::vector<Section>&);
Status build_revenue_sections(const Scope&, const ReportOptions&, ReportContext&,
                              std::vector<Section>&);
Status build_cac_sections(const Scope&, const ReportOptions&, ReportContext&,
                          std::vector<Section>&);
Status build_payback_sections(const Scope&, const ReportOptions&, ReportContext&,
                              std::vector<Section>&);
Status build_clv_sections(const Scope&, const ReportOptions&, ReportContext&,
                          std::vector<Section>&);
Status build_clv_cac_sections(const Scope&, const ReportOptions&, ReportContext&,
                              std::vector<Section>&);
Status build_churn_sections(const Scope&, const ReportOptions&, ReportContext&,
                            std::vector<Section>&);
Status build_cohort_sections(const Scope&, const ReportOptions&, ReportContext&,
                             std::vector<Section>&);
Status build_survival_sections(const Scope&, const ReportOptions&, ReportContext&,
                               std::vector<Section>&);
Status build_stage_sections(const Scope&, const ReportOptions&, ReportContext&,
                            std::vector<Section>&);
Status build_activation_sections(const Scope&, const ReportOptions&, ReportContext&,
                                 std::vector<Section>&);
Status build_rfm_sections(const Scope&, const ReportOptions&, ReportContext&,
                          std::vector<Section>&);
const SectionSchema& nps_schema();
const SectionSchema& csat_schema();
const SectionSchema& ces_schema();
const SectionSchema& email_schema();
const SectionSchema& revenue_schema();
const SectionSchema& cac_channels_schema();
const SectionSchema& cac_summary_schema();
const SectionSchema& payback_schema();
const SectionSchema& clv_schema();
const SectionSchema& clv_cac_schema();
const SectionSchema& churn_schema();
const SectionSchema& cohort_schema();
const SectionSchema& survival_schema();
const SectionSchema& survival_curve_schema();
const SectionSchema& stages_schema();
const SectionSchema& stage_flow_schema();
const SectionSchema& funnel_schema();
const SectionSchema& activation_schema();
const SectionSchema& rfm_schema();

const std::vector<SectionSpec>& section_registry() {
  static const std::vector<SectionSpec> kSections = {
      {"nps", "Net Promoter Score", kNeedsSurveys, build_nps_sections, {&nps_schema()}},
      {"csat",
       "Customer Satisfaction (CSAT)",
       kNeedsSurveys,
       build_csat_sections,
       {&csat_schema()}},
      {"ces", "Customer Effort Score (CES)", kNeedsSurveys, build_ces_sections, {&ces_schema()}},
      {"email", "Email engagement", 0, build_email_sections, {&email_schema()}},
      {"revenue", "Revenue", kNeedsActivity, build_revenue_sections, {&revenue_schema()}},
      {"cac",
       "CAC per channel, blended and paid",
       kNeedsCac,
       build_cac_sections,
       {&cac_channels_schema(), &cac_summary_schema()}},
      {"cac_payback", "CAC payback", 0, build_payback_sections, {&payback_schema()}},
      {"clv",
       "Customer lifetime value",
       kNeedsActivity | kNeedsHistoricalClv,
       build_clv_sections,
       {&clv_schema()}},
      {"clv_cac",
       "CLV:CAC per channel",
       kNeedsCac | kNeedsHistoricalClv,
       build_clv_cac_sections,
       {&clv_cac_schema()}},
      {"churn", "Churn and retention", kNeedsActivity, build_churn_sections, {&churn_schema()}},
      {"cohorts", "Cohort retention", kNeedsActivity, build_cohort_sections, {&cohort_schema()}},
      {"survival",
       "Customer survival",
       kNeedsActivity,
       build_survival_sections,
       {&survival_schema(), &survival_curve_schema()}},
      {"stages",
       "Lifecycle stages, flow and funnel",
       kNeedsActivity,
       build_stage_sections,
       {&stages_schema(), &stage_flow_schema(), &funnel_schema()}},
      {"activation", "Activation", 0, build_activation_sections, {&activation_schema()}},
      {"rfm", "RFM segments", 0, build_rfm_sections, {&rfm_schema()}},
  };
  return kSections;
}

}  // namespace detail

Section make_section(const SectionSchema& schema) {
  Section s;
  s.id = schema.id;
  s.title = schema.title;
  s.schema = &schema;
  for (const ColumnSpec& c : schema.columns) s.add_column(c.key, c.title, c.kind, c.decimals);
  return s;
}

std::string report_section_of(std::string_view section_id) {
  for (const detail::SectionSpec& spec : detail::section_registry()) {
    for (const SectionSchema* schema : spec.schemas) {
      if (schema->id == section_id) return spec.id;
    }
  }
  return "";
}

const std::vector<const SectionSchema*>& section_schemas() {
  static const std::vector<const SectionSchema*> kSchemas = [] {
    std::vector<const SectionSchema*> all;
    for (const detail::SectionSpec& spec : detail::section_registry()) {
      all.insert(all.end(), spec.schemas.begin(), spec.schemas.end());
    }
    return all;
  }();
  return kSchemas;
}

}  // namespace clm
