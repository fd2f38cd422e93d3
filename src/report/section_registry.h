// Internal: the list of report sections, in report order. Each metric area
// adds one entry (id, and a function that builds its sections).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/report.h"
#include "clm/scope.h"
#include "clm/status.h"

namespace clm::detail {

// Builds the sections of one area and appends them to `out`.
using SectionBuilder =
    std::function<Status(const Scope& scope, const ReportOptions& options, std::vector<Section>& out)>;

struct SectionSpec {
  std::string id;        // as selected with --sections
  std::string title;
  SectionBuilder build;
};

// All sections in report order (defined in section_registry.cpp).
const std::vector<SectionSpec>& section_registry();

}  // namespace clm::detail
