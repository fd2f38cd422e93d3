// clm/period.h — report windows and calendar period series.
//
// Every metric that reports "over the window and per period" uses these: a
// Window [from, to) and the PeriodSeries of calendar periods that intersect
// it, clipped to it (docs/metrics.md, "Periods of a report").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/status.h"
#include "clm/time.h"

namespace clm {

class EventStore;

// A calendar period, cut in the report's time zone. The predictive models
// measure time in fixed lengths instead (TimeUnit, clm/clv_summary.h).
enum class PeriodUnit { kDay, kWeek, kMonth, kQuarter, kYear };

// "day", "week", "month", "quarter", "year".
std::string_view period_unit_name(PeriodUnit u);
Result<PeriodUnit> parse_period_unit(std::string_view name);

// The report window [from, to); `to` is the as-of time.
struct Window {
  Timestamp from = 0;
  Timestamp to = 0;
  bool contains(Timestamp t) const { return from <= t && t < to; }
};

// The default window of a store: from the midnight (in cal.tz) starting the
// day of the earliest event to the first midnight strictly after the latest
// event. nullopt when the store has no events.
std::optional<Window> default_window(const EventStore& store, const Calendar& cal);

// The window with explicit bounds applied: `from`/`to` replace the default's
// ends when given. InvalidArgument when from >= to, or when an end is missing
// and the store has no events to default it from.
Result<Window> resolve_window(const EventStore& store, const Calendar& cal,
                              std::optional<Timestamp> from, std::optional<Timestamp> to);

// Start of the calendar period holding t (local midnight, week start, first of
// month/quarter/year, in cal.tz).
Timestamp period_floor(Timestamp t, PeriodUnit unit, const Calendar& cal);
// Start of the period n periods after the one starting at `start` (n may be negative).
Timestamp period_advance(Timestamp start, PeriodUnit unit, int n, const Calendar& cal);
// Label of the calendar period holding t: "2024-03-05" (day, and week = its
// first day), "2024-03" (month), "2024-Q1" (quarter), "2024" (year).
std::string period_label(Timestamp t, PeriodUnit unit, const Calendar& cal);

struct Period {
  Timestamp start;           // clipped to the window
  Timestamp end;             // clipped to the window
  Timestamp calendar_start;  // the whole calendar period
  Timestamp calendar_end;
  bool partial;              // clipped: the calendar period is not wholly inside the window
  std::string label;
};

// The calendar periods intersecting a window, in time order.
class PeriodSeries {
 public:
  PeriodSeries() = default;
  PeriodSeries(const Window& w, PeriodUnit unit, const Calendar& cal);

  const Window& window() const { return window_; }
  PeriodUnit unit() const { return unit_; }
  std::size_t size() const { return periods_.size(); }
  const Period& operator[](std::size_t i) const { return periods_[i]; }
  const std::vector<Period>& periods() const { return periods_; }
  auto begin() const { return periods_.begin(); }
  auto end() const { return periods_.end(); }
  // Index of the period holding t, or nullopt when t is outside the window. O(log n).
  std::optional<std::size_t> index_of(Timestamp t) const;

 private:
  Window window_;
  PeriodUnit unit_ = PeriodUnit::kMonth;
  std::vector<Period> periods_;
};

}  // namespace clm
