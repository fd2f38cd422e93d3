// clm/clv_fit.h — what every maximum-likelihood fit of the predictive models
// takes and reports.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace clm {

struct FitOptions {
  // L2 penalty λ on the log-parameters: the fit minimises
  // −LL / n + λ Σ log(θ)². 0 (default) is plain maximum likelihood.
  double l2_penalty = 0.0;
  int max_iterations = 500;  // optimiser iterations before NotConverged
  // Convergence when the largest gradient component of −LL / n with respect
  // to the log-parameters falls below this.
  double gradient_tolerance = 1e-8;
};

// Goodness of fit, in the order of the model's parameters.
struct FitQuality {
  double log_likelihood = 0;       // at the estimate (without the penalty)
  double aic = 0;                  // 2k − 2 LL
  double bic = 0;                  // k ln n − 2 LL
  std::int64_t customers = 0;      // n, customers the fit used
  std::int64_t distinct_rows = 0;  // distinct (x, t_x, T[, m]) rows after merging
  int iterations = 0;
  // Asymptotic standard errors from the inverse Hessian of −LL; nullopt when
  // the Hessian is not positive definite there.
  std::vector<std::optional<double>> std_errors;
};

}  // namespace clm
