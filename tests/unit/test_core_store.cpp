// The store: row-order independence, validation messages, money range,
// acquisition precedence, grouping and default windows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "clm/acquisition.h"
#include "clm/event_store.h"
#include "clm/grouping.h"
#include "clm/money.h"
#include "clm/period.h"
#include "clm/scope.h"
#include "clm/stats.h"

using namespace clm;

namespace {

constexpr Timestamp kDay = 86400;
constexpr Timestamp kJan1 = 1704067200;  // 2024-01-01T00:00:00Z

EventInput ev(std::string_view id, Timestamp t, std::string_view type, std::optional<Money> amount = {},
              std::string_view channel = {}) {
  EventInput e;
  e.customer_id = id;
  e.time = t;
  e.type = type;
  e.amount = amount;
  e.channel = channel;
  return e;
}

}  // namespace

TEST_CASE("the store is the same for any order of input rows", "[core][store]") {
  std::vector<EventInput> rows = {
      ev("b", kJan1 + 5, "purchase", 2'000'000),   ev("a", kJan1 + 9, "login"),
      ev("a", kJan1 + 1, "signup", {}, "social"),  ev("c", kJan1 + 3, "touch", {}, "ads"),
      ev("a", kJan1 + 9, "feature_used"),          ev("b", kJan1 + 5, "purchase", 1'000'000),
  };
  auto build = [](const std::vector<EventInput>& in) {
    EventStoreBuilder b;
    for (const auto& e : in) REQUIRE(b.add_event(e).ok());
    return std::move(*b.build());
  };
  const EventStore s1 = build(rows);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(rows.begin(), rows.end(), rng);
    const EventStore s2 = build(rows);
    REQUIRE(s2.event_count() == 6);
    CHECK(std::equal(s1.times().begin(), s1.times().end(), s2.times().begin()));
    CHECK(std::equal(s1.types().begin(), s1.types().end(), s2.types().begin()));
    CHECK(std::equal(s1.amounts().begin(), s1.amounts().end(), s2.amounts().begin()));
    CHECK(std::equal(s1.event_channels().begin(), s1.event_channels().end(), s2.event_channels().begin()));
  }
  // Customers in byte order, events per customer by time, then type.
  REQUIRE(s1.customer_count() == 3);
  CHECK(s1.customer_id(0) == "a");
  CHECK(s1.customer_id(2) == "c");
  const EventRange a = s1.events_of(0);
  REQUIRE(a.size() == 3);
  CHECK(s1.type_name(s1.types()[a.begin]) == "signup");
  // Custom types are numbered in byte order of their names: feature_used < login.
  CHECK(s1.type_name(s1.types()[a.begin + 1]) == "feature_used");
  CHECK(s1.type_name(s1.types()[a.begin + 2]) == "login");
  const EventRange b = s1.events_of(1);
  CHECK(s1.amounts()[b.begin] == 1'000'000);  // equal times: smaller amount first
  CHECK(s1.count_of_type(code(EventType::kPurchase)) == 2);
  CHECK(s1.min_event_time() == kJan1 + 1);
  CHECK(s1.max_event_time() == kJan1 + 9);
  CHECK(*s1.find_type("login") == kFirstCustomType + 1);
  CHECK_FALSE(s1.find_type("logout").has_value());
  CHECK(s1.channels().name(0) == "ads");
}

TEST_CASE("rows are validated with the column and the reason", "[core][store]") {
  EventStoreBuilder b;
  CHECK(b.add_event(ev("", 0, "signup")).message() == "customer_id: customer_id is empty");
  CHECK(b.add_event(ev("x", 0, "")).message() == "type: type is empty");
  CHECK(b.add_event(ev("x", 0, "purchase")).message() == "amount: purchase needs an amount");
  CHECK(b.add_event(ev("x", 0, "purchase", 0)).message() == "amount: purchase needs a positive amount");
  CHECK(b.add_event(ev("x", 0, "refund", -1)).message() == "amount: refund amount is negative");
  CHECK(b.add_event(ev("x", 0, "refund", 0)).ok());
  EventInput nps = ev("x", 0, "nps");
  CHECK(b.add_event(nps).message() == "score: nps needs a score");
  nps.score = 11;
  CHECK(b.add_event(nps).message() == "score: nps score must be 0 to 10");
  nps.score = 10;
  CHECK(b.add_event(nps).ok());
  CHECK(b.add_event(ev(std::string(1025, 'x'), 0, "signup")).message() == "customer_id: longer than 1024 bytes");
  CHECK(b.add_event(ev("x", 0, "signup")).code() == Status::Code::kOk);
  // 10000-01-01T00:00:00Z = 253402300800 s and 0000-01-01T00:00:00Z = -62167219200 s bound
  // the instants a store holds, as for text.
  CHECK(b.add_event(ev("x", 253402300800, "signup")).message() ==
        "timestamp: instant outside the years 0000-9999 in UTC");
  CHECK(b.add_event(ev("x", -62167219201, "signup")).message() ==
        "timestamp: instant outside the years 0000-9999 in UTC");
  CHECK(b.add_event(ev("x", 253402300799, "signup")).ok());
  CHECK(b.add_event(ev("x", -62167219200, "signup")).ok());
  SpendInput far{253402300800, "ads", 1};
  CHECK(b.add_spend(far).message() == "date: instant outside the years 0000-9999 in UTC");
  CustomerInput early;
  early.customer_id = "early";
  early.acquired_at = -62167219201;
  CHECK(b.add_customer(early).message() ==
        "acquired_at: instant outside the years 0000-9999 in UTC");

  CustomerInput c;
  c.customer_id = "x";
  CHECK(b.add_customer(c).ok());  // implicit from events, listed once: fine
  const Status dup = b.add_customer(c);
  CHECK(dup.code() == Status::Code::kDataError);
  CHECK(dup.message() == "customer_id: duplicate customer_id 'x'");
  CHECK(b.add_spend({0, "ads", -1}).message() == "amount: spend amount is negative");
  CHECK(b.add_spend({0, "", 1}).message() == "channel: channel is empty");
}

TEST_CASE("money that could overflow a sum is rejected when the store is built", "[core][store]") {
  EventStoreBuilder b;
  const Money big = 5'000'000'000'000'000'000;  // 5e12 currency units
  REQUIRE(b.add_event(ev("a", 0, "purchase", big)).ok());
  REQUIRE(b.add_event(ev("b", 0, "refund", big)).ok());  // |a| + |b| = 1e19 > INT64_MAX
  const auto store = b.build();
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == Status::Code::kDataError);
}

TEST_CASE("acquisition time and channel follow the precedence of docs/metrics.md", "[core][acquisition]") {
  EventStoreBuilder b;
  b.set_attribute_names({"plan"});
  // declared: customers table wins even against events.
  CustomerInput declared;
  declared.customer_id = "declared";
  declared.acquired_at = kJan1 + 50 * kDay;
  declared.channel = "partner";
  declared.attributes = {"pro"};
  REQUIRE(b.add_customer(declared).ok());
  REQUIRE(b.add_event(ev("declared", kJan1, "signup", {}, "social")).ok());
  // signup: the first signup WITH a channel decides; ties → smallest channel.
  REQUIRE(b.add_event(ev("signup", kJan1 + 10, "signup")).ok());
  REQUIRE(b.add_event(ev("signup", kJan1 + 20, "signup", {}, "zeta")).ok());
  REQUIRE(b.add_event(ev("signup", kJan1 + 20, "signup", {}, "alpha")).ok());
  REQUIRE(b.add_event(ev("signup", kJan1 + 5, "touch", {}, "ads")).ok());
  // last touch at or before a(c) = first purchase; a later touch does not count.
  REQUIRE(b.add_event(ev("touch", kJan1 + 1, "touch", {}, "early")).ok());
  REQUIRE(b.add_event(ev("touch", kJan1 + 7, "touch", {}, "mid2")).ok());
  REQUIRE(b.add_event(ev("touch", kJan1 + 7, "touch", {}, "mid1")).ok());
  REQUIRE(b.add_event(ev("touch", kJan1 + 8, "purchase", 1'000'000)).ok());
  REQUIRE(b.add_event(ev("touch", kJan1 + 9, "touch", {}, "late")).ok());
  // prospect: no signup, purchase or declared time.
  REQUIRE(b.add_event(ev("prospect", kJan1 + 2, "touch", {}, "ads")).ok());
  // only events before the as-of time count.
  REQUIRE(b.add_event(ev("future", kJan1 + 100 * kDay, "signup", {}, "ads")).ok());
  const EventStore s = std::move(*b.build());
  const Acquisition acq = compute_acquisition(s, kJan1 + 60 * kDay);
  auto idx = [&](std::string_view id) { return *s.find_customer(id); };
  auto channel = [&](std::string_view id) {
    const SymbolId ch = acq.channel[idx(id)];
    return ch == kNoSymbol ? std::string("(none)") : std::string(s.channels().name(ch));
  };
  CHECK(acq.acquired_at[idx("declared")] == kJan1 + 50 * kDay);
  CHECK(channel("declared") == "partner");
  CHECK(acq.acquired_at[idx("signup")] == kJan1 + 10);
  CHECK(channel("signup") == "alpha");
  CHECK(acq.acquired_at[idx("touch")] == kJan1 + 8);
  CHECK(channel("touch") == "mid1");
  CHECK(acq.is_prospect(idx("prospect")));
  CHECK(acq.is_prospect(idx("future")));
  CHECK(channel("future") == "(none)");

  Calendar utc;
  const Grouping by_channel = *make_grouping(s, GroupBy::parse("channel"), acq, utc, PeriodUnit::kMonth);
  // "future" has no channel, but its only event is after the as-of time: it exists in no
  // group, so there is no "(none)" channel group.
  CHECK(by_channel.labels == std::vector<std::string>{"ads", "alpha", "mid1", "partner"});
  CHECK_FALSE(acq.is_known(idx("future")));
  CHECK_FALSE(by_channel.includes(idx("future")));
  const Grouping by_plan = *make_grouping(s, GroupBy::parse("plan"), acq, utc, PeriodUnit::kMonth);
  CHECK(by_plan.labels == std::vector<std::string>{"(none)", "pro"});
  CHECK(by_plan.group_of[idx("declared")] == 1);
  const Grouping by_cohort = *make_grouping(s, GroupBy::parse("cohort"), acq, utc, PeriodUnit::kMonth);
  CHECK(by_cohort.labels == std::vector<std::string>{"(prospect)", "2024-01", "2024-02"});
  const auto unknown = make_grouping(s, GroupBy::parse("country"), acq, utc, PeriodUnit::kMonth);
  CHECK(unknown.status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("the default window runs from the first event's midnight to the midnight after the last", "[core][period]") {
  EventStoreBuilder b;
  REQUIRE(b.add_event(ev("a", kJan1 + 3600, "signup")).ok());
  REQUIRE(b.add_event(ev("a", kJan1 + 40 * kDay, "login")).ok());  // exactly midnight of Feb 10
  const EventStore s = std::move(*b.build());
  Calendar utc;
  const Window w = *default_window(s, utc);
  CHECK(w.from == kJan1);
  CHECK(w.to == kJan1 + 41 * kDay);  // strictly after the last event
  const auto scope = make_scope(std::make_shared<const EventStore>(s), ScopeOptions{});
  REQUIRE(scope.ok());
  CHECK(scope->periods.size() == 2);
  ScopeOptions inverted;
  inverted.from = kJan1 + 10;
  inverted.to = kJan1 + 10;
  CHECK(make_scope(std::make_shared<const EventStore>(s), inverted).status().code() ==
        Status::Code::kInvalidArgument);
  EventStoreBuilder empty;
  const EventStore none = std::move(*empty.build());
  CHECK_FALSE(default_window(none, utc).has_value());
}

TEST_CASE("Wilson bounds are exact at shares 0 and 1 and never cross the share", "[core][stats]") {
  // At k = 0 the Wilson interval is [0, z²/(n + z²)]; at k = n it is [n/(n + z²), 1]
  // (put k = 0 or k = n in (2k + z² ± z·√(z² + 4k(n − k)/n)) / (2(n + z²))).
  // z² = 1.96² = 3.8416: for n = 11, 3.8416/14.8416; for n = 6, 6/9.8416.
  const Interval none = *wilson_interval(0, 11);
  CHECK(none.low == 0.0);
  CHECK(none.high == Approx(0.25884001724881414));
  const Interval all = *wilson_interval(6, 6);
  CHECK(all.high == 1.0);
  CHECK(all.low == Approx(0.60965696634693546));
  for (std::int64_t n = 1; n <= 2000; ++n) {
    INFO("n = " << n);
    REQUIRE(wilson_interval(0, n)->low == 0.0);
    REQUIRE(wilson_interval(n, n)->high == 1.0);
    for (std::int64_t k : {std::int64_t{1}, n / 2, n - 1}) {
      const Interval w = *wilson_interval(k, n);
      const double share = static_cast<double>(k) / static_cast<double>(n);
      REQUIRE(w.low <= share);
      REQUIRE(share <= w.high);
    }
  }
  // One success in a million: the low bound is a small difference of large terms in the
  // textbook form. From that form at 40 digits: 1.7652003609355770673e-7 and
  // 5.6650575229020916556e-6.
  const Interval rare = *wilson_interval(1, 1'000'000);
  CHECK(rare.low == Approx(1.7652003609355770673e-7).epsilon(2e-16));
  CHECK(rare.high == Approx(5.6650575229020916556e-6).epsilon(2e-16));
}

TEST_CASE("statistics helpers", "[core][stats]") {
  const Interval w = *wilson_interval(8, 10);
  CHECK(w.low == Approx(0.49015684672072335));  // by the Wilson formula, z = 1.96
  CHECK(w.high == Approx(0.9433190520193067));
  CHECK_FALSE(wilson_interval(0, 0).has_value());
  const Proportion none = make_proportion(0, 0);
  CHECK_FALSE(none.rate.has_value());
  IntMoments m;
  for (int x : {1, 2, 3, 4}) m.add(x);
  CHECK(*m.mean() == 2.5);
  CHECK(*m.sample_stddev() == Approx(1.2909944487358056));
  IntMoments one;
  one.add(5);
  CHECK_FALSE(one.sample_stddev().has_value());
  std::vector<double> v{5, 1, 3, 2};
  CHECK(*median(v) == 2.5);
  CHECK(format_money(12'345'678, 2) == "12.35");
  CHECK(format_money(-5'000, 2) == "-0.01");  // -0.005 rounds away from zero
  CHECK(format_money(-4'999, 2) == "0.00");
  CHECK(format_money(1'500'000, 6) == "1.500000");
  CHECK(scale_money(10'000'000, 0.25) == 2'500'000);
}
