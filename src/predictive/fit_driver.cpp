#include "predictive/fit_driver.h"

#include <cmath>
#include <string>

namespace clm::detail {

Result<FitRun> run_fit(std::string_view model, const Objective& neg_ll, std::vector<double> u0,
                       double customers, std::int64_t distinct_rows, const FitOptions& options,
                       bool exact_gradient) {
  if (!(options.l2_penalty >= 0) || options.max_iterations < 1 ||
      !(options.gradient_tolerance > 0)) {
    return Status::InvalidArgument(
        "fit options: the penalty must be >= 0, iterations >= 1 and "
        "the tolerance > 0");
  }
  const double lambda = options.l2_penalty;
  // Mean −LL keeps the gradient tolerance independent of the customer count.
  Objective objective = [&](const std::vector<double>& u, std::vector<double>* grad) {
    const double v = neg_ll(u, grad);
    double pen = 0;
    for (double x : u) pen += x * x;
    if (grad) {
      for (std::size_t i = 0; i < u.size(); ++i)
        (*grad)[i] = (*grad)[i] / customers + 2 * lambda * u[i];
    }
    return v / customers + lambda * pen;
  };
  MinimizeResult m =
      minimize_bfgs(objective, std::move(u0), options.max_iterations, options.gradient_tolerance);
  bool finite = std::isfinite(m.value);
  for (double x : m.u) finite = finite && std::isfinite(x) && std::abs(x) < 700;
  if (!m.converged || !finite) {
    return Status::NotConverged(std::string(model) + " fit did not converge after " +
                                std::to_string(m.iterations) +
                                " iterations (the data may not identify the model)");
  }
  FitRun run;
  for (double x : m.u) run.theta.push_back(std::exp(x));
  const double k = static_cast<double>(m.u.size());
  FitQuality& q = run.quality;
  q.log_likelihood = -neg_ll(m.u, nullptr);
  q.aic = 2 * k - 2 * q.log_likelihood;
  q.bic = k * std::log(customers) - 2 * q.log_likelihood;
  q.customers = static_cast<std::int64_t>(customers);
  q.distinct_rows = distinct_rows;
  q.iterations = m.iterations;
  q.std_errors = log_param_std_errors(neg_ll, m.u, exact_gradient);
  return run;
}

}  // namespace clm::detail
