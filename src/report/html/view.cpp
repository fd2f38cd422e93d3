// Column-key access to a Section for the HTML charts and headline.
#include "report/html/view.h"

#include <algorithm>
#include <cstdint>

#include "report/cells.h"

namespace clm::detail::html {

std::optional<std::size_t> View::col(std::string_view key) const {
  for (std::size_t i = 0; i < s_.columns.size(); ++i) {
    if (s_.columns[i].key == key) return i;
  }
  return std::nullopt;
}

std::optional<double> View::num(const Row& row, std::string_view key) const {
  const std::optional<std::size_t> c = col(key);
  if (!c || *c >= row.size() || is_null(row[*c])) return std::nullopt;
  const Value& v = row[*c];
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) {
    // Money is held in millionths; charts draw units.
    return s_.columns[*c].kind == ColumnKind::kMoney ? static_cast<double>(*i) / 1e6
                                                     : static_cast<double>(*i);
  }
  if (const double* d = std::get_if<double>(&v)) return *d;
  return std::nullopt;
}

std::string View::text(const Row& row, std::string_view key) const {
  const std::optional<std::size_t> c = col(key);
  if (!c || *c >= row.size()) return {};
  return human_text(row[*c], s_.columns[*c]);
}

std::vector<std::string> View::groups() const {
  std::vector<std::string> out;
  if (!col("group")) return {""};
  for (const Row& row : s_.rows) {
    std::string g = text(row, "group");
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(std::move(g));
  }
  return out;
}

std::vector<const Row*> View::rows_of(std::string_view group) const {
  std::vector<const Row*> out;
  const bool grouped = col("group").has_value();
  for (const Row& row : s_.rows) {
    if (!grouped || text(row, "group") == group) out.push_back(&row);
  }
  return out;
}

}  // namespace clm::detail::html
