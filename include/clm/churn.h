// clm/churn.h — churn and retention per period and over the window
// (docs/metrics.md, "Churn and retention").
//
// For a period P = [p0, p1): S = customers active at p0, E = customers active
// at p1; retention = |S ∩ E| / |S|, churn = |S \ E| / |S|. The window row pools
// the periods: every count is the sum over periods, so its rates are
// Σ retained / Σ |S| and Σ churned / Σ |S|. The quick ratio, (new +
// reactivated) / churned, says how many customers came in for each one lost;
// the window's is Σ (new + reactivated) / Σ churned. Cost: one walk of each customer's
// activity stretches against the period boundaries (O(stretches × log periods)).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clm/activity.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct ChurnOptions {};  // no settings: the intervals use Scope::z

struct ChurnCell {
  std::int64_t start_active = 0;   // |S|: active at p0
  std::int64_t end_active = 0;     // |E|: active at p1
  std::int64_t retained = 0;       // |S ∩ E|
  std::int64_t churned = 0;        // |S \ E|
  std::int64_t new_customers = 0;  // p0 <= a(c) < p1
  std::int64_t reactivated = 0;    // in E \ S with a(c) < p0
  Proportion retention;            // retained / |S|
  Proportion churn;                // churned / |S|
  // (new_customers + reactivated) / churned; nullopt when churned = 0.
  std::optional<double> quick_ratio;
};

struct ChurnGroup {
  std::string label;
  ChurnCell window;                // pooled over the periods
  std::vector<ChurnCell> periods;  // one per scope period
};

struct ChurnResult {
  std::vector<ChurnGroup> groups;  // in the scope's group order
};

// `model` must be built over scope.store with scope.acquisition and as-of scope.window.to.
ChurnResult compute_churn(const Scope& scope, const ActivityModel& model,
                          const ChurnOptions& options = {});

}  // namespace clm
