#include "predictive/optimize.h"

#include <algorithm>
#include <cmath>

namespace clm::detail {
namespace {

double max_abs(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::abs(x));
  return m;
}

// Cholesky factorisation in place (lower triangle); false if not positive definite.
bool cholesky(std::vector<double>& m, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double d = m[j * n + j];
    for (std::size_t k = 0; k < j; ++k) d -= m[j * n + k] * m[j * n + k];
    if (!(d > 0) || !std::isfinite(d)) return false;
    d = std::sqrt(d);
    m[j * n + j] = d;
    for (std::size_t i = j + 1; i < n; ++i) {
      double v = m[i * n + j];
      for (std::size_t k = 0; k < j; ++k) v -= m[i * n + k] * m[j * n + k];
      m[i * n + j] = v / d;
    }
  }
  return true;
}

}  // namespace

MinimizeResult minimize_bfgs(const Objective& f, std::vector<double> u0, int max_iterations,
                             double gtol) {
  const std::size_t n = u0.size();
  MinimizeResult res;
  res.u = std::move(u0);
  std::vector<double> g(n), g_new(n), u_new(n), dir(n), s(n), y(n), hy(n);
  res.value = f(res.u, &g);
  if (!std::isfinite(res.value)) return res;
  // Inverse-Hessian approximation, identity to start: the log-parameters are
  // all of order one, so the first step is a plain (capped) gradient step.
  std::vector<double> h(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) h[i * n + i] = 1.0;
  int stalls = 0;
  for (int it = 0; it < max_iterations; ++it) {
    res.iterations = it;
    if (max_abs(g) < gtol) {
      res.converged = true;
      return res;
    }
    double slope = 0;
    for (std::size_t i = 0; i < n; ++i) {
      dir[i] = 0;
      for (std::size_t j = 0; j < n; ++j) dir[i] -= h[i * n + j] * g[j];
      slope += dir[i] * g[i];
    }
    if (!(slope < 0)) {  // not a descent direction: restart from the gradient
      std::fill(h.begin(), h.end(), 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        h[i * n + i] = 1.0;
        dir[i] = -g[i];
      }
      slope = 0;
      for (std::size_t i = 0; i < n; ++i) slope -= g[i] * g[i];
    }
    // Never move a log-parameter by more than 2 (a factor e²) in one step.
    const double longest = max_abs(dir);
    double step = longest > 2 ? 2 / longest : 1.0;
    double f_new = 0;
    bool accepted = false;
    for (int ls = 0; ls < 60; ++ls) {
      for (std::size_t i = 0; i < n; ++i) u_new[i] = res.u[i] + step * dir[i];
      f_new = f(u_new, &g_new);
      if (std::isfinite(f_new) && f_new <= res.value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      // No decrease possible at machine precision: a minimum if the gradient
      // is small, otherwise restart once from a gradient step.
      if (max_abs(g) < std::max(gtol, 1e-5) * 100) {
        res.converged = true;
        return res;
      }
      if (++stalls > 2) return res;
      std::fill(h.begin(), h.end(), 0.0);
      for (std::size_t i = 0; i < n; ++i) h[i * n + i] = 1.0;
      continue;
    }
    double sy = 0;
    for (std::size_t i = 0; i < n; ++i) {
      s[i] = u_new[i] - res.u[i];
      y[i] = g_new[i] - g[i];
      sy += s[i] * y[i];
    }
    if (sy > 1e-300) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const double rho = 1.0 / sy;
      double yhy = 0;
      for (std::size_t i = 0; i < n; ++i) {
        hy[i] = 0;
        for (std::size_t j = 0; j < n; ++j) hy[i] += h[i * n + j] * y[j];
        yhy += y[i] * hy[i];
      }
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
          h[i * n + j] +=
              -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }
    res.u = u_new;
    g = g_new;
    res.value = f_new;
  }
  res.iterations = max_iterations;
  res.converged = max_abs(g) < gtol;
  return res;
}

void numeric_gradient(const Objective& f, const std::vector<double>& u, std::vector<double>& grad,
                      double step) {
  std::vector<double> p = u;
  grad.assign(u.size(), 0.0);
  for (std::size_t i = 0; i < u.size(); ++i) {
    p[i] = u[i] + step;
    const double up = f(p, nullptr);
    p[i] = u[i] - step;
    const double down = f(p, nullptr);
    p[i] = u[i];
    grad[i] = (up - down) / (2 * step);
  }
}

std::vector<std::optional<double>> log_param_std_errors(const Objective& neg_ll,
                                                        const std::vector<double>& u,
                                                        bool use_gradient) {
  const std::size_t n = u.size();
  std::vector<std::optional<double>> out(n);
  const double h = 1e-4;
  const double f0 = use_gradient ? 0.0 : neg_ll(u, nullptr);
  std::vector<double> hess(n * n), p = u;
  auto at = [&](std::size_t i, double di, std::size_t j, double dj) {
    p = u;
    p[i] += di;
    p[j] += dj;
    return neg_ll(p, nullptr);
  };
  if (use_gradient) {
    const double hg = 1e-6;
    std::vector<double> gp(n), gm(n);
    for (std::size_t i = 0; i < n; ++i) {
      p = u;
      p[i] += hg;
      neg_ll(p, &gp);
      p[i] = u[i] - hg;
      neg_ll(p, &gm);
      for (std::size_t j = 0; j < n; ++j) hess[i * n + j] = (gp[j] - gm[j]) / (2 * hg);
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        hess[i * n + j] = hess[j * n + i] = (hess[i * n + j] + hess[j * n + i]) / 2;
      }
    }
  }
  for (std::size_t i = 0; i < n && !use_gradient; ++i) {
    hess[i * n + i] = (at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h);
    for (std::size_t j = 0; j < i; ++j) {
      const double v =
          (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      hess[i * n + j] = hess[j * n + i] = v;
    }
  }
  std::vector<double> l = hess;
  if (!cholesky(l, n)) return out;
  // Diagonal of H⁻¹ = Σ_k (L⁻¹)_{k,i}²: solve L z = e_i for each i.
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> z(n, 0.0);
    for (std::size_t r = 0; r < n; ++r) {
      double v = r == i ? 1.0 : 0.0;
      for (std::size_t k = 0; k < r; ++k) v -= l[r * n + k] * z[k];
      z[r] = v / l[r * n + r];
    }
    double var = 0;
    for (double zk : z) var += zk * zk;
    out[i] = std::exp(u[i]) * std::sqrt(var);
  }
  return out;
}

}  // namespace clm::detail
