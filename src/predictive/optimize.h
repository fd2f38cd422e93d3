// Internal: a small dense BFGS minimiser for the 3–4 log-parameters of the
// predictive models, and standard errors from a finite-difference Hessian.
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace clm::detail {

// f(u, grad) returns the objective at u and, if grad is non-null, writes its
// gradient. It may return +inf or NaN for a point it cannot evaluate; the
// line search then shortens the step.
using Objective = std::function<double(const std::vector<double>& u, std::vector<double>* grad)>;

struct MinimizeResult {
  std::vector<double> u;
  double value = 0;
  int iterations = 0;
  bool converged = false;
};

// BFGS with a backtracking (Armijo) line search from u0. Converged when the
// largest gradient component is below gtol.
MinimizeResult minimize_bfgs(const Objective& f, std::vector<double> u0, int max_iterations,
                             double gtol);

// A gradient by central differences of f (for models without an analytic one).
void numeric_gradient(const Objective& f, const std::vector<double>& u, std::vector<double>& grad,
                      double step = 1e-6);

// Standard errors of θ = exp(u) at a minimum u of `neg_ll` (the total
// negative log-likelihood as a function of the log-parameters): the inverse of
// its finite-difference Hessian, mapped by the delta method. nullopt per
// parameter when the Hessian is not positive definite. With
// `use_gradient` the Hessian comes from central differences of the gradient.
std::vector<std::optional<double>> log_param_std_errors(const Objective& neg_ll,
                                                        const std::vector<double>& u,
                                                        bool use_gradient);

}  // namespace clm::detail
