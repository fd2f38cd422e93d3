// Pareto/NBD: likelihood in log space, fit (numeric gradient), forecasts.
//
// With p = r + s + x the likelihood is (Fader & Hardie 2005 note)
//   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s·I ],
//   I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
// the chance of dying unseen after the last purchase. The note's closed
// form of I uses 2F1(p, s+1; p+1; z), which diverges as z → 1 (its
// c − a − b = −s < 0). Euler's transformation turns it into 2F1(1, r+x; p+1; z)
// (or 2F1(1, s+1; p+1; z) when α < β), whose series has only positive terms
// and c − a − b > 0. Near z = 1 that series is slow, so there I is integrated
// numerically instead, with a fixed rule of bounded cost (log_i_quadrature).
#include "clm/pareto_nbd.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <limits>

#include "predictive/fit_driver.h"
#include "predictive/rfm_groups.h"
#include "predictive/special.h"

namespace clm {
namespace {

constexpr double kSeriesMaxZ = 0.95;
// Its terms fall at least by the ratio z ≤ 0.95 each, so ~800 reach double
// precision; the cap only bounds the cost.
constexpr int kSeriesMaxTerms = 4000;

// log of H(t) where I = (H(t_x) − H(T)) / p; nullopt beyond the series' reach.
std::optional<double> log_h(double r, double alpha, double s, double beta, double x, double t) {
  const double p = r + s + x;
  if (alpha >= beta) {
    const double z = (alpha - beta) / (alpha + t);
    if (z > kSeriesMaxZ) return std::nullopt;
    const auto g = detail::log_hyp2f1_1bc(r + x, p + 1, z, kSeriesMaxTerms);
    if (!g) return std::nullopt;
    return *g - (r + x) * std::log(alpha + t) - s * std::log(beta + t);
  }
  const double z = (beta - alpha) / (beta + t);
  if (z > kSeriesMaxZ) return std::nullopt;
  const auto g = detail::log_hyp2f1_1bc(s + 1, p + 1, z, kSeriesMaxTerms);
  if (!g) return std::nullopt;
  return *g - (r + x - 1) * std::log(alpha + t) - (s + 1) * std::log(beta + t);
}

// log I by a fixed rule. With m = min(α, β) and τ = (m + t_x)·e^v − m,
// g(v) = f(τ)·(m + τ)/f(t_x) is log-concave in v: d/dv log g =
// 1 − (r+x)(m+τ)/(α+τ) − (s+1)(m+τ)/(β+τ) never increases, since m ≤ α, β.
// So the v where g is within e^−40 of its peak form one interval, found by
// bisection on that slope and on log g (45 halvings each), and the integral
// over it is 8 panels of 15-point Gauss–Kronrod; what lies outside is below
// e^−40 of the peak times the length. Cost: at most ~260 evaluations.
double log_i_quadrature(double r, double alpha, double s, double beta, double x, double t_x,
                        double T) {
  const double m = std::min(alpha, beta);
  const double a = r + x, b = s + 1, base = m + t_x;
  const double lf0 = -a * std::log(alpha + t_x) - b * std::log(beta + t_x);
  auto log_g = [&](double v) {
    const double tau = base * std::exp(v) - m;
    return -a * std::log(alpha + tau) - b * std::log(beta + tau) + std::log(m + tau) - lf0;
  };
  auto slope = [&](double v) {
    const double tau = base * std::exp(v) - m;
    return 1 - a * (m + tau) / (alpha + tau) - b * (m + tau) / (beta + tau);
  };
  const double v_end = std::log((m + T) / base);
  auto bisect = [](double lo, double hi, auto&& above) {  // above(lo) true, above(hi) false
    for (int i = 0; i < 45; ++i) {
      const double mid = (lo + hi) / 2;
      (above(mid) ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
  };
  double peak = 0;
  if (slope(0) > 0) {
    peak = slope(v_end) >= 0 ? v_end : bisect(0.0, v_end, [&](double v) { return slope(v) > 0; });
  }
  const double top = log_g(peak);
  constexpr double kDrop = 40;
  const double lo = log_g(0) >= top - kDrop
                        ? 0.0
                        : bisect(peak, 0.0, [&](double v) { return log_g(v) >= top - kDrop; });
  const double hi = log_g(v_end) >= top - kDrop
                        ? v_end
                        : bisect(peak, v_end, [&](double v) { return log_g(v) >= top - kDrop; });
  if (!(hi > lo)) return detail::kNegInf;
  constexpr int kPanels = 8;
  const double width = (hi - lo) / kPanels;
  auto integrand = [&](double v) { return std::exp(log_g(v) - top); };
  double value = 0;
  for (int k = 0; k < kPanels; ++k) {
    value += boost::math::quadrature::gauss_kronrod<double, 15>::integrate(
        integrand, lo + k * width, lo + (k + 1) * width, 0, 0.0);
  }
  if (!(value > 0) || !std::isfinite(value)) return detail::kNegInf;
  return lf0 + top + std::log(value);
}

// log I(t_x, T); −inf when T == t_x.
double log_i(double r, double alpha, double s, double beta, double x, double t_x, double T) {
  if (!(T > t_x)) return detail::kNegInf;
  const auto h_tx = log_h(r, alpha, s, beta, x, t_x);
  const auto h_T = h_tx ? log_h(r, alpha, s, beta, x, T) : std::nullopt;
  if (h_tx && h_T) return detail::log_sub_exp(*h_tx, *h_T) - std::log(r + s + x);
  return log_i_quadrature(r, alpha, s, beta, x, t_x, T);
}

// log of the bracket's first term (alive at T) and of s·I (died in (t_x, T]).
struct Parts {
  double alive;
  double dead;
};

Parts parts(double r, double alpha, double s, double beta, double x, double t_x, double T) {
  return {-(r + x) * std::log(alpha + T) - s * std::log(beta + T),
          std::log(s) + log_i(r, alpha, s, beta, x, t_x, T)};
}

double neg_ll(const std::vector<detail::RfmGroup>& groups, const std::vector<double>& u) {
  const double r = std::exp(u[0]), alpha = std::exp(u[1]), s = std::exp(u[2]),
               beta = std::exp(u[3]);
  const double base = -detail::lgam(r) + r * u[1] + s * u[3];
  double ll = 0;
  std::size_t i = 0;
  while (i < groups.size()) {
    const double x = groups[i].x;
    const double c = detail::lgam(r + x) + base;
    for (; i < groups.size() && groups[i].x == x; ++i) {
      const detail::RfmGroup& g = groups[i];
      const Parts pr = parts(r, alpha, s, beta, x, g.t_x, g.T);
      ll += g.weight * (c + detail::log_add_exp(pr.alive, pr.dead));
    }
  }
  return std::isfinite(ll) ? -ll : std::numeric_limits<double>::infinity();
}

// [1 − ((β+T)/(β+T+t))^(s−1)] / (s−1), with its limit log(1 + t/(β+T)) at s = 1.
double survival_integral(double s, double beta_T, double t) {
  const double l = std::log1p(t / beta_T);
  if (std::abs(s - 1) < 1e-10) return l;
  return -std::expm1(-(s - 1) * l) / (s - 1);
}

}  // namespace

Result<ParetoNbdFit> fit_pareto_nbd(const PurchaseSummary& summary, const FitOptions& options) {
  return fit_pareto_nbd(summary.rows, summary.unit, options);
}

Result<ParetoNbdFit> fit_pareto_nbd(std::span<const PurchaseRow> rows, TimeUnit unit,
                                    const FitOptions& options) {
  if (rows.empty()) return Status::DataError("Pareto/NBD: no customers to fit");
  double sum_x = 0, sum_T = 0;
  for (const PurchaseRow& r : rows) {
    if (r.x < 0 || !(r.t_x >= 0) || !(r.T >= r.t_x)) {
      return Status::DataError("Pareto/NBD: each customer needs x >= 0 and 0 <= t_x <= T");
    }
    sum_x += r.x;
    sum_T += r.T;
  }
  if (sum_x == 0) {
    return Status::DataError("Pareto/NBD: no repeat buyers, so the model cannot be identified");
  }
  const std::vector<detail::RfmGroup> groups = detail::group_by_rft(rows).rows;
  detail::Objective ll_only = [&](const std::vector<double>& u, std::vector<double>*) {
    return neg_ll(groups, u);
  };
  detail::Objective f = [&](const std::vector<double>& u, std::vector<double>* g) {
    if (g) detail::numeric_gradient(ll_only, u, *g, 1e-5);
    return neg_ll(groups, u);
  };
  const double rate_scale = std::log(std::max(sum_T / sum_x, 1e-6));
  std::vector<double> u0 = {0.0, rate_scale, 0.0, rate_scale};
  auto run = detail::run_fit("Pareto/NBD", f, u0, {"r", "alpha", "s", "beta"},
                             static_cast<double>(rows.size()),
                             static_cast<std::int64_t>(groups.size()), options);
  if (!run.ok()) return run.status();
  ParetoNbdFit fit;
  fit.params = {run->theta[0], run->theta[1], run->theta[2], run->theta[3], unit};
  fit.quality = std::move(run->quality);
  return fit;
}

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, double x, double t_x, double T) {
  std::vector<detail::RfmGroup> one = {{x, t_x, T, 1.0}};
  return -neg_ll(one, {std::log(p.r), std::log(p.alpha), std::log(p.s), std::log(p.beta)});
}

double pareto_nbd_p_alive(const ParetoNbdParams& p, double x, double t_x, double T) {
  const Parts pr = parts(p.r, p.alpha, p.s, p.beta, x, t_x, T);
  if (pr.dead == detail::kNegInf) return 1.0;
  return 1.0 / (1.0 + std::exp(pr.dead - pr.alive));
}

double pareto_nbd_expected_purchases(const ParetoNbdParams& p, double x, double t_x, double T,
                                     double t) {
  if (t <= 0) return 0.0;
  // E[Y(t) | alive] = (r+x)/(α+T) · (β+T) · survival_integral; times P(alive).
  const double given_alive =
      (p.r + x) / (p.alpha + T) * (p.beta + T) * survival_integral(p.s, p.beta + T, t);
  return given_alive * pareto_nbd_p_alive(p, x, t_x, T);
}

double pareto_nbd_expected_purchases_new(const ParetoNbdParams& p, double t) {
  if (t <= 0) return 0.0;
  return p.r / p.alpha * p.beta * survival_integral(p.s, p.beta, t);
}

}  // namespace clm
