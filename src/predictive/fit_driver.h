// Internal: the maximum-likelihood driver shared by the models — penalised
// objective on log-parameters, bounded L-BFGS from several starts under one
// budget, convergence checks and fit statistics.
#pragma once

#include <string_view>
#include <vector>

#include "clm/clv_fit.h"
#include "clm/status.h"
#include "predictive/optimize.h"

namespace clm::detail {

struct FitRun {
  std::vector<double> theta;  // natural parameters, exp(u)
  FitQuality quality;
};

// `neg_ll` is the total negative log-likelihood as a function of the
// log-parameters u (with its gradient when asked). `customers` is n.
// `names` are the parameters' names, for the report. The search box is
// u0 ± kLogBound. `exact_gradient`: the gradient is analytic, so the Hessian
// for the standard errors may be taken from differences of gradients.
// NotConverged (one line: why, after how many evaluations) when no start
// reaches a minimum within the budget.
inline constexpr double kLogBound = 15.0;

Result<FitRun> run_fit(std::string_view model, const Objective& neg_ll, std::vector<double> u0,
                       const std::vector<std::string_view>& names, double customers,
                       std::int64_t distinct_rows, const FitOptions& options,
                       bool exact_gradient = false);

}  // namespace clm::detail
