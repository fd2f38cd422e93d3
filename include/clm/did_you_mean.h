// clm/did_you_mean.h — the hint for a misspelt name ("did you mean 'churn_rate'?"),
// shared by every place that refuses an unknown key or metric name.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace clm {

// Levenshtein distance: insertions, deletions and substitutions of bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// How far `name` is from `candidate` for a hint: 1 when `name` is a
// non-empty prefix of it ("churn" for "churn_rate"), else the edit distance.
std::size_t hint_distance(std::string_view name, std::string_view candidate);

// The candidate closest to `name` by hint_distance, if at most three edits
// away; the first of equally close ones; "" when none is that close.
// `project` gives a candidate's name (e.g. &GoalMetric::name).
template <class Range, class Project = std::identity>
std::string_view did_you_mean(std::string_view name, const Range& candidates,
                              Project project = {}) {
  std::string_view best;
  std::size_t best_distance = 4;
  for (const auto& c : candidates) {
    const std::string_view candidate = std::invoke(project, c);
    const std::size_t d = hint_distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace clm
