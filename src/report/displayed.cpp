// Thinning long detail tables for the human formats. A Kaplan–Meier curve of a
// few hundred thousand customers has a step per lifetime; a person reads its
// shape from a few hundred evenly spaced steps, and JSON/CSV keep every one.
#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <vector>

#include "clm/document.h"
#include "report/cells.h"

namespace clm::detail {

namespace {

// Index of the column keyed "group", or columns.size() when there is none.
std::size_t group_column(const Section& s) {
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    if (s.columns[c].key == "group") return c;
  }
  return s.columns.size();
}

}  // namespace

Section displayed(const Section& s) {
  const std::size_t limit = s.display_rows;
  if (limit == 0 || s.rows.size() <= limit) return s;
  const std::size_t g = group_column(s);
  auto same_group = [&](std::size_t a, std::size_t b) {
    return g == s.columns.size() ||
           (g < s.rows[a].size() && g < s.rows[b].size() && s.rows[a][g] == s.rows[b][g]);
  };

  Section out;
  out.id = s.id;
  out.title = s.title;
  out.columns = s.columns;
  out.notes = s.notes;
  out.display_rows = s.display_rows;
  out.schema = s.schema;
  bool thinned = false;
  for (std::size_t begin = 0; begin < s.rows.size();) {
    std::size_t end = begin + 1;
    while (end < s.rows.size() && same_group(begin, end)) ++end;
    const std::size_t n = end - begin;
    if (n <= limit || limit < 2) {
      for (std::size_t i = begin; i < end; ++i) out.rows.push_back(s.rows[i]);
    } else {
      // limit indices spread over [0, n-1]: i * (n-1) / (limit-1), exact in integers.
      thinned = true;
      for (std::size_t k = 0; k < limit; ++k)
        out.rows.push_back(s.rows[begin + k * (n - 1) / (limit - 1)]);
    }
    begin = end;
  }
  if (thinned) {
    out.notes.push_back(fmt::format(
        "Showing {} of the {} rows (at most {} evenly spaced per group, the first and last "
        "kept); --format json or csv has every row.",
        out.rows.size(), s.rows.size(), limit));
  }
  return out;
}

}  // namespace clm::detail
