// clm/bgnbd.h — the BG/NBD purchase model (Fader, Hardie & Lee 2005,
// "Counting your customers the easy way").
//
// While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each
// purchase they drop out with probability p ~ Beta(a, b). α is a rate per
// TimeUnit, so parameters are only meaningful together with their unit.
#pragma once

#include <optional>
#include <span>

#include "clm/clv_fit.h"
#include "clm/clv_summary.h"
#include "clm/status.h"

namespace clm {

struct BgNbdParams {
  double r = 1;
  double alpha = 1;  // in units of `unit`
  double a = 1;
  double b = 1;
  TimeUnit unit = TimeUnit::kWeek;
};

struct BgNbdFit {
  BgNbdParams params;
  FitQuality quality;  // std_errors in the order r, α, a, b
};

// Maximum-likelihood fit on the calibration summary (identical rows merged).
// DataError if there are no customers or no repeat buyers; NotConverged if the
// optimiser fails.
Result<BgNbdFit> fit_bgnbd(const PurchaseSummary& summary, const FitOptions& options = {});
// The same on bare rows measured in `unit` (only x, t_x and T are read).
Result<BgNbdFit> fit_bgnbd(std::span<const PurchaseRow> rows, TimeUnit unit,
                           const FitOptions& options = {});

// Log-likelihood of one customer (t_x and T in the parameters' unit).
double bgnbd_log_likelihood(const BgNbdParams& p, double x, double t_x, double T);

// P(alive at T | x, t_x, T), in [0, 1]; 1 for x == 0.
double bgnbd_p_alive(const BgNbdParams& p, double x, double t_x, double T);

// Expected purchases in (T, T + t] given x, t_x, T (FHL 2005 eq. 10); t in
// units. nullopt if the Gauss series does not converge (extreme parameters).
std::optional<double> bgnbd_expected_purchases(const BgNbdParams& p, double x, double t_x, double T,
                                               double t);

// Expected purchases in (0, t] of a customer just acquired (eq. 9).
std::optional<double> bgnbd_expected_purchases_new(const BgNbdParams& p, double t);

}  // namespace clm
