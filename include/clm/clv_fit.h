// clm/clv_fit.h — what every maximum-likelihood fit of the predictive models
// takes and reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clm {

struct FitOptions {
  // L2 penalty λ on the log-parameters: the fit minimises
  // −LL / n + λ Σ log(θ)². 0 (default) is plain maximum likelihood.
  double l2_penalty = 0.0;
  // Budget of the whole fit (every start together): evaluations of the
  // likelihood with its gradient, and wall-clock seconds. The fit stops when
  // either is used up and then reports the best point found, or NotConverged.
  int max_iterations = 3000;
  double max_seconds = 30.0;
  // A start whose optimiser stops without meeting its own tolerance (rounding
  // limits it) still counts as converged when the largest component of the
  // gradient of −LL / n with respect to the free log-parameters is below this
  // times max(1, |−LL / n|) (the objective's own scale).
  double gradient_tolerance = 1e-4;
};

// Goodness of fit, in the order of the model's parameters.
struct FitQuality {
  double log_likelihood = 0;       // at the estimate (without the penalty)
  double aic = 0;                  // 2k − 2 LL
  double bic = 0;                  // k ln n − 2 LL
  std::int64_t customers = 0;      // n, customers the fit used
  std::int64_t distinct_rows = 0;  // distinct (x, t_x, T[, m]) rows after merging
  int iterations = 0;              // likelihood evaluations, all starts together
  int starts = 0;                  // optimiser starts run (several, from spread-out points)
  double gradient_norm = 0;        // of −LL / n in the free log-parameters, at the estimate
  std::string stop_reason;         // why the optimiser stopped, in words
  // Parameters at the edge of the search box (log-parameters within ±15 of
  // their start): the data push them towards 0 or infinity, and the estimate
  // is the box's edge. Their standard errors are nullopt.
  std::vector<std::string> at_bound;
  // Asymptotic standard errors from the inverse Hessian of −LL; nullopt when
  // the Hessian is not positive definite there.
  std::vector<std::optional<double>> std_errors;
};

}  // namespace clm
