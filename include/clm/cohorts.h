// clm/cohorts.h — customer and revenue retention by acquisition cohort
// (docs/metrics.md, "Cohort retention matrix").
//
// Cohort C = the scope period holding a(c); only customers acquired inside the
// window form cohorts. Cell (C, k) = share of C's customers active during
// period C+k, and C's net revenue in C+k over its net revenue in C+0. Cost:
// one walk of each customer's stretches plus one pass over its money events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clm/activity.h"
#include "clm/money.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct CohortOptions {
  // false (docs/metrics.md default): a customer counts in cell k when active during
  // period C+k. true: when active during C+k or any later period of the window.
  bool active_or_later = false;
};

struct CohortCell {
  std::size_t offset = 0;   // k
  bool partial = false;     // period C+k is not wholly inside the window
  std::int64_t active = 0;  // customers of C counted in C+k
  Proportion retention;     // active / cohort size
  Money revenue = 0;        // net revenue of C's customers in C+k
  // revenue / revenue in C+0; nullopt when C+0's net revenue is <= 0.
  std::optional<double> revenue_retention;
};

struct CohortRow {
  std::string label;  // the cohort period's label ("2024-03"), "average" for the average row
  std::int64_t size = 0;
  std::vector<CohortCell> cells;  // offsets 0 .. (periods − 1 − C)
};

struct CohortTable {
  std::string group;
  std::vector<CohortRow> rows;  // one per scope period, empty cohorts included
  // Offset k: Σ active / Σ size over the cohorts that have a cell k (size-weighted
  // mean share); revenue retention: size-weighted mean over the cohorts where it is
  // defined. partial when any included cell is partial; revenue is the sum.
  CohortRow average;
};

struct CohortResult {
  std::vector<CohortTable> groups;  // in the scope's group order
};

// `model` must be built over scope.store with scope.acquisition and as-of scope.window.to.
CohortResult compute_cohorts(const Scope& scope, const ActivityModel& model,
                             const CohortOptions& options = {});

}  // namespace clm
