// Internal: read a report Section by column key, as the HTML charts and the
// headline need it. Knows no metric: only keys, groups and cell types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/document.h"

namespace clm::detail::html {

using Row = std::vector<Value>;

class View {
 public:
  explicit View(const Section& s) : s_(s) {}

  const Section& section() const { return s_; }
  // The index of the column `key`, nullopt when the section has none.
  std::optional<std::size_t> col(std::string_view key) const;
  // A numeric cell as a double (money in units, rates as fractions); nullopt
  // for null, a missing column or a non-numeric cell.
  std::optional<double> num(const Row& row, std::string_view key) const;
  // A cell's text as the tables print it ("" for a missing column).
  std::string text(const Row& row, std::string_view key) const;
  // The values of the "group" column in first-seen order; {""} without one.
  std::vector<std::string> groups() const;
  // The rows of one group (every row when the section has no group column).
  std::vector<const Row*> rows_of(std::string_view group) const;

 private:
  const Section& s_;
};

}  // namespace clm::detail::html
