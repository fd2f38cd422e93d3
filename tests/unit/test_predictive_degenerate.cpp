// Predictive fits on degenerate data: each finishes within its budget and
// either gives finite estimates whose likelihood is bounded as computed here,
// or a one-line error with the documented code.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "clm/bgnbd.h"
#include "clm/clv_summary.h"
#include "clm/event_store.h"
#include "clm/gamma_gamma.h"
#include "clm/pareto_nbd.h"
#include "clm/predictive_clv.h"

namespace {

using Code = clm::Status::Code;

clm::PurchaseRow row(std::int32_t x, double t_x, double T, double monetary = 0) {
  clm::PurchaseRow r;
  r.x = x;
  r.t_x = t_x;
  r.T = T;
  r.monetary = monetary;
  return r;
}

// Whatever the mixing distributions, one customer's likelihood is at most
// max_λ λ^x e^{−λ t_x} = (x / t_x)^x e^{−x}: both models' terms are mixtures
// of λ^x e^{−λ t} with t ≥ t_x, weighted by probabilities that sum to at most 1.
double ll_upper_bound(double x, double t_x) {
  return x * std::log(x / t_x) - x;
}

bool finite_params(const clm::BgNbdParams& p) {
  return std::isfinite(p.r) && std::isfinite(p.alpha) && std::isfinite(p.a) && std::isfinite(p.b);
}
bool finite_params(const clm::ParetoNbdParams& p) {
  return std::isfinite(p.r) && std::isfinite(p.alpha) && std::isfinite(p.s) &&
         std::isfinite(p.beta);
}

// The fitted log-likelihood is at least the one at `probe` (the fit
// maximises) and within the bound; forecasts at the estimate are finite.
template <typename Fit, typename Params>
void check_fit(const Fit& fit, const Params& probe, const std::vector<clm::PurchaseRow>& rows,
               double upper) {
  CHECK(finite_params(fit.params));
  double probe_ll = 0;
  for (const auto& r : rows) {
    if constexpr (std::is_same_v<Params, clm::BgNbdParams>) {
      probe_ll += clm::bgnbd_log_likelihood(probe, r.x, r.t_x, r.T);
    } else {
      probe_ll += clm::pareto_nbd_log_likelihood(probe, r.x, r.t_x, r.T);
    }
  }
  CHECK(fit.quality.log_likelihood >= probe_ll - 1e-9);
  CHECK(fit.quality.log_likelihood <= upper + 1e-9);
  CHECK(fit.quality.iterations <= clm::FitOptions{}.max_iterations + 8);
  CHECK(fit.quality.starts >= 1);
  CHECK(!fit.quality.stop_reason.empty());
  for (const auto& r : rows) {
    double alive = 0;
    std::optional<double> e;
    if constexpr (std::is_same_v<Params, clm::BgNbdParams>) {
      alive = clm::bgnbd_p_alive(fit.params, r.x, r.t_x, r.T);
      e = clm::bgnbd_expected_purchases(fit.params, r.x, r.t_x, r.T, 4);
    } else {
      alive = clm::pareto_nbd_p_alive(fit.params, r.x, r.t_x, r.T);
      e = clm::pareto_nbd_expected_purchases(fit.params, r.x, r.t_x, r.T, 4);
    }
    CHECK(alive >= 0);
    CHECK(alive <= 1);
    if (e) {
      CHECK(std::isfinite(*e));
      CHECK(*e >= 0);
    }
  }
}

void both_models(const std::vector<clm::PurchaseRow>& rows, double upper) {
  const clm::BgNbdParams bg_probe{1, 1, 1, 1, clm::TimeUnit::kWeek};
  const clm::ParetoNbdParams pn_probe{1, 1, 1, 1, clm::TimeUnit::kWeek};
  auto bg = clm::fit_bgnbd(rows, clm::TimeUnit::kWeek);
  REQUIRE(bg.ok());
  check_fit(*bg, bg_probe, rows, upper);
  auto pn = clm::fit_pareto_nbd(rows, clm::TimeUnit::kWeek);
  REQUIRE(pn.ok());
  check_fit(*pn, pn_probe, rows, upper);
}

}  // namespace

TEST_CASE("Degenerate: no repeat purchases", "[predictive][degenerate]") {
  const std::vector<clm::PurchaseRow> rows = {row(0, 0, 3), row(0, 0, 5), row(0, 0, 8)};
  for (auto s : {clm::fit_bgnbd(rows, clm::TimeUnit::kWeek).status(),
                 clm::fit_pareto_nbd(rows, clm::TimeUnit::kWeek).status(),
                 clm::fit_gamma_gamma(rows).status()}) {
    CHECK(s.code() == Code::kDataError);
    CHECK(s.message().find("repeat") != std::string::npos);
    CHECK(s.message().find('\n') == std::string::npos);
  }
}

TEST_CASE("Degenerate: one customer", "[predictive][degenerate]") {
  const std::vector<clm::PurchaseRow> rows = {row(3, 10, 20, 12.5)};
  both_models(rows, ll_upper_bound(3, 10));
  auto gg = clm::fit_gamma_gamma(rows);
  REQUIRE(gg.ok());
  CHECK(gg->quality.customers == 1);
  // The expected spend of the only customer stays positive and finite.
  auto e = clm::gamma_gamma_expected_spend(gg->params, 3, 12.5);
  REQUIRE(e.has_value());
  CHECK(*e > 0);
  CHECK(std::isfinite(*e));
}

TEST_CASE("Degenerate: all customers identical", "[predictive][degenerate]") {
  const std::vector<clm::PurchaseRow> one = {row(2, 5, 10, 8)};
  const std::vector<clm::PurchaseRow> many(50, row(2, 5, 10, 8));
  both_models(many, 50 * ll_upper_bound(2, 5));
  // The fit maximises the mean log-likelihood, which is the same function
  // for 50 copies of a row as for the row alone.
  auto a = clm::fit_bgnbd(one, clm::TimeUnit::kWeek);
  auto b = clm::fit_bgnbd(many, clm::TimeUnit::kWeek);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(b->quality.log_likelihood == Approx(50 * a->quality.log_likelihood).epsilon(1e-6));
  CHECK(b->quality.distinct_rows == 1);
  auto gg = clm::fit_gamma_gamma(many);
  REQUIRE(gg.ok());
  CHECK(gg->quality.customers == 50);
}

TEST_CASE("Degenerate: one customer with 10,000 purchases", "[predictive][degenerate]") {
  // A purchase every day for 10,000 days, in days: x = 9,999, t_x = 9,999,
  // T = 10,000. A Poisson rate of 1 without drop-out has log-likelihood
  // 9,999·ln 1 − 1·10,000 = −10,000, a limit of both models (r, α → ∞ with
  // r/α = 1; no drop-out); the bound is −9,999.
  const std::vector<clm::PurchaseRow> rows = {row(9999, 9999, 10000, 20)};
  const double upper = ll_upper_bound(9999, 9999);
  auto bg = clm::fit_bgnbd(rows, clm::TimeUnit::kDay);
  REQUIRE(bg.ok());
  CHECK(finite_params(bg->params));
  CHECK(bg->quality.log_likelihood <= upper + 1e-9);
  CHECK(bg->quality.log_likelihood >= -10000.5);
  auto pn = clm::fit_pareto_nbd(rows, clm::TimeUnit::kDay);
  INFO(pn.status().message());
  REQUIRE(pn.ok());
  CHECK(finite_params(pn->params));
  CHECK(pn->quality.log_likelihood <= upper + 1e-9);
  CHECK(pn->quality.log_likelihood >= -10000.5);
  CHECK(std::isfinite(clm::pareto_nbd_p_alive(pn->params, 9999, 9999, 10000)));
  // One mean value cannot identify the spend model's three parameters: its
  // likelihood keeps rising along a ridge that rounding ends. Either the
  // fit stops on that ridge, where 9,999 transactions outweigh any prior,
  // or it says in one line that it did not converge (exit 65).
  auto gg = clm::fit_gamma_gamma(rows);
  if (gg.ok()) {
    auto e = clm::gamma_gamma_expected_spend(gg->params, 9999, 20);
    REQUIRE(e.has_value());
    CHECK(*e == Approx(20).epsilon(0.01));
  } else {
    CHECK(gg.status().code() == Code::kNotConverged);
    CHECK(gg.status().message().rfind("Gamma-Gamma fit did not converge: ", 0) == 0);
    CHECK(gg.status().message().find('\n') == std::string::npos);
  }
}

TEST_CASE("Degenerate: zero or negative spend for Gamma-Gamma", "[predictive][degenerate]") {
  for (double m : {0.0, -5.0}) {
    const std::vector<clm::PurchaseRow> rows = {row(2, 3, 5, 10), row(1, 1, 4, m)};
    auto s = clm::fit_gamma_gamma(rows).status();
    CHECK(s.code() == Code::kDataError);
    CHECK(s.message().find("positive") != std::string::npos);
    // The purchase model does not read the value.
    CHECK(clm::fit_bgnbd(rows, clm::TimeUnit::kWeek).ok());
  }
}

TEST_CASE("Degenerate: a very long T", "[predictive][degenerate]") {
  // Customers observed for 200 years in days; their purchases early on.
  std::vector<clm::PurchaseRow> rows;
  for (int i = 0; i < 40; ++i) {
    rows.push_back(row(i % 5, (i % 5) * 30.0, 73000 - i, 10 + i));
  }
  const clm::BgNbdParams bg_probe{1, 30, 1, 1, clm::TimeUnit::kDay};
  auto bg = clm::fit_bgnbd(rows, clm::TimeUnit::kDay);
  REQUIRE(bg.ok());
  check_fit(*bg, bg_probe, rows, 0.0);
  const clm::ParetoNbdParams pn_probe{1, 30, 1, 30, clm::TimeUnit::kDay};
  auto pn = clm::fit_pareto_nbd(rows, clm::TimeUnit::kDay);
  REQUIRE(pn.ok());
  check_fit(*pn, pn_probe, rows, 0.0);
}

TEST_CASE("Degenerate: calibration and holdout ends", "[predictive][degenerate]") {
  clm::EventStoreBuilder b;
  clm::EventInput e;
  e.customer_id = "A";
  e.type = "purchase";
  e.amount = 5'000'000;
  e.time = clm::days_from_civil({2024, 1, 1}) * clm::kSecondsPerDay;
  REQUIRE(b.add_event(e).ok());
  e.time = clm::days_from_civil({2024, 1, 8}) * clm::kSecondsPerDay;
  REQUIRE(b.add_event(e).ok());
  auto store = b.build();
  REQUIRE(store.ok());
  clm::SummaryOptions o;
  o.calibration_end = {2023, 12, 31};  // before any purchase
  auto before = clm::summarize_purchases(*store, o);
  CHECK(before.status().code() == Code::kDataError);
  o.calibration_end = {2024, 1, 10};
  o.holdout_end = clm::CivilDate{2024, 1, 5};  // before the calibration end
  auto swapped = clm::summarize_purchases(*store, o);
  CHECK(swapped.status().code() == Code::kInvalidArgument);
}

TEST_CASE("The convergence report is kept in the model JSON", "[predictive][degenerate]") {
  clm::PurchaseSummary s;
  s.unit = clm::TimeUnit::kWeek;
  s.rows = {row(3, 10, 20, 12.5), row(0, 0, 15), row(1, 2, 9, 4)};
  auto m = clm::fit_clv_model(s, clm::PurchaseModel::kBgNbd);
  REQUIRE(m.ok());
  REQUIRE(m->purchases_quality.has_value());
  const clm::FitQuality& q = *m->purchases_quality;
  CHECK(q.starts >= 1);
  CHECK(q.iterations > 0);
  CHECK(!q.stop_reason.empty());
  auto back = clm::parse_clv_model(clm::to_json(*m));
  REQUIRE(back.ok());
  REQUIRE(back->purchases_quality.has_value());
  CHECK(back->purchases_quality->starts == q.starts);
  CHECK(back->purchases_quality->iterations == q.iterations);
  CHECK(back->purchases_quality->gradient_norm == q.gradient_norm);
  CHECK(back->purchases_quality->stop_reason == q.stop_reason);
  CHECK(back->purchases_quality->at_bound == q.at_bound);
}
