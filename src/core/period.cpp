// Calendar periods cut in a time zone, and the clipped series of a window.
#include "clm/period.h"

#include <fmt/format.h>

#include <algorithm>

#include "clm/event_store.h"

namespace clm {
namespace {

// Local civil day (days since 1970-01-01) holding instant t.
std::int64_t local_day(Timestamp t, const Calendar& cal) {
  return floor_div(cal.tz.to_local(t), kSecondsPerDay);
}

Timestamp local_midnight(std::int64_t day, const Calendar& cal) {
  return cal.tz.from_local(day * kSecondsPerDay);
}

// First day of the period holding civil day `day`.
std::int64_t period_first_day(std::int64_t day, PeriodUnit unit, const Calendar& cal) {
  switch (unit) {
    case PeriodUnit::kDay: return day;
    case PeriodUnit::kWeek: {
      const std::int64_t weekday = floor_div(day + 4, 7) * -7 + day + 4;  // 0 = Sunday
      const std::int64_t back = (weekday - static_cast<std::int64_t>(cal.week_start) + 7) % 7;
      return day - back;
    }
    case PeriodUnit::kMonth:
    case PeriodUnit::kQuarter:
    case PeriodUnit::kYear: {
      CivilDate d = civil_from_days(day);
      d.day = 1;
      if (unit == PeriodUnit::kQuarter) d.month = (d.month - 1) / 3 * 3 + 1;
      if (unit == PeriodUnit::kYear) d.month = 1;
      return days_from_civil(d);
    }
  }
  return day;
}

std::int64_t advance_day(std::int64_t day, PeriodUnit unit, int n) {
  switch (unit) {
    case PeriodUnit::kDay: return day + n;
    case PeriodUnit::kWeek: return day + 7 * static_cast<std::int64_t>(n);
    case PeriodUnit::kMonth:
    case PeriodUnit::kQuarter:
    case PeriodUnit::kYear: {
      const int months = unit == PeriodUnit::kMonth ? n : unit == PeriodUnit::kQuarter ? 3 * n : 12 * n;
      CivilDate d = civil_from_days(day);
      const std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
      d.year = static_cast<int>(floor_div(total, 12));
      d.month = static_cast<unsigned>(total - floor_div(total, 12) * 12 + 1);
      d.day = 1;
      return days_from_civil(d);
    }
  }
  return day;
}

}  // namespace

std::string_view period_unit_name(PeriodUnit u) {
  switch (u) {
    case PeriodUnit::kDay: return "day";
    case PeriodUnit::kWeek: return "week";
    case PeriodUnit::kMonth: return "month";
    case PeriodUnit::kQuarter: return "quarter";
    case PeriodUnit::kYear: return "year";
  }
  return "month";
}

Result<PeriodUnit> parse_period_unit(std::string_view name) {
  for (PeriodUnit u : {PeriodUnit::kDay, PeriodUnit::kWeek, PeriodUnit::kMonth, PeriodUnit::kQuarter,
                       PeriodUnit::kYear}) {
    if (period_unit_name(u) == name) return u;
  }
  return Status::InvalidArgument(
      fmt::format("unknown period '{}' (use day, week, month, quarter or year)", name));
}

Timestamp period_floor(Timestamp t, PeriodUnit unit, const Calendar& cal) {
  return local_midnight(period_first_day(local_day(t, cal), unit, cal), cal);
}

Timestamp period_advance(Timestamp start, PeriodUnit unit, int n, const Calendar& cal) {
  const std::int64_t first = period_first_day(local_day(start, cal), unit, cal);
  return local_midnight(advance_day(first, unit, n), cal);
}

std::string period_label(Timestamp t, PeriodUnit unit, const Calendar& cal) {
  const std::int64_t first = period_first_day(local_day(t, cal), unit, cal);
  const CivilDate d = civil_from_days(first);
  switch (unit) {
    case PeriodUnit::kDay:
    case PeriodUnit::kWeek: return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    case PeriodUnit::kMonth: return fmt::format("{:04}-{:02}", d.year, d.month);
    case PeriodUnit::kQuarter: return fmt::format("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1);
    case PeriodUnit::kYear: return fmt::format("{:04}", d.year);
  }
  return {};
}

std::optional<Window> default_window(const EventStore& store, const Calendar& cal) {
  if (store.event_count() == 0) return std::nullopt;
  const Timestamp from = period_floor(store.min_event_time(), PeriodUnit::kDay, cal);
  const Timestamp to = period_advance(store.max_event_time(), PeriodUnit::kDay, 1, cal);
  return Window{from, to};
}

Result<Window> resolve_window(const EventStore& store, const Calendar& cal,
                              std::optional<Timestamp> from, std::optional<Timestamp> to) {
  const std::optional<Window> def = default_window(store, cal);
  if ((!from || !to) && !def) {
    return Status::InvalidArgument("the events table is empty: give both --from and --to");
  }
  Window w{from ? *from : def->from, to ? *to : def->to};
  if (w.from >= w.to) {
    return Status::InvalidArgument(fmt::format("empty window: from {} is not before to {}",
                                               format_timestamp(w.from, cal.tz),
                                               format_timestamp(w.to, cal.tz)));
  }
  return w;
}

PeriodSeries::PeriodSeries(const Window& w, PeriodUnit unit, const Calendar& cal) : window_(w), unit_(unit) {
  if (w.from >= w.to) return;
  Timestamp start = period_floor(w.from, unit, cal);
  while (start < w.to) {
    const Timestamp end = period_advance(start, unit, 1, cal);
    periods_.push_back(Period{std::max(start, w.from), std::min(end, w.to), start, end,
                              start < w.from || end > w.to, period_label(start, unit, cal)});
    start = end;
  }
}

std::optional<std::size_t> PeriodSeries::index_of(Timestamp t) const {
  if (!window_.contains(t) || periods_.empty()) return std::nullopt;
  auto it = std::upper_bound(periods_.begin(), periods_.end(), t,
                             [](Timestamp v, const Period& p) { return v < p.start; });
  return static_cast<std::size_t>(it - periods_.begin()) - 1;
}

}  // namespace clm
