// clm/pareto_nbd.h — the Pareto/NBD purchase model (Schmittlein, Morrison &
// Colombo 1987; likelihood as in Fader & Hardie's 2005 note).
//
// While alive a customer buys at Poisson rate λ ~ Gamma(r, α) and has an
// exponential lifetime with rate μ ~ Gamma(s, β). α and β are rates per
// TimeUnit.
#pragma once

#include <optional>
#include <span>

#include "clm/clv_fit.h"
#include "clm/clv_summary.h"
#include "clm/status.h"

namespace clm {

struct ParetoNbdParams {
  double r = 1;
  double alpha = 1;  // in units of `unit`
  double s = 1;
  double beta = 1;  // in units of `unit`
  TimeUnit unit = TimeUnit::kWeek;
};

struct ParetoNbdFit {
  ParetoNbdParams params;
  FitQuality quality;  // std_errors in the order r, α, s, β
};

// Maximum-likelihood fit; errors as fit_bgnbd().
Result<ParetoNbdFit> fit_pareto_nbd(const PurchaseSummary& summary, const FitOptions& options = {});
Result<ParetoNbdFit> fit_pareto_nbd(std::span<const PurchaseRow> rows, TimeUnit unit,
                                    const FitOptions& options = {});

// Log-likelihood of one customer; finite for every valid input.
double pareto_nbd_log_likelihood(const ParetoNbdParams& p, double x, double t_x, double T);

// P(alive at T | x, t_x, T), in [0, 1].
double pareto_nbd_p_alive(const ParetoNbdParams& p, double x, double t_x, double T);

// Expected purchases in (T, T + t] given x, t_x, T; t in units.
double pareto_nbd_expected_purchases(const ParetoNbdParams& p, double x, double t_x, double T,
                                     double t);

// Expected purchases in (0, t] of a customer just acquired.
double pareto_nbd_expected_purchases_new(const ParetoNbdParams& p, double t);

}  // namespace clm
