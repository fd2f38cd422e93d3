// Pareto/NBD: likelihood in log space with its analytic gradient, fit, and
// forecasts.
//
// With p = r + s + x the likelihood is (Fader & Hardie 2005 note)
//   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s·I ],
//   I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
// the chance of dying unseen after the last purchase; I and its derivatives
// come from predictive/pareto_integral.h.
#include "clm/pareto_nbd.h"

#include <array>
#include <cmath>
#include <limits>

#include "predictive/fit_driver.h"
#include "predictive/pareto_integral.h"
#include "predictive/rfm_groups.h"
#include "predictive/special.h"

namespace clm {
namespace {

using detail::LogGrad;

// log of the bracket's first term, (α+T)^−(r+x) (β+T)^−s: alive at T.
LogGrad log_alive(const ParetoNbdParams& p, double x, double log_aT, double log_bT, double T) {
  LogGrad out;
  out.v = -(p.r + x) * log_aT - p.s * log_bT;
  out.d = {-log_aT, -(p.r + x) / (p.alpha + T), -log_bT, -p.s / (p.beta + T)};
  return out;
}

}  // namespace

// Rows come in runs of equal x, so the gamma-function terms (and the
// integral's shared pieces) are evaluated once per distinct x.
double detail::pareto_neg_ll(const RfmGroups& data, const std::vector<double>& u,
                             std::vector<double>* grad) {
  const ParetoNbdParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2]), std::exp(u[3]),
                          TimeUnit::kWeek};
  const bool want = grad != nullptr;
  detail::ParetoIntegral integral(p, want, data.times.size());
  std::vector<double> log_at(data.times.size()), log_bt(data.times.size());
  for (std::size_t k = 0; k < data.times.size(); ++k) {
    log_at[k] = std::log(p.alpha + data.times[k]);
    log_bt[k] = std::log(p.beta + data.times[k]);
  }
  const double base = -detail::lgam(p.r) + p.r * u[1] + p.s * u[3];
  const double dg_r = want ? detail::digam(p.r) : 0;
  double ll = 0;
  std::array<double, 4> g{};
  const std::vector<detail::RfmGroup>& groups = data.rows;
  std::size_t i = 0;
  while (i < groups.size()) {
    const double x = groups[i].x;
    integral.set_x(x);
    const double c = detail::lgam(p.r + x) + base;
    std::array<double, 4> dc{};
    if (want) dc = {detail::digam(p.r + x) - dg_r + u[1], p.r / p.alpha, u[3], p.s / p.beta};
    for (; i < groups.size() && groups[i].x == x; ++i) {
      const detail::RfmGroup& row = groups[i];
      const LogGrad alive = log_alive(p, x, log_at[row.T_index], log_bt[row.T_index], row.T);
      LogGrad dead = integral.log_i(row.t_x, row.T, row.t_x_index, row.T_index);
      dead.v += u[2];  // s·I
      dead.d[2] += 1 / p.s;
      const LogGrad both = detail::log_add(alive, dead);
      ll += row.weight * (c + both.v);
      if (want) {
        for (int k = 0; k < 4; ++k) g[k] += row.weight * (dc[k] + both.d[k]);
      }
    }
  }
  if (want) {  // chain rule to the log-parameters, sign for −LL
    const double theta[4] = {p.r, p.alpha, p.s, p.beta};
    for (int k = 0; k < 4; ++k) (*grad)[k] = -g[k] * theta[k];
  }
  return std::isfinite(ll) ? -ll : std::numeric_limits<double>::infinity();
}

namespace {

// log s·I: died unseen in (t_x, T]; −inf when T == t_x.
double log_dead(const ParetoNbdParams& p, double x, double t_x, double T) {
  detail::ParetoIntegral integral(p, false);
  integral.set_x(x);
  return std::log(p.s) + integral.log_i(t_x, T).v;
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
  const detail::RfmGroups groups = detail::group_by_rft(rows);
  detail::Objective f = [&](const std::vector<double>& u, std::vector<double>* g) {
    return detail::pareto_neg_ll(groups, u, g);
  };
  const double rate_scale = std::log(std::max(sum_T / sum_x, 1e-6));
  std::vector<double> u0 = {0.0, rate_scale, 0.0, rate_scale};
  auto run = detail::run_fit("Pareto/NBD", f, u0, {"r", "alpha", "s", "beta"},
                             static_cast<double>(rows.size()),
                             static_cast<std::int64_t>(groups.rows.size()), options, true);
  if (!run.ok()) return run.status();
  ParetoNbdFit fit;
  fit.params = {run->theta[0], run->theta[1], run->theta[2], run->theta[3], unit};
  fit.quality = std::move(run->quality);
  return fit;
}

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, double x, double t_x, double T) {
  const detail::RfmGroups one{{{x, t_x, T, 1.0, 0, 1}}, {t_x, T}};
  return -detail::pareto_neg_ll(
      one, {std::log(p.r), std::log(p.alpha), std::log(p.s), std::log(p.beta)}, nullptr);
}

double pareto_nbd_p_alive(const ParetoNbdParams& p, double x, double t_x, double T) {
  const double dead = log_dead(p, x, t_x, T);
  if (dead == detail::kNegInf) return 1.0;
  const double alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  return 1.0 / (1.0 + std::exp(dead - alive));
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
