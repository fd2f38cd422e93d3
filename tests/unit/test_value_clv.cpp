// Historical CLV, formula CLV and CLV:CAC on small stores; expected values
// worked out in the comments.
#include <catch2/catch.hpp>
#include <sstream>

#include "clm/activity.h"
#include "clm/clv.h"
#include "clm/clv_export.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

TEST_CASE("historical CLV counts revenue from acquisition to the as-of time, with the margin",
          "[value][clv]") {
  // Window [2024-01-01, 2024-04-01), grouped by plan.
  //   p (basic): purchase 40 on 01-05 before its signup on 01-10 (excluded),
  //      purchase 100 on 01-15, refund 30 on 01-20 → net 70.
  //   q (pro): acquired_at 02-01; purchase 50 on 01-20 (before, excluded),
  //      200 on 03-01, 999 on 04-01 (at the as-of time, excluded) → net 200.
  //   r (pro): only a touch → prospect, not covered.
  //   s (pro): acquired_at 04-02 after the as-of time → not covered.
  const EventStore store = make_store(
      {
          {"p", "2024-01-05", "purchase", M(40)},
          {"p", "2024-01-10", "signup"},
          {"p", "2024-01-15", "purchase", M(100)},
          {"p", "2024-01-20", "refund", M(30)},
          {"q", "2024-01-20", "purchase", M(50)},
          {"q", "2024-03-01", "purchase", M(200)},
          {"q", "2024-04-01", "purchase", M(999)},
          {"r", "2024-01-03", "touch", std::nullopt, "ads"},
      },
      {{"p", "", "", "basic"},
       {"q", "2024-02-01", "", "pro"},
       {"r", "", "", "pro"},
       {"s", "2024-04-02", "", "pro"}});
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-04-01", "plan");
  REQUIRE(scope.grouping.labels == std::vector<std::string>{"basic", "pro"});
  const CustomerIndex p = *store.find_customer("p"), q = *store.find_customer("q"),
                      r = *store.find_customer("r"), s = *store.find_customer("s");

  SECTION("margin 1") {
    auto h = compute_historical_clv(scope);
    REQUIRE(h.ok());
    CHECK(h->net_revenue[p] == M(70));
    CHECK(h->clv[p] == M(70));
    CHECK(h->clv[q] == M(200));
    CHECK(h->covered[r] == 0);
    CHECK(h->covered[s] == 0);
    CHECK(h->groups[0].customers == 1);
    CHECK(*h->groups[0].mean == M(70));
    CHECK(h->groups[1].customers == 1);  // q only
    CHECK(*h->groups[1].mean == M(200));
  }
  SECTION("margin 0.6") {
    Scope m = scope;
    m.margin = 0.6;
    auto h = compute_historical_clv(m);
    REQUIRE(h.ok());
    CHECK(h->net_revenue[p] == M(70));
    CHECK(h->clv[p] == M(42));   // 0.6 × 70
    CHECK(h->clv[q] == M(120));  // 0.6 × 200
    CHECK(*h->groups[1].mean == M(120));
    CHECK(h->groups[1].total == M(120));
  }
  SECTION("a margin outside [0, 1] is rejected") {
    Scope m = scope;
    m.margin = -0.1;
    CHECK(compute_historical_clv(m).status().code() == Status::Code::kInvalidArgument);
  }
  SECTION("per-customer CSV export") {
    Scope m = scope;
    m.margin = 0.6;
    auto h = compute_historical_clv(m);
    REQUIRE(h.ok());
    std::ostringstream out;
    REQUIRE(write_historical_clv_csv(out, scope, *h).ok());
    CHECK(out.str() ==
          "customer_id,group,acquired_at,channel,net_revenue,clv\n"
          "p,basic,2024-01-10T00:00:00Z,(none),70.000000,42.000000\n"
          "q,pro,2024-02-01T00:00:00Z,(none),200.000000,120.000000\n");
  }
}

namespace {

// Window [2023-12-15, 2024-04-10): the complete months are Jan, Feb, Mar.
//   u: purchase 100 on 2023-10-15 (acquired then). Active at Jan 1 (within
//      90 days), not at Feb 1 → in S of Jan, churned in Jan.
//   v: signup 2023-12-01, purchases 60 (01-10), 30 (02-10), 30 (03-10):
//      active at every month start and end.
// S: Jan {u, v}, Feb {v}, Mar {v} → Σ|S| = 4, churned 1 → churn 0.25.
// Active during: Jan {u, v} → ARPU 60 / 2 = 30; Feb {v} → 30; Mar {v} → 30.
EventStore formula_store(bool with_u) {
  std::vector<Ev> events = {
      {"v", "2023-12-01", "signup"},
      {"v", "2024-01-10", "purchase", M(60)},
      {"v", "2024-02-10", "purchase", M(30)},
      {"v", "2024-03-10", "purchase", M(30)},
  };
  if (with_u) events.push_back({"u", "2023-10-15", "purchase", M(100)});
  return make_store(events);
}

}  // namespace

TEST_CASE("formula CLV = m × mean monthly ARPU / pooled monthly churn over complete months",
          "[value][clv]") {
  const EventStore store = formula_store(true);
  const Scope scope = make_test_scope(store, "2023-12-15", "2024-04-10");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto f = compute_formula_clv(scope, *activity);
  REQUIRE(f.ok());
  REQUIRE(f->size() == 1);
  const FormulaClv& all = (*f)[0];
  CHECK(all.months == 3);
  CHECK(all.arpu_months == 3);
  CHECK(*all.mean_arpu == M(30));
  CHECK(all.churn.count == 1);
  CHECK(all.churn.denominator == 4);
  CHECK(*all.churn.rate == Approx(0.25));
  CHECK(*all.clv == M(120));  // 30 / 0.25

  Scope m = scope;
  m.margin = 0.5;
  auto half = compute_formula_clv(m, *activity);
  REQUIRE(half.ok());
  CHECK(*(*half)[0].clv == M(60));  // 0.5 × 30 / 0.25
}

TEST_CASE("formula CLV is null with zero churn", "[value][clv]") {
  // Only v: S = {v} each month, nobody churns. ARPU Jan 60, Feb 30, Mar 30 → mean 40.
  const EventStore store = formula_store(false);
  const Scope scope = make_test_scope(store, "2023-12-15", "2024-04-10");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto f = compute_formula_clv(scope, *activity);
  REQUIRE(f.ok());
  const FormulaClv& all = (*f)[0];
  CHECK(*all.mean_arpu == M(40));
  CHECK(all.churn.count == 0);
  CHECK(all.churn.denominator == 3);
  CHECK(*all.churn.rate == 0.0);
  CHECK_FALSE(all.clv.has_value());
}

TEST_CASE("formula CLV is null without a complete month", "[value][clv]") {
  const EventStore store = formula_store(true);
  const Scope scope = make_test_scope(store, "2024-01-05", "2024-01-25");
  auto activity = ActivityModel::build(scope.store, scope.acquisition, scope.window.to);
  REQUIRE(activity.ok());
  auto f = compute_formula_clv(scope, *activity);
  REQUIRE(f.ok());
  CHECK((*f)[0].months == 0);
  CHECK_FALSE((*f)[0].mean_arpu.has_value());
  CHECK_FALSE((*f)[0].clv.has_value());
}

TEST_CASE("CLV:CAC per channel against the 3:1 benchmark", "[value][clv]") {
  // Window [2024-01-01, 2024-03-01).
  //   ads: a1 (net 300), a2 (net 100) → mean CLV 200; spend 100 → CAC 50 → 4.0 ≥ 3.
  //   email: e1 (net 60); spend 30 → CAC 30 → 2.0 < 3.
  //   seo: s1 (net 10); no spend → CAC 0 → ratio null.
  //   tv: spend 10, no customer → CAC null, mean null, ratio null.
  //   old (ads, acquired before the window) is not a new customer.
  const EventStore store = make_store(
      {
          {"a1", "2024-01-02", "signup", std::nullopt, "ads"},
          {"a1", "2024-01-03", "purchase", M(300)},
          {"a2", "2024-02-02", "signup", std::nullopt, "ads"},
          {"a2", "2024-02-03", "purchase", M(100)},
          {"e1", "2024-01-05", "signup", std::nullopt, "email"},
          {"e1", "2024-01-06", "purchase", M(60)},
          {"s1", "2024-01-07", "signup", std::nullopt, "seo"},
          {"s1", "2024-01-08", "purchase", M(10)},
          {"old", "2023-11-01", "signup", std::nullopt, "ads"},
          {"old", "2024-01-09", "purchase", M(5000)},
      },
      {},
      {{"2024-01-01", "ads", M(100)}, {"2024-01-01", "email", M(30)}, {"2024-01-01", "tv", M(10)}});
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01");
  auto h = compute_historical_clv(scope);
  REQUIRE(h.ok());
  const CacResult cac = compute_cac(scope);
  auto r = compute_clv_cac(scope, cac, h->clv);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 4);
  const ChannelClvCac& ads = (*r)[0];
  CHECK(ads.channel == "ads");
  CHECK(ads.new_customers == 2);
  CHECK(*ads.mean_clv == M(200));
  CHECK(*ads.cac == M(50));
  CHECK(*ads.ratio == Approx(4.0));
  CHECK(*ads.meets_benchmark);
  const ChannelClvCac& email = (*r)[1];
  CHECK(*email.ratio == Approx(2.0));
  CHECK_FALSE(*email.meets_benchmark);
  const ChannelClvCac& seo = (*r)[2];
  CHECK(*seo.cac == 0);
  CHECK_FALSE(seo.ratio.has_value());
  CHECK_FALSE(seo.meets_benchmark.has_value());
  const ChannelClvCac& tv = (*r)[3];
  CHECK(tv.new_customers == 0);
  CHECK_FALSE(tv.mean_clv.has_value());
  CHECK_FALSE(tv.cac.has_value());
  CHECK_FALSE(tv.ratio.has_value());

  // The CLV input is any per-customer vector (e.g. a predictive estimate).
  std::vector<Money> flat(store.customer_count(), M(150));
  auto r2 = compute_clv_cac(scope, cac, flat);
  REQUIRE(r2.ok());
  CHECK(*(*r2)[0].ratio == Approx(3.0));  // 150 / 50
  CHECK(*(*r2)[0].meets_benchmark);
  CHECK(compute_clv_cac(scope, cac, std::vector<Money>(1)).status().code() ==
        Status::Code::kInvalidArgument);
}

TEST_CASE("CLV:CAC divides the exact mean CLV by the exact CAC", "[value][clv]") {
  // Window [2024-01-01, 2024-02-01).
  //   ads: a, b, c buy 12 each → mean CLV 12; spend 10 → CAC 10/3 (shown
  //        3.333333). Exact ratio 12 / (10/3) = 36/10 = 3.6; over the rounded
  //        CAC it would be 12 / 3.333333 = 3.60000036.
  //   seo: d, e, f buy 20 each → mean 20; spend 20 → CAC 20/3 (shown 6.666667).
  //        Exact ratio 20 / (20/3) = 3, which meets the 3:1 benchmark; over the
  //        rounded CAC it would be 2.99999985 and miss it.
  std::vector<Ev> events;
  for (const char* id : {"a", "b", "c"}) {
    events.push_back({id, "2024-01-02", "signup", std::nullopt, "ads"});
    events.push_back({id, "2024-01-03", "purchase", M(12)});
  }
  for (const char* id : {"d", "e", "f"}) {
    events.push_back({id, "2024-01-02", "signup", std::nullopt, "seo"});
    events.push_back({id, "2024-01-03", "purchase", M(20)});
  }
  const EventStore store =
      make_store(events, {}, {{"2024-01-01", "ads", M(10)}, {"2024-01-01", "seo", M(20)}});
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-02-01");
  auto h = compute_historical_clv(scope);
  REQUIRE(h.ok());
  auto r = compute_clv_cac(scope, compute_cac(scope), h->clv);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  const ChannelClvCac& ads = (*r)[0];
  CHECK(*ads.cac == 3'333'333);
  REQUIRE(ads.ratio.has_value());
  CHECK(*ads.ratio == 3.6);  // the double nearest 36/10, not an approximation of it
  CHECK(*ads.meets_benchmark);
  const ChannelClvCac& seo = (*r)[1];
  CHECK(*seo.cac == 6'666'667);
  REQUIRE(seo.ratio.has_value());
  CHECK(*seo.ratio == 3.0);
  CHECK(*seo.meets_benchmark);
}
