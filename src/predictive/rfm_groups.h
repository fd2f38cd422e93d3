// Internal: identical customers merged into weighted rows, so a likelihood
// is evaluated once per distinct (x, t_x, T) — or (x, m) for spend — instead
// of once per customer.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "clm/clv_summary.h"

namespace clm::detail {

struct RfmGroup {
  double x = 0;
  double t_x = 0;
  double T = 0;
  double weight = 0;            // customers with these values
  std::uint32_t t_x_index = 0;  // t_x and T as indices into RfmGroups::times
  std::uint32_t T_index = 0;
};

// The merged rows and the distinct time values they use, so a model can
// evaluate log(α + t) once per distinct t (a few hundred for day-level data)
// instead of once per row.
struct RfmGroups {
  std::vector<RfmGroup> rows;
  std::vector<double> times;  // sorted, distinct t_x and T values
};

// Distinct (x, t_x, T), sorted by x then T then t_x (runs of equal x let the
// models compute their x-only terms once per run).
RfmGroups group_by_rft(std::span<const PurchaseRow> rows);

struct SpendGroup {
  double x = 0;
  double m = 0;
  double weight = 0;
};

// Distinct (x, monetary) of the repeat buyers (x > 0), sorted by x then m.
std::vector<SpendGroup> group_spend(std::span<const PurchaseRow> rows);

}  // namespace clm::detail
