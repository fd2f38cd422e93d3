// Activity model: stretches, active at / during, subscriptions, custom types.
// Expected values are worked out by hand in the comments (W = 90 days unless set).

#include <catch2/catch.hpp>

#include "clm/activity.h"
#include "test_lifecycle_util.h"

using namespace clm;
using namespace clm::testing;

namespace {

EventStore sample() {
  return make_store(
      {
          // a: signup Jan 10 → (Jan 10, Apr 9]; purchase Mar 1 → (Mar 1, May 30]; merged.
          {"a", "2024-01-10", "signup"},
          {"a", "2024-03-01", "purchase", M(10)},
          // s: signup Jan 1 → (Jan 1, Mar 31]; subscription (May 1, May 10], restart
          // (Jun 1, Aug 1] (second start Jul 1 changes nothing; cancel Sep 1 without
          // an open subscription does nothing; start+cancel Oct 1 at once: cancel wins).
          {"s", "2024-01-01", "signup"},
          {"s", "2024-05-01", "subscription_start"},
          {"s", "2024-05-10", "subscription_cancel"},
          {"s", "2024-06-01", "subscription_start"},
          {"s", "2024-07-01", "subscription_start"},
          {"s", "2024-08-01", "subscription_cancel"},
          {"s", "2024-09-01", "subscription_cancel"},
          {"s", "2024-10-01", "subscription_start"},
          {"s", "2024-10-01", "subscription_cancel"},
          // p: a prospect (touch only).
          {"p", "2024-02-01", "touch"},
          // d: declared acquired Mar 15, purchase Feb 20 → (Feb 20, May 20].
          {"d", "2024-02-20", "purchase", M(5)},
          // late: an event at/after the as-of time is ignored.
          {"late", "2024-12-01", "signup"},
      },
      {{"d", "2024-03-15"}, {"z", "2024-06-01"}});
}

struct Fixture {
  EventStore store = sample();
  Timestamp as_of = T("2024-12-01");
  Acquisition acq = compute_acquisition(store, as_of);
  ActivityModel m = *ActivityModel::build(std::make_shared<const EventStore>(store), acq, as_of);
};

}  // namespace

TEST_CASE("activity: stretches merge and active-at boundaries", "[lifecycle][activity]") {
  Fixture f;
  const auto a = idx(f.store, "a");
  auto s = f.m.stretches(a);
  REQUIRE(s.size() == 1);
  CHECK(s[0].begin == T("2024-01-10"));
  CHECK(s[0].end == T("2024-05-30"));
  CHECK_FALSE(f.m.active_at(a, T("2024-01-10")));  // a(c) < t is strict
  CHECK(f.m.active_at(a, T("2024-01-10T00:00:01")));
  CHECK(f.m.active_at(a, T("2024-05-30")));  // purchase exactly W before t counts
  CHECK_FALSE(f.m.active_at(a, T("2024-05-30T00:00:01")));
  CHECK(f.m.activity_end_after_acquisition(a) == T("2024-05-30"));
}

TEST_CASE("activity: subscriptions open, close, restart, same-instant cancel",
          "[lifecycle][activity]") {
  Fixture f;
  const auto s = idx(f.store, "s");
  auto subs = f.m.subscriptions(s);
  REQUIRE(subs.size() == 2);
  CHECK(subs[0].begin == T("2024-05-01"));
  CHECK(subs[0].end == T("2024-05-10"));
  CHECK(subs[1].begin == T("2024-06-01"));
  CHECK(subs[1].end == T("2024-08-01"));
  CHECK_FALSE(f.m.subscription_open_at(s, T("2024-05-01")));  // start strictly before t
  CHECK(f.m.subscription_open_at(s, T("2024-05-01T00:00:01")));
  CHECK(f.m.subscription_open_at(s, T("2024-05-10")));  // cancel at t is not before t
  CHECK_FALSE(f.m.subscription_open_at(s, T("2024-05-10T00:00:01")));
  CHECK(f.m.subscription_open_at(s, T("2024-07-15")));
  CHECK_FALSE(f.m.subscription_open_at(s, T("2024-10-01T00:00:01")));
  CHECK(f.m.stretches(s).size() == 3);
  // Subscription opened and closed inside May: active during May, not at its ends.
  CHECK(f.m.active_during(s, T("2024-05-01"), T("2024-06-01")));
  CHECK_FALSE(f.m.active_at(s, T("2024-05-01")));
  CHECK_FALSE(f.m.active_at(s, T("2024-06-01")));
  CHECK_FALSE(f.m.active_during(s, T("2024-05-11"), T("2024-06-01")));
  CHECK_FALSE(f.m.active_during(s, T("2024-04-01"), T("2024-05-01")));
  CHECK(f.m.active_during(s, T("2024-08-01"), T("2024-08-02")));  // open at Aug 1
  CHECK(f.m.subscription_open_during(s, T("2024-05-05"), T("2024-05-06")));
  CHECK_FALSE(f.m.subscription_open_during(s, T("2024-10-01"), T("2024-11-01")));
  CHECK(f.m.activity_end_after_acquisition(s) == T("2024-03-31"));
}

TEST_CASE("activity: prospects, declared acquisition, ignored late events",
          "[lifecycle][activity]") {
  Fixture f;
  const auto p = idx(f.store, "p");
  CHECK(f.m.stretches(p).empty());
  CHECK_FALSE(f.m.active_at(p, T("2024-02-02")));
  const auto d = idx(f.store, "d");
  // Acquired Mar 15: active at Mar 20 through the Feb 20 purchase ...
  CHECK(f.m.active_at(d, T("2024-03-20")));
  CHECK_FALSE(f.m.active_at(d, T("2024-03-15")));
  // ... but not "active during" March: not active at Mar 1 (not yet acquired),
  // no A-event and no subscription in March (docs/metrics.md, literally).
  CHECK_FALSE(f.m.active_during(d, T("2024-03-01"), T("2024-04-01")));
  CHECK(f.m.active_during(d, T("2024-04-01"), T("2024-05-01")));
  const auto z = idx(f.store, "z");
  CHECK(f.m.activity_end_after_acquisition(z) == T("2024-06-01"));  // lifetime 0
  const auto late = idx(f.store, "late");
  CHECK(f.m.stretches(late).empty());
  CHECK(f.acq.is_prospect(late));
}

TEST_CASE("activity: runs over instants and periods", "[lifecycle][activity]") {
  Fixture f;
  PeriodSeries months(Window{T("2024-01-01"), T("2025-01-01")}, PeriodUnit::kMonth, Calendar{});
  REQUIRE(months.size() == 12);
  std::vector<Timestamp> starts;
  for (const auto& p : months) starts.push_back(p.start);
  starts.push_back(T("2025-01-01"));

  std::vector<IndexRun> runs;
  // s: active at Feb 1, Mar 1 (signup), Jul 1, Aug 1 (subscription).
  f.m.active_instant_runs(idx(f.store, "s"), starts, runs);
  REQUIRE(runs.size() == 2);
  CHECK((runs[0].first == 1 && runs[0].last == 2));
  CHECK((runs[1].first == 6 && runs[1].last == 7));

  runs.clear();
  // s: active during Jan–Mar (signup Jan 1 is in January), May, Jun–Aug.
  f.m.active_period_runs(idx(f.store, "s"), months, runs);
  REQUIRE(runs.size() == 2);
  CHECK((runs[0].first == 0 && runs[0].last == 2));
  CHECK((runs[1].first == 4 && runs[1].last == 7));

  runs.clear();
  // d: acquired in March (not active during it), active during April and May.
  f.m.active_period_runs(idx(f.store, "d"), months, runs);
  REQUIRE(runs.size() == 1);
  CHECK((runs[0].first == 3 && runs[0].last == 4));
}

TEST_CASE("activity: custom activity types and W", "[lifecycle][activity]") {
  auto store = make_store({{"l", "2024-01-01", "signup"}, {"l", "2024-01-05", "login"}});
  const Timestamp as_of = T("2024-03-01");
  auto acq = compute_acquisition(store, as_of);
  ActivityOptions opt;
  opt.inactivity_window_days = 10;
  opt.activity_types = {"login"};
  auto m = *ActivityModel::build(std::make_shared<const EventStore>(store), acq, as_of, opt);
  const auto l = idx(store, "l");
  CHECK_FALSE(m.active_at(l, T("2024-01-03")));  // signup is not activity here
  CHECK(m.active_at(l, T("2024-01-15")));        // login Jan 5 + 10 days
  CHECK_FALSE(m.active_at(l, T("2024-01-15T00:00:01")));
  opt.activity_types = {""};
  CHECK_FALSE(
      ActivityModel::build(std::make_shared<const EventStore>(store), acq, as_of, opt).ok());
  opt.activity_types = {"login"};
  opt.inactivity_window_days = -1;
  CHECK_FALSE(
      ActivityModel::build(std::make_shared<const EventStore>(store), acq, as_of, opt).ok());
}

TEST_CASE("activity: a type name neither built in nor in the data is refused",
          "[lifecycle][activity]") {
  auto store = make_store({{"l", "2024-01-01", "signup"}, {"l", "2024-01-05", "login"}});
  const Timestamp as_of = T("2024-03-01");
  const auto shared = std::make_shared<const EventStore>(store);
  auto acq = compute_acquisition(store, as_of);
  const auto error = [&](std::vector<std::string> types) {
    ActivityOptions opt;
    opt.activity_types = std::move(types);
    auto m = ActivityModel::build(shared, acq, as_of, opt);
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().code() == Status::Code::kInvalidArgument);
    return m.status().message();
  };
  // A misspelt name would count nothing as activity and double the churn.
  CHECK(error({"signup", "purchse"}) ==
        "activity type 'purchse' is neither a built-in event type nor a type in the events (did "
        "you mean 'purchase'?)");
  CHECK(error({"logn"}) ==
        "activity type 'logn' is neither a built-in event type nor a type in the events (did you "
        "mean 'login'?)");
  CHECK(error({"never_seen"}) ==
        "activity type 'never_seen' is neither a built-in event type nor a type in the events");
  // Names are exact: another case is another name.
  CHECK(error({"Purchase"}) ==
        "activity type 'Purchase' is neither a built-in event type nor a type in the events (did "
        "you mean 'purchase'?)");
  // A built-in type is accepted even when no event has it; a custom type when the data has it.
  ActivityOptions opt;
  opt.activity_types = {"referral", "login"};
  CHECK(ActivityModel::build(shared, acq, as_of, opt).ok());
  CHECK(check_activity_types(store, opt.activity_types).ok());
}
