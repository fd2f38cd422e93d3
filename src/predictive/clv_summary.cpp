// The calibration summary: one pass over each customer's time-sorted events.
#include "clm/clv_summary.h"

#include <algorithm>
#include <string>

namespace clm {
double unit_days(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return 1.0;
    case TimeUnit::kWeek:
      return 7.0;
    case TimeUnit::kMonth:
      return 365.25 / 12.0;
  }
  return 1.0;
}

std::string_view time_unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return "day";
    case TimeUnit::kWeek:
      return "week";
    case TimeUnit::kMonth:
      return "month";
  }
  return "day";
}

std::optional<TimeUnit> parse_time_unit(std::string_view name) {
  if (name == "day") return TimeUnit::kDay;
  if (name == "week") return TimeUnit::kWeek;
  if (name == "month") return TimeUnit::kMonth;
  return std::nullopt;
}

Result<CivilDate> parse_date(std::string_view text, std::string_view option, const TimeZone& tz) {
  const std::string s(text);
  const std::string name(option);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return Status::InvalidArgument(name + ": expected a date YYYY-MM-DD, got '" + s + "'");
  }
  auto start = parse_timestamp(s, tz);
  if (!start.ok()) return Status::InvalidArgument(name + ": " + start.status().message());
  const int y = std::stoi(s.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  const auto d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  return CivilDate{y, m, d};
}

Result<CivilDate> latest_event_day(const EventStore& store, const TimeZone& tz) {
  if (store.event_count() == 0) return Status::DataError("no events");
  const std::int64_t local = tz.to_local(store.max_event_time());
  return civil_from_days(floor_div(local, kSecondsPerDay));
}

Result<PurchaseSummary> summarize_purchases(const EventStore& store,
                                            const SummaryOptions& options) {
  PurchaseSummary out;
  out.unit = options.unit;
  out.calibration_end_day = days_from_civil(options.calibration_end);
  std::int64_t last_day = out.calibration_end_day;
  if (options.holdout_end) {
    const std::int64_t h = days_from_civil(*options.holdout_end);
    if (h <= out.calibration_end_day) {
      return Status::InvalidArgument("the holdout end must be after the calibration end");
    }
    out.holdout_end_day = h;
    last_day = h;
  }
  const double per_unit = 1.0 / unit_days(options.unit);
  out.holdout_length = static_cast<double>(last_day - out.calibration_end_day) * per_unit;

  const TimeZone& tz = options.calendar.tz;
  const bool utc = tz.is_utc();
  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  const TypeCode purchase = code(EventType::kPurchase);

  // One pass per customer; the day histograms need the cohort's origin
  // (earliest first purchase), so the days are kept and binned afterwards.
  std::vector<std::int64_t> first_days, repeat_days;
  out.rows.reserve(store.customer_count());
  std::int64_t origin = last_day + 1;
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    const EventRange range = store.events_of(c);
    std::int64_t first_day = 0, prev_day = 0, last_cal_day = 0;
    bool any = false;
    std::int32_t days_in_cal = 0, days_in_holdout = 0;
    Money repeat_value = 0;
    for (std::size_t e = range.begin; e < range.end; ++e) {
      if (types[e] != purchase) continue;
      const Timestamp local = utc ? times[e] : tz.to_local(times[e]);
      const std::int64_t day = floor_div(local, kSecondsPerDay);
      if (day > last_day) break;
      if (!any) {
        if (day > out.calibration_end_day) break;  // not in the calibration cohort
        any = true;
        first_day = prev_day = last_cal_day = day;
        days_in_cal = 1;
        continue;
      }
      // Events are time-sorted, so a later local day can only be a new one.
      if (day > prev_day) {
        prev_day = day;
        repeat_days.push_back(day);
        if (day <= out.calibration_end_day) {
          ++days_in_cal;
          last_cal_day = day;
        } else {
          ++days_in_holdout;
        }
      }
      if (day <= out.calibration_end_day && day != first_day) repeat_value += amounts[e];
    }
    if (!any) continue;
    PurchaseRow row;
    row.customer = c;
    row.x = days_in_cal - 1;
    row.t_x = static_cast<double>(last_cal_day - first_day) * per_unit;
    row.T = static_cast<double>(out.calibration_end_day - first_day) * per_unit;
    row.monetary = row.x > 0 ? money_to_double(repeat_value) / row.x : 0.0;
    row.holdout_x = days_in_holdout;
    out.rows.push_back(row);
    first_days.push_back(first_day);
    origin = std::min(origin, first_day);
  }
  if (out.rows.empty()) {
    return Status::DataError("no customer made a purchase by the calibration end");
  }
  out.origin_day = origin;
  const auto span = static_cast<std::size_t>(last_day - origin + 1);
  out.first_purchases_per_day.assign(span, 0);
  out.repeats_per_day.assign(span, 0);
  for (std::int64_t d : first_days)
    ++out.first_purchases_per_day[static_cast<std::size_t>(d - origin)];
  for (std::int64_t d : repeat_days) ++out.repeats_per_day[static_cast<std::size_t>(d - origin)];
  return out;
}

}  // namespace clm
