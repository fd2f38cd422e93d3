// Kaplan–Meier with Greenwood's variance on the log-log scale:
//   S(t) = Π (1 − d_i / n_i),  V = Σ d_i / (n_i (n_i − d_i)),
//   se of log(−log S) = sqrt(V) / |log S|,  CI = S^exp(±z·se).

#include "clm/survival.h"

#include <algorithm>
#include <cmath>

namespace clm {
namespace {

std::optional<Interval> loglog_interval(double s, double greenwood, double z) {
  if (s <= 0 || s >= 1 || !std::isfinite(greenwood)) return std::nullopt;
  const double se = std::sqrt(greenwood) / std::fabs(std::log(s));
  return Interval{std::pow(s, std::exp(z * se)), std::pow(s, std::exp(-z * se))};
}

}  // namespace

SurvivalCurve kaplan_meier(std::vector<Lifetime> lifetimes, const SurvivalOptions& options,
                           double z) {
  // Deaths before censorings at equal times.
  std::sort(lifetimes.begin(), lifetimes.end(), [](const Lifetime& a, const Lifetime& b) {
    return a.seconds < b.seconds || (a.seconds == b.seconds && a.death && !b.death);
  });
  SurvivalCurve out;
  out.customers = static_cast<std::int64_t>(lifetimes.size());
  double s = 1;
  double greenwood = 0;
  std::int64_t at_risk = out.customers;
  for (std::size_t i = 0; i < lifetimes.size();) {
    SurvivalPoint pt;
    const Timestamp t = lifetimes[i].seconds;
    pt.days = static_cast<double>(t) / kSecondsPerDay;
    pt.at_risk = at_risk;
    for (; i < lifetimes.size() && lifetimes[i].seconds == t; ++i) {
      (lifetimes[i].death ? pt.deaths : pt.censored) += 1;
    }
    if (pt.deaths > 0) {
      s *= 1.0 - static_cast<double>(pt.deaths) / static_cast<double>(at_risk);
      greenwood +=
          pt.deaths == at_risk
              ? INFINITY
              : static_cast<double>(pt.deaths) /
                    (static_cast<double>(at_risk) * static_cast<double>(at_risk - pt.deaths));
    }
    pt.survival = s;
    pt.ci = loglog_interval(s, greenwood, z);
    if (!out.median_days && s <= 0.5) out.median_days = pt.days;
    at_risk -= pt.deaths + pt.censored;
    out.deaths += pt.deaths;
    out.censored += pt.censored;
    out.curve.push_back(pt);
  }
  for (double d : options.at_days) {
    SurvivalAt at;
    at.days = d;
    if (!out.curve.empty() && d <= out.curve.back().days) {
      at.survival = 1.0;
      // The last step at or before d (S is right-continuous).
      auto it = std::upper_bound(out.curve.begin(), out.curve.end(), d,
                                 [](double x, const SurvivalPoint& p) { return x < p.days; });
      if (it != out.curve.begin()) {
        at.survival = std::prev(it)->survival;
        at.ci = std::prev(it)->ci;
      }
    }
    out.at.push_back(at);
  }
  return out;
}

SurvivalResult compute_survival(const Scope& scope, const ActivityModel& model,
                                const SurvivalOptions& options) {
  std::vector<std::vector<Lifetime>> per_group(scope.grouping.size());
  const Timestamp as_of = scope.window.to;
  for (CustomerIndex c = 0; c < scope.store->customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const Timestamp a = model.acquired_at(c);
    if (!(a < as_of)) continue;
    const Timestamp end = model.activity_end_after_acquisition(c);
    Lifetime l;
    l.death = end < as_of;
    l.seconds = (l.death ? end : as_of) - a;
    per_group[scope.grouping.group_of[c]].push_back(l);
  }
  SurvivalResult result;
  for (std::size_t g = 0; g < per_group.size(); ++g) {
    result.groups.push_back(kaplan_meier(std::move(per_group[g]), options, scope.z));
    result.groups.back().group = scope.grouping.labels[g];
  }
  return result;
}

}  // namespace clm
