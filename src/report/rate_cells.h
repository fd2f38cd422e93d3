// Internal: the cells shared by the lifecycle sections — optional values as
// nulls and rates with their Wilson interval as three columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/stats.h"

namespace clm::detail {

inline Value opt(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}
inline Value ci_low(const std::optional<Interval>& i) {
  if (!i) return std::monostate{};
  return i->low;
}
inline Value ci_high(const std::optional<Interval>& i) {
  if (!i) return std::monostate{};
  return i->high;
}

// Adds rate, low and high columns named <key>, <key>_low, <key>_high.
inline void add_rate_columns(Section& s, const std::string& key, const std::string& title) {
  s.add_column(key, title, ColumnKind::kRate);
  s.add_column(key + "_low", title + " low", ColumnKind::kRate);
  s.add_column(key + "_high", title + " high", ColumnKind::kRate);
}
inline void push_rate(std::vector<Value>& row, const Proportion& p) {
  row.push_back(opt(p.rate));
  row.push_back(ci_low(p.ci));
  row.push_back(ci_high(p.ci));
}

}  // namespace clm::detail
