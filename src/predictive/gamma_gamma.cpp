// Gamma–Gamma spend model: likelihood of the mean repeat value (Fader,
// Hardie & Lee 2005b, eq. 3 written for the mean m over x transactions),
// fit and conditional expected spend.
#include "clm/gamma_gamma.h"

#include <cmath>
#include <limits>

#include "predictive/fit_driver.h"
#include "predictive/rfm_groups.h"
#include "predictive/special.h"

namespace clm {
namespace {

// −Σ w·LL and its gradient with respect to u = log(p, q, γ). With z = x·m the
// density of the mean m is
//   Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + x m)^(px+q).
double neg_ll(const std::vector<detail::SpendGroup>& groups, const std::vector<double>& u,
              std::vector<double>* grad) {
  const double p = std::exp(u[0]), q = std::exp(u[1]), g = std::exp(u[2]);
  const double log_g = u[2];
  const bool want = grad != nullptr;
  const double lg_q = detail::lgam(q);
  const double dg_q = want ? detail::digam(q) : 0;
  double ll = 0, gp = 0, gq = 0, gg = 0;
  std::size_t i = 0;
  while (i < groups.size()) {
    const double x = groups[i].x;
    const double px = p * x;
    const double c = detail::lgam(px + q) - detail::lgam(px) - lg_q + q * log_g + px * std::log(x);
    double dcp = 0, dcq = 0;
    if (want) {
      const double dg_pxq = detail::digam(px + q);
      dcp = x * (dg_pxq - detail::digam(px)) + x * std::log(x);
      dcq = dg_pxq - dg_q + log_g;
    }
    double w = 0;
    for (; i < groups.size() && groups[i].x == x; ++i) {
      const detail::SpendGroup& s = groups[i];
      const double lm = std::log(s.m), lgz = std::log(g + x * s.m);
      ll += s.weight * ((px - 1) * lm - (px + q) * lgz);
      if (want) {
        gp += s.weight * x * (lm - lgz);
        gq -= s.weight * lgz;
        gg -= s.weight * (px + q) / (g + x * s.m);
      }
      w += s.weight;
    }
    ll += w * c;
    if (want) {
      gp += w * dcp;
      gq += w * dcq;
      gg += w * q / g;
    }
  }
  if (want) {
    (*grad)[0] = -gp * p;
    (*grad)[1] = -gq * q;
    (*grad)[2] = -gg * g;
  }
  return std::isfinite(ll) ? -ll : std::numeric_limits<double>::infinity();
}

}  // namespace

Result<GammaGammaFit> fit_gamma_gamma(const PurchaseSummary& summary, const FitOptions& options) {
  return fit_gamma_gamma(summary.rows, options);
}

Result<GammaGammaFit> fit_gamma_gamma(std::span<const PurchaseRow> rows,
                                      const FitOptions& options) {
  double n = 0, sum_m = 0;
  for (const PurchaseRow& r : rows) {
    if (r.x <= 0) continue;
    if (!(r.monetary > 0) || !std::isfinite(r.monetary)) {
      return Status::DataError("Gamma-Gamma: every repeat buyer needs a positive mean value");
    }
    n += 1;
    sum_m += r.monetary;
  }
  if (n == 0) return Status::DataError("Gamma-Gamma: no repeat buyers to fit");
  const std::vector<detail::SpendGroup> groups = detail::group_spend(rows);
  detail::Objective f = [&](const std::vector<double>& u, std::vector<double>* g) {
    return neg_ll(groups, u, g);
  };
  // Start at p = q = 1 ... with γ so that the prior mean p γ/(q−1) is near
  // the sample mean: q = 2, γ = mean.
  std::vector<double> u0 = {0.0, std::log(2.0), std::log(sum_m / n)};
  auto run = detail::run_fit("Gamma-Gamma", f, u0, {"p", "q", "gamma"}, n,
                             static_cast<std::int64_t>(groups.size()), options);
  if (!run.ok()) return run.status();
  GammaGammaFit fit;
  fit.params = {run->theta[0], run->theta[1], run->theta[2]};
  fit.quality = std::move(run->quality);
  return fit;
}

double gamma_gamma_log_likelihood(const GammaGammaParams& p, double x, double m) {
  std::vector<detail::SpendGroup> one = {{x, m, 1.0}};
  return -neg_ll(one, {std::log(p.p), std::log(p.q), std::log(p.gamma)}, nullptr);
}

std::optional<double> gamma_gamma_expected_spend(const GammaGammaParams& p, double x, double m) {
  const double denom = p.p * x + p.q - 1;
  if (!(denom > 0)) return std::nullopt;
  const double v = p.p * (p.gamma + x * m) / denom;
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

}  // namespace clm
