// The report's sections in report order. To add a metric area's sections:
// define its builder in src/report/sections_<area>.cpp (a SectionBuilder that
// appends one or more Sections), declare it below, and add one entry to the
// list. The data-quality section is not listed: build_report always adds it
// first (id "data_quality").
#include "report/section_registry.h"

namespace clm::detail {

// Builders defined in the sections_<area>.cpp files.

const std::vector<SectionSpec>& section_registry() {
  static const std::vector<SectionSpec> kSections = {};
  return kSections;
}

}  // namespace clm::detail
