// clm/activation.h — activation rate and time to first purchase
// (docs/metrics.md, "Activation"), over the customers acquired in the window.
//
// Activated: the first purchase ever (before the as-of time) falls in
// [a(c), a(c) + D], both ends inclusive. Customers acquired less than D
// before the as-of time stay in the denominator. Cost: one pass over the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct ActivationOptions {
  std::int64_t activation_window_days = 7;  // D, in days of 86 400 s (docs/metrics.md default 7)
};

struct ActivationCell {
  std::int64_t acquired = 0;    // customers with a(c) in the cell
  std::int64_t purchasers = 0;  // of them, those with a purchase before the as-of time
  Proportion activation;        // activated / acquired
  // Median of (first purchase − a(c)) in days over the purchasers (negative when
  // customers.acquired_at is later than the first purchase); nullopt if none.
  std::optional<double> median_days_to_first_purchase;
};

struct ActivationGroup {
  std::string label;
  ActivationCell window;
  std::vector<ActivationCell> periods;  // by the period holding a(c)
};

struct ActivationResult {
  std::vector<ActivationGroup> groups;  // in the scope's group order
};

// InvalidArgument when D < 0.
Result<ActivationResult> compute_activation(const Scope& scope,
                                            const ActivationOptions& options = {});

}  // namespace clm
