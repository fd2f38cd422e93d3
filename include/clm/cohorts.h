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
  std::size_t offset = 0;  // k
  bool partial = false;    // period C+k is not wholly inside the window
  // The cohorts this cell counts: 1 in a cohort's row (0 for an empty cohort);
  // in the average row, the non-empty cohorts that reach offset k.
  std::int64_t cohorts = 0;
  std::int64_t size = 0;    // customers of those cohorts
  std::int64_t active = 0;  // of those, the customers counted in C+k
  Proportion retention;     // active / size
  Money revenue = 0;        // net revenue of those cohorts' customers in C+k
  // revenue / revenue in C+0; nullopt when C+0's net revenue is <= 0.
  std::optional<double> revenue_retention;
};

struct CohortRow {
  std::string label;  // the cohort period's label ("2024-03"), "average" for the average row
  // Customers of the cohort; in the average row, of all cohorts (each cell
  // has the size of the cohorts it counts).
  std::int64_t size = 0;
  std::vector<CohortCell> cells;  // offsets 0 .. (periods − 1 − C)
};

struct CohortTable {
  std::string group;
  std::vector<CohortRow> rows;  // one per scope period, empty cohorts included
  // Offset k, over the cohorts that reach it (those with a cell k): cohorts,
  // size, active and revenue are their sums, so retention is Σ active / Σ size
  // (the size-weighted mean share); revenue retention is the size-weighted mean
  // over those of them where it is defined. partial when any included cell is.
  CohortRow average;
};

struct CohortResult {
  std::vector<CohortTable> groups;  // in the scope's group order
};

// `model` must be built over scope.store with scope.acquisition and as-of scope.window.to.
CohortResult compute_cohorts(const Scope& scope, const ActivityModel& model,
                             const CohortOptions& options = {});

}  // namespace clm
