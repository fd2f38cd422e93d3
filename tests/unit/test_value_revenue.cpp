// Revenue, AOV, ARPU, repeat purchases and NRR/GRR on small stores; every
// expected value is worked out by hand in the comment beside it.
#include <catch2/catch.hpp>

#include "clm/activity.h"
#include "clm/revenue.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// Window [2024-01-01, 2024-04-01), monthly: Jan, Feb, Mar.
//   a: signup 01-05; purchases 100 (01-10), 50 (02-10); refund 20 (02-15).
//   b: purchases 200 (01-20), 300 (02-20), 150 (03-20)  — grows Jan→Feb.
//   c: purchase 40 (03-05).
//   d: purchases 80 (2023-12-10, before the window), 40 (01-15).
// Net per month: a 100 | 30 | 0, b 200 | 300 | 150, c 0 | 0 | 40, d (Dec 80) 40 | 0 | 0.
EventStore revenue_store() {
  return make_store({
      {"a", "2024-01-05", "signup"},
      {"a", "2024-01-10", "purchase", M(100)},
      {"a", "2024-02-10", "purchase", M(50)},
      {"a", "2024-02-15", "refund", M(20)},
      {"b", "2024-01-20", "purchase", M(200)},
      {"b", "2024-02-20", "purchase", M(300)},
      {"b", "2024-03-20", "purchase", M(150)},
      {"c", "2024-03-05", "purchase", M(40)},
      {"d", "2023-12-10", "purchase", M(80)},
      {"d", "2024-01-15", "purchase", M(40)},
  });
}

RevenueResult at(const Breakdown<RevenueCell>& b, std::size_t p) {
  return revenue_result(b.at(0, p));
}

}  // namespace

TEST_CASE("money_per rounds half away from zero", "[value][revenue]") {
  CHECK_FALSE(money_per(5, 0).has_value());
  CHECK(*money_per(7, 2) == 4);    // 3.5 → 4
  CHECK(*money_per(-7, 2) == -4);  // −3.5 → −4
  CHECK(*money_per(5, 3) == 2);    // 1.67 → 2
  CHECK(*money_per(4, 3) == 1);    // 1.33 → 1
}

TEST_CASE("net revenue, AOV, ARPU and repeat purchases per month and over the window",
          "[value][revenue]") {
  const EventStore store = revenue_store();
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-04-01");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto b = compute_revenue(scope, *activity);
  REQUIRE(b.ok());
  REQUIRE(b->periods() == 3);

  // Window: purchases a 150 + b 650 + c 40 + d 40 (Dec excluded) = 880 in 7
  // purchases; one refund of 20; net 860.
  const RevenueResult w = revenue_result(b->window(0));
  CHECK(w.purchase_amount == M(880));
  CHECK(w.purchase_count == 7);
  CHECK(w.refund_amount == M(20));
  CHECK(w.refund_count == 1);
  CHECK(w.net_revenue == M(860));
  CHECK(*w.aov == 125'714'286);  // 880 / 7 = 125.7142857… → 125.714286
  // All four are active during the window: ARPU = 860 / 4 = 215.
  CHECK(w.active_customers == 4);
  CHECK(*w.arpu == M(215));
  // As of 2024-04-01: buyers a, b, c, d; repeat a, b, d → 3 / 4.
  CHECK(w.repeat_purchase.denominator == 4);
  CHECK(w.repeat_purchase.count == 3);
  CHECK(*w.repeat_purchase.rate == Approx(0.75));

  // Jan: purchases 100 + 200 + 40 = 340 (3); active a, b, d (d by its Dec
  // purchase, c not yet acquired) → ARPU 340 / 3 = 113.333333.
  const RevenueResult jan = at(*b, 0);
  CHECK(jan.net_revenue == M(340));
  CHECK(jan.purchase_count == 3);
  CHECK(jan.active_customers == 3);
  CHECK(*jan.arpu == 113'333'333);
  // As of Feb 1: buyers a, b, d; repeat d (Dec and Jan) → 1 / 3.
  CHECK(jan.repeat_purchase.denominator == 3);
  CHECK(jan.repeat_purchase.count == 1);

  // Feb: 50 + 300 − 20 = 330; active a, b, d (d's Jan 15 purchase) → 110.
  const RevenueResult feb = at(*b, 1);
  CHECK(feb.net_revenue == M(330));
  CHECK(feb.refund_count == 1);
  CHECK(*feb.aov == M(175));  // (50 + 300) / 2
  CHECK(feb.active_customers == 3);
  CHECK(*feb.arpu == M(110));
  CHECK(feb.repeat_purchase.count == 3);  // a, b, d as of Mar 1

  // Mar: 150 + 40 = 190; active a (02-10 within 90 days), b, c, d (01-15 + 90 d
  // = 04-14) → 190 / 4 = 47.5.
  const RevenueResult mar = at(*b, 2);
  CHECK(mar.net_revenue == M(190));
  CHECK(mar.active_customers == 4);
  CHECK(*mar.arpu == 47'500'000);
}

TEST_CASE("NRR and GRR with a customer who grows and one who shrinks", "[value][revenue]") {
  const EventStore store = revenue_store();
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-04-01");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto b = compute_revenue(scope, *activity);
  REQUIRE(b.ok());

  // Jan: the previous period is Dec 2023 (look-back): only d had revenue (80);
  // d's Jan revenue 40 → NRR = GRR = 40 / 80 = 0.5.
  const RevenueResult jan = at(*b, 0);
  CHECK(jan.retention_customers == 1);
  CHECK(jan.retention_base == M(80));
  CHECK(*jan.nrr == Approx(0.5));
  CHECK(*jan.grr == Approx(0.5));

  // Feb: base = Jan revenue of a (100), b (200), d (40) = 340. Feb revenue:
  // a 30 (shrinks), b 300 (grows), d 0 → NRR = 330 / 340.
  // GRR caps b at 200: (30 + 200 + 0) / 340.
  const RevenueResult feb = at(*b, 1);
  CHECK(feb.retention_customers == 3);
  CHECK(feb.retention_base == M(340));
  CHECK(*feb.nrr == Approx(330.0 / 340.0));
  CHECK(*feb.grr == Approx(230.0 / 340.0));

  // Mar: base = a 30 + b 300 = 330; Mar revenue a 0, b 150 → NRR = GRR = 150 / 330.
  // (c's Mar revenue does not count: it had none in Feb.)
  const RevenueResult mar = at(*b, 2);
  CHECK(mar.retention_base == M(330));
  CHECK(*mar.nrr == Approx(150.0 / 330.0));
  CHECK(*mar.grr == Approx(150.0 / 330.0));

  // Window pools the periods: base 80 + 340 + 330 = 750; current 40 + 330 +
  // 150 = 520; capped 40 + 230 + 150 = 420.
  const RevenueResult w = revenue_result(b->window(0));
  CHECK(w.retention_base == M(750));
  CHECK(*w.nrr == Approx(520.0 / 750.0));
  CHECK(*w.grr == Approx(420.0 / 750.0));
  CHECK(*w.grr <= 1.0);
}

TEST_CASE("revenue rates are null without their denominators", "[value][revenue]") {
  // One signup and no purchase: no AOV, no repeat rate, no NRR base.
  const EventStore store = make_store({{"x", "2024-01-10", "signup"}});
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-02-01");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto b = compute_revenue(scope, *activity);
  REQUIRE(b.ok());
  const RevenueResult w = revenue_result(b->window(0));
  CHECK_FALSE(w.aov.has_value());
  CHECK_FALSE(w.repeat_purchase.rate.has_value());
  CHECK_FALSE(w.nrr.has_value());
  CHECK_FALSE(w.grr.has_value());
  CHECK(w.active_customers == 1);
  CHECK(*w.arpu == 0);  // revenue 0 over 1 active customer is 0, not null
}

TEST_CASE("revenue per group in a non-UTC zone", "[value][revenue]") {
  // Europe/Berlin is UTC+1 in winter: 2024-01-31T23:30Z is Feb 1, 00:30 local.
  const EventStore store = make_store(
      {
          {"p", "2024-01-10T12:00:00Z", "purchase", M(10)},
          {"p", "2024-01-31T23:30:00Z", "purchase", M(20)},
          {"q", "2024-01-31T22:30:00Z", "purchase", M(5)},
      },
      {{"p", "", "", "pro"}, {"q", "", "", "basic"}});
  // Window: local 2024-01-01 00:00 to 2024-03-01 00:00 Berlin.
  const Scope scope = make_test_scope(store, "2023-12-31T23:00:00Z", "2024-02-29T23:00:00Z", "plan",
                                      "Europe/Berlin");
  REQUIRE(scope.grouping.labels == std::vector<std::string>{"basic", "pro"});
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto b = compute_revenue(scope, *activity);
  REQUIRE(b.ok());
  // basic (q): 5 at 23:30 local on Jan 31 → Jan.
  CHECK(b->at(0, 0).net_revenue() == M(5));
  CHECK(b->at(0, 1).net_revenue() == 0);
  // pro (p): 10 in Jan, 20 in Feb (local), so Feb NRR = 20 / 10 = 2, GRR = 10 / 10 = 1.
  CHECK(b->at(1, 0).net_revenue() == M(10));
  CHECK(b->at(1, 1).net_revenue() == M(20));
  const RevenueResult feb = revenue_result(b->at(1, 1));
  CHECK(*feb.nrr == Approx(2.0));
  CHECK(*feb.grr == Approx(1.0));
  // Repeat buyers of pro as of the end of Jan (local): only one purchase yet.
  CHECK(b->at(1, 0).repeat_buyers == 0);
  CHECK(b->at(1, 1).repeat_buyers == 1);
}
