// New customers, spend and CAC per channel, blended and paid CAC, and CAC
// payback, on small stores; expected values worked out in the comments.
#include <catch2/catch.hpp>

#include "clm/acquisition_cost.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// Window [2024-01-01, 2024-03-01), monthly. Attribution of each customer:
//   c1: customers.channel "partner" beats its signup channel "ads"     → partner
//   c2: first signup with a channel ("seo") beats an earlier touch      → seo
//   c3: signup without channel; last touch at or before a(c) is "email"
//       (the "zz" touch after a(c) does not count)                      → email
//   c4: acquired by a purchase, no channel anywhere                      → (none)
//   c5: two touches in the same second, "tiktok" and "ads"               → ads (smallest)
//   c6: two signups in the same second, "seo" and "email"                → email (smallest)
//   c7: signup 02-03 with "ads"                                           → ads, in Feb
// Spend: ads 100 on 01-01 (first day) and 50 on 01-31 (last day of Jan), 40
// on 02-01 (first day of Feb, not Jan); email 60 on 01-15; tv 300 on 01-10
// (a channel with spend and no customer).
EventStore cac_store() {
  return make_store(
      {
          {"c1", "2024-01-03", "signup", std::nullopt, "ads"},
          {"c2", "2024-01-02", "touch", std::nullopt, "ads"},
          {"c2", "2024-01-10", "signup", std::nullopt, "seo"},
          {"c3", "2024-01-05", "touch", std::nullopt, "ads"},
          {"c3", "2024-01-08", "touch", std::nullopt, "email"},
          {"c3", "2024-01-12", "signup"},
          {"c3", "2024-01-20", "touch", std::nullopt, "zz"},
          {"c4", "2024-01-15", "purchase", M(10)},
          {"c5", "2024-01-18T10:00:00", "touch", std::nullopt, "tiktok"},
          {"c5", "2024-01-18T10:00:00", "touch", std::nullopt, "ads"},
          {"c5", "2024-01-20", "signup"},
          {"c6", "2024-01-22T08:00:00", "signup", std::nullopt, "seo"},
          {"c6", "2024-01-22T08:00:00", "signup", std::nullopt, "email"},
          {"c7", "2024-02-03", "signup", std::nullopt, "ads"},
      },
      {{"c1", "", "partner"}},
      {
          {"2024-01-01", "ads", M(100)},
          {"2024-01-31", "ads", M(50)},
          {"2024-02-01", "ads", M(40)},
          {"2024-01-15", "email", M(60)},
          {"2024-01-10", "tv", M(300)},
      });
}

std::size_t channel(const CacResult& r, const std::string& name) {
  for (std::size_t k = 0; k < r.channels.size(); ++k) {
    if (r.channels[k] == name) return k;
  }
  FAIL("no channel " << name);
  return 0;
}

}  // namespace

TEST_CASE("CAC per channel shows the attribution precedence and same-second ties", "[value][cac]") {
  const EventStore store = cac_store();
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01");
  const CacResult r = compute_cac(scope);
  // Byte order: "(" (0x28) sorts before letters.
  REQUIRE(r.channels == std::vector<std::string>{"(none)", "ads", "email", "partner", "seo", "tv"});
  const CostSpan& jan = r.periods.at(0);
  CHECK(jan.channels[channel(r, "partner")].new_customers == 1);  // c1
  CHECK(jan.channels[channel(r, "seo")].new_customers == 1);      // c2
  CHECK(jan.channels[channel(r, "email")].new_customers == 2);    // c3, c6
  CHECK(jan.channels[channel(r, "(none)")].new_customers == 1);   // c4
  CHECK(jan.channels[channel(r, "ads")].new_customers == 1);      // c5
  CHECK(jan.channels[channel(r, "tv")].new_customers == 0);

  // Spend at the period boundaries: ads Jan = 100 + 50, the 02-01 row is Feb's.
  CHECK(jan.channels[channel(r, "ads")].spend == M(150));
  CHECK(*jan.channels[channel(r, "ads")].cac == M(150));   // 150 / 1
  CHECK(*jan.channels[channel(r, "email")].cac == M(30));  // 60 / 2
  // New customers but no spend: CAC 0.
  CHECK(*jan.channels[channel(r, "partner")].cac == 0);
  CHECK(*jan.channels[channel(r, "(none)")].cac == 0);
  // Spend but no new customer: CAC null, spend still reported.
  CHECK(jan.channels[channel(r, "tv")].spend == M(300));
  CHECK_FALSE(jan.channels[channel(r, "tv")].cac.has_value());

  // Blended Jan = (150 + 60 + 300) / 6 = 85. Paid: channels with spend > 0
  // are ads, email, tv → 1 + 2 + 0 = 3 new customers; 510 / 3 = 170. Unpaid:
  // partner, seo, (none) → 3.
  CHECK(jan.spend == M(510));
  CHECK(jan.new_customers == 6);
  CHECK(*jan.blended_cac == M(85));
  CHECK(jan.paid_new_customers == 3);
  CHECK(jan.unpaid_new_customers == 3);
  CHECK(*jan.paid_cac == M(170));

  // Feb: ads 40 for c7.
  const CostSpan& feb = r.periods.at(1);
  CHECK(feb.channels[channel(r, "ads")].spend == M(40));
  CHECK(*feb.channels[channel(r, "ads")].cac == M(40));
  CHECK(*feb.blended_cac == M(40));
  CHECK(*feb.paid_cac == M(40));
  CHECK_FALSE(feb.channels[channel(r, "tv")].cac.has_value());  // neither spend nor customers

  // Window: ads 190 / 2 = 95; total 550 / 7 = 78.571428571… → 78.571429;
  // paid: ads 2 + email 2 + tv 0 = 4 → 550 / 4 = 137.5.
  CHECK(*r.window.channels[channel(r, "ads")].cac == M(95));
  CHECK(*r.window.blended_cac == 78'571'429);
  CHECK(r.window.paid_new_customers == 4);
  CHECK(r.window.unpaid_new_customers == 3);
  CHECK(*r.window.paid_cac == 137'500'000);
  CHECK_FALSE(r.window.channels[channel(r, "tv")].cac.has_value());
}

TEST_CASE("spend and new customers are cut at local midnights", "[value][cac]") {
  // 2024-01-31T23:00Z is 2024-02-01 00:00 in Berlin (UTC+1): Feb there, Jan in UTC.
  const EventStore store =
      make_store({{"k", "2024-01-31T23:30:00Z", "signup", std::nullopt, "ads"}}, {},
                 {{"2024-01-31T23:00:00Z", "ads", M(70)}});
  const Scope berlin =
      make_test_scope(store, "2023-12-31T23:00:00Z", "2024-02-29T23:00:00Z", "", "Europe/Berlin");
  const CacResult b = compute_cac(berlin);
  CHECK(b.periods.at(0).spend == 0);
  CHECK(b.periods.at(1).spend == M(70));
  CHECK(b.periods.at(1).new_customers == 1);
  const Scope utc = make_test_scope(store, "2024-01-01", "2024-03-01");
  const CacResult u = compute_cac(utc);
  CHECK(u.periods.at(0).spend == M(70));
  CHECK(u.periods.at(0).new_customers == 1);
}

TEST_CASE("spend and customers outside the window are left out", "[value][cac]") {
  const EventStore store =
      make_store({{"k", "2023-12-20", "signup", std::nullopt, "ads"},
                  {"m", "2024-01-05", "signup", std::nullopt, "ads"}},
                 {}, {{"2023-12-31", "ads", M(500)}, {"2024-01-02", "ads", M(8)}});
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-02-01");
  const CacResult r = compute_cac(scope);
  REQUIRE(r.channels == std::vector<std::string>{"ads"});
  CHECK(r.window.spend == M(8));
  CHECK(r.window.new_customers == 1);
  CHECK(*r.window.blended_cac == M(8));
}

namespace {

// Window [2024-01-01, 2024-06-01). Jan cohort: x (ads) and y (seo).
//   x: purchases 30 (01-10), 40 (02-10), 30 (03-10); refund 10 (03-20)
//      → net per month 30, 40, 20, 0, 0.
//   y: purchase 50 (01-05) → 50, 0, ...
// All: 80, 40, 20, 0, 0 → cumulative 80, 120, 140, 140, 140.
// ads cumulative: 30, 70, 90, 90, 90.
EventStore payback_store(Money ads_spend) {
  return make_store(
      {
          {"x", "2024-01-02", "signup", std::nullopt, "ads"},
          {"x", "2024-01-10", "purchase", M(30)},
          {"x", "2024-02-10", "purchase", M(40)},
          {"x", "2024-03-10", "purchase", M(30)},
          {"x", "2024-03-20", "refund", M(10)},
          {"y", "2024-01-03", "signup", std::nullopt, "seo"},
          {"y", "2024-01-05", "purchase", M(50)},
          {"z", "2024-05-31T12:00:00", "signup", std::nullopt, "ads"},
      },
      {}, {{"2024-01-01", "ads", ads_spend}});
}

const Payback& row(const PaybackResult& r, std::size_t cohort, const std::string& channel) {
  for (const Payback& p : r.rows) {
    if (p.cohort == cohort && p.channel == channel) return p;
  }
  FAIL("no payback row " << cohort << " " << channel);
  return r.rows.front();
}

}  // namespace

TEST_CASE("CAC payback reached exactly at month k, never reached, and with no spend",
          "[value][cac][payback]") {
  const EventStore store = payback_store(M(120));
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-06-01");
  auto r = compute_payback(scope);
  REQUIRE(r.ok());

  // All channels, Jan cohort: spend 120; cumulative 80 < 120, then 120 >= 120 → 2.
  const Payback& all = row(*r, 0, "");
  CHECK(all.new_customers == 2);
  CHECK(all.spend == M(120));
  CHECK(all.months_observed == 5);  // Jan..May began before 06-01
  CHECK(all.margin_revenue == M(140));
  REQUIRE(all.months.has_value());
  CHECK(*all.months == 2);

  // ads: spend 120, cumulative tops out at 90 → not paid back (null).
  const Payback& ads = row(*r, 0, "ads");
  CHECK(ads.new_customers == 1);
  CHECK(ads.margin_revenue == M(90));
  CHECK_FALSE(ads.months.has_value());

  // seo: no spend → null even though it has revenue.
  const Payback& seo = row(*r, 0, "seo");
  CHECK(seo.spend == 0);
  CHECK_FALSE(seo.months.has_value());

  // May cohort (z, ads, no spend in May, no revenue): one month observed, null.
  const Payback& may = row(*r, 4, "");
  CHECK(may.new_customers == 1);
  CHECK(may.months_observed == 1);
  CHECK_FALSE(may.months.has_value());
}

TEST_CASE("CAC payback applies the margin", "[value][cac][payback]") {
  // ads spend 35, m = 0.5: ads cumulative × 0.5 = 15, 35 → exactly at month 2.
  // All: 40, 60, ... ≥ 35 → month 1.
  const EventStore store = payback_store(M(35));
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-06-01");
  Scope m = scope;
  m.margin = 0.5;
  auto r = compute_payback(m);
  REQUIRE(r.ok());
  CHECK(*row(*r, 0, "ads").months == 2);
  CHECK(row(*r, 0, "ads").margin_revenue == M(45));  // 0.5 × 90
  CHECK(*row(*r, 0, "").months == 1);

  m.margin = 1.5;
  CHECK(compute_payback(m).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("calendar months from a mid-month start clamp to the month's end", "[value][cac]") {
  Calendar cal;
  // 2024-01-31 + 1 month = 2024-02-29 (leap year), + 2 = 03-31, + 13 = 2025-02-28.
  CHECK(add_calendar_months(T("2024-01-31"), 1, cal) == T("2024-02-29"));
  CHECK(add_calendar_months(T("2024-01-31"), 2, cal) == T("2024-03-31"));
  CHECK(add_calendar_months(T("2024-01-31"), 13, cal) == T("2025-02-28"));
  // In Berlin, local midnight of 2024-03-01 is 2024-02-29T23:00Z; a month
  // later (after the DST change) local midnight of 04-01 is 2024-03-31T22:00Z.
  auto berlin = TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  cal.tz = *berlin;
  CHECK(add_calendar_months(T("2024-02-29T23:00:00Z"), 1, cal) == T("2024-03-31T22:00:00Z"));
}

TEST_CASE("CAC payback with weekly periods counts calendar months from the month's start",
          "[value][cac][payback]") {
  // Window from Monday 2024-01-15: the cohort is January (clipped), months
  // [01-01, 02-01), [02-01, 03-01). w: purchases 20 on 02-14 and 20 on 02-15,
  // both in month 2. Spend 40 → 2.
  const EventStore store = make_store({{"w", "2024-01-16", "signup", std::nullopt, "ads"},
                                       {"w", "2024-02-14", "purchase", M(20)},
                                       {"w", "2024-02-15", "purchase", M(20)}},
                                      {}, {{"2024-01-17", "ads", M(40)}});
  const Scope scope =
      make_test_scope(store, "2024-01-15", "2024-03-01", "", "UTC", PeriodUnit::kWeek);
  auto r = compute_payback(scope);
  REQUIRE(r.ok());
  const Payback& all = row(*r, 0, "");
  CHECK(all.months_observed == 2);  // 01-01 and 02-01 began before 03-01
  CHECK(*all.months == 2);
}

TEST_CASE("CAC payback cohorts are calendar months whatever the report's period",
          "[value][cac][payback]") {
  // Window [2024-01-01, 2024-07-01). a (ads): signup 01-10, purchase 100 on
  // 01-20. b (ads): signup 02-10, purchases 30 on 02-20 and 03-20. Spend ads:
  // 100 on Monday 01-01, 60 on 02-05 (so spend and customers fall in
  // different weeks, but in the same months).
  //   Jan cohort: 1 customer, spend 100; revenue by month 100 → paid back in 1.
  //   Feb cohort: 1 customer, spend 60; revenue 30, 30 → cumulative 60 → 2.
  // A quarterly cohort would hold both (2 customers, spend 160).
  const EventStore store =
      make_store({{"a", "2024-01-10", "signup", std::nullopt, "ads"},
                  {"a", "2024-01-20", "purchase", M(100)},
                  {"b", "2024-02-10", "signup", std::nullopt, "ads"},
                  {"b", "2024-02-20", "purchase", M(30)},
                  {"b", "2024-03-20", "purchase", M(30)}},
                 {}, {{"2024-01-01", "ads", M(100)}, {"2024-02-05", "ads", M(60)}});
  for (PeriodUnit unit : {PeriodUnit::kDay, PeriodUnit::kWeek, PeriodUnit::kMonth,
                          PeriodUnit::kQuarter, PeriodUnit::kYear}) {
    INFO("period " << period_unit_name(unit));
    const Scope scope = make_test_scope(store, "2024-01-01", "2024-07-01", "", "UTC", unit);
    auto r = compute_payback(scope);
    REQUIRE(r.ok());
    REQUIRE(r->cohorts.size() == 6);  // Jan .. Jun
    CHECK(r->cohorts[0].label == "2024-01");
    CHECK(r->cohorts[1].label == "2024-02");
    const Payback& jan = row(*r, 0, "");
    CHECK(jan.new_customers == 1);
    CHECK(jan.spend == M(100));
    CHECK(jan.margin_revenue == M(100));
    CHECK(jan.months_observed == 6);
    REQUIRE(jan.months.has_value());
    CHECK(*jan.months == 1);
    const Payback& feb = row(*r, 1, "ads");
    CHECK(feb.new_customers == 1);
    CHECK(feb.spend == M(60));
    CHECK(feb.margin_revenue == M(60));
    CHECK(feb.months_observed == 5);
    REQUIRE(feb.months.has_value());
    CHECK(*feb.months == 2);
    CHECK(r->rows.size() == 4);  // Jan and Feb, each "all" and "ads"
  }
}

TEST_CASE("CAC payback cohorts are months in the report's time zone", "[value][cac][payback]") {
  // Berlin (UTC+1 in winter), quarterly report over Q1 2024 local. k signs up
  // at 2024-01-31T23:30Z = 02-01 00:30 local, the spend row 70 is dated at
  // local midnight of 02-01: both in the February cohort. k's purchase 70 at
  // 2024-02-29T23:30Z is 03-01 00:30 local: month 2 → paid back in 2.
  const EventStore store = make_store({{"k", "2024-01-31T23:30:00Z", "signup", std::nullopt, "ads"},
                                       {"k", "2024-02-29T23:30:00Z", "purchase", M(70)}},
                                      {}, {{"2024-01-31T23:00:00Z", "ads", M(70)}});
  const Scope scope = make_test_scope(store, "2023-12-31T23:00:00Z", "2024-03-31T22:00:00Z", "",
                                      "Europe/Berlin", PeriodUnit::kQuarter);
  auto r = compute_payback(scope);
  REQUIRE(r.ok());
  REQUIRE(r->cohorts.size() == 3);
  const Payback& feb = row(*r, 1, "");
  CHECK(r->cohorts[1].label == "2024-02");
  CHECK(feb.new_customers == 1);
  CHECK(feb.spend == M(70));
  CHECK(feb.months_observed == 2);  // local 02-01 and 03-01 began before local 04-01
  REQUIRE(feb.months.has_value());
  CHECK(*feb.months == 2);
}

TEST_CASE("CAC payback counts revenue from acquisition, never before the window",
          "[value][cac][payback]") {
  // Window [2024-01-15, 2024-04-01): the January cohort is clipped. p buys 50
  // on 01-05 (before `from`) and 40 on 01-18 (after `from`, before its signup
  // on 01-20); then 30 on 01-25 and 30 on 02-10. Spend ads 60 on 01-16.
  // Counted: month 1 (January) 30, month 2 (February) 30 → cumulative 30, 60
  // → paid back in 2; margin revenue 60. From the 1st of January it would be
  // 120 in month 1 (paid back in 1) and 150 in all.
  const EventStore store = make_store({{"p", "2024-01-05", "purchase", M(50)},
                                       {"p", "2024-01-18", "purchase", M(40)},
                                       {"p", "2024-01-20", "signup", std::nullopt, "ads"},
                                       {"p", "2024-01-25", "purchase", M(30)},
                                       {"p", "2024-02-10", "purchase", M(30)}},
                                      {}, {{"2024-01-16", "ads", M(60)}});
  const Scope scope = make_test_scope(store, "2024-01-15", "2024-04-01");
  auto r = compute_payback(scope);
  REQUIRE(r.ok());
  CHECK(r->cohorts[0].partial);
  const Payback& jan = row(*r, 0, "");
  CHECK(jan.new_customers == 1);
  CHECK(jan.spend == M(60));
  CHECK(jan.margin_revenue == M(60));
  CHECK(jan.months_observed == 3);  // Jan, Feb, Mar
  REQUIRE(jan.months.has_value());
  CHECK(*jan.months == 2);
  CHECK(*row(*r, 0, "ads").months == 2);
}
