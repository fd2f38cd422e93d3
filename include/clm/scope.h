// clm/scope.h — what every metric is computed over: a window, its period
// series, the calendar, each customer's acquisition, the customer groups, and
// the two settings every metric area shares (the z of the intervals and the
// gross margin), held here once.
#pragma once

#include <memory>
#include <optional>

#include "clm/acquisition.h"
#include "clm/event_store.h"
#include "clm/grouping.h"
#include "clm/period.h"
#include "clm/stats.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

struct ScopeOptions {
  Calendar calendar;                  // time zone (UTC) and week start (Monday)
  std::optional<Timestamp> from;      // default: midnight starting the earliest event's day
  std::optional<Timestamp> to;        // default: first midnight after the latest event (as-of)
  PeriodUnit period = PeriodUnit::kMonth;  // unit of the per-period series and of cohorts
  GroupBy group_by;                   // default: no grouping (one group "all")
  // z of every 95 % interval: Wilson, Greenwood log-log, NPS margin of error,
  // CSAT and CES (docs/metrics.md: 1.96).
  double z = kZ95;
  // m: gross-margin fraction applied to revenue in CLV and CAC payback, in
  // [0, 1] (docs/metrics.md default 1.0). Checked by the metrics that read it.
  double margin = 1.0;
};

// Computed once per report and shared by every metric. Shares ownership of
// the store, so a Scope stays valid wherever it is moved or copied.
struct Scope {
  std::shared_ptr<const EventStore> store;
  Calendar calendar;
  Window window;
  PeriodSeries periods;
  Acquisition acquisition;  // from events before window.to
  Grouping grouping;
  GroupBy group_by;
  double z = kZ95;      // ScopeOptions::z
  double margin = 1.0;  // ScopeOptions::margin
};

// InvalidArgument for a null store, an empty or inverted window (or no
// events and no explicit bounds) and for an unknown grouping attribute.
Result<Scope> make_scope(std::shared_ptr<const EventStore> store, const ScopeOptions& options);

}  // namespace clm
