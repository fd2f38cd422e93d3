// BG/NBD: likelihood with analytic gradient, fit, and forecasts (Fader,
// Hardie & Lee 2005, equations 6, 9, 10 and the P(alive) of their note).
#include "clm/bgnbd.h"

#include <cmath>
#include <limits>

#include "predictive/fit_driver.h"
#include "predictive/rfm_groups.h"
#include "predictive/special.h"

namespace clm {
namespace {

// −Σ w·LL over the merged rows and its gradient with respect to
// u = log(r, α, a, b). Rows come in runs of equal x, so the gamma-function
// terms are evaluated once per distinct x.
double neg_ll(const detail::RfmGroups& data, const std::vector<double>& u,
              std::vector<double>* grad) {
  const std::vector<detail::RfmGroup>& groups = data.rows;
  const double r = std::exp(u[0]), alpha = std::exp(u[1]), a = std::exp(u[2]), b = std::exp(u[3]);
  const double log_alpha = u[1];
  const bool want = grad != nullptr;
  double ll = 0, gr = 0, ga = 0, gA = 0, gb = 0;  // ga: d/dα, gA: d/da
  const double lg_r = detail::lgam(r), lg_b = detail::lgam(b), lg_ab = detail::lgam(a + b);
  const double dg_r = want ? detail::digam(r) : 0, dg_b = want ? detail::digam(b) : 0;
  const double dg_ab = want ? detail::digam(a + b) : 0;
  const double log_a = u[2];
  // log(α + t) and 1/(α + t) once per distinct time value.
  thread_local std::vector<double> log_at, inv_at;
  log_at.resize(data.times.size());
  inv_at.resize(data.times.size());
  for (std::size_t k = 0; k < data.times.size(); ++k) {
    log_at[k] = std::log(alpha + data.times[k]);
    inv_at[k] = 1.0 / (alpha + data.times[k]);
  }
  std::size_t i = 0;
  while (i < groups.size()) {
    const double x = groups[i].x;
    // Terms that depend on x only.
    const double c1 = detail::lgam(r + x) - lg_r + r * log_alpha + lg_ab + detail::lgam(b + x) -
                      lg_b - detail::lgam(a + b + x);
    double dc_r = 0, dc_a = 0, dc_b = 0;
    if (want) {
      const double dg_abx = detail::digam(a + b + x);
      dc_r = detail::digam(r + x) - dg_r + log_alpha;
      dc_a = dg_ab - dg_abx;
      dc_b = dg_ab + detail::digam(b + x) - dg_b - dg_abx;
    }
    const double k4 = x > 0 ? log_a - std::log(b + x - 1) : 0;
    const double rx = r + x;
    double run_w = 0, s_ll = 0, s_r = 0, s_al = 0, s_a = 0, s_b = 0;
    for (; i < groups.size() && groups[i].x == x; ++i) {
      const detail::RfmGroup& g = groups[i];
      const double lA = log_at[g.T_index];
      const double A3 = -rx * lA;
      if (x == 0) {
        s_ll += g.weight * A3;
        if (want) {
          s_r -= g.weight * lA;
          s_al -= g.weight * rx * inv_at[g.T_index];
        }
      } else {
        const double lB = log_at[g.t_x_index];
        const double A4 = k4 - rx * lB;
        // lse = log(e^A3 + e^A4) with one exp: w4 = e^A4 / (e^A3 + e^A4).
        const double d = A4 - A3;
        double lse, w4;
        if (d > 0) {
          const double e = std::exp(-d);
          lse = A4 + std::log1p(e);
          w4 = 1 / (1 + e);
        } else {
          const double e = std::exp(d);
          lse = A3 + std::log1p(e);
          w4 = e / (1 + e);
        }
        s_ll += g.weight * lse;
        if (want) {
          const double w3 = 1 - w4;
          s_r -= g.weight * (w3 * lA + w4 * lB);
          s_al -= g.weight * rx * (w3 * inv_at[g.T_index] + w4 * inv_at[g.t_x_index]);
          s_a += g.weight * w4;
          s_b += g.weight * w4;
        }
      }
      run_w += g.weight;
    }
    ll += run_w * c1 + s_ll;
    if (want) {
      gr += run_w * dc_r + s_r;
      ga += run_w * r / alpha + s_al;
      gA += run_w * dc_a + s_a / a;
      gb += run_w * dc_b - (x > 0 ? s_b / (b + x - 1) : 0);
    }
  }
  if (want) {  // chain rule to log-parameters, sign for −LL
    (*grad)[0] = -gr * r;
    (*grad)[1] = -ga * alpha;
    (*grad)[2] = -gA * a;
    (*grad)[3] = -gb * b;
  }
  return std::isfinite(ll) ? -ll : std::numeric_limits<double>::infinity();
}

// log of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): the odds of "dropped out after
// the last purchase" against "alive", for x > 0.
double log_death_odds(const BgNbdParams& p, double x, double t_x, double T) {
  return std::log(p.a) - std::log(p.b + x - 1) +
         (p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + t_x));
}

std::optional<double> expected_given_alive(const BgNbdParams& p, double x, double T, double t) {
  // (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
  if (t <= 0) return 0.0;
  auto at = [&](double a) -> std::optional<double> {
    const double z = t / (p.alpha + T + t);
    const auto f = detail::hyp2f1(p.r + x, p.b + x, a + p.b + x - 1, z);
    if (!f) return std::nullopt;
    const double lead = std::exp((p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + T + t)));
    const double v = (a + p.b + x - 1) / (a - 1) * (1 - lead * *f);
    if (!std::isfinite(v)) return std::nullopt;
    return v < 0 ? 0.0 : v;
  };
  // a = 1 is a removable singularity: average the two sides.
  if (std::abs(p.a - 1) < 1e-6) {
    const auto lo = at(1 - 1e-6), hi = at(1 + 1e-6);
    if (!lo || !hi) return std::nullopt;
    return (*lo + *hi) / 2;
  }
  return at(p.a);
}

}  // namespace

Result<BgNbdFit> fit_bgnbd(const PurchaseSummary& summary, const FitOptions& options) {
  return fit_bgnbd(summary.rows, summary.unit, options);
}

Result<BgNbdFit> fit_bgnbd(std::span<const PurchaseRow> rows, TimeUnit unit,
                           const FitOptions& options) {
  if (rows.empty()) return Status::DataError("BG/NBD: no customers to fit");
  double sum_x = 0, sum_T = 0;
  for (const PurchaseRow& r : rows) {
    if (r.x < 0 || !(r.t_x >= 0) || !(r.T >= r.t_x)) {
      return Status::DataError("BG/NBD: each customer needs x >= 0 and 0 <= t_x <= T");
    }
    sum_x += r.x;
    sum_T += r.T;
  }
  if (sum_x == 0) {
    return Status::DataError("BG/NBD: no repeat buyers, so the model cannot be identified");
  }
  const detail::RfmGroups groups = detail::group_by_rft(rows);
  detail::Objective f = [&](const std::vector<double>& u, std::vector<double>* g) {
    return neg_ll(groups, u, g);
  };
  // Start at r = a = b = 1 and α = ΣT / Σx, which matches the mean purchase rate.
  std::vector<double> u0 = {0.0, std::log(std::max(sum_T / sum_x, 1e-6)), 0.0, 0.0};
  auto run =
      detail::run_fit("BG/NBD", f, u0, {"r", "alpha", "a", "b"}, static_cast<double>(rows.size()),
                      static_cast<std::int64_t>(groups.rows.size()), options, true);
  if (!run.ok()) return run.status();
  BgNbdFit fit;
  fit.params = {run->theta[0], run->theta[1], run->theta[2], run->theta[3], unit};
  fit.quality = std::move(run->quality);
  return fit;
}

double bgnbd_log_likelihood(const BgNbdParams& p, double x, double t_x, double T) {
  const detail::RfmGroups one{{{x, t_x, T, 1.0, 0, 1}}, {t_x, T}};
  return -neg_ll(one, {std::log(p.r), std::log(p.alpha), std::log(p.a), std::log(p.b)}, nullptr);
}

double bgnbd_p_alive(const BgNbdParams& p, double x, double t_x, double T) {
  if (x <= 0) return 1.0;
  return 1.0 / (1.0 + std::exp(log_death_odds(p, x, t_x, T)));
}

std::optional<double> bgnbd_expected_purchases(const BgNbdParams& p, double x, double t_x, double T,
                                               double t) {
  const auto alive = expected_given_alive(p, x, T, t);
  if (!alive) return std::nullopt;
  return *alive * bgnbd_p_alive(p, x, t_x, T);
}

std::optional<double> bgnbd_expected_purchases_new(const BgNbdParams& p, double t) {
  // Eq. 9 is eq. 10's bracket with x = 0, T = 0.
  return expected_given_alive(p, 0, 0, t);
}

}  // namespace clm
