// Historical CLV (per customer, mean per group), formula CLV (per group) and
// CLV:CAC (per channel).
#include "clm/clv.h"

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "clm/churn.h"
#include "clm/event.h"
#include "clm/revenue.h"
#include "value/channel_positions.h"

namespace clm {
namespace {

constexpr TypeCode kPurchase = code(EventType::kPurchase);
constexpr TypeCode kRefund = code(EventType::kRefund);

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

// q rounded half away from zero to an integer; nullopt beyond ±INT64_MAX.
std::optional<Money> round_money(const Rational& q) {
  const BigInt& num = boost::multiprecision::numerator(q);
  const BigInt& den = boost::multiprecision::denominator(q);  // > 0
  BigInt whole = num / den;                                   // truncates toward zero
  const BigInt rest = boost::multiprecision::abs(num - whole * den);
  if (2 * rest >= den) whole += num < 0 ? -1 : 1;
  if (boost::multiprecision::abs(whole) > INT64_MAX) return std::nullopt;
  return static_cast<Money>(whole);
}

__extension__ using Int128 = __int128;

Int128 abs128(Int128 v) {
  return v < 0 ? -v : v;
}

// num / den (den != 0) as the double nearest the exact quotient: exact
// integers are divided once, so 36 / 10 gives the same double as 3.6.
double exact_quotient(Int128 num, Int128 den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 a = abs128(num), b = den;
  while (b != 0) {  // gcd, so that small fractions reduce to operands a double holds exactly
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    num /= a;
    den /= a;
  }
  constexpr Int128 kExactInDouble = Int128{1} << 53;
  if (abs128(num) <= kExactInDouble && den <= kExactInDouble) {
    return static_cast<double>(num) / static_cast<double>(den);  // one IEEE rounding
  }
  // Larger operands: the whole part is exact up to 2^53, the fraction adds a
  // relative error below 2^-52.
  const Int128 q = num / den;
  const Int128 r = num % den;
  return static_cast<double>(q) + static_cast<double>(r) / static_cast<double>(den);
}

Status check_margin(double m) {
  if (!(m >= 0.0 && m <= 1.0)) {
    return Status::InvalidArgument("margin must be a fraction in [0, 1], e.g. 0.6");
  }
  return Status::Ok();
}

}  // namespace

Result<HistoricalClv> compute_historical_clv(const Scope& scope) {
  if (Status s = check_margin(scope.margin); !s.ok()) return s;
  const EventStore& store = *scope.store;
  const std::size_t n = store.customer_count();
  const Timestamp to = scope.window.to;
  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();

  HistoricalClv h;
  h.clv.assign(n, 0);
  h.net_revenue.assign(n, 0);
  h.covered.assign(n, 0);
  h.groups.assign(scope.grouping.size(), GroupClv{});
  for (CustomerIndex c = 0; c < n; ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const Timestamp a = scope.acquisition.acquired_at[c];
    if (!(a < to))
      continue;  // prospects (kNever) and customers acquired at or after the as-of time
    Money net = 0;
    const EventRange r = store.events_of(c);
    for (std::size_t i = r.begin; i < r.end && times[i] < to; ++i) {
      if (times[i] < a) continue;
      if (types[i] == kPurchase) net += amounts[i];
      if (types[i] == kRefund) net -= amounts[i];
    }
    h.covered[c] = 1;
    h.net_revenue[c] = net;
    h.clv[c] = scale_money(net, scope.margin);
    GroupClv& g = h.groups[scope.grouping.group_of[c]];
    ++g.customers;
    g.total += h.clv[c];
  }
  for (GroupClv& g : h.groups) g.mean = money_per(g.total, g.customers);
  return h;
}

Result<std::vector<FormulaClv>> compute_formula_clv(const Scope& scope,
                                                    const ActivityModel& activity) {
  if (Status s = check_margin(scope.margin); !s.ok()) return s;
  const EventStore& store = *scope.store;
  if (&activity.store() != &store || activity.as_of() != scope.window.to) {
    return Status::InvalidArgument(
        "formula CLV: the activity model was built for another store or as-of time");
  }
  // The calendar months entirely inside the window are contiguous (only the
  // first and last month of the window can be clipped); over them as a
  // window of their own, churn is the lifecycle's per-period churn, pooled.
  const PeriodSeries all_months(scope.window, PeriodUnit::kMonth, scope.calendar);
  std::optional<Window> complete;
  for (const Period& p : all_months) {
    if (p.partial) continue;
    if (!complete) complete = Window{p.start, p.end};
    complete->to = p.end;
  }
  const std::size_t ng = scope.grouping.size();
  std::vector<FormulaClv> result(ng);
  if (!complete) return result;

  Scope monthly = scope;
  monthly.window = *complete;
  monthly.periods = PeriodSeries(*complete, PeriodUnit::kMonth, scope.calendar);
  const std::size_t months = monthly.periods.size();
  const ChurnResult churn = compute_churn(monthly, activity);

  // Net revenue and customers active during each month, per group.
  std::vector<Money> net(ng * months, 0);
  std::vector<std::int64_t> active(ng * (months + 1), 0);  // difference array per group
  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  std::vector<IndexRun> runs;
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const std::size_t g = scope.grouping.group_of[c];
    const EventRange r = store.events_of(c);
    std::size_t j = 0;
    for (std::size_t i = r.begin; i < r.end && times[i] < complete->to; ++i) {
      if (times[i] < complete->from || (types[i] != kPurchase && types[i] != kRefund)) continue;
      while (monthly.periods[j].end <= times[i]) ++j;
      net[g * months + j] += types[i] == kPurchase ? amounts[i] : -amounts[i];
    }
    if (activity.acquired_at(c) == kNever) continue;
    runs.clear();
    activity.active_period_runs(c, monthly.periods, runs);
    for (const IndexRun& run : runs) {
      ++active[g * (months + 1) + run.first];
      --active[g * (months + 1) + run.last + 1];
    }
  }

  for (std::size_t g = 0; g < ng; ++g) {
    FormulaClv& f = result[g];
    f.months = static_cast<int>(months);
    f.churn = churn.groups[g].window.churn;
    // Exact rationals: the monthly ARPUs have unrelated denominators, and
    // their mean and the CLV are rounded once, at the end.
    Rational arpu_sum = 0;  // millionths
    std::int64_t count = 0;
    for (std::size_t j = 0; j < months; ++j) {
      count += active[g * (months + 1) + j];
      if (count == 0) continue;  // undefined ARPU: left out of the mean
      arpu_sum += Rational(net[g * months + j], count);
      ++f.arpu_months;
    }
    if (f.arpu_months == 0) continue;
    const Rational mean_arpu = arpu_sum / f.arpu_months;
    f.mean_arpu = round_money(mean_arpu);  // |mean| <= max |net|, always in range
    if (f.churn.count > 0) {
      // m × mean ARPU / (churned / base), with m as the decimal it was written as.
      const DecimalFraction m = decimal_fraction(scope.margin);
      const BigInt num = BigInt(m.numerator) * f.churn.denominator;
      const BigInt den =
          boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(m.decimals)) * f.churn.count;
      const Rational clv = mean_arpu * Rational(num, den);
      f.clv = round_money(clv);
      if (!f.clv) {
        return Status::DataError(fmt::format(
            "formula CLV of group '{}' is beyond the exact money range (±9223372036854.775807): "
            "mean monthly ARPU {} with monthly churn {}/{}",
            scope.grouping.is_absent(g) ? std::string(kAbsentLabel)
                                        : label_text(scope.grouping.labels[g]),
            format_money(*f.mean_arpu, 6), f.churn.count, f.churn.denominator));
      }
    }
  }
  return result;
}

Result<std::vector<ChannelClvCac>> compute_clv_cac(const Scope& scope, const CacResult& cac,
                                                   std::span<const Money> clv) {
  const EventStore& store = *scope.store;
  if (clv.size() != store.customer_count()) {
    return Status::InvalidArgument("CLV:CAC: the CLV vector does not have one value per customer");
  }
  const std::size_t nc = cac.channels.size();
  const detail::ChannelPositions position(store, cac);
  std::vector<Money> total(nc, 0);
  std::vector<std::int64_t> customers(nc, 0);
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.window.contains(scope.acquisition.acquired_at[c])) continue;
    const std::size_t k = position.of(scope.acquisition.channel[c]);
    if (k == nc) continue;
    total[k] += clv[c];
    ++customers[k];
  }
  std::vector<ChannelClvCac> result(nc);
  for (std::size_t k = 0; k < nc; ++k) {
    ChannelClvCac& r = result[k];
    r.channel = cac.channels[k];
    r.no_channel = cac.no_channel == k;
    r.new_customers = customers[k];
    r.mean_clv = money_per(total[k], customers[k]);
    const ChannelCost& cost = cac.window.channels[k];
    r.cac = cost.cac;
    // mean CLV / CAC = (total / customers) / (spend / new customers), from the
    // exact sums and counts: neither quotient is rounded to a millionth first.
    if (customers[k] > 0 && cost.new_customers > 0 && cost.spend != 0) {
      const Int128 num = Int128{total[k]} * cost.new_customers;
      const Int128 den = Int128{customers[k]} * cost.spend;
      r.ratio = exact_quotient(num, den);
      // ratio >= benchmark, compared exactly (num / den >= 3 with den of either sign).
      const Int128 bench = static_cast<Int128>(kClvCacBenchmark);
      r.meets_benchmark = den > 0 ? num >= bench * den : num <= bench * den;
    }
  }
  return result;
}

}  // namespace clm
