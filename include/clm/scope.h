// clm/scope.h — what every metric is computed over: a window, its period
// series, the calendar, each customer's acquisition, and the customer groups.
#pragma once

#include <optional>

#include "clm/acquisition.h"
#include "clm/event_store.h"
#include "clm/grouping.h"
#include "clm/period.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

struct ScopeOptions {
  Calendar calendar;                  // time zone (UTC) and week start (Monday)
  std::optional<Timestamp> from;      // default: midnight starting the earliest event's day
  std::optional<Timestamp> to;        // default: first midnight after the latest event (as-of)
  PeriodUnit period = PeriodUnit::kMonth;  // unit of the per-period series and of cohorts
  GroupBy group_by;                   // default: no grouping (one group "all")
};

// Computed once per report and shared by every metric. Holds a pointer to the
// store, which must outlive it.
struct Scope {
  const EventStore* store = nullptr;
  Calendar calendar;
  Window window;
  PeriodSeries periods;
  Acquisition acquisition;  // from events before window.to
  Grouping grouping;
  GroupBy group_by;
};

// InvalidArgument for an empty or inverted window (or no events and no
// explicit bounds) and for an unknown grouping attribute.
Result<Scope> make_scope(const EventStore& store, const ScopeOptions& options);

}  // namespace clm
