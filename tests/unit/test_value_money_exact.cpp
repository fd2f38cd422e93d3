// Money stays exact beyond 2^53 millionths (where a double stops holding every
// integer): the margin, the money quotients and the range of the sums.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "clm/activity.h"
#include "clm/clv.h"
#include "clm/ingest.h"
#include "clm/money.h"
#include "clm/revenue.h"
#include "test_ingest_util.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

constexpr Money kMax = INT64_MAX;                      // 9223372036854.775807
constexpr Money kBig = 12'345'678'901'234'567;         // 12345678901.234567, > 2^53
constexpr Money kAboveDouble = 9'007'199'254'740'993;  // 2^53 + 1: no double holds it

}  // namespace

TEST_CASE("a margin is the decimal it was written as", "[value][money]") {
  CHECK(decimal_fraction(0.6).numerator == 6);
  CHECK(decimal_fraction(0.6).decimals == 1);
  CHECK(decimal_fraction(1.0).numerator == 1);
  CHECK(decimal_fraction(1.0).decimals == 0);
  CHECK(decimal_fraction(0.0).numerator == 0);
  CHECK(decimal_fraction(1.25e-7).numerator == 125);
  CHECK(decimal_fraction(1.25e-7).decimals == 9);
  CHECK(decimal_fraction(0.123456789012345).numerator == 123456789012345);
  CHECK(decimal_fraction(0.123456789012345).decimals == 15);
}

TEST_CASE("the margin is applied in exact integers, rounded half away from zero",
          "[value][money]") {
  // Margin 1 leaves every amount as it is.
  CHECK(scale_money(kBig, 1.0) == kBig);
  CHECK(scale_money(kAboveDouble, 1.0) == kAboveDouble);
  CHECK(scale_money(kMax, 1.0) == kMax);
  CHECK(scale_money(-kMax, 1.0) == -kMax);
  // 12345678901234567 × 6 / 10 = 7407407340740740.2 → …740.
  CHECK(scale_money(kBig, 0.6) == 7'407'407'340'740'740);
  // (2^53 + 1) / 2 = 4503599627370496.5 → …497, and the negative tie → −…497.
  CHECK(scale_money(kAboveDouble, 0.5) == 4'503'599'627'370'497);
  CHECK(scale_money(-kAboveDouble, 0.5) == -4'503'599'627'370'497);
  // Small ties: 5 × 0.3 = 1.5 → 2; 25 × 0.1 = 2.5 → 3; 3 × 0.5 = 1.5 → 2.
  CHECK(scale_money(5, 0.3) == 2);
  CHECK(scale_money(-5, 0.3) == -2);
  CHECK(scale_money(25, 0.1) == 3);
  CHECK(scale_money(3, 0.5) == 2);
  CHECK(scale_money(kMax, 0.0) == 0);
  // 9223372036854775807 × 10^-30 is far below half a millionth.
  CHECK(scale_money(kMax, 1e-30) == 0);
  // 9223372036854775807 × 3 / 10^19 = 2.77 → 3 (a margin with 19 decimals).
  CHECK(scale_money(kMax, 3e-19) == 3);
}

TEST_CASE("historical CLV of an amount above 2^53 millionths is exact", "[value][money][clv]") {
  const EventStore store = make_store({{"a", "2024-01-10", "purchase", kBig}});
  Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01");
  auto h = compute_historical_clv(scope);
  REQUIRE(h.ok());
  const CustomerIndex a = *store.find_customer("a");
  CHECK(h->net_revenue[a] == kBig);
  CHECK(h->clv[a] == kBig);  // 12345678901.234567, not …234568
  CHECK(*h->groups[0].mean == kBig);
  scope.margin = 0.6;
  h = compute_historical_clv(scope);
  REQUIRE(h.ok());
  CHECK(h->clv[a] == 7'407'407'340'740'740);
}

TEST_CASE("formula CLV's mean monthly ARPU of the largest amount stays exact and positive",
          "[value][money][clv]") {
  // v signs up on 2023-12-01 and buys for 9223372036854.775807 on 2024-01-10.
  // January is the only complete month in [2023-12-15, 2024-02-10); v is the
  // one customer active during it, and is still active at its end (no churn).
  const EventStore store =
      make_store({{"v", "2023-12-01", "signup"}, {"v", "2024-01-10", "purchase", kMax}});
  const Scope scope = make_test_scope(store, "2023-12-15", "2024-02-10");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto f = compute_formula_clv(scope, *activity);
  REQUIRE(f.ok());
  const FormulaClv& all = (*f)[0];
  CHECK(all.months == 1);
  REQUIRE(all.mean_arpu.has_value());
  CHECK(*all.mean_arpu == kMax);
  CHECK(all.churn.count == 0);
  CHECK_FALSE(all.clv.has_value());
}

TEST_CASE("a formula CLV beyond the money range is an error, never a sign flip",
          "[value][money][clv]") {
  // Complete months Jan, Feb, Mar 2024 of [2023-12-15, 2024-04-10).
  //   u: signup 2023-10-15, active until 2024-01-13: in S of Jan, churns in Jan.
  //   v: signup 2023-12-01, purchase X = 9000000000000 on 01-10: active throughout.
  //   k new customers sign up on 02-10: active during Feb, in S of Mar.
  // ARPU: Jan X / 2 (u, v), Feb 0, Mar 0 → mean X / 6 = 1500000000000.
  // Churn: 1 / (|S| Jan 2 + Feb 1 + Mar k + 1) → CLV = X / 6 × (k + 4).
  const Money x = 9'000'000'000'000'000'000;
  auto formula = [&](int k) {
    std::vector<Ev> events = {{"u", "2023-10-15", "signup"},
                              {"v", "2023-12-01", "signup"},
                              {"v", "2024-01-10", "purchase", x}};
    for (int i = 0; i < k; ++i) events.push_back({"w" + std::to_string(i), "2024-02-10", "signup"});
    const EventStore store = make_store(events);
    const Scope scope = make_test_scope(store, "2023-12-15", "2024-04-10");
    auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
    REQUIRE(activity.ok());
    return compute_formula_clv(scope, *activity);
  };
  auto one = formula(1);  // 1500000000000 × 5 = 7500000000000: in range
  REQUIRE(one.ok());
  CHECK(*(*one)[0].mean_arpu == 1'500'000'000'000'000'000);
  CHECK((*one)[0].churn.count == 1);
  CHECK((*one)[0].churn.denominator == 5);
  CHECK(*(*one)[0].clv == 7'500'000'000'000'000'000);
  auto ten = formula(10);  // 1500000000000 × 14 = 21000000000000: beyond 2^63 millionths
  REQUIRE_FALSE(ten.ok());
  CHECK(ten.status().code() == Status::Code::kDataError);
  CHECK(ten.status().message() ==
        "formula CLV of group 'all' is beyond the exact money range (±9223372036854.775807): "
        "mean monthly ARPU 1500000000000.000000 with monthly churn 1/14");
}

TEST_CASE("formula CLV rounds the exact mean of the monthly ARPUs once", "[value][money][clv]") {
  // Monthly ARPUs 1/3, 1/3 and 1/3 millionth average to exactly 1/3 (→ 0), and
  // 2/3 + 2/3 + 2/3 to 2/3 (→ 1): three customers active in every month, a
  // buying 1 (or 2) millionths each month, b and c buying 1 and refunding it.
  for (const Money each : {Money{1}, Money{2}}) {
    std::vector<Ev> events;
    for (const char* id : {"a", "b", "c"}) events.push_back({id, "2023-12-01", "signup"});
    for (const char* day : {"2024-01-10", "2024-02-10", "2024-03-10"}) {
      events.push_back({"a", day, "purchase", each});
      for (const char* other : {"b", "c"}) {
        events.push_back({other, day, "purchase", Money{1}});
        events.push_back({other, day, "refund", Money{1}});
      }
    }
    const EventStore store = make_store(events);
    const Scope scope = make_test_scope(store, "2023-12-15", "2024-04-10");
    auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
    REQUIRE(activity.ok());
    auto f = compute_formula_clv(scope, *activity);
    REQUIRE(f.ok());
    CHECK((*f)[0].arpu_months == 3);
    CHECK(*(*f)[0].mean_arpu == (each == 1 ? 0 : 1));
  }
}

TEST_CASE("ARPU of the largest single purchase is that purchase", "[value][money][revenue]") {
  CHECK(*money_per(kMax, 1) == kMax);
  CHECK(*money_per(-kMax, 1) == -kMax);
  CHECK(*money_per(kMax, 2) == 4'611'686'018'427'387'904);  // …903.5 → …904
}

TEST_CASE("revenue and spend sums are checked apart, naming the file and column",
          "[value][money][ingest]") {
  using ingest_test::Kind;
  const std::string max = "9223372036854.775807";
  SECTION("each at the limit is fine") {
    EventStoreBuilder b;
    REQUIRE(ingest_test::read_table(
                Kind::kEvents,
                "customer_id,timestamp,type,amount\nc,2024-01-10,purchase," + max + "\n", "e.csv",
                InputFormat::kCsv, b)
                .status.ok());
    REQUIRE(ingest_test::read_table(Kind::kSpend,
                                    "date,channel,amount\n2024-01-01,ads," + max + "\n", "s.csv",
                                    InputFormat::kCsv, b)
                .status.ok());
    auto st = b.build();
    INFO(st.status().message());
    REQUIRE(st.ok());
    CHECK(st->amounts()[0] == kMax);
    CHECK(st->spend_amounts()[0] == kMax);
  }
  SECTION("purchases and refunds beyond the limit") {
    EventStoreBuilder b;
    REQUIRE(ingest_test::read_table(Kind::kEvents,
                                    "customer_id,timestamp,type,amount\n"
                                    "c,2024-01-10,purchase," +
                                        max +
                                        "\n"
                                        "c,2024-01-11,refund,0.000001\n",
                                    "e.csv", InputFormat::kCsv, b)
                .status.ok());
    auto st = b.build();
    REQUIRE_FALSE(st.ok());
    CHECK(st.status().code() == Status::Code::kDataError);
    CHECK(st.status().message() ==
          "e.csv: column 'amount': purchase and refund amounts add up beyond the exact money "
          "range of ±9223372036854.775807");
  }
  SECTION("spend beyond the limit") {
    EventStoreBuilder b;
    REQUIRE(ingest_test::read_table(
                Kind::kSpend,
                "date,channel,amount\n2024-01-01,ads," + max + "\n2024-01-02,tv,0.000001\n",
                "s.csv", InputFormat::kCsv, b)
                .status.ok());
    auto st = b.build();
    REQUIRE_FALSE(st.ok());
    CHECK(st.status().message() ==
          "s.csv: column 'amount': spend amounts add up beyond the exact money range of "
          "±9223372036854.775807");
  }
}
