// The report's sections in report order. To add a metric area's sections:
// define its builder in src/report/sections_<area>.cpp (a SectionBuilder that
// appends one or more Sections), declare it below, and add one entry to the
// list. The data-quality section is not listed: build_report always adds it
// first (id "data_quality").
#include "report/section_registry.h"

namespace clm::detail {

const Result<ActivityModel>& ReportContext::activity() {
  std::call_once(activity_once_, [this] {
    activity_.emplace(ActivityModel::build(*scope_.store, scope_.acquisition, scope_.window.to,
                                           options_.activity));
  });
  return *activity_;
}

const SurveyBreakdown& ReportContext::surveys() {
  std::call_once(surveys_once_,
                 [this] { surveys_.emplace(compute_surveys(scope_, options_.surveys)); });
  return *surveys_;
}

const CacResult& ReportContext::cac() {
  std::call_once(cac_once_, [this] { cac_.emplace(compute_cac(scope_)); });
  return *cac_;
}

const Result<HistoricalClv>& ReportContext::historical_clv() {
  std::call_once(clv_once_, [this] { clv_.emplace(compute_historical_clv(scope_, options_.clv)); });
  return *clv_;
}

void ReportContext::prepare(unsigned needs) {
  if (needs & kNeedsActivity) activity();
  if (needs & kNeedsSurveys) surveys();
  if (needs & kNeedsCac) cac();
  if (needs & kNeedsHistoricalClv) historical_clv();
}

// Builders defined in the sections_<area>.cpp files.
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

const std::vector<SectionSpec>& section_registry() {
  static const std::vector<SectionSpec> kSections = {
      {"nps", "Net Promoter Score", kNeedsSurveys, build_nps_sections},
      {"csat", "Customer Satisfaction (CSAT)", kNeedsSurveys, build_csat_sections},
      {"ces", "Customer Effort Score (CES)", kNeedsSurveys, build_ces_sections},
      {"email", "Email engagement", 0, build_email_sections},
      {"revenue", "Revenue", kNeedsActivity, build_revenue_sections},
      {"cac", "CAC per channel, blended and paid", kNeedsCac, build_cac_sections},
      {"cac_payback", "CAC payback", kNeedsCac, build_payback_sections},
      {"clv", "Customer lifetime value", kNeedsActivity | kNeedsHistoricalClv, build_clv_sections},
      {"clv_cac", "CLV:CAC per channel", kNeedsCac | kNeedsHistoricalClv, build_clv_cac_sections},
      {"churn", "Churn and retention", kNeedsActivity, build_churn_sections},
      {"cohorts", "Cohort retention", kNeedsActivity, build_cohort_sections},
      {"survival", "Customer survival", kNeedsActivity, build_survival_sections},
      {"stages", "Lifecycle stages, flow and funnel", kNeedsActivity, build_stage_sections},
      {"activation", "Activation", 0, build_activation_sections},
      {"rfm", "RFM segments", 0, build_rfm_sections},
  };
  return kSections;
}

}  // namespace clm::detail
