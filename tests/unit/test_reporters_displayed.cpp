// detail::displayed: long detail tables are thinned per group for the human
// formats, evenly and keeping the first and last rows.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "clm/document.h"
#include "report/cells.h"

using namespace clm;

namespace {

// Group "a" with 5 rows (n = 0..4), then group "b" with 250 rows (n = 0..249).
Section curve(std::size_t display_rows) {
  Section s;
  s.id = "curve";
  s.title = "Curve";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("n", "N", ColumnKind::kCount);
  for (std::int64_t i = 0; i < 5; ++i) s.rows.push_back({std::string("a"), i});
  for (std::int64_t i = 0; i < 250; ++i) s.rows.push_back({std::string("b"), i});
  s.notes.push_back("a note");
  s.display_rows = display_rows;
  return s;
}

std::int64_t n_of(const Section& s, std::size_t row) {
  return std::get<std::int64_t>(s.rows[row][1]);
}

}  // namespace

TEST_CASE("displayed keeps short groups and spreads long ones evenly", "[reporters]") {
  const Section shown = detail::displayed(curve(100));
  REQUIRE(shown.rows.size() == 5 + 100);
  for (std::size_t i = 0; i < 5; ++i) CHECK(n_of(shown, i) == static_cast<std::int64_t>(i));
  // Row k of group b is n = floor(k * 249 / 99): 0, 2, ..., 125 (k = 50), ..., 249 (k = 99).
  CHECK(n_of(shown, 5 + 0) == 0);
  CHECK(n_of(shown, 5 + 1) == 2);
  CHECK(n_of(shown, 5 + 50) == 125);
  CHECK(n_of(shown, 5 + 98) == 246);
  CHECK(n_of(shown, 5 + 99) == 249);
  REQUIRE(shown.notes.size() == 2);
  CHECK(shown.notes[0] == "a note");
  CHECK(shown.notes[1].find("Showing 105 of the 255 rows") == 0);
}

TEST_CASE("displayed leaves a section alone without a limit or within it", "[reporters]") {
  CHECK(detail::displayed(curve(0)).rows.size() == 255);
  CHECK(detail::displayed(curve(250)).rows.size() == 255);
  CHECK(detail::displayed(curve(250)).notes.size() == 1);
}
