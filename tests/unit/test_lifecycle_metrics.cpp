// Churn, cohorts, survival, stages, activation and RFM on small stores; every
// expected value is worked out by hand in the comments.

#include <catch2/catch.hpp>

#include "clm/activation.h"
#include "clm/churn.h"
#include "clm/cohorts.h"
#include "clm/customer_reports.h"
#include "clm/rfm.h"
#include "clm/stages.h"
#include "clm/survival.h"
#include "test_lifecycle_util.h"

using namespace clm;
using namespace clm::testing;

namespace {

Scope scope_of(const EventStore& store, const std::string& from, const std::string& to) {
  ScopeOptions o;
  o.from = T(from);
  o.to = T(to);
  return *make_scope(std::make_shared<const EventStore>(store), o);
}

ActivityModel model_of(const Scope& scope, std::int64_t w_days) {
  ActivityOptions a;
  a.inactivity_window_days = w_days;
  return *ActivityModel::build(scope.store, scope.acquisition, scope.window.to, a);
}

// W = 30 days, window [Jan 1, Apr 15) 2024, months Jan Feb Mar Apr(partial).
// Boundaries t0 = Jan 1, t1 = Feb 1, t2 = Mar 1, t3 = Apr 1, t4 = Apr 15.
EventStore churn_store() {
  return make_store({
      // w: signup Jan 2 (Jan 2, Feb 1] + purchase Jan 31 (Jan 31, Mar 1]: exactly
      //    W before t2, so active at t1, t2.
      {"w", "2024-01-02", "signup"},
      {"w", "2024-01-31", "purchase", M(1)},
      // b: acquired exactly at t1 (new in Feb, not in Feb's S); (Feb 1, Mar 2]: active at t2.
      {"b", "2024-02-01", "signup"},
      // r: acquired Dec 1 2023, inactive at t0, t1; purchase Feb 10 → (Feb 10, Mar 11]:
      //    reactivated in Feb, active at t2.
      {"r", "2023-12-01", "signup"},
      {"r", "2024-02-10", "purchase", M(1)},
      // k: subscription open since Dec 15 2023: active at every boundary.
      {"k", "2023-11-01", "signup"},
      {"k", "2023-12-15", "subscription_start"},
      // q: subscription opened and closed inside Feb: at no boundary.
      {"q", "2023-10-01", "signup"},
      {"q", "2024-02-05", "subscription_start"},
      {"q", "2024-02-20", "subscription_cancel"},
      // m: (Jan 10, Feb 9] ∪ (Feb 15, Apr 4]: active at t1, t2, t3. Feb refund 50 >
      //    Feb purchases 20.
      {"m", "2024-01-10", "signup"},
      {"m", "2024-01-10", "purchase", M(100)},
      {"m", "2024-02-15", "purchase", M(20)},
      {"m", "2024-02-20", "refund", M(50)},
      {"m", "2024-03-05", "purchase", M(50)},
      // p: a prospect.
      {"p", "2024-01-05", "touch"},
  });
}

}  // namespace

TEST_CASE("churn: per period and pooled", "[lifecycle][churn]") {
  auto store = churn_store();
  auto scope = scope_of(store, "2024-01-01", "2024-04-15");
  auto model = model_of(scope, 30);
  auto r = compute_churn(scope, model);
  REQUIRE(r.groups.size() == 1);
  const auto& g = r.groups[0];
  REQUIRE(g.periods.size() == 4);
  // Active at: t0 {k}; t1 {w,k,m}; t2 {b,w,r,k,m}; t3 {k,m}; t4 {k}.
  struct Want {
    std::int64_t s, e, kept, churned, fresh, react;
  };
  const Want want[] = {
      {1, 3, 1, 0, 2, 0},  // Jan: new w, m
      {3, 5, 3, 0, 1, 1},  // Feb: new b (acquired at p0), r reactivated
      {5, 2, 2, 3, 0, 0},  // Mar: b, w, r churn
      {2, 1, 1, 1, 0, 0},  // Apr: m churns
  };
  for (std::size_t p = 0; p < 4; ++p) {
    INFO("period " << p);
    const auto& c = g.periods[p];
    CHECK(c.start_active == want[p].s);
    CHECK(c.end_active == want[p].e);
    CHECK(c.retained == want[p].kept);
    CHECK(c.churned == want[p].churned);
    CHECK(c.new_customers == want[p].fresh);
    CHECK(c.reactivated == want[p].react);
  }
  CHECK(*g.periods[2].churn.rate == Approx(0.6));  // 3 / 5
  CHECK(*g.periods[0].retention.rate == Approx(1.0));
  // Pooled: Σ|S| = 11, Σ churned = 4, Σ retained = 7.
  CHECK(g.window.start_active == 11);
  CHECK(g.window.churned == 4);
  CHECK(*g.window.churn.rate == Approx(4.0 / 11));
  CHECK(*g.window.retention.rate == Approx(7.0 / 11));
  CHECK(g.window.new_customers == 3);
  CHECK(g.window.reactivated == 1);
}

TEST_CASE("churn: empty S gives null rates", "[lifecycle][churn]") {
  auto store = make_store({{"a", "2024-01-15", "signup"}});
  auto scope = scope_of(store, "2024-01-01", "2024-02-01");
  auto r = compute_churn(scope, model_of(scope, 90));
  CHECK(r.groups[0].periods[0].start_active == 0);
  CHECK_FALSE(r.groups[0].periods[0].churn.rate.has_value());
  CHECK_FALSE(r.groups[0].window.retention.rate.has_value());
}

TEST_CASE("cohorts: retention, revenue retention, empty cohorts, average row",
          "[lifecycle][cohorts]") {
  auto store = churn_store();
  auto scope = scope_of(store, "2024-01-01", "2024-04-15");
  auto model = model_of(scope, 30);
  auto r = compute_cohorts(scope, model);
  REQUIRE(r.groups.size() == 1);
  const auto& t = r.groups[0];
  REQUIRE(t.rows.size() == 4);
  // Jan cohort {w, m}: w active during Jan–Mar, m Jan–Apr.
  const auto& jan = t.rows[0];
  CHECK(jan.label == "2024-01");
  CHECK(jan.size == 2);
  REQUIRE(jan.cells.size() == 4);
  CHECK(jan.cells[0].active == 2);
  CHECK(jan.cells[1].active == 2);
  CHECK(jan.cells[2].active == 2);
  CHECK(jan.cells[3].active == 1);
  CHECK(*jan.cells[3].retention.rate == Approx(0.5));
  CHECK_FALSE(jan.cells[2].partial);
  CHECK(jan.cells[3].partial);  // April is clipped at Apr 15
  // Revenue: Jan 100 (m) + 1 (w) = 101, Feb 20 − 50 = −30, Mar 50, Apr 0.
  CHECK(jan.cells[0].revenue == M(101));
  CHECK(jan.cells[1].revenue == M(-30));
  CHECK(*jan.cells[1].revenue_retention == Approx(-30.0 / 101));
  CHECK(*jan.cells[2].revenue_retention == Approx(50.0 / 101));
  CHECK(*jan.cells[3].revenue_retention == Approx(0.0));
  // Feb cohort {b}: acquired at Feb 1, active Feb, Mar; no revenue.
  const auto& feb = t.rows[1];
  CHECK(feb.size == 1);
  REQUIRE(feb.cells.size() == 3);
  CHECK(feb.cells[0].active == 1);
  CHECK(feb.cells[1].active == 1);
  CHECK(feb.cells[2].active == 0);
  CHECK_FALSE(feb.cells[0].revenue_retention.has_value());
  // Empty cohorts keep their rows with null shares.
  CHECK(t.rows[2].size == 0);
  REQUIRE(t.rows[2].cells.size() == 2);
  CHECK_FALSE(t.rows[2].cells[0].retention.rate.has_value());
  CHECK(t.rows[3].cells.size() == 1);
  // Average: k0 3/3, k1 (2+1+0)/3, k2 (2+0)/3, k3 1/2.
  REQUIRE(t.average.cells.size() == 4);
  CHECK(*t.average.cells[0].retention.rate == Approx(1.0));
  CHECK(*t.average.cells[1].retention.rate == Approx(1.0));
  CHECK(*t.average.cells[2].retention.rate == Approx(2.0 / 3));
  CHECK(*t.average.cells[3].retention.rate == Approx(0.5));
  CHECK(*t.average.cells[1].revenue_retention == Approx(-30.0 / 101));  // only Jan is defined
}

TEST_CASE("cohorts: the average row sums size and active over the cohorts that reach each offset",
          "[lifecycle][cohorts]") {
  // The store above: cohorts Jan {w, m} (offsets 0–3), Feb {b} (0–2), Mar and
  // Apr empty (0–1 and 0). Offsets reached by the non-empty cohorts:
  //   k0: Jan, Feb → cohorts 2, size 3, active 2 + 1 = 3
  //   k1: Jan, Feb → cohorts 2, size 3, active 2 + 1 = 3 (Mar reaches it, empty)
  //   k2: Jan, Feb → cohorts 2, size 3, active 2 + 0 = 2
  //   k3: Jan      → cohorts 1, size 2, active 1 (Feb does not reach it)
  auto store = churn_store();
  auto scope = scope_of(store, "2024-01-01", "2024-04-15");
  auto model = model_of(scope, 30);
  const clm::CohortResult result = compute_cohorts(scope, model);
  const auto& t = result.groups.at(0);
  REQUIRE(t.average.cells.size() == 4);
  const std::int64_t cohorts[] = {2, 2, 2, 1}, size[] = {3, 3, 3, 2}, active[] = {3, 3, 2, 1};
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("offset " << k);
    const CohortCell& avg = t.average.cells[k];
    CHECK(avg.cohorts == cohorts[k]);
    CHECK(avg.size == size[k]);
    CHECK(avg.active == active[k]);
    CHECK(avg.retention.denominator == size[k]);
    CHECK(avg.retention.count == active[k]);
  }
  CHECK(t.average.size == 3);  // all cohorts' customers
  // A cohort's own cells: one cohort of its size; an empty cohort counts none.
  CHECK(t.rows[0].cells[3].cohorts == 1);
  CHECK(t.rows[0].cells[3].size == 2);
  CHECK(t.rows[2].cells[0].cohorts == 0);
  CHECK(t.rows[2].cells[0].size == 0);
}

TEST_CASE("survival: Kaplan-Meier worked example with censoring", "[lifecycle][survival]") {
  // Days: 10 D, 20 D, 20 C, 30 D, 40 C, 50 D.
  //   t=10: n=6 d=1 S=5/6;  t=20: n=5 d=1 S=2/3 (death before the tied censoring);
  //   t=30: n=3 d=1 S=4/9;  t=40: censored;  t=50: n=1 d=1 S=0.
  // Greenwood Σ d/(n(n−d)): 1/30, +1/20 = 1/12, +1/6 = 1/4.
  // At t=20: se = sqrt(1/12)/|ln(2/3)| = 0.711962; CI = (2/3)^exp(±1.96·se)
  //   = [0.194608, 0.904436]. At t=30: se = 0.5/|ln(4/9)| → [0.066183, 0.784913].
  auto d = [](double days, bool death) {
    return Lifetime{static_cast<Timestamp>(days * kSecondsPerDay), death};
  };
  SurvivalOptions opt;
  opt.at_days = {15, 30, 45, 60};
  auto km = kaplan_meier(
      {d(40, false), d(10, true), d(20, false), d(20, true), d(50, true), d(30, true)}, opt);
  CHECK(km.customers == 6);
  CHECK(km.deaths == 4);
  CHECK(km.censored == 2);
  REQUIRE(km.curve.size() == 5);
  CHECK(km.curve[1].days == Approx(20));
  CHECK(km.curve[1].at_risk == 5);
  CHECK(km.curve[1].deaths == 1);
  CHECK(km.curve[1].censored == 1);
  CHECK(km.curve[1].survival == Approx(2.0 / 3));
  REQUIRE(km.curve[1].ci);
  CHECK(km.curve[1].ci->low == Approx(0.194608).epsilon(1e-5));
  CHECK(km.curve[1].ci->high == Approx(0.904436).epsilon(1e-5));
  CHECK(km.curve[2].ci->low == Approx(0.066183).epsilon(1e-5));
  CHECK(km.curve[2].ci->high == Approx(0.784913).epsilon(1e-5));
  CHECK(km.curve[4].survival == Approx(0.0));
  CHECK_FALSE(km.curve[4].ci.has_value());
  REQUIRE(km.median_days);
  CHECK(*km.median_days == Approx(30));
  CHECK(*km.at[0].survival == Approx(5.0 / 6));
  CHECK(*km.at[1].survival == Approx(4.0 / 9));
  CHECK(*km.at[2].survival == Approx(4.0 / 9));
  CHECK_FALSE(km.at[3].survival.has_value());  // beyond the longest observation (50)
}

TEST_CASE("survival: lifetimes from the store", "[lifecycle][survival]") {
  auto store = make_store(
      {
          {"x", "2024-01-01", "signup"},  // (Jan 1, Jan 31]: dies after 30 days
          {"y", "2024-01-01", "signup"},
          {"y", "2024-01-01", "subscription_start"},  // open: censored at Apr 1 (91 days)
          {"p", "2024-01-03", "touch"},               // prospect: not counted
      },
      {{"z", "2024-02-01"}});  // acquired, never active: lifetime 0
  auto scope = scope_of(store, "2024-01-01", "2024-04-01");
  auto r = compute_survival(scope, model_of(scope, 30));
  const auto& km = r.groups[0];
  // t=0: n=3 d=1 → 2/3; t=30: n=2 d=1 → 1/3; t=91: censored.
  CHECK(km.customers == 3);
  REQUIRE(km.curve.size() == 3);
  CHECK(km.curve[0].days == Approx(0));
  CHECK(km.curve[0].survival == Approx(2.0 / 3));
  CHECK(km.curve[1].days == Approx(30));
  CHECK(km.curve[2].days == Approx(91));
  CHECK(km.curve[2].censored == 1);
  CHECK(*km.at[0].survival == Approx(1.0 / 3));  // S(30)
  CHECK(*km.at[1].survival == Approx(1.0 / 3));  // S(90)
  CHECK_FALSE(km.at[2].survival.has_value());    // S(180): nobody observed that long
  CHECK(*km.median_days == Approx(30));
}

namespace {

// W = 30, as-of Apr 1 2024, window from Jan 1, L = 3.
EventStore stage_store() {
  return make_store(
      {
          {"reach1", "2024-03-01", "touch"},
          {"churn1", "2024-01-01", "signup"},
          {"acq1", "2024-03-20", "signup"},
          {"conv1", "2024-03-01", "signup"},
          {"conv1", "2024-03-10", "purchase", M(10)},
          {"conv1", "2024-03-11", "referral"},
          {"ret1", "2024-03-01", "purchase", M(10)},
          {"ret1", "2024-03-15", "purchase", M(10)},
          {"loy1", "2024-03-01", "purchase", M(1)},
          {"loy1", "2024-03-02", "purchase", M(1)},
          {"loy1", "2024-03-03", "purchase", M(1)},
          {"loy2", "2024-02-01", "purchase", M(1)},
          {"loy2", "2024-03-20", "purchase", M(1)},
          {"loy2", "2024-03-21", "nps", std::nullopt, 9},
          {"ret2", "2024-03-01", "purchase", M(1)},
          {"ret2", "2024-03-02", "purchase", M(1)},
          {"ret2", "2024-03-03", "nps", std::nullopt, 10},
          {"ret2", "2024-03-04", "nps", std::nullopt, 5},
          {"old", "2023-06-01", "purchase", M(1)},
      },
      {{"old", "2023-06-01"}});
}

}  // namespace

TEST_CASE("stages: counts, flow and funnel", "[lifecycle][stages]") {
  auto store = stage_store();
  auto scope = scope_of(store, "2024-01-01", "2024-04-01");
  auto model = model_of(scope, 30);
  StageOptions opt;
  opt.loyalty_purchases = 3;
  auto r = compute_stages(scope, model, opt);
  const auto& g = r.groups[0];
  auto n = [&](Stage s) { return g.counts[static_cast<std::size_t>(s)]; };
  CHECK(n(Stage::kReach) == 1);        // reach1
  CHECK(n(Stage::kChurned) == 2);      // churn1, old
  CHECK(n(Stage::kAcquisition) == 1);  // acq1
  CHECK(n(Stage::kConversion) == 1);   // conv1 (referral does not skip conversion)
  CHECK(n(Stage::kRetention) == 2);    // ret1, ret2 (latest NPS 5)
  CHECK(n(Stage::kLoyalty) == 2);      // loy1 (3 purchases), loy2 (latest NPS 9)
  auto flow = [&](Stage a, Stage b) {
    return g.flow[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
  };
  // At Jan 1 only "old" is acquired (and churned); churn1 is acquired exactly at Jan 1.
  CHECK(flow(Stage::kChurned, Stage::kChurned) == 1);
  CHECK(flow(Stage::kReach, Stage::kChurned) == 1);
  CHECK(flow(Stage::kReach, Stage::kReach) == 1);
  CHECK(flow(Stage::kReach, Stage::kRetention) == 2);
  CHECK(flow(Stage::kReach, Stage::kLoyalty) == 2);
  // Funnel of the 8 people first seen in the window (not "old"):
  // reach 8 → acquired 7 → ≥1 purchase 5 → ≥2 purchases 4 → loyal 3 (loy1, loy2, ret2;
  // conv1's referral does not count: it stopped at conversion).
  REQUIRE(g.funnel.size() == 5);
  const std::int64_t want[] = {8, 7, 5, 4, 3};
  for (std::size_t s = 0; s < 5; ++s) CHECK(g.funnel[s].count == want[s]);
  CHECK_FALSE(g.funnel[0].rate.rate.has_value());
  CHECK(*g.funnel[1].rate.rate == Approx(7.0 / 8));
  CHECK(*g.funnel[4].rate.rate == Approx(3.0 / 4));
}

TEST_CASE("stages: per-customer export row by row", "[lifecycle][stages]") {
  auto store = stage_store();
  auto scope = scope_of(store, "2024-01-01", "2024-04-01");
  auto model = model_of(scope, 30);
  auto rows = stages_at(model, scope.window.to, 3);
  REQUIRE(rows.size() == 9);
  // Customer order is byte order of ids: acq1 churn1 conv1 loy1 loy2 old reach1 ret1 ret2.
  struct Want {
    const char* id;
    Stage stage;
    bool active;
    std::int64_t purchases;
    std::optional<int> nps;
    std::int64_t referrals;
  };
  const Want want[] = {
      {"acq1", Stage::kAcquisition, true, 0, std::nullopt, 0},
      {"churn1", Stage::kChurned, false, 0, std::nullopt, 0},
      {"conv1", Stage::kConversion, true, 1, std::nullopt, 1},
      {"loy1", Stage::kLoyalty, true, 3, std::nullopt, 0},
      {"loy2", Stage::kLoyalty, true, 2, 9, 0},
      {"old", Stage::kChurned, false, 1, std::nullopt, 0},
      {"reach1", Stage::kReach, false, 0, std::nullopt, 0},
      {"ret1", Stage::kRetention, true, 2, std::nullopt, 0},
      {"ret2", Stage::kRetention, true, 2, 5, 0},
  };
  for (std::size_t i = 0; i < 9; ++i) {
    INFO(want[i].id);
    CHECK(store.customer_id(rows[i].customer) == want[i].id);
    CHECK(rows[i].stage == want[i].stage);
    CHECK(rows[i].active == want[i].active);
    CHECK(rows[i].purchases == want[i].purchases);
    CHECK(rows[i].latest_nps == want[i].nps);
    CHECK(rows[i].referrals == want[i].referrals);
  }
  CHECK(rows[6].acquired_at == kNever);
  CHECK(rows[5].acquired_at == T("2023-06-01"));
}

TEST_CASE("activation: D inclusive, late acquisitions stay in the denominator",
          "[lifecycle][activation]") {
  auto store = make_store(
      {
          {"a1", "2024-01-01", "signup"},
          {"a1", "2024-01-08", "purchase", M(1)},  // exactly D = 7 days: activated
          {"a2", "2024-01-01", "signup"},
          {"a2", "2024-01-08T00:00:01", "purchase", M(1)},  // one second late
          {"a3", "2024-03-30", "signup"},                   // no purchase yet
          {"a4", "2024-01-20", "purchase", M(1)},           // before declared a(c) = Feb 1
          {"pre", "2023-12-01", "signup"},                  // acquired before the window
      },
      {{"a4", "2024-02-01"}});
  auto scope = scope_of(store, "2024-01-01", "2024-04-01");
  auto r = *compute_activation(scope);
  const auto& w = r.groups[0].window;
  CHECK(w.acquired == 4);
  CHECK(w.activation.count == 1);
  CHECK(*w.activation.rate == Approx(0.25));
  CHECK(w.purchasers == 3);
  // Days to first purchase: 7, 7.0000116, −12 → median 7.
  CHECK(*w.median_days_to_first_purchase == Approx(7.0));
  CHECK(r.groups[0].periods[0].acquired == 2);  // January: a1, a2
  CHECK(r.groups[0].periods[0].activation.count == 1);
  CHECK(r.groups[0].periods[2].acquired == 1);  // March: a3
  CHECK_FALSE(r.groups[0].periods[2].median_days_to_first_purchase.has_value());
  ActivationOptions bad;
  bad.activation_window_days = -1;
  CHECK_FALSE(compute_activation(scope, bad).ok());
}

TEST_CASE("rfm: segment table maps every (R, F) pair", "[lifecycle][rfm]") {
  using S = RfmSegment;
  // Rows R = 5..1, columns F = 1..5, straight from the docs/metrics.md table.
  const S want[5][5] = {
      {S::kNewCustomers, S::kPotentialLoyalists, S::kPotentialLoyalists, S::kChampions,
       S::kChampions},
      {S::kPromising, S::kPotentialLoyalists, S::kPotentialLoyalists, S::kLoyal, S::kLoyal},
      {S::kAboutToSleep, S::kAboutToSleep, S::kNeedAttention, S::kLoyal, S::kLoyal},
      {S::kHibernating, S::kHibernating, S::kAtRisk, S::kAtRisk, S::kCannotLoseThem},
      {S::kHibernating, S::kHibernating, S::kAtRisk, S::kAtRisk, S::kCannotLoseThem},
  };
  for (int r = 5; r >= 1; --r) {
    for (int f = 1; f <= 5; ++f) {
      INFO("R=" << r << " F=" << f);
      CHECK(rfm_segment(r, f) == want[5 - r][f - 1]);
    }
  }
  CHECK(rfm_segment_name(S::kCannotLoseThem) == "cannot lose them");
}

TEST_CASE("rfm: tie-aware scores, segments and revenue share", "[lifecycle][rfm]") {
  auto store = make_store({
      {"c1", "2024-03-30", "purchase", M(10)},
      {"c1", "2024-03-31", "purchase", M(10)},          // R 1, F 2, M 20
      {"c2", "2024-03-31T12:00:00", "purchase", M(5)},  // R 0 (half a day), F 1, M 5
      {"c3", "2024-01-01", "purchase", M(100)},
      {"c3", "2024-01-02", "refund", M(120)},  // R 91, F 1, M −20
      {"c4", "2024-02-01", "purchase", M(1)},
      {"c4", "2024-02-02", "purchase", M(1)},
      {"c4", "2024-02-03", "purchase", M(1)},   // R 58, F 3, M 3
      {"c5", "2024-03-31", "purchase", M(20)},  // R 1, F 1, M 20
      {"p", "2024-03-01", "signup"},            // no purchase: not scored
      {"c5", "2024-04-02", "purchase", M(99)},  // after the as-of time: ignored
  });
  auto scope = scope_of(store, "2024-01-01", "2024-04-01");
  auto r = compute_rfm(scope);
  REQUIRE(r.customers.size() == 5);
  // n = 5: score_R = 1 + #{R' > R}, score_F = 1 + #{F' < F}, score_M = 1 + #{M' < M}.
  struct Want {
    const char* id;
    std::int64_t R, F;
    Money Mo;
    int rs, fs, ms;
    RfmSegment seg;
  };
  const Want want[] = {
      {"c1", 1, 2, M(20), 3, 4, 4, RfmSegment::kLoyal},
      {"c2", 0, 1, M(5), 5, 1, 3, RfmSegment::kNewCustomers},
      {"c3", 91, 1, M(-20), 1, 1, 1, RfmSegment::kHibernating},
      {"c4", 58, 3, M(3), 2, 5, 2, RfmSegment::kCannotLoseThem},
      {"c5", 1, 1, M(20), 3, 1, 4, RfmSegment::kAboutToSleep},
  };
  for (std::size_t i = 0; i < 5; ++i) {
    INFO(want[i].id);
    const auto& x = r.customers[i];
    CHECK(store.customer_id(x.customer) == want[i].id);
    CHECK(x.recency_days == want[i].R);
    CHECK(x.frequency == want[i].F);
    CHECK(x.monetary == want[i].Mo);
    CHECK(x.r_score == want[i].rs);
    CHECK(x.f_score == want[i].fs);
    CHECK(x.m_score == want[i].ms);
    CHECK(x.segment == want[i].seg);
  }
  const auto& g = r.groups[0];
  CHECK(g.customers == 5);
  CHECK(g.revenue == M(28));
  const auto& loyal = g.segments[static_cast<std::size_t>(RfmSegment::kLoyal)];
  CHECK(loyal.customers == 1);
  CHECK(*loyal.revenue_share == Approx(20.0 / 28));
  const auto& hib = g.segments[static_cast<std::size_t>(RfmSegment::kHibernating)];
  CHECK(*hib.revenue_share == Approx(-20.0 / 28));
  CHECK(g.segments[static_cast<std::size_t>(RfmSegment::kChampions)].customers == 0);
}

namespace {

// Window [2024-01-01, 2024-04-01), W = 90 days, customers table with a country.
//   a           touch Dec 20 (before the window), signup Jan 10, purchase Feb 1: known;
//               the purchase keeps it active over (Feb 1, May 1] → conversion at Apr 1.
//   p           touch Feb 1: known prospect → reach.
//   roster      customers row, no acquired_at, no events: known (from the table) → reach.
//   early_row   acquired_at Mar 15 (before to), its only event a login May 1: known;
//               no activity event before Apr 1 → churned.
//   late        touch exactly at Apr 1 (= to), signup Apr 2: every event at or after
//               the as-of time → does not exist.
//   future      customers row acquired_at May 1, country ZZ, no events → does not exist.
//   later_row   customers row without acquired_at, country YY, touch Jun 1 → does not exist.
EventStore as_of_store() {
  return make_store(
      {
          {"a", "2023-12-20", "touch"},
          {"a", "2024-01-10", "signup"},
          {"a", "2024-02-01", "purchase", M(10)},
          {"p", "2024-02-01", "touch"},
          {"early_row", "2024-05-01", "login"},
          {"late", "2024-04-01", "touch"},
          {"late", "2024-04-02", "signup"},
          {"later_row", "2024-06-01", "touch"},
      },
      {
          {"roster", "", "", {"FR"}},
          {"early_row", "2024-03-15", "", {"FR"}},
          {"future", "2024-05-01", "", {"ZZ"}},
          {"later_row", "", "", {"YY"}},
      },
      {"country"});
}

}  // namespace

TEST_CASE("people whose every dated fact is at or after the as-of time do not exist",
          "[lifecycle][stages][asof]") {
  const EventStore store = as_of_store();
  const Scope scope = scope_of(store, "2024-01-01", "2024-04-01");
  for (const char* id : {"a", "p", "roster", "early_row"}) {
    INFO(id);
    CHECK(scope.acquisition.is_known(idx(store, id)));
    CHECK(scope.grouping.includes(idx(store, id)));
  }
  for (const char* id : {"late", "future", "later_row"}) {
    INFO(id);
    CHECK_FALSE(scope.acquisition.is_known(idx(store, id)));
    CHECK_FALSE(scope.grouping.includes(idx(store, id)));
  }

  const ActivityModel model = model_of(scope, 90);
  StageOptions opt;
  const StageResult r = compute_stages(scope, model, opt);
  REQUIRE(r.groups.size() == 1);
  const StageGroup& g = r.groups[0];
  auto n = [&](Stage s) { return g.counts[static_cast<std::size_t>(s)]; };
  CHECK(n(Stage::kReach) == 2);       // p, roster (not late, future, later_row)
  CHECK(n(Stage::kConversion) == 1);  // a
  CHECK(n(Stage::kChurned) == 1);     // early_row
  CHECK(n(Stage::kAcquisition) + n(Stage::kRetention) + n(Stage::kLoyalty) == 0);
  auto flow = [&](Stage from, Stage to) {
    return g.flow[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
  };
  // Nobody is acquired at Jan 1: a → conversion, early_row → churned, p and roster stay.
  CHECK(flow(Stage::kReach, Stage::kReach) == 2);
  CHECK(flow(Stage::kReach, Stage::kConversion) == 1);
  CHECK(flow(Stage::kReach, Stage::kChurned) == 1);
  std::int64_t people_in_flow = 0;
  for (const auto& row : g.flow)
    for (std::int64_t x : row) people_in_flow += x;
  CHECK(people_in_flow == 4);
  // Funnel: first seen in the window are p (Feb 1) and early_row (acquired Mar 15);
  // a was first seen Dec 20.
  CHECK(g.funnel[0].count == 2);
  CHECK(g.funnel[1].count == 1);  // early_row acquired before to

  // The per-customer list of `clm stages` has the four people who exist.
  const Document doc =
      customer_stages_report(scope, stages_at(model, scope.window.to, 5), scope.window.to);
  std::vector<std::string> listed;
  for (const std::vector<Value>& row : doc.sections[0].rows) {
    listed.push_back(std::get<std::string>(row[0]));
  }
  CHECK(listed == std::vector<std::string>{"a", "early_row", "p", "roster"});
}

TEST_CASE("groups come only from people who exist at the as-of time", "[lifecycle][asof]") {
  const EventStore store = as_of_store();
  ScopeOptions o;
  o.from = T("2024-01-01");
  o.to = T("2024-04-01");
  o.group_by = GroupBy::parse("country");
  const Scope by_country = *make_scope(std::make_shared<const EventStore>(store), o);
  // a and p have no customers row → "(none)"; roster and early_row → FR; YY and ZZ belong
  // only to later_row and future.
  CHECK(by_country.grouping.labels == std::vector<std::string>{"(none)", "FR"});
  o.group_by = GroupBy::parse("cohort");
  const Scope by_cohort = *make_scope(std::make_shared<const EventStore>(store), o);
  // a(a) = Jan 10, a(early_row) = Mar 15; p and roster are prospects. future's
  // acquired_at May 1 would have made a cohort 2024-05.
  CHECK(by_cohort.grouping.labels == std::vector<std::string>{"(prospect)", "2024-01", "2024-03"});
}
