// Internal: shorthands for the column lists of the section schemas.
#pragma once

#include <string>
#include <vector>

#include "clm/section_schema.h"

namespace clm::detail {

// The row key of every per-period section: group, period, partial.
inline std::vector<ColumnSpec> period_key_columns() {
  return {{"group", "Group", ColumnKind::kText},
          {"period", "Period", ColumnKind::kText},
          {"partial", "Partial", ColumnKind::kFlag}};
}

// A rate with its interval: <key>, <key>_low, <key>_high (the goal, if any,
// is fed by <key>).
inline void add_rate_columns(std::vector<ColumnSpec>& columns, const std::string& key,
                             const std::string& title, GoalFeed goal = {}) {
  columns.push_back({key, title, ColumnKind::kRate, 2, std::move(goal)});
  columns.push_back({key + "_low", title + " low", ColumnKind::kRate});
  columns.push_back({key + "_high", title + " high", ColumnKind::kRate});
}

}  // namespace clm::detail
