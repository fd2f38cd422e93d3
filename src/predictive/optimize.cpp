#include "predictive/optimize.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace clm::detail {
namespace {

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

namespace {

struct Call {
  const Objective* f;
  std::vector<double> u, grad;
  int evaluations = 0;
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> best_u;
};

double call_objective(unsigned n, const double* x, double* grad, void* data) {
  Call& c = *static_cast<Call*>(data);
  c.u.assign(x, x + n);
  ++c.evaluations;
  c.grad.assign(n, 0.0);
  double v = (*c.f)(c.u, grad ? &c.grad : nullptr);
  bool finite = std::isfinite(v);
  for (unsigned i = 0; grad && i < n; ++i) finite = finite && std::isfinite(c.grad[i]);
  if (!finite) {
    // A point the model cannot evaluate: a huge value with no slope makes
    // the line search step back.
    v = 1e300;
    if (grad) std::fill(grad, grad + n, 0.0);
  } else if (grad) {
    std::copy(c.grad.begin(), c.grad.end(), grad);
  }
  if (v < c.best) {
    c.best = v;
    c.best_u = c.u;
  }
  return v;
}

const char* describe(nlopt_result r) {
  switch (r) {
    case NLOPT_SUCCESS:
    case NLOPT_STOPVAL_REACHED:
      return "optimum found";
    case NLOPT_FTOL_REACHED:
      return "relative change of the objective below tolerance";
    case NLOPT_XTOL_REACHED:
      return "relative change of the parameters below tolerance";
    case NLOPT_MAXEVAL_REACHED:
      return "evaluation budget used up";
    case NLOPT_MAXTIME_REACHED:
      return "time budget used up";
    case NLOPT_ROUNDOFF_LIMITED:
      return "rounding errors limit progress";
    case NLOPT_OUT_OF_MEMORY:
      return "out of memory";
    default:  // L-BFGS's line search found no lower point along its direction
      return "no lower point along the search direction";
  }
}

}  // namespace

MinimizeResult minimize_bounded(const Objective& f, std::vector<double> u0,
                                const std::vector<double>& lower, const std::vector<double>& upper,
                                int max_evaluations,
                                std::chrono::steady_clock::time_point deadline) {
  const auto n = static_cast<unsigned>(u0.size());
  MinimizeResult res;
  for (unsigned i = 0; i < n; ++i) u0[i] = std::clamp(u0[i], lower[i], upper[i]);
  const double seconds =
      std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
  if (max_evaluations < 1 || !(seconds > 0)) {
    res.u = std::move(u0);
    res.value = f(res.u, nullptr);
    res.evaluations = 1;
    res.budget_exhausted = true;
    res.stop =
        max_evaluations < 1 ? describe(NLOPT_MAXEVAL_REACHED) : describe(NLOPT_MAXTIME_REACHED);
    return res;
  }
  nlopt_opt opt = nlopt_create(NLOPT_LD_LBFGS, n);
  Call call{&f, {}, {}, 0, std::numeric_limits<double>::infinity(), u0};
  nlopt_set_min_objective(opt, call_objective, &call);
  nlopt_set_lower_bounds(opt, lower.data());
  nlopt_set_upper_bounds(opt, upper.data());
  // The objective is a mean −LL of order 1–10: a relative change of 1e-14
  // is at the limit of its rounding, so the search runs to the optimum.
  nlopt_set_ftol_rel(opt, 1e-14);
  nlopt_set_xtol_rel(opt, 1e-12);
  nlopt_set_maxeval(opt, max_evaluations);
  nlopt_set_maxtime(opt, seconds);
  double value = 0;
  const nlopt_result r = nlopt_optimize(opt, u0.data(), &value);
  nlopt_destroy(opt);
  res.evaluations = call.evaluations;
  res.stop = describe(r);
  res.tolerance_met = r == NLOPT_SUCCESS || r == NLOPT_STOPVAL_REACHED || r == NLOPT_FTOL_REACHED ||
                      r == NLOPT_XTOL_REACHED;
  res.budget_exhausted = r == NLOPT_MAXEVAL_REACHED || r == NLOPT_MAXTIME_REACHED;
  // On an early stop nlopt may leave u0 anywhere; the best point seen is the answer.
  res.u = call.best_u;
  res.value = call.best;
  return res;
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
