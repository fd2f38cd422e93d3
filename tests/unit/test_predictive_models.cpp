// Predictive models on hand-computed cases: likelihoods, P(alive),
// expectations, summary rules, errors, JSON, CLV discounting, validation.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <string>

#include "clm/bgnbd.h"
#include "clm/clv_summary.h"
#include "clm/event_store.h"
#include "clm/gamma_gamma.h"
#include "clm/pareto_nbd.h"
#include "clm/predictive_clv.h"
#include "predictive/cdnow_sample.h"
#include "predictive/special.h"

namespace {

constexpr clm::Timestamp kDay = clm::kSecondsPerDay;

clm::Timestamp day(int y, unsigned m, unsigned d) {
  return clm::days_from_civil({y, m, d}) * kDay;
}

void add(clm::EventStoreBuilder& b, const char* id, clm::Timestamp t, const char* type,
         double amount) {
  clm::EventInput e;
  e.customer_id = id;
  e.time = t;
  e.type = type;
  if (amount > 0 || std::string(type) == "refund") e.amount = static_cast<clm::Money>(amount * 1e6);
  REQUIRE(b.add_event(e).ok());
}

// Simpson's rule on [lo, hi] with n (even) intervals.
double simpson(const std::function<double(double)>& f, double lo, double hi, int n) {
  const double h = (hi - lo) / n;
  double s = f(lo) + f(hi);
  for (int i = 1; i < n; ++i) s += f(lo + i * h) * (i % 2 ? 4 : 2);
  return s * h / 3;
}

// Pareto/NBD log-likelihood from its integral form, integrated numerically on
// τ = m·(e^v − 1) + t_x (independent of clm's series and quadrature).
double pareto_ll_reference(double r, double alpha, double s, double beta, double x, double t_x,
                           double T) {
  const double m = std::min(alpha, beta) + t_x;
  auto f = [&](double v) {
    const double tau = m * (std::exp(v) - 1) + t_x;
    return std::pow(alpha + tau, -(r + x)) * std::pow(beta + tau, -(s + 1)) * m * std::exp(v);
  };
  const double integral = simpson(f, 0, std::log1p((T - t_x) / m), 400000);
  const double bracket = std::pow(alpha + T, -(r + x)) * std::pow(beta + T, -s) + s * integral;
  return std::lgamma(r + x) - std::lgamma(r) + r * std::log(alpha) + s * std::log(beta) +
         std::log(bracket);
}

}  // namespace

TEST_CASE("Gauss hypergeometric series against closed forms", "[predictive]") {
  // 2F1(1, 1; 2; z) = −ln(1 − z) / z.
  auto a = clm::detail::hyp2f1(1, 1, 2, 0.5);
  REQUIRE(a.has_value());
  CHECK(*a == Approx(1.3862943611198906).epsilon(1e-13));  // 2 ln 2
  auto b = clm::detail::hyp2f1(1, 1, 2, 0.99);
  REQUIRE(b.has_value());
  CHECK(*b == Approx(4.651687056553627).epsilon(1e-12));  // ln(100) / 0.99
  auto c = clm::detail::log_hyp2f1_1bc(1, 2, 0.9);
  REQUIRE(c.has_value());
  CHECK(*c == Approx(0.939392960905782).epsilon(1e-12));        // ln(ln(10) / 0.9)
  // Near z = 1 with c ≈ b (BG/NBD's expectations for a large b) the plain series
  // needs about 7 million terms; the closed forms below need none:
  // 2F1(a, b; b; z) = (1 − z)^−a, and 2F1(a, b; b − 1; z) =
  // (1 − z)^(−1−a) · (1 − (b − 1 − a) z / (b − 1)).
  const double z = 0.999995;
  auto same = clm::detail::hyp2f1(0.08, 3e6, 3e6, z);
  REQUIRE(same.has_value());
  CHECK(*same == Approx(std::pow(1 - z, -0.08)).epsilon(1e-12));
  auto below = clm::detail::hyp2f1(0.08, 3e6 + 1, 3e6, z);
  REQUIRE(below.has_value());
  CHECK(*below == Approx(std::pow(1 - z, -1.08) * (1 - (3e6 - 0.08) * z / 3e6)).epsilon(1e-9));
  CHECK_FALSE(clm::detail::hyp2f1(1, 1, -2, 0.5).has_value());  // c a pole
  CHECK_FALSE(clm::detail::hyp2f1(1, 1, 2, 1.0).has_value());   // outside [0, 1)
}

TEST_CASE("BG/NBD likelihood, P(alive) and expectations by hand", "[predictive]") {
  const clm::BgNbdParams ones{1, 1, 1, 1, clm::TimeUnit::kWeek};
  // x = 0, T = 1: B(1,1)/B(1,1) · 1/(1+1) = 1/2.
  CHECK(clm::bgnbd_log_likelihood(ones, 0, 0, 1) == Approx(std::log(0.5)).epsilon(1e-12));
  // x = 1, t_x = 1, T = 2: B(1,2)/B(1,1)·1/3² + B(2,1)/B(1,1)·1/2² = 1/18 + 1/8 = 13/72.
  CHECK(clm::bgnbd_log_likelihood(ones, 1, 1, 2) == Approx(std::log(13.0 / 72)).epsilon(1e-12));
  // P(alive) = 1 / (1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) = 1 / (1 + (3/2)²) = 4/13.
  CHECK(clm::bgnbd_p_alive(ones, 1, 1, 2) == Approx(4.0 / 13).epsilon(1e-12));
  CHECK(clm::bgnbd_p_alive(ones, 0, 0, 5) == 1.0);
  // r = α = b = 1, a = 2: E[X(t)] = 2·[1 − ln(1+t)/t] (2F1(1,1;2;z) closed form);
  // t = 1: 2(1 − ln 2).
  const clm::BgNbdParams p{1, 1, 2, 1, clm::TimeUnit::kWeek};
  auto e = clm::bgnbd_expected_purchases_new(p, 1);
  REQUIRE(e.has_value());
  CHECK(*e == Approx(0.6137056388801094).epsilon(1e-10));
  // The a = 1 singularity is removable; the value sits between its neighbours.
  const clm::BgNbdParams near{0.5, 2, 1, 2, clm::TimeUnit::kWeek};
  auto at1 = clm::bgnbd_expected_purchases_new(near, 3);
  auto lo = clm::bgnbd_expected_purchases_new({0.5, 2, 0.999, 2, clm::TimeUnit::kWeek}, 3);
  auto hi = clm::bgnbd_expected_purchases_new({0.5, 2, 1.001, 2, clm::TimeUnit::kWeek}, 3);
  REQUIRE((at1 && lo && hi));
  CHECK(std::isfinite(*at1));
  CHECK(*at1 <= std::max(*lo, *hi));
  CHECK(*at1 >= std::min(*lo, *hi));

  // Conditional expectations at FHL's full-precision CDNOW estimates, checked
  // against E_p[(1/p)(1 − ((α+T)/(α+T+p t))^(r+x))] · P(alive), p ~ Beta(a, b+x),
  // integrated numerically (200,000-point midpoint rule after p = u^(1/a)):
  const clm::BgNbdParams fhl{0.2425941, 4.4136078, 0.7929346, 2.4258956, clm::TimeUnit::kWeek};
  CHECK(*clm::bgnbd_expected_purchases(fhl, 2, 30.43, 38.86, 39) ==
        Approx(1.2258968).epsilon(1e-6));
  CHECK(*clm::bgnbd_expected_purchases(fhl, 1, 10, 30, 39) == Approx(0.5935368).epsilon(1e-6));
  CHECK(*clm::bgnbd_expected_purchases(fhl, 0, 0, 35, 39) == Approx(0.2118310).epsilon(1e-6));
}

TEST_CASE("Pareto/NBD likelihood: hand value and numerical integral", "[predictive]") {
  // r = s = α = β = 1, x = 0, t_x = 0, T = 1: bracket = 1/2·1/2 + ∫_0^1 (1+τ)^−3 dτ
  // = 1/4 + (1 − 1/4)/2 = 5/8; P(alive) = (1/4)/(5/8) = 0.4.
  const clm::ParetoNbdParams ones{1, 1, 1, 1, clm::TimeUnit::kWeek};
  CHECK(clm::pareto_nbd_log_likelihood(ones, 0, 0, 1) == Approx(std::log(5.0 / 8)).epsilon(1e-12));
  CHECK(clm::pareto_nbd_p_alive(ones, 0, 0, 1) == Approx(0.4).epsilon(1e-12));
  // E[X(t)] = rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)]; r = α = β = 1, s = 2, t = 1: 1/2.
  CHECK(clm::pareto_nbd_expected_purchases_new({1, 1, 2, 1, clm::TimeUnit::kWeek}, 1) ==
        Approx(0.5).epsilon(1e-12));
  // s = 1 is the limit ln(1 + t/β): r = α = β = 1, t = 1 gives ln 2.
  CHECK(clm::pareto_nbd_expected_purchases_new(ones, 1) == Approx(std::log(2.0)).epsilon(1e-9));

  struct Case {
    double r, alpha, s, beta, x, t_x, T;
  };
  const Case cases[] = {
      {0.7, 2.0, 1.3, 0.5, 3, 2, 10},  // α > β, series
      {0.7, 0.5, 1.3, 3.0, 3, 2, 10},  // α < β, series
      {0.55, 10.6, 0.6, 11.7, 2, 30.43, 38.86},
      {0.3, 100, 0.8, 0.001, 0, 0, 10},  // z ≈ 0.99999: quadrature
      {2.0, 0.001, 0.5, 50, 0, 0, 40},   // α ≪ β, z near 1
      {0.5, 5, 0.5, 5, 40, 30, 39},      // α = β
  };
  for (const Case& c : cases) {
    INFO("r=" << c.r << " alpha=" << c.alpha << " s=" << c.s << " beta=" << c.beta << " x=" << c.x);
    const double ll = clm::pareto_nbd_log_likelihood(
        {c.r, c.alpha, c.s, c.beta, clm::TimeUnit::kWeek}, c.x, c.t_x, c.T);
    CHECK(std::isfinite(ll));
    CHECK(ll ==
          Approx(pareto_ll_reference(c.r, c.alpha, c.s, c.beta, c.x, c.t_x, c.T)).epsilon(1e-8));
  }
}

TEST_CASE("Gamma-Gamma likelihood and expected spend by hand", "[predictive]") {
  // p = q = γ = 1, x = 1, m = 1: Γ(2)/(Γ(1)Γ(1))·1·1^0·1^1/(1+1)² = 1/4.
  CHECK(clm::gamma_gamma_log_likelihood({1, 1, 1}, 1, 1) == Approx(std::log(0.25)).epsilon(1e-12));
  // p(γ + x m)/(p x + q − 1) = 2·(4 + 10)/(4 + 3 − 1) = 28/6.
  auto e = clm::gamma_gamma_expected_spend({2, 3, 4}, 2, 5);
  REQUIRE(e.has_value());
  CHECK(*e == Approx(28.0 / 6).epsilon(1e-12));
  // x = 0: population mean pγ/(q−1) = 2·4/2 = 4; q = 1 makes it infinite.
  CHECK(*clm::gamma_gamma_expected_spend({2, 3, 4}, 0, 0) == Approx(4.0));
  CHECK_FALSE(clm::gamma_gamma_expected_spend({2, 1, 4}, 0, 0).has_value());
}

TEST_CASE("Summary: same-day merge, recency, T, value, holdout, cohort", "[predictive]") {
  clm::EventStoreBuilder b;
  // A: two purchases on day 0 (one transaction), then days 7 and 21; a refund
  // (ignored); a holdout purchase on day 30 and one after the holdout end.
  add(b, "A", day(2024, 1, 1) + 3600, "purchase", 10);
  add(b, "A", day(2024, 1, 1) + 7200, "purchase", 5);
  add(b, "A", day(2024, 1, 8), "purchase", 20);
  add(b, "A", day(2024, 1, 8) + 60, "purchase", 4);
  add(b, "A", day(2024, 1, 9), "refund", 3);
  add(b, "A", day(2024, 1, 22), "purchase", 6);
  add(b, "A", day(2024, 1, 31), "purchase", 9);
  add(b, "A", day(2024, 3, 1), "purchase", 9);
  // B: first purchase after the calibration end — not in the cohort.
  add(b, "B", day(2024, 1, 30), "purchase", 1);
  // C: a single purchase on the calibration end day; D: only a signup.
  add(b, "C", day(2024, 1, 29) + 80000, "purchase", 3);
  add(b, "D", day(2024, 1, 2), "signup", 0);
  auto store = b.build();
  REQUIRE(store.ok());
  clm::SummaryOptions o;
  o.unit = clm::TimeUnit::kWeek;
  o.calibration_end = {2024, 1, 29};  // day 28 from 2024-01-01
  o.holdout_end = clm::CivilDate{2024, 2, 12};
  auto s = clm::summarize_purchases(*store, o);
  REQUIRE(s.ok());
  REQUIRE(s->rows.size() == 2);
  const clm::PurchaseRow& a = s->rows[0];
  CHECK(store->customer_id(a.customer) == "A");
  CHECK(a.x == 2);                                // days 0, 7, 21
  CHECK(a.t_x == Approx(3.0));                    // 21 days
  CHECK(a.T == Approx(4.0));                      // 28 days
  CHECK(a.monetary == Approx((24.0 + 6.0) / 2));  // repeat days 7 (20+4) and 21 (6)
  CHECK(a.holdout_x == 1);                        // day 30 only
  const clm::PurchaseRow& c = s->rows[1];
  CHECK(store->customer_id(c.customer) == "C");
  CHECK(c.x == 0);
  CHECK(c.T == 0);
  CHECK(c.monetary == 0);
  CHECK(s->holdout_length == Approx(2.0));  // 14 days
  CHECK(s->origin_day == clm::days_from_civil({2024, 1, 1}));

  SECTION("days are cut in the calendar's zone") {
    clm::EventStoreBuilder z;
    // 2024-01-01 23:30 UTC is 2024-01-02 00:30 in Berlin; 2024-01-02 22:00 UTC
    // is 23:00 the same Berlin day: one transaction in Berlin, two in UTC.
    add(z, "A", day(2023, 12, 1), "purchase", 1);
    add(z, "A", day(2024, 1, 1) + 23 * 3600 + 1800, "purchase", 1);
    add(z, "A", day(2024, 1, 2) + 22 * 3600, "purchase", 1);
    auto zs = z.build();
    REQUIRE(zs.ok());
    clm::SummaryOptions zo;
    zo.unit = clm::TimeUnit::kDay;
    zo.calibration_end = {2024, 1, 31};
    auto utc = clm::summarize_purchases(*zs, zo);
    REQUIRE(utc.ok());
    CHECK(utc->rows[0].x == 2);
    auto berlin = clm::TimeZone::locate("Europe/Berlin");
    REQUIRE(berlin.ok());
    zo.calendar.tz = *berlin;
    auto local = clm::summarize_purchases(*zs, zo);
    REQUIRE(local.ok());
    CHECK(local->rows[0].x == 1);
    CHECK(local->rows[0].t_x == Approx(32.0));  // 2023-12-01 → 2024-01-02
  }
  SECTION("bad options and empty cohorts") {
    o.holdout_end = clm::CivilDate{2024, 1, 29};
    CHECK(clm::summarize_purchases(*store, o).status().code() ==
          clm::Status::Code::kInvalidArgument);
    o.holdout_end.reset();
    o.calibration_end = {2023, 12, 31};
    CHECK(clm::summarize_purchases(*store, o).status().code() == clm::Status::Code::kDataError);
  }
}

TEST_CASE("Fits refuse data that cannot identify the model", "[predictive]") {
  std::vector<clm::PurchaseRow> rows(3);
  for (int i = 0; i < 3; ++i) rows[i].T = 5.0 + i;  // all x = 0
  CHECK(clm::fit_bgnbd(rows, clm::TimeUnit::kWeek).status().code() ==
        clm::Status::Code::kDataError);
  CHECK(clm::fit_pareto_nbd(rows, clm::TimeUnit::kWeek).status().code() ==
        clm::Status::Code::kDataError);
  CHECK(clm::fit_gamma_gamma(rows).status().code() == clm::Status::Code::kDataError);
  CHECK(clm::fit_bgnbd(std::span<const clm::PurchaseRow>(), clm::TimeUnit::kWeek).status().code() ==
        clm::Status::Code::kDataError);
  rows[0].x = 2;
  rows[0].t_x = 9;  // t_x > T
  CHECK(clm::fit_bgnbd(rows, clm::TimeUnit::kWeek).status().code() ==
        clm::Status::Code::kDataError);
  clm::FitOptions bad;
  bad.max_iterations = 0;
  rows[0].t_x = 1;
  CHECK(clm::fit_bgnbd(rows, clm::TimeUnit::kWeek, bad).status().code() ==
        clm::Status::Code::kInvalidArgument);
}

TEST_CASE("Model JSON round trip and rejection of bad input", "[predictive]") {
  clm::ClvModel m;
  m.purchases = clm::BgNbdParams{0.2425941, 4.4136078, 0.7929346, 2.4258956, clm::TimeUnit::kDay};
  m.spend = clm::GammaGammaParams{6.25, 3.74, 15.44};
  auto back = clm::parse_clv_model(clm::to_json(m));
  REQUIRE(back.ok());
  REQUIRE(back->kind() == clm::PurchaseModel::kBgNbd);
  CHECK(back->unit() == clm::TimeUnit::kDay);
  const auto& p = std::get<clm::BgNbdParams>(back->purchases);
  CHECK(p.r == 0.2425941);  // exact: doubles round-trip
  CHECK(p.b == 2.4258956);
  REQUIRE(back->spend.has_value());
  CHECK(back->spend->gamma == 15.44);

  clm::ClvModel q;
  q.purchases = clm::ParetoNbdParams{0.55, 10.58, 0.61, 11.67, clm::TimeUnit::kMonth};
  auto qb = clm::parse_clv_model(clm::to_json(q));
  REQUIRE(qb.ok());
  CHECK(qb->kind() == clm::PurchaseModel::kParetoNbd);
  CHECK_FALSE(qb->spend.has_value());

  using Code = clm::Status::Code;
  CHECK(clm::parse_clv_model("{").status().code() == Code::kDataError);
  CHECK(
      clm::parse_clv_model(R"({"purchase_model":"x","unit":"week","params":{}})").status().code() ==
      Code::kDataError);
  CHECK(clm::parse_clv_model(
            R"({"purchase_model":"bgnbd","unit":"week","params":{"r":1,"alpha":1,"a":-1,"b":1}})")
            .status()
            .code() == Code::kDataError);
  CHECK(clm::parse_clv_model(
            R"({"purchase_model":"bgnbd","unit":"year","params":{"r":1,"alpha":1,"a":1,"b":1}})")
            .status()
            .code() == Code::kDataError);
}

TEST_CASE("CLV discounts each month's expected purchases", "[predictive]") {
  clm::PurchaseSummary s;
  s.unit = clm::TimeUnit::kWeek;
  clm::PurchaseRow r;
  r.x = 2;
  r.t_x = 30.43;
  r.T = 38.86;
  r.monetary = 20;
  s.rows.push_back(r);
  clm::ClvModel m;
  const clm::BgNbdParams p{0.243, 4.414, 0.793, 2.426, clm::TimeUnit::kWeek};
  m.purchases = p;
  m.spend = clm::GammaGammaParams{6.25, 3.74, 15.44};
  clm::ForecastOptions o;
  o.margin = 0.5;
  o.horizon_months = 2;
  o.annual_discount = 0.10;
  auto f = clm::forecast_customers(s, m, o);
  REQUIRE(f.ok());
  REQUIRE(f->size() == 1);
  // One month = 30.4375 / 7 weeks; the monthly discount factor is 1.1^(−1/12).
  const double M = 30.4375 / 7;
  const double e1 = *clm::bgnbd_expected_purchases(p, 2, 30.43, 38.86, M);
  const double e2 = *clm::bgnbd_expected_purchases(p, 2, 30.43, 38.86, 2 * M);
  // Gamma–Gamma: 6.25·(15.44 + 2·20)/(6.25·2 + 3.74 − 1) = 346.5 / 15.24.
  const double spend = 6.25 * (15.44 + 40) / (12.5 + 2.74);
  const double expected =
      0.5 * spend * (e1 / std::pow(1.1, 1.0 / 12) + (e2 - e1) / std::pow(1.1, 2.0 / 12));
  const auto& c = (*f)[0];
  REQUIRE(c.clv.has_value());
  CHECK(*c.clv == Approx(expected).epsilon(1e-9));
  REQUIRE(c.expected_spend.has_value());
  CHECK(*c.expected_spend == Approx(346.5 / 15.24).epsilon(1e-12));
  REQUIRE(c.expected_purchases.has_value());
  CHECK(*c.expected_purchases == Approx(e1).epsilon(1e-9));  // default forecast = one month
  CHECK(c.p_alive == Approx(clm::bgnbd_p_alive(p, 2, 30.43, 38.86)).epsilon(1e-12));

  o.margin = -1;
  CHECK(clm::forecast_customers(s, m, o).status().code() == clm::Status::Code::kInvalidArgument);
  s.unit = clm::TimeUnit::kDay;  // mismatched unit
  CHECK(clm::forecast_customers(s, m).status().code() == clm::Status::Code::kInvalidArgument);
}

TEST_CASE("CDNOW holdout validation and tracking", "[predictive][cdnow]") {
  auto store =
      clm::detail::read_cdnow_sample(std::string(CLM_TEST_DATA_DIR) + "/cdnow/CDNOW_sample.txt");
  REQUIRE(store.ok());
  clm::SummaryOptions o;
  o.calibration_end = {1997, 9, 30};
  o.holdout_end = clm::CivilDate{1998, 6, 30};
  auto s = clm::summarize_purchases(*store, o);
  REQUIRE(s.ok());
  CHECK(s->holdout_length == Approx(39.0));  // 273 days
  for (auto kind : {clm::PurchaseModel::kBgNbd, clm::PurchaseModel::kParetoNbd}) {
    auto m = clm::fit_clv_model(*s, kind);
    REQUIRE(m.ok());
    auto v = clm::validate_holdout(*s, *m);
    REQUIRE(v.ok());
    CHECK(v->actual_total == 1882);
    REQUIRE(v->by_frequency.size() == 8);
    double actual = 0, customers = 0;
    for (const auto& b : v->by_frequency) {
      actual += b.actual;
      customers += static_cast<double>(b.customers);
    }
    CHECK(actual == 1882);
    CHECK(customers == 2357);
    CHECK(v->by_frequency[0].customers == 2357 - 946);
    // Both models forecast the holdout total within 15 %.
    CHECK(v->predicted_total == Approx(1882).epsilon(0.15));
    // 78 weeks from 1997-01-01 to 1998-06-30; cumulative repeats 2457 by week
    // 39 (= Σx) and 2457 + 1882 = 4339 by week 78.
    REQUIRE(v->tracking.size() == 78);
    CHECK(v->tracking[38].actual == 2457);
    CHECK_FALSE(v->tracking[38].holdout);
    CHECK(v->tracking[39].holdout);
    CHECK(v->tracking[77].actual == 4339);
    CHECK(v->tracking[38].predicted == Approx(2457).epsilon(0.05));
  }
  clm::SummaryOptions no_holdout = o;
  no_holdout.holdout_end.reset();
  auto s2 = clm::summarize_purchases(*store, no_holdout);
  REQUIRE(s2.ok());
  auto m = clm::fit_clv_model(*s2, clm::PurchaseModel::kBgNbd);
  REQUIRE(m.ok());
  CHECK(clm::validate_holdout(*s2, *m).status().code() == clm::Status::Code::kInvalidArgument);
}
