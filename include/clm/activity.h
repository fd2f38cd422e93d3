// clm/activity.h — when each customer is active (docs/metrics.md, "Customers,
// acquisition, activity").
//
// The model computes, once per customer, the sorted merged *stretches* of time
// in which activity or an open subscription keeps the customer active, then
// answers "active at t", "active during P" and per-period questions by walking
// periods and stretches together (no rescans of the events). Only events
// strictly before the as-of time count; events before the window still count.
//
//   Active at t         : a(c) < t and (subscription open at t, or an event of a
//                         type in A with time in [t − W, t)).
//   Active during [p0,p1): a(c) < p1 and (active at p0, or an A-event in
//                         [p0, p1), or a subscription open at some moment of it).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "clm/acquisition.h"
#include "clm/event_store.h"
#include "clm/period.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

struct ActivityOptions {
  // W: an activity event keeps its customer active for this many days of
  // 86 400 s after it (docs/metrics.md default 90). Must be >= 0.
  std::int64_t inactivity_window_days = 90;
  // A: names of the event types that count as activity (docs/metrics.md default
  // signup and purchase). A name is a built-in type or a custom type of the
  // store's events (check_activity_types); names are exact and non-empty.
  std::vector<std::string> activity_types = {"signup", "purchase"};
};

// InvalidArgument for an activity type name that is empty, or neither a
// built-in type nor a custom type of the store ("activity type 'purchse' is
// neither ... (did you mean 'purchase'?)"): such a name would count nothing.
Status check_activity_types(const EventStore& store, std::span<const std::string> names);

// A stretch of activity: the customer is active at every instant t with
// begin < t <= end (an A-event at e gives (e, e + W]; a subscription started
// at s and cancelled at x gives (s, x]). end == kNever: still open at the
// as-of time. Left-open because "active at t" needs the event strictly before t.
struct Stretch {
  Timestamp begin;
  Timestamp end;
  // True if the stretch holds some instant of [p0, p1).
  bool meets(Timestamp p0, Timestamp p1) const { return begin < p1 && end >= p0; }
  bool covers(Timestamp t) const { return begin < t && t <= end; }
};

// An inclusive run [first, last] of indices (of instants or periods).
struct IndexRun {
  std::size_t first;
  std::size_t last;
};

// Per-customer activity of one store up to an as-of time. Shares ownership of
// the store, so moving or copying the model never leaves it dangling.
// Immutable after build(); thread-safe reads.
class ActivityModel {
 public:
  ActivityModel() = default;

  // One pass over the store: builds every customer's stretches from the events
  // before `as_of`. `acq` gives a(c) (kNever for prospects) and is copied.
  // InvalidArgument for a null store, W < 0 or an empty type name.
  static Result<ActivityModel> build(std::shared_ptr<const EventStore> store,
                                     const Acquisition& acq, Timestamp as_of,
                                     const ActivityOptions& options = {});

  const EventStore& store() const { return *store_; }
  Timestamp as_of() const { return as_of_; }
  // W in seconds.
  Timestamp inactivity_window() const { return window_seconds_; }
  std::size_t customer_count() const { return acquired_at_.size(); }
  // a(c), kNever for a prospect.
  Timestamp acquired_at(CustomerIndex c) const { return acquired_at_[c]; }
  // True if events of type t count as activity.
  bool is_activity(TypeCode t) const { return t < activity_.size() && activity_[t] != 0; }

  // Merged activity stretches of c (A-events and subscriptions), sorted,
  // disjoint and not touching; not clipped by a(c).
  std::span<const Stretch> stretches(CustomerIndex c) const {
    return {stretches_.data() + offsets_[c], stretches_.data() + offsets_[c + 1]};
  }
  // The subscription stretches of c alone (open at t ⇔ one covers t).
  std::span<const Stretch> subscriptions(CustomerIndex c) const {
    return {subs_.data() + sub_offsets_[c], subs_.data() + sub_offsets_[c + 1]};
  }

  // Active at t (includes a(c) < t). O(log stretches).
  bool active_at(CustomerIndex c, Timestamp t) const;
  // Active during [p0, p1), exactly as docs/metrics.md defines it. O(log stretches)
  // plus, only when a(c) is in [p0, p1), a scan of c's events in [p0, p1).
  bool active_during(CustomerIndex c, Timestamp p0, Timestamp p1) const;
  // The latest subscription start/cancel strictly before t is a start.
  bool subscription_open_at(CustomerIndex c, Timestamp t) const;
  // A subscription is open at some moment of [p0, p1).
  bool subscription_open_during(CustomerIndex c, Timestamp p0, Timestamp p1) const;

  // Appends to `out` the maximal runs of indices i of the sorted `instants`
  // at which c is active. O(stretches × log instants).
  void active_instant_runs(CustomerIndex c, std::span<const Timestamp> instants,
                           std::vector<IndexRun>& out) const;
  // Appends to `out` the maximal runs of periods of `series` during which c
  // is active. O(stretches × log periods).
  void active_period_runs(CustomerIndex c, const PeriodSeries& series,
                          std::vector<IndexRun>& out) const;

  // The first moment after a(c) at which c stops being active: a(c) itself
  // when c is not active just after a(c), else the end of the stretch holding
  // the instants just after a(c) (kNever: a subscription is still open).
  // Returns kNever for prospects; callers skip them.
  Timestamp activity_end_after_acquisition(CustomerIndex c) const;

 private:
  bool activity_event_in(CustomerIndex c, Timestamp p0, Timestamp p1) const;

  std::shared_ptr<const EventStore> store_;
  Timestamp as_of_ = 0;
  Timestamp window_seconds_ = 0;
  std::vector<std::uint8_t> activity_;  // per TypeCode
  std::vector<Timestamp> acquired_at_;
  std::vector<std::size_t> offsets_{0};
  std::vector<Stretch> stretches_;
  std::vector<std::size_t> sub_offsets_{0};
  std::vector<Stretch> subs_;
};

}  // namespace clm
