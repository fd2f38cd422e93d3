// clm/clv.h — historical CLV, formula CLV and CLV:CAC (docs/metrics.md, "Revenue,
// CAC and CLV").
//
//   Historical CLV of c = m × net revenue in [a(c), to), for customers with a(c) < to.
//   Formula CLV         = m × mean monthly ARPU / pooled monthly churn, over
//                         the calendar months entirely inside the window.
//   CLV:CAC of a channel = mean CLV of its new customers in the window / its
//                         CAC in the window (benchmark 3:1).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activity.h"
#include "clm/money.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

// The common health benchmark of CLV:CAC: a customer should be worth 3× its cost.
inline constexpr double kClvCacBenchmark = 3.0;

// Mean historical CLV of one group.
struct GroupClv {
  std::int64_t customers = 0;  // customers with a(c) < to
  Money total = 0;             // Σ CLV
  std::optional<Money> mean;   // total / customers; nullopt with no customer
};

struct HistoricalClv {
  // Per CustomerIndex: m × net revenue in [a(c), to); 0 for customers not covered.
  std::vector<Money> clv;
  // Per CustomerIndex: net revenue in [a(c), to) before the margin.
  std::vector<Money> net_revenue;
  // Per CustomerIndex: 1 if a(c) < to (the customer is covered), else 0.
  std::vector<std::uint8_t> covered;
  std::vector<GroupClv> groups;  // per group of scope.grouping
};

// One pass over the store; m is scope.margin. InvalidArgument for a margin
// outside [0, 1].
Result<HistoricalClv> compute_historical_clv(const Scope& scope);

// Formula CLV of one group.
struct FormulaClv {
  int months = 0;  // complete calendar months inside the window
  // Months of those with at least one customer active during them (defined ARPU).
  int arpu_months = 0;
  // Unweighted mean of the monthly ARPUs (net revenue / customers active
  // during the month); nullopt when no month has a defined ARPU.
  std::optional<Money> mean_arpu;
  // Pooled monthly churn: Σ churned / Σ |S| over the months (S = active at
  // the month's start, churned = not active at its end), with the Wilson interval.
  Proportion churn;
  // m × mean_arpu / churn rate; nullopt when either is undefined or churn is 0.
  std::optional<Money> clv;
};

// Per group of scope.grouping. `activity` must be built over the same store
// up to scope.window.to; m is scope.margin. InvalidArgument for a margin
// outside [0, 1].
Result<std::vector<FormulaClv>> compute_formula_clv(const Scope& scope,
                                                    const ActivityModel& activity);

// CLV:CAC of one channel.
struct ChannelClvCac {
  std::string channel;
  bool no_channel = false;         // the customers without a channel (CacResult::no_channel)
  std::int64_t new_customers = 0;  // a(c) in the window and ch(c) = channel
  std::optional<Money> mean_clv;   // mean CLV of those; nullopt with none
  std::optional<Money> cac;        // the channel's CAC over the window
  // Exact mean CLV / exact CAC = (Σ CLV / new_customers) / (spend / the CAC's
  // new customers), from the integer sums and counts (128-bit), rounded once
  // to the nearest double: not the quotient of the rounded mean_clv and cac.
  // nullopt with no new customer or no spend (CAC undefined or 0).
  std::optional<double> ratio;
  // The exact ratio >= kClvCacBenchmark; nullopt when ratio is.
  std::optional<bool> meets_benchmark;
};

// Per channel of cac.channels. `clv` gives each customer's CLV by
// CustomerIndex (historical CLV, or any other per-customer estimate);
// its size must be the store's customer count (else InvalidArgument).
Result<std::vector<ChannelClvCac>> compute_clv_cac(const Scope& scope, const CacResult& cac,
                                                   std::span<const Money> clv);

}  // namespace clm
