// Pareto/NBD at the extremes: the likelihood against a 34-digit quadrature of
// its integral form, its analytic gradient against differences, and a fit of
// customers observed for 200 years.
#include <algorithm>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "clm/pareto_nbd.h"
#include "predictive/pareto_integral.h"
#include "predictive/rfm_groups.h"

namespace {

using Big = boost::multiprecision::cpp_bin_float_quad;  // 113-bit significand, 34 digits

struct Case {
  double r, alpha, s, beta, x, t_x, T;
};

// The regimes of the evaluation: CDNOW-like; 200 years in days with α ≈ β,
// α ≫ β (the series fails at t_x and holds at T, or fails on all of
// [t_x, T]), β ≫ α (with an interior peak of the integrand for r + x < 1);
// 10,000 purchases; parameters as large as a nearly Poisson fit gives.
const Case kCases[] = {
    {0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86},
    {0.55, 74, 0.6, 82, 0, 0, 73000},
    {0.55, 74, 0.6, 82, 3, 40, 73000},
    {0.3, 5000, 0.8, 0.01, 0, 0, 73000},
    {1.5, 1e5, 0.2, 1e-3, 4, 30, 73000},
    {0.7, 1e7, 2.0, 0.5, 1, 10, 73000},
    {2.0, 0.001, 0.5, 5e4, 0, 0, 73000},
    {0.4, 0.01, 0.3, 1e6, 0, 0, 73000},
    {0.4, 0.5, 1.3, 400, 0, 5, 73000},
    {0.3, 1, 40, 1e5, 0, 0, 73000},
    {0.5, 5, 0.5, 5, 9999, 9999, 10000},
    {3e6, 6.8e6, 4.5e5, 2.8e6, 7, 80, 73000},
    {0.3, 100, 0.8, 0.001, 0, 0, 10},
};

// log L from Γ(r+x) α^r β^s / Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s·I] in 34
// digits, I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ by tanh-sinh after
// τ = (m + t_x)·e^v − m (m = min(α, β)), split where the integrand peaks and
// scaled by its value there (every factor is kept in logs until then).
double reference_ll(const Case& c) {
  const Big r = c.r, alpha = c.alpha, s = c.s, beta = c.beta, x = c.x, t_x = c.t_x, T = c.T;
  const Big a = r + x, b = s + 1;
  const Big m = alpha < beta ? alpha : beta;
  const Big base = m + t_x;
  auto log_f = [&](const Big& v) {
    const Big tau = base * exp(v) - m;
    return -a * log(alpha + tau) - b * log(beta + tau) + log(m + tau);
  };
  const Big v1 = log((m + T) / base);
  Big split = 0;  // the integrand's peak in v (interior only for α < β, r + x < 1)
  if (alpha < beta && a < 1) {
    const Big rho = (1 - a) / b;
    const Big tau = (rho * beta - alpha) / (1 - rho);
    if (tau > t_x) split = tau >= T ? v1 : Big(log((alpha + tau) / base));
  }
  const Big top = log_f(split);
  // Each piece [lo, hi] as ∫_0^1 on w = (v − lo)/(hi − lo): tanh-sinh wants
  // intervals well above the rounding of their ends.
  boost::math::quadrature::tanh_sinh<Big> rule;
  auto piece = [&](const Big& lo, const Big& hi) {
    auto g = [&](const Big& w) { return exp(log_f(lo + w * (hi - lo)) - top) * (hi - lo); };
    return rule.integrate(g, Big(0), Big(1), Big(1e-20));
  };
  Big integral = 0;  // I / e^top
  if (split > 0) integral += piece(0, split);
  if (split < v1) integral += piece(split, v1);
  const Big alive = -a * log(alpha + T) - s * log(beta + T);
  const Big dead = log(s) + top + log(integral);
  const Big high = alive > dead ? alive : dead, low = alive > dead ? dead : alive;
  const Big log_bracket = high + log1p(exp(low - high));
  const Big ll = boost::math::lgamma(a) - boost::math::lgamma(r) + r * log(alpha) + s * log(beta) +
                 log_bracket;
  return static_cast<double>(ll);
}

// What rounding to double costs in log L: the sum of its terms' sizes
// (lgamma of millions is ~1e8) times a few units in the last place.
double rounding_of_terms(const Case& c) {
  const double a = c.r + c.x;
  return 1e-15 * (std::abs(std::lgamma(a)) + std::abs(std::lgamma(c.r)) +
                  std::abs(c.r * std::log(c.alpha)) + std::abs(c.s * std::log(c.beta)) +
                  std::abs(a * std::log(c.alpha + c.T)) + std::abs(c.s * std::log(c.beta + c.T)));
}

}  // namespace

TEST_CASE("Pareto/NBD likelihood at the extremes against a 34-digit quadrature",
          "[predictive][pareto]") {
  for (const Case& c : kCases) {
    INFO("r=" << c.r << " alpha=" << c.alpha << " s=" << c.s << " beta=" << c.beta << " x=" << c.x
              << " t_x=" << c.t_x << " T=" << c.T);
    const double ll = clm::pareto_nbd_log_likelihood(
        {c.r, c.alpha, c.s, c.beta, clm::TimeUnit::kDay}, c.x, c.t_x, c.T);
    const double ref = reference_ll(c);
    CHECK(std::isfinite(ll));
    CHECK(ll == Approx(ref).epsilon(1e-11).margin(rounding_of_terms(c)));
  }
}

TEST_CASE("Pareto/NBD gradient against central differences", "[predictive][pareto]") {
  for (const Case& c : kCases) {
    INFO("r=" << c.r << " alpha=" << c.alpha << " s=" << c.s << " beta=" << c.beta << " x=" << c.x
              << " t_x=" << c.t_x << " T=" << c.T);
    // The row and a neighbour with one more purchase, to exercise the
    // shared pieces of the integral across rows and runs of x.
    std::vector<clm::PurchaseRow> rows(2);
    rows[0].x = static_cast<std::int32_t>(c.x);
    rows[0].t_x = c.t_x;
    rows[0].T = c.T;
    rows[1].x = rows[0].x + 1;
    rows[1].t_x = (c.t_x + c.T) / 2;
    rows[1].T = c.T;
    const clm::detail::RfmGroups groups = clm::detail::group_by_rft(rows);
    const std::vector<double> u = {std::log(c.r), std::log(c.alpha), std::log(c.s),
                                   std::log(c.beta)};
    std::vector<double> grad(4);
    const double f0 = clm::detail::pareto_neg_ll(groups, u, &grad);
    REQUIRE(std::isfinite(f0));
    CHECK(f0 == Approx(clm::detail::pareto_neg_ll(groups, u, nullptr)).epsilon(1e-14));
    for (int k = 0; k < 4; ++k) {
      const double h = 1e-5;
      std::vector<double> up = u, down = u;
      up[k] += h;
      down[k] -= h;
      const double diff = (clm::detail::pareto_neg_ll(groups, up, nullptr) -
                           clm::detail::pareto_neg_ll(groups, down, nullptr)) /
                          (2 * h);
      INFO("parameter " << k << ": analytic " << grad[k] << ", differences " << diff);
      // Differences of an objective of size |f0| carry about 1e-16·|f0|/h of
      // rounding and h² of truncation.
      CHECK(std::abs(grad[k] - diff) <= 1e-6 * std::max({1.0, std::abs(diff), std::abs(f0)}));
    }
  }
}

namespace {

// The fit ends within its budget at finite parameters, reports the sum of
// the customers' log-likelihoods, each of which (on a sample) agrees with the
// 34-digit quadrature, and no parameter moved by 0.1 % either way (unless at
// the edge of the search box, outwards) does better.
clm::ParetoNbdFit check_long_fit(const std::vector<clm::PurchaseRow>& rows) {
  auto fit = clm::fit_pareto_nbd(rows, clm::TimeUnit::kDay);
  INFO(fit.status().message());
  REQUIRE(fit.ok());
  const clm::ParetoNbdParams& p = fit->params;
  for (double v : {p.r, p.alpha, p.s, p.beta}) CHECK((std::isfinite(v) && v > 0));
  CHECK(fit->quality.iterations < clm::FitOptions{}.max_iterations);
  double total = 0;
  for (const auto& r : rows) total += clm::pareto_nbd_log_likelihood(p, r.x, r.t_x, r.T);
  CHECK(fit->quality.log_likelihood == Approx(total).epsilon(1e-12));
  for (std::size_t i = 0; i < rows.size(); i += 250) {
    const auto& r = rows[i];
    const Case c{p.r, p.alpha, p.s, p.beta, static_cast<double>(r.x), r.t_x, r.T};
    INFO("x=" << r.x << " t_x=" << r.t_x << " T=" << r.T);
    CHECK(clm::pareto_nbd_log_likelihood(p, r.x, r.t_x, r.T) ==
          Approx(reference_ll(c)).epsilon(1e-11).margin(rounding_of_terms(c)));
  }
  const clm::detail::RfmGroups groups = clm::detail::group_by_rft(rows);
  const std::vector<double> u = {std::log(p.r), std::log(p.alpha), std::log(p.s), std::log(p.beta)};
  const char* names[] = {"r", "alpha", "s", "beta"};
  for (int k = 0; k < 4; ++k) {
    const bool at_edge = std::find(fit->quality.at_bound.begin(), fit->quality.at_bound.end(),
                                   names[k]) != fit->quality.at_bound.end();
    for (double d : {-1e-3, 1e-3}) {
      if (at_edge && d > 0) continue;  // the box ends there
      std::vector<double> moved = u;
      moved[k] += d;
      INFO("log " << names[k] << " moved by " << d);
      CHECK(-clm::detail::pareto_neg_ll(groups, moved, nullptr) <
            fit->quality.log_likelihood + 1e-9 * std::abs(fit->quality.log_likelihood));
    }
  }
  return *fit;
}

}  // namespace

TEST_CASE("Pareto/NBD fits customers observed for 200 years", "[predictive][pareto]") {
  SECTION("drawn from the model") {
    // Days. r = 0.55, α = 74, s = 0.6, β = 8,000: a purchase every ~4
    // months, lifetimes of decades, some alive for the whole span; first
    // purchases 200 years before the calibration end (T ≈ 73,000).
    std::mt19937_64 rng(20240601);
    std::gamma_distribution<double> rate(0.55, 1 / 74.0), death(0.6, 1 / 8000.0);
    std::exponential_distribution<double> unit(1.0);
    std::vector<clm::PurchaseRow> rows;
    for (int i = 0; i < 2000; ++i) {
      clm::PurchaseRow r;
      r.T = 73000.0 - i;
      const double lambda = rate(rng), end = std::min(r.T, unit(rng) / death(rng));
      for (double t = unit(rng) / lambda; t < end; t += unit(rng) / lambda) {
        ++r.x;
        r.t_x = t;
      }
      rows.push_back(r);
    }
    const clm::ParetoNbdFit fit = check_long_fit(rows);
    CHECK(fit.quality.at_bound.empty());
    // 2,000 customers pin the shape parameters to within a few standard errors.
    CHECK(fit.params.r == Approx(0.55).margin(0.05));
    CHECK(fit.params.s == Approx(0.6).margin(0.1));
  }
  SECTION("every customer alike, all gone after the first months") {
    // x = 0 … 6 purchases 11 days apart, then nothing for 200 years: no
    // spread in the rates, so r and s run to the edge of the box with α and β
    // (a single purchase rate and a single death rate). Before the integral
    // was split at τ_c, each evaluation integrated every row numerically here
    // and the fit could use up its 30 s budget.
    std::vector<clm::PurchaseRow> rows;
    for (int i = 0; i < 2000; ++i) {
      clm::PurchaseRow r;
      r.x = i % 7;
      r.t_x = (i % 7) * 11.0 + (i % 13) * (i % 7 > 0);
      r.T = 73000.0 - i;
      rows.push_back(r);
    }
    check_long_fit(rows);
  }
}
