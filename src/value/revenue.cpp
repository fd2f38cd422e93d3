// Net revenue, AOV, ARPU, repeat purchases and revenue retention: one walk
// over each customer's events (sorted by time) feeding the cells of its group.
#include "clm/revenue.h"

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

#include "clm/event.h"

namespace clm {

std::optional<Money> money_per(Money total, std::int64_t n) {
  if (n == 0) return std::nullopt;
  // Round half away from zero: compare twice the remainder with the divisor.
  Money q = total / n;
  const Money r = total % n;
  if (r != 0 && 2 * static_cast<unsigned long long>(std::llabs(r)) >=
                    static_cast<unsigned long long>(std::llabs(n))) {
    q += ((total < 0) != (n < 0)) ? -1 : 1;
  }
  return q;
}

RevenueResult revenue_result(const RevenueCell& cell, double z) {
  RevenueResult r;
  r.net_revenue = cell.net_revenue();
  r.purchase_amount = cell.purchase_amount;
  r.purchase_count = cell.purchase_count;
  r.refund_amount = cell.refund_amount;
  r.refund_count = cell.refund_count;
  r.active_customers = cell.active_customers;
  r.aov = money_per(cell.purchase_amount, cell.purchase_count);
  r.arpu = money_per(r.net_revenue, cell.active_customers);
  r.repeat_purchase = make_proportion(cell.repeat_buyers, cell.buyers, z);
  r.retention_customers = cell.retention_customers;
  r.retention_base = cell.retention_base;
  if (cell.retention_base != 0) {
    const double base = static_cast<double>(cell.retention_base);
    r.nrr = static_cast<double>(cell.retention_current) / base;
    r.grr = static_cast<double>(cell.retention_capped) / base;
  }
  return r;
}

namespace {

constexpr TypeCode kPurchase = code(EventType::kPurchase);
constexpr TypeCode kRefund = code(EventType::kRefund);

// Index of the first period whose end is after t (periods are contiguous and
// start at the window's start); 0 for t before the window.
std::size_t first_period_ending_after(const PeriodSeries& periods, Timestamp t) {
  auto it = std::upper_bound(periods.begin(), periods.end(), t,
                             [](Timestamp v, const Period& p) { return v < p.end; });
  return static_cast<std::size_t>(it - periods.begin());
}

}  // namespace

Result<Breakdown<RevenueCell>> compute_revenue(const Scope& scope, const ActivityModel& activity,
                                               const RevenueOptions& /*options*/) {
  const EventStore& store = *scope.store;
  if (&activity.store() != &store || activity.as_of() != scope.window.to) {
    return Status::InvalidArgument(
        "revenue: the activity model was built for another store or as-of time");
  }
  const PeriodSeries& periods = scope.periods;
  const std::size_t np = periods.size();
  const std::size_t ng = scope.grouping.size();
  const Timestamp from = scope.window.from;
  const Timestamp to = scope.window.to;
  Breakdown<RevenueCell> cells(ng, np);

  // Per-group difference arrays over periods: +1 at the first period a
  // customer counts in (buyers and repeat buyers stay counted afterwards).
  std::vector<std::int64_t> buyers_diff(ng * (np + 1), 0);
  std::vector<std::int64_t> repeat_diff(ng * (np + 1), 0);
  std::vector<std::int64_t> active_diff(ng * (np + 1), 0);

  // Retention slots: 0 = the calendar period before the first period, i + 1 = period i.
  const Timestamp lookback_from =
      np == 0 ? from
              : period_advance(periods[0].calendar_start, periods.unit(), -1, scope.calendar);
  const Timestamp lookback_to = np == 0 ? from : periods[0].calendar_start;

  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  std::vector<std::pair<std::size_t, Money>> net_by_slot;  // sparse, increasing slot
  std::vector<IndexRun> runs;

  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const std::size_t g = scope.grouping.group_of[c];
    const EventRange r = store.events_of(c);
    Timestamp first_purchase = kNever, second_purchase = kNever;
    net_by_slot.clear();
    std::size_t cursor = 0;  // period index, advances with time
    for (std::size_t i = r.begin; i < r.end && times[i] < to; ++i) {
      const TypeCode type = types[i];
      if (type != kPurchase && type != kRefund) continue;
      const Timestamp t = times[i];
      const Money signed_amount = type == kPurchase ? amounts[i] : -amounts[i];
      if (type == kPurchase) {
        if (first_purchase == kNever) {
          first_purchase = t;
        } else if (second_purchase == kNever) {
          second_purchase = t;
        }
      }
      std::size_t slot = 0;
      if (t >= from) {
        while (periods[cursor].end <= t) ++cursor;
        slot = cursor + 1;
        RevenueCell& w = cells.window(g);
        RevenueCell& p = cells.at(g, cursor);
        if (type == kPurchase) {
          w.purchase_amount += amounts[i];
          p.purchase_amount += amounts[i];
          ++w.purchase_count;
          ++p.purchase_count;
        } else {
          w.refund_amount += amounts[i];
          p.refund_amount += amounts[i];
          ++w.refund_count;
          ++p.refund_count;
        }
      } else if (t < lookback_from || t >= lookback_to) {
        continue;  // before the look-back period, or between it and a clipped start
      }
      if (!net_by_slot.empty() && net_by_slot.back().first == slot) {
        net_by_slot.back().second += signed_amount;
      } else {
        net_by_slot.emplace_back(slot, signed_amount);
      }
    }

    // Revenue retention of period i (slot i + 1) over the customers with
    // net revenue > 0 in slot i.
    for (std::size_t k = 0; k < net_by_slot.size(); ++k) {
      const auto [slot, before] = net_by_slot[k];
      if (before <= 0 || slot >= np) continue;  // slot np is the last period: nothing follows
      const bool next = k + 1 < net_by_slot.size() && net_by_slot[k + 1].first == slot + 1;
      const Money now = next ? net_by_slot[k + 1].second : 0;
      RevenueCell& p = cells.at(g, slot);  // the period of slot + 1
      p.retention_base += before;
      p.retention_current += now;
      p.retention_capped += std::min(now, before);
      ++p.retention_customers;
    }

    // Buyers as of each period's end, and of the window's.
    std::int64_t* bd = &buyers_diff[g * (np + 1)];
    std::int64_t* rd = &repeat_diff[g * (np + 1)];
    if (first_purchase != kNever) {
      ++bd[first_period_ending_after(periods, first_purchase)];
      ++cells.window(g).buyers;
    }
    if (second_purchase != kNever) {
      ++rd[first_period_ending_after(periods, second_purchase)];
      ++cells.window(g).repeat_buyers;
    }

    // Active customers per period (runs) and over the window.
    if (activity.acquired_at(c) == kNever) continue;
    runs.clear();
    activity.active_period_runs(c, periods, runs);
    std::int64_t* ad = &active_diff[g * (np + 1)];
    for (const IndexRun& run : runs) {
      ++ad[run.first];
      --ad[run.last + 1];
    }
    if (activity.active_during(c, from, to)) ++cells.window(g).active_customers;
  }

  for (std::size_t g = 0; g < ng; ++g) {
    std::int64_t buyers = 0, repeat = 0, active = 0;
    RevenueCell& w = cells.window(g);
    for (std::size_t p = 0; p < np; ++p) {
      buyers += buyers_diff[g * (np + 1) + p];
      repeat += repeat_diff[g * (np + 1) + p];
      active += active_diff[g * (np + 1) + p];
      RevenueCell& cell = cells.at(g, p);
      cell.buyers = buyers;
      cell.repeat_buyers = repeat;
      cell.active_customers = active;
      w.retention_base += cell.retention_base;
      w.retention_current += cell.retention_current;
      w.retention_capped += cell.retention_capped;
      w.retention_customers += cell.retention_customers;
    }
  }
  return cells;
}

}  // namespace clm
