// The "did you mean" hint shared by the settings file and the goal names.
#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "clm/did_you_mean.h"

using clm::did_you_mean;
using clm::edit_distance;

TEST_CASE("edit_distance counts insertions, deletions and substitutions", "[core]") {
  CHECK(edit_distance("kitten", "sitting") == 3);  // k→s, e→i, +g
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("margn", "margin") == 1);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("did_you_mean takes the closest name within three edits", "[core]") {
  const std::vector<std::string_view> keys = {"period", "per", "margin", "churn_rate"};
  CHECK(did_you_mean("perod", keys) == "period");  // 1 edit from period, 2 from per
  CHECK(did_you_mean("margn", keys) == "margin");
  CHECK(did_you_mean("zzzzzzzz", keys).empty());
  // A prefix counts as one edit, though "churn" is five edits from "churn_rate".
  CHECK(did_you_mean("churn", keys) == "churn_rate");
  // Four edits away is too far: no hint.
  CHECK(did_you_mean("abcdefgh", std::vector<std::string_view>{"abcdwxyz"}).empty());
  CHECK(did_you_mean("abcdefgh", std::vector<std::string_view>{"abcdexyz"}) == "abcdexyz");
  // Equally close: the first.
  CHECK(did_you_mean("pe", std::vector<std::string_view>{"per", "pen"}) == "per");
}

TEST_CASE("did_you_mean reads names through a projection", "[core]") {
  struct Named {
    std::string_view name;
  };
  const std::vector<Named> metrics = {{"nps"}, {"csat"}, {"churn_rate"}};
  CHECK(did_you_mean("cst", metrics, &Named::name) == "csat");
}
