// Internal: bounded minimisation of the 3–4 log-parameters of the predictive
// models (NLopt's L-BFGS with box bounds, under an evaluation and a time
// budget), and standard errors from a finite-difference Hessian.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clm::detail {

// f(u, grad) returns the objective at u and, if grad is non-null, writes its
// gradient. It may return +inf or NaN for a point it cannot evaluate; the
// minimiser treats that as a very large value.
using Objective = std::function<double(const std::vector<double>& u, std::vector<double>* grad)>;

struct MinimizeResult {
  std::vector<double> u;
  double value = 0;
  int evaluations = 0;
  // Why the optimiser stopped: it met its tolerance (`tolerance_met`), or it
  // ran out of budget, or it could make no more progress; `stop` says which
  // in words.
  bool tolerance_met = false;
  bool budget_exhausted = false;
  std::string stop;
};

// L-BFGS from u0 within [lower, upper], stopping when the relative change of
// f or of u is negligible, after `max_evaluations` evaluations of f, or at
// `deadline`. Never throws; u is the best point seen.
MinimizeResult minimize_bounded(const Objective& f, std::vector<double> u0,
                                const std::vector<double>& lower, const std::vector<double>& upper,
                                int max_evaluations,
                                std::chrono::steady_clock::time_point deadline);

// Standard errors of θ = exp(u) at a minimum u of `neg_ll` (the total
// negative log-likelihood as a function of the log-parameters): the inverse of
// its finite-difference Hessian, mapped by the delta method. nullopt per
// parameter when the Hessian is not positive definite. With
// `use_gradient` the Hessian comes from central differences of the gradient.
std::vector<std::optional<double>> log_param_std_errors(const Objective& neg_ll,
                                                        const std::vector<double>& u,
                                                        bool use_gradient);

}  // namespace clm::detail
