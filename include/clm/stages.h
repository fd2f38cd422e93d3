// clm/stages.h — lifecycle stage of each customer at a time t, stage counts,
// the stage flow between two times and the funnel (docs/metrics.md, "Lifecycle
// stage at time t").
//
// First rule that holds: never acquired before t → reach; not active at t →
// churned; no purchase before t → acquisition; one purchase → conversion;
// >= L purchases, latest NPS answer >= 9 or a referral before t → loyalty;
// otherwise retention. Cost: one pass over each customer's events per time.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/activity.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

enum class Stage { kReach = 0, kAcquisition, kConversion, kRetention, kLoyalty, kChurned };
inline constexpr std::size_t kStageCount = 6;
// "reach", "acquisition", "conversion", "retention", "loyalty", "churned".
std::string_view stage_name(Stage s);

struct StageOptions {
  std::int64_t loyalty_purchases = 5;  // L (docs/metrics.md default 5)
  std::optional<Timestamp> at;         // t of the stage counts; default the as-of time
  std::optional<Timestamp> flow_from;  // start of the flow matrix; default the window start
  std::optional<Timestamp> flow_to;    // end of the flow matrix; default the as-of time
};

// The facts that decide a customer's stage at t.
struct CustomerStage {
  CustomerIndex customer = 0;
  Stage stage = Stage::kReach;
  Timestamp acquired_at = kNever;  // a(c), kNever for a prospect
  bool active = false;             // active at t
  std::int64_t purchases = 0;      // before t
  std::optional<int> latest_nps;   // latest NPS answer before t
  std::int64_t referrals = 0;      // before t
};

// Stage of every customer in the store at t (the as-of time of `model` caps
// what is seen); people unknown at the as-of time come out in reach, so a
// caller with a Scope skips those not in its grouping (Grouping::includes), as
// compute_stages and customer_stages_report do.
std::vector<CustomerStage> stages_at(const ActivityModel& model, Timestamp t,
                                     std::int64_t loyalty_purchases = 5);

struct FunnelStep {
  Stage stage;             // reach, acquisition, conversion, retention, loyalty
  std::int64_t count = 0;  // people who reached this step (and every step before)
  Proportion rate;         // count / the previous step's count (reach: null)
};

struct StageGroup {
  std::string label;
  std::array<std::int64_t, kStageCount> counts{};  // at t, by Stage
  // flow[from][to]: people in stage `from` at flow_from and `to` at flow_to.
  std::array<std::array<std::int64_t, kStageCount>, kStageCount> flow{};
  std::vector<FunnelStep> funnel;  // the people first seen in the window
};

struct StageResult {
  Timestamp at = 0;
  Timestamp flow_from = 0;
  Timestamp flow_to = 0;
  std::vector<StageGroup> groups;  // in the scope's group order
};

// `model` must be built over scope.store with scope.acquisition and as-of scope.window.to.
StageResult compute_stages(const Scope& scope, const ActivityModel& model,
                           const StageOptions& options = {});

}  // namespace clm
