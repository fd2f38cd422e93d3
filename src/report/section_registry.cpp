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

const std::vector<SectionSpec>& section_registry() {
  static const std::vector<SectionSpec> kSections = {
      {"nps", "Net Promoter Score", build_nps_sections},
      {"csat", "Customer Satisfaction (CSAT)", build_csat_sections},
      {"ces", "Customer Effort Score (CES)", build_ces_sections},
      {"email", "Email engagement", build_email_sections},
  };
  return kSections;
}

}  // namespace clm::detail
