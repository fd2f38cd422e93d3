// clm/survival.h — Kaplan–Meier survival of customer lifetimes
// (docs/metrics.md, "Survival (Kaplan–Meier)").
//
// Every customer acquired before the as-of time contributes a lifetime from
// a(c): a death at the first moment after a(c) at which it stops being active
// (last activity + W, or a subscription cancel), if that is before the as-of
// time; else a censoring at the as-of time. Cost: one binary search in each
// customer's stretches, then a sort of the lifetimes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clm/activity.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct SurvivalOptions {
  // Times (days) at which S(t) is reported: 30, 90, 180 and 365 (docs/metrics.md).
  std::vector<double> at_days = {30, 90, 180, 365};
};

// One step of the curve: the state just after `days`.
struct SurvivalPoint {
  double days = 0;            // time since acquisition, in days of 86 400 s
  std::int64_t at_risk = 0;   // lifetimes >= days
  std::int64_t deaths = 0;    // ending at `days`
  std::int64_t censored = 0;  // censored at `days`
  double survival = 1;        // S(days), right-continuous
  // Greenwood log-log interval; nullopt when S is 0 or 1.
  std::optional<Interval> ci;
};

struct SurvivalAt {
  double days = 0;
  // S(days); nullopt when no customer is observed that long (days beyond the
  // longest lifetime or censoring) or there are no customers.
  std::optional<double> survival;
  std::optional<Interval> ci;
};

struct SurvivalCurve {
  std::string group;
  std::int64_t customers = 0;
  std::int64_t deaths = 0;
  std::int64_t censored = 0;
  std::vector<SurvivalPoint> curve;   // one point per distinct lifetime, ascending
  std::vector<SurvivalAt> at;         // one per options.at_days
  std::optional<double> median_days;  // first time with S <= 0.5; nullopt if none
};

struct SurvivalResult {
  std::vector<SurvivalCurve> groups;  // in the scope's group order
};

// One customer's observation: lifetime in seconds and whether it ended in churn.
struct Lifetime {
  Timestamp seconds = 0;
  bool death = false;
};

// The Kaplan–Meier curve of arbitrary observations (sorted internally), with
// intervals of the given z.
SurvivalCurve kaplan_meier(std::vector<Lifetime> lifetimes, const SurvivalOptions& options = {},
                           double z = kZ95);

// `model` must be built over scope.store with scope.acquisition and as-of scope.window.to.
SurvivalResult compute_survival(const Scope& scope, const ActivityModel& model,
                                const SurvivalOptions& options = {});

}  // namespace clm
