// CAC payback per monthly cohort (and per channel within it): cohorts are the
// calendar months of the window whatever the report's period, and revenue
// counts from each customer's acquisition.
#include <algorithm>
#include <string>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/event.h"
#include "value/channel_positions.h"

namespace clm {
namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned month_length(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

Status check_margin(double m) {
  if (!(m >= 0.0 && m <= 1.0)) {
    return Status::InvalidArgument("margin must be a fraction in [0, 1], e.g. 0.6");
  }
  return Status::Ok();
}

// Net revenue per month since one cohort's calendar start, for the cohort
// and for each of its channels.
struct CohortMonths {
  std::vector<Timestamp> bounds;  // start of month k, for k = 0..months (last >= to)
  std::vector<Money> all;         // [month]
  std::vector<Money> by_channel;  // [channel × months + month]
};

}  // namespace

Timestamp add_calendar_months(Timestamp start, int k, const Calendar& cal) {
  const std::int64_t local = cal.tz.to_local(start);
  const std::int64_t day = floor_div(local, kSecondsPerDay);
  const std::int64_t second_of_day = local - day * kSecondsPerDay;
  CivilDate d = civil_from_days(day);
  const std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + k;
  const int year = static_cast<int>(floor_div(total, 12));
  const unsigned month = static_cast<unsigned>(total - floor_div(total, 12) * 12 + 1);
  const unsigned dom = std::min(d.day, month_length(year, month));
  const std::int64_t new_day = days_from_civil(CivilDate{year, month, dom});
  return cal.tz.from_local(new_day * kSecondsPerDay + second_of_day);
}

Result<PaybackResult> compute_payback(const Scope& scope) {
  if (Status s = check_margin(scope.margin); !s.ok()) return s;
  const EventStore& store = *scope.store;
  const Timestamp to = scope.window.to;

  PaybackResult result;
  result.cohorts = PeriodSeries(scope.window, PeriodUnit::kMonth, scope.calendar);
  const PeriodSeries& cohort_months = result.cohorts;
  // New customers and spend per monthly cohort: the CAC figures of the same
  // scope cut into calendar months instead of the report's periods.
  Scope monthly = scope;
  monthly.periods = cohort_months;
  const CacResult cac = compute_cac(monthly);
  const std::size_t nc = cac.channels.size();
  const std::size_t cohorts = cohort_months.size();

  // Month boundaries of every cohort, from its calendar start to past `to`.
  std::vector<CohortMonths> months(cohorts);
  for (std::size_t i = 0; i < cohorts; ++i) {
    CohortMonths& cm = months[i];
    const Timestamp start = cohort_months[i].calendar_start;
    cm.bounds.push_back(start);
    for (int k = 1; cm.bounds.back() < to; ++k) {
      cm.bounds.push_back(add_calendar_months(start, k, scope.calendar));
    }
    const std::size_t n = cm.bounds.size() - 1;
    cm.all.assign(n, 0);
    cm.by_channel.assign(nc * n, 0);
  }

  const detail::ChannelPositions position(store, cac);

  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  constexpr TypeCode kPurchase = code(EventType::kPurchase);
  constexpr TypeCode kRefund = code(EventType::kRefund);
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    const Timestamp acquired = scope.acquisition.acquired_at[c];
    const auto cohort = cohort_months.index_of(acquired);
    if (!cohort) continue;
    // a(c) is inside the window, so max(a(c), from) is a(c): revenue before
    // the acquisition (and so before the window) never pays back the spend.
    CohortMonths& cm = months[*cohort];
    const std::size_t k = position.of(scope.acquisition.channel[c]);
    const std::size_t n = cm.all.size();
    const EventRange r = store.events_of(c);
    std::size_t month = 0;
    for (std::size_t i = r.begin; i < r.end && times[i] < to; ++i) {
      if (times[i] < acquired || (types[i] != kPurchase && types[i] != kRefund)) continue;
      while (cm.bounds[month + 1] <= times[i]) ++month;
      const Money net = types[i] == kPurchase ? amounts[i] : -amounts[i];
      cm.all[month] += net;
      if (k < nc) cm.by_channel[k * n + month] += net;
    }
  }

  const double m = scope.margin;
  auto finish = [&](Payback& row, const Money* net, std::size_t n) {
    row.months_observed = static_cast<int>(n);
    Money cumulative = 0;
    for (std::size_t k = 0; k < n; ++k) {
      cumulative += net[k];
      if (row.spend > 0 && !row.months && scale_money(cumulative, m) >= row.spend) {
        row.months = static_cast<int>(k + 1);
      }
    }
    row.margin_revenue = scale_money(cumulative, m);
  };

  for (std::size_t i = 0; i < cohorts; ++i) {
    const CostSpan& span = cac.periods[i];
    const CohortMonths& cm = months[i];
    const std::size_t n = cm.all.size();
    if (span.new_customers == 0 && span.spend == 0) continue;
    Payback all;
    all.cohort = i;
    all.new_customers = span.new_customers;
    all.spend = span.spend;
    finish(all, cm.all.data(), n);
    result.rows.push_back(std::move(all));
    for (std::size_t k = 0; k < nc; ++k) {
      const ChannelCost& cost = span.channels[k];
      if (cost.new_customers == 0 && cost.spend == 0) continue;
      Payback row;
      row.cohort = i;
      row.channel = cac.channels[k];
      row.no_channel = cac.no_channel == k;
      row.new_customers = cost.new_customers;
      row.spend = cost.spend;
      finish(row, cm.by_channel.data() + k * n, n);
      result.rows.push_back(std::move(row));
    }
  }
  return result;
}

}  // namespace clm
