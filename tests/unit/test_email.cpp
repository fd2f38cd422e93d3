// Email engagement: rates from hand-counted cells, and compute_email() over
// small stores (unique opens per campaign, period and window boundaries, the
// sent − bounced fallback, groups). Every expected value is worked out in the
// comment beside it.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clm/email.h"
#include "clm/event_store.h"
#include "clm/scope.h"
#include "clm/time.h"

namespace {

struct Mail {
  std::string customer;
  std::string time;  // ISO text, UTC
  std::string type;  // email_*
  std::string campaign;
};

clm::EventStore make_mail_store(
    const std::vector<Mail>& mails,
    const std::vector<std::pair<std::string, std::string>>& plans = {}) {
  clm::EventStoreBuilder b;
  b.set_attribute_names({"plan"});
  for (const auto& [id, plan] : plans) {
    clm::CustomerInput in;
    in.customer_id = id;
    in.attributes = {plan};
    REQUIRE(b.add_customer(in).ok());
  }
  for (const Mail& m : mails) {
    clm::EventInput e;
    e.customer_id = m.customer;
    e.time = clm::parse_timestamp(m.time, clm::TimeZone::utc()).value();
    e.type = m.type;
    e.campaign = m.campaign;
    REQUIRE(b.add_event(e).ok());
  }
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

clm::Scope make_mail_scope(const clm::EventStore& store, std::string_view by = "") {
  clm::ScopeOptions o;
  o.from = clm::parse_timestamp("2024-01-01", clm::TimeZone::utc()).value();
  o.to = clm::parse_timestamp("2024-03-01", clm::TimeZone::utc()).value();
  o.period = clm::PeriodUnit::kMonth;
  o.group_by = clm::GroupBy::parse(by);
  auto scope = clm::make_scope(std::make_shared<const clm::EventStore>(store), o);
  REQUIRE(scope.ok());
  return std::move(scope).value();
}

// Two customers over January and February 2024 (window [Jan 1, Mar 1)).
const std::vector<Mail> kMails = {
    {"a", "2024-01-03T10:00:00Z", "email_sent", "c1"},
    {"a", "2024-01-03T10:00:01Z", "email_delivered", "c1"},
    {"a", "2024-01-04T08:00:00Z", "email_opened", "c1"},
    {"a", "2024-01-05T08:00:00Z", "email_opened", "c1"},  // same pair again
    {"a", "2024-01-05T08:01:00Z", "email_clicked", "c1"},
    {"a", "2024-02-01T00:00:00Z", "email_sent", "c2"},  // first second of February
    {"a", "2024-02-01T00:00:01Z", "email_delivered", "c2"},
    {"a", "2024-02-02T09:00:00Z", "email_opened", "c1"},  // c1 again, next month
    {"a", "2024-02-03T09:00:00Z", "email_opened", ""},    // no campaign
    {"a", "2024-02-04T09:00:00Z", "email_opened", ""},    // no campaign again
    {"a", "2024-02-05T09:00:00Z", "email_unsubscribed", "c2"},
    {"b", "2023-12-31T23:59:59Z", "email_sent", "c0"},  // before from: ignored
    {"b", "2024-01-03T10:00:00Z", "email_sent", "c1"},
    {"b", "2024-01-03T10:00:02Z", "email_bounced", "c1"},
    {"b", "2024-01-31T23:59:59Z", "email_opened", "c1"},   // last second of January
    {"b", "2024-03-01T00:00:00Z", "email_clicked", "c1"},  // at window.to: ignored
};

}  // namespace

TEST_CASE("Email rates from counts", "[email]") {
  clm::EmailAccumulator acc;
  acc.sent = 10;
  acc.delivered = 7;
  acc.bounced = 2;
  acc.unique_opens = 4;
  acc.unique_clicks = 1;
  acc.unsubscribed = 1;

  SECTION("delivered events") {
    const clm::EmailResult r = clm::email_result(acc, false);
    CHECK(r.delivered == 7);
    CHECK_FALSE(r.delivered_estimated);
    CHECK(*r.delivery_rate == Approx(0.7));     // 7 / 10
    CHECK(*r.bounce_rate == Approx(0.2));       // 2 / 10
    CHECK(*r.open_rate == Approx(4.0 / 7.0));   // 4 / 7
    CHECK(*r.click_rate == Approx(1.0 / 7.0));  // 1 / 7
    CHECK(*r.click_to_open == Approx(0.25));    // 1 / 4
    CHECK(*r.unsubscribe_rate == Approx(1.0 / 7.0));
  }
  SECTION("delivered estimated as sent - bounced") {
    const clm::EmailResult r = clm::email_result(acc, true);
    CHECK(r.delivered == 8);  // 10 − 2
    CHECK(r.delivered_estimated);
    CHECK(*r.delivery_rate == Approx(0.8));  // 8 / 10
    CHECK(*r.open_rate == Approx(0.5));      // 4 / 8
    CHECK(*r.click_rate == Approx(0.125));   // 1 / 8
    CHECK(*r.unsubscribe_rate == Approx(0.125));
  }
  SECTION("more bounces than sends in a cell never give a negative delivered count") {
    clm::EmailAccumulator late;
    late.sent = 1;
    late.bounced = 3;
    const clm::EmailResult r = clm::email_result(late, true);
    CHECK(r.delivered == 0);
    CHECK(*r.delivery_rate == Approx(0.0).margin(1e-12));
    CHECK(*r.bounce_rate == Approx(3.0));
    CHECK_FALSE(r.open_rate);
  }
}

TEST_CASE("Email rates of an empty cell are null", "[email]") {
  const clm::EmailResult r = clm::email_result(clm::EmailAccumulator{}, false);
  CHECK(r.sent == 0);
  CHECK_FALSE(r.delivery_rate);
  CHECK_FALSE(r.bounce_rate);
  CHECK_FALSE(r.open_rate);
  CHECK_FALSE(r.click_rate);
  CHECK_FALSE(r.click_to_open);
  CHECK_FALSE(r.unsubscribe_rate);
}

TEST_CASE("Email counts events and unique (customer, campaign) pairs per cell", "[email]") {
  const clm::EventStore store = make_mail_store(kMails);
  const clm::Scope scope = make_mail_scope(store);
  REQUIRE(scope.periods.size() == 2);
  CHECK_FALSE(clm::email_estimates_delivered(store, {}));
  const clm::Breakdown<clm::EmailAccumulator> b = clm::compute_email(scope);

  // Window: sent a/c1, a/c2, b/c1 = 3 (b/c0 is before from); delivered 2;
  // bounced 1; unsubscribed 1. Opens: a {c1, none} + b {c1} = 3 pairs.
  // Clicks: a {c1} = 1 (b's click is at window.to).
  const clm::EmailAccumulator& w = b.window(0);
  CHECK(w.sent == 3);
  CHECK(w.delivered == 2);
  CHECK(w.bounced == 1);
  CHECK(w.unsubscribed == 1);
  CHECK(w.unique_opens == 3);
  CHECK(w.unique_clicks == 1);
  const clm::EmailResult r = clm::email_result(w, false);
  CHECK(*r.delivery_rate == Approx(2.0 / 3.0));
  CHECK(*r.bounce_rate == Approx(1.0 / 3.0));
  CHECK(*r.open_rate == Approx(1.5));   // 3 / 2
  CHECK(*r.click_rate == Approx(0.5));  // 1 / 2
  CHECK(*r.click_to_open == Approx(1.0 / 3.0));
  CHECK(*r.unsubscribe_rate == Approx(0.5));

  // January: sent a/c1, b/c1 = 2; delivered 1; bounced 1; opens a/c1 (twice,
  // counted once) + b/c1 = 2; clicks a/c1 = 1.
  const clm::EmailAccumulator& jan = b.at(0, 0);
  CHECK(jan.sent == 2);
  CHECK(jan.delivered == 1);
  CHECK(jan.bounced == 1);
  CHECK(jan.unique_opens == 2);
  CHECK(jan.unique_clicks == 1);
  CHECK(jan.unsubscribed == 0);

  // February: sent a/c2 = 1; delivered 1; opens a/c1 + a/(none) (twice, once) = 2;
  // unsubscribed 1. a/c1 opened in both months counts in each month but once
  // in the window, so the months' 2 + 2 exceed the window's 3.
  const clm::EmailAccumulator& feb = b.at(0, 1);
  CHECK(feb.sent == 1);
  CHECK(feb.delivered == 1);
  CHECK(feb.bounced == 0);
  CHECK(feb.unique_opens == 2);
  CHECK(feb.unique_clicks == 0);
  CHECK(feb.unsubscribed == 1);
}

TEST_CASE("Delivered falls back to sent - bounced only when no email_delivered exists at all",
          "[email]") {
  SECTION("no email_delivered in the table: estimated") {
    const clm::EventStore store = make_mail_store({
        {"a", "2024-01-03T00:00:00Z", "email_sent", "c1"},
        {"b", "2024-01-03T00:00:00Z", "email_sent", "c1"},
        {"c", "2024-01-03T00:00:00Z", "email_sent", "c1"},
        {"c", "2024-01-03T00:00:05Z", "email_bounced", "c1"},
        {"a", "2024-01-04T00:00:00Z", "email_opened", "c1"},
    });
    const bool estimate = clm::email_estimates_delivered(store, {});
    CHECK(estimate);
    const clm::Breakdown<clm::EmailAccumulator> b = clm::compute_email(make_mail_scope(store));
    const clm::EmailResult r = clm::email_result(b.window(0), estimate);
    // delivered = 3 − 1 = 2; open rate 1 / 2.
    CHECK(r.delivered == 2);
    CHECK(*r.open_rate == Approx(0.5));

    // Forcing the events gives delivered 0 and null rates over it.
    clm::EmailOptions events;
    events.delivered = clm::EmailOptions::Delivered::kEvents;
    CHECK_FALSE(clm::email_estimates_delivered(store, events));
  }
  SECTION("email_delivered only outside the window: not estimated") {
    const clm::EventStore store = make_mail_store({
        {"a", "2023-12-01T00:00:00Z", "email_delivered", "c0"},
        {"a", "2024-01-03T00:00:00Z", "email_sent", "c1"},
        {"a", "2024-01-04T00:00:00Z", "email_opened", "c1"},
    });
    const bool estimate = clm::email_estimates_delivered(store, {});
    CHECK_FALSE(estimate);
    const clm::Breakdown<clm::EmailAccumulator> b = clm::compute_email(make_mail_scope(store));
    const clm::EmailResult r = clm::email_result(b.window(0), estimate);
    // No delivery in the window: delivered 0, rates over it null, 0 / 1 delivered per sent.
    CHECK(r.delivered == 0);
    CHECK_FALSE(r.open_rate);
    CHECK_FALSE(r.unsubscribe_rate);
    CHECK(*r.delivery_rate == Approx(0.0).margin(1e-12));
    CHECK(*r.click_to_open == Approx(0.0).margin(1e-12));  // 0 clicks / 1 open

    clm::EmailOptions forced;
    forced.delivered = clm::EmailOptions::Delivered::kSentMinusBounced;
    CHECK(clm::email_estimates_delivered(store, forced));
  }
}

TEST_CASE("Email per attribute group", "[email][groups]") {
  const clm::EventStore store = make_mail_store(kMails, {{"a", "pro"}, {"b", "basic"}});
  const clm::Scope scope = make_mail_scope(store, "plan");
  REQUIRE(scope.grouping.size() == 2);  // "basic", "pro" (byte order)
  REQUIRE(scope.grouping.labels[0] == "basic");
  const clm::Breakdown<clm::EmailAccumulator> b = clm::compute_email(scope);
  // basic = b: sent 1, bounced 1, opens {c1} = 1 (all in January).
  CHECK(b.window(0).sent == 1);
  CHECK(b.window(0).bounced == 1);
  CHECK(b.window(0).unique_opens == 1);
  CHECK(b.at(0, 1).sent == 0);
  // pro = a: sent 2, delivered 2, opens {c1, none} = 2, clicks 1, unsubscribed 1.
  CHECK(b.window(1).sent == 2);
  CHECK(b.window(1).delivered == 2);
  CHECK(b.window(1).unique_opens == 2);
  CHECK(b.window(1).unique_clicks == 1);
  CHECK(b.window(1).unsubscribed == 1);
  // Groups hold disjoint customers, so merging them gives the ungrouped window.
  clm::EmailAccumulator all = b.window(0);
  all.merge(b.window(1));
  CHECK(all.unique_opens == 3);
  CHECK(all.sent == 3);
}

TEST_CASE("Email cuts months in the report's time zone", "[email][tz]") {
  auto berlin = clm::TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  const clm::EventStore store = make_mail_store({
      // 2024-01-31 23:30 UTC = 2024-02-01 00:30 CET: February.
      {"a", "2024-01-31T23:30:00Z", "email_sent", "c1"},
      // 2024-01-31 22:59:59 UTC = 23:59:59 CET: still January.
      {"a", "2024-01-31T22:59:59Z", "email_sent", "c0"},
      // 2024-02-29 23:00 UTC = 2024-03-01 00:00 CET = window.to: ignored.
      {"a", "2024-02-29T23:00:00Z", "email_sent", "c2"},
  });
  clm::ScopeOptions o;
  o.calendar.tz = *berlin;
  o.from = clm::parse_timestamp("2024-01-01", *berlin).value();
  o.to = clm::parse_timestamp("2024-03-01", *berlin).value();
  auto scope = clm::make_scope(std::make_shared<const clm::EventStore>(store), o);
  REQUIRE(scope.ok());
  REQUIRE(scope->periods.size() == 2);
  const clm::Breakdown<clm::EmailAccumulator> b = clm::compute_email(*scope);
  CHECK(b.window(0).sent == 2);
  CHECK(b.at(0, 0).sent == 1);  // January (Berlin): c0
  CHECK(b.at(0, 1).sent == 1);  // February (Berlin): c1
}
