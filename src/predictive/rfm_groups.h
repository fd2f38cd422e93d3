// Internal: identical customers merged into weighted rows, so a likelihood
// is evaluated once per distinct (x, t_x, T) — or (x, m) for spend — instead
// of once per customer.
#pragma once

#include <span>
#include <vector>

#include "clm/clv_summary.h"

namespace clm::detail {

struct RfmGroup {
  double x = 0;
  double t_x = 0;
  double T = 0;
  double weight = 0;  // customers with these values
};

// Distinct (x, t_x, T), sorted by x then T then t_x (runs of equal x let the
// models compute their x-only terms once per run).
std::vector<RfmGroup> group_by_rft(std::span<const RfmRow> rows);

struct SpendGroup {
  double x = 0;
  double m = 0;
  double weight = 0;
};

// Distinct (x, monetary) of the repeat buyers (x > 0), sorted by x then m.
std::vector<SpendGroup> group_spend(std::span<const RfmRow> rows);

}  // namespace clm::detail
