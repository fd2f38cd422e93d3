// Lifecycle stages: the facts at t come from one pass over the customer's
// events before t; the funnel uses the facts at the as-of time.

#include "clm/stages.h"

#include <algorithm>

namespace clm {

std::string_view stage_name(Stage s) {
  switch (s) {
    case Stage::kReach:
      return "reach";
    case Stage::kAcquisition:
      return "acquisition";
    case Stage::kConversion:
      return "conversion";
    case Stage::kRetention:
      return "retention";
    case Stage::kLoyalty:
      return "loyalty";
    case Stage::kChurned:
      return "churned";
  }
  return "?";
}

namespace {

CustomerStage stage_of(const ActivityModel& model, CustomerIndex c, Timestamp t,
                       std::int64_t loyalty) {
  const EventStore& store = model.store();
  const auto times = store.times();
  const auto types = store.types();
  const auto scores = store.scores();
  CustomerStage out;
  out.customer = c;
  out.acquired_at = model.acquired_at(c);
  const Timestamp stop = std::min(t, model.as_of());
  const EventRange r = store.events_of(c);
  for (std::size_t i = r.begin; i < r.end && times[i] < stop; ++i) {
    switch (static_cast<EventType>(types[i])) {
      case EventType::kPurchase:
        ++out.purchases;
        break;
      case EventType::kNps:
        out.latest_nps = scores[i];  // events ascend in time: the last one wins
        break;
      case EventType::kReferral:
        ++out.referrals;
        break;
      default:
        break;
    }
  }
  out.active = model.active_at(c, t);
  if (!(out.acquired_at < t)) {
    out.stage = Stage::kReach;
  } else if (!out.active) {
    out.stage = Stage::kChurned;
  } else if (out.purchases == 0) {
    out.stage = Stage::kAcquisition;
  } else if (out.purchases == 1) {
    out.stage = Stage::kConversion;
  } else if (out.purchases >= loyalty || (out.latest_nps && *out.latest_nps >= 9) ||
             out.referrals > 0) {
    out.stage = Stage::kLoyalty;
  } else {
    out.stage = Stage::kRetention;
  }
  return out;
}

}  // namespace

std::vector<CustomerStage> stages_at(const ActivityModel& model, Timestamp t,
                                     std::int64_t loyalty_purchases) {
  std::vector<CustomerStage> out;
  out.reserve(model.customer_count());
  for (CustomerIndex c = 0; c < model.customer_count(); ++c) {
    out.push_back(stage_of(model, c, t, loyalty_purchases));
  }
  return out;
}

StageResult compute_stages(const Scope& scope, const ActivityModel& model,
                           const StageOptions& options) {
  StageResult result;
  const Timestamp as_of = scope.window.to;
  result.at = options.at.value_or(as_of);
  result.flow_from = options.flow_from.value_or(scope.window.from);
  result.flow_to = options.flow_to.value_or(as_of);
  const std::int64_t L = options.loyalty_purchases;
  const EventStore& store = *scope.store;
  const auto times = store.times();
  const auto types = store.types();
  const auto scores = store.scores();

  result.groups.resize(scope.grouping.size());
  std::vector<std::array<std::int64_t, 5>> funnel(scope.grouping.size(), {0, 0, 0, 0, 0});
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    // Someone whose every event is at or after the as-of time does not exist yet:
    // not in reach, not in the flow.
    if (!scope.grouping.includes(c)) continue;
    StageGroup& g = result.groups[scope.grouping.group_of[c]];
    g.counts[static_cast<std::size_t>(stage_of(model, c, result.at, L).stage)] += 1;
    const auto from = static_cast<std::size_t>(stage_of(model, c, result.flow_from, L).stage);
    const auto to = static_cast<std::size_t>(stage_of(model, c, result.flow_to, L).stage);
    g.flow[from][to] += 1;

    // Funnel: people first seen in the window; everything before the as-of time.
    const EventRange r = store.events_of(c);
    Timestamp first_seen = store.declared_acquired_at(c);
    if (!r.empty() && times[r.begin] < as_of) first_seen = std::min(first_seen, times[r.begin]);
    if (!scope.window.contains(first_seen)) continue;
    std::int64_t purchases = 0;
    bool promoter_or_referral = false;
    for (std::size_t i = r.begin; i < r.end && times[i] < as_of; ++i) {
      const auto t = static_cast<EventType>(types[i]);
      if (t == EventType::kPurchase) ++purchases;
      if (t == EventType::kReferral || (t == EventType::kNps && scores[i] >= 9)) {
        promoter_or_referral = true;
      }
    }
    auto& f = funnel[scope.grouping.group_of[c]];
    const bool steps[5] = {true, model.acquired_at(c) < as_of, purchases >= 1, purchases >= 2,
                           purchases >= L || promoter_or_referral};
    for (std::size_t s = 0; s < 5 && steps[s]; ++s) f[s] += 1;  // nested steps
  }
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    StageGroup& out = result.groups[g];
    out.label = scope.grouping.labels[g];
    for (std::size_t s = 0; s < 5; ++s) {
      FunnelStep step;
      step.stage = static_cast<Stage>(s);
      step.count = funnel[g][s];
      if (s > 0) step.rate = make_proportion(funnel[g][s], funnel[g][s - 1], scope.z);
      out.funnel.push_back(step);
    }
  }
  return result;
}

}  // namespace clm
