// clm/revenue.h — net revenue, AOV, ARPU, repeat purchase rate and revenue
// retention (NRR, GRR) per group, over the window and per period
// (docs/metrics.md, "Revenue, CAC and CLV").
//
// Net revenue of a set of events = Σ purchase amounts − Σ refund amounts.
// Revenue is counted at the event's time and goes to its customer's group
// (scope.grouping), whether or not the customer is acquired. compute_revenue()
// fills a RevenueCell per (group, period) and per group over the window in one
// pass over the store; revenue_result() turns a cell into rates whose
// undefined values are nullopt.
#pragma once

#include <cstdint>
#include <optional>

#include "clm/activity.h"
#include "clm/grouping.h"
#include "clm/money.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct RevenueOptions {};  // no settings: the intervals use Scope::z

// Exact sums and counts of one (group, period) cell or of a group's window.
struct RevenueCell {
  Money purchase_amount = 0;        // Σ purchase amounts with time in the cell
  std::int64_t purchase_count = 0;  // purchase events with time in the cell
  Money refund_amount = 0;          // Σ refund amounts with time in the cell (>= 0)
  std::int64_t refund_count = 0;
  // Customers active during the cell's span (activity model; the ARPU denominator).
  std::int64_t active_customers = 0;
  // Customers with >= 1 and >= 2 purchases before the cell's end (as-of).
  std::int64_t buyers = 0;
  std::int64_t repeat_buyers = 0;
  // Revenue retention: over the customers with net revenue > 0 in the
  // previous period, their net revenue then (base), now (current), and now
  // capped per customer at then (capped). The window cell pools its periods.
  Money retention_base = 0;
  Money retention_current = 0;
  Money retention_capped = 0;
  std::int64_t retention_customers = 0;  // customers in the base

  Money net_revenue() const { return purchase_amount - refund_amount; }
};

struct RevenueResult {
  Money net_revenue = 0;  // purchases − refunds
  Money purchase_amount = 0;
  std::int64_t purchase_count = 0;
  Money refund_amount = 0;
  std::int64_t refund_count = 0;
  std::int64_t active_customers = 0;
  // purchase amount / purchases (rounded to a millionth); nullopt with no purchase.
  std::optional<Money> aov;
  // net revenue / customers active during the span; nullopt with none active.
  std::optional<Money> arpu;
  // customers with >= 2 purchases / customers with >= 1, as of the span's end.
  Proportion repeat_purchase;
  std::int64_t retention_customers = 0;
  Money retention_base = 0;
  // NRR = current / base, GRR = capped / base (GRR <= 1); nullopt when base is 0.
  std::optional<double> nrr;
  std::optional<double> grr;
};
RevenueResult revenue_result(const RevenueCell& cell, double z = kZ95);

// Revenue of every group over scope.window and per period of scope.periods.
// `activity` (built over the same store up to scope.window.to) decides who is
// active during each span. The previous period of the first period is the
// whole calendar period before it (events before the window count as look-back).
// InvalidArgument when `activity` was built for another store or as-of time.
Result<Breakdown<RevenueCell>> compute_revenue(const Scope& scope, const ActivityModel& activity,
                                               const RevenueOptions& options = {});

// Divides exact money by a count, rounding half away from zero to a millionth;
// nullopt when n == 0.
std::optional<Money> money_per(Money total, std::int64_t n);

}  // namespace clm
