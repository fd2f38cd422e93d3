// clm/gamma_gamma.h — the Gamma–Gamma model of spend per transaction (Fader,
// Hardie & Lee 2005, "RFM and CLV: using iso-value curves"; Colombo &
// Jiang 1999).
//
// Transaction values of a customer are Gamma(p, ν) with ν ~ Gamma(q, γ); the
// mean spend per transaction is independent of the purchase process. Money
// is in currency units (not millionths).
#pragma once

#include <optional>
#include <span>

#include "clm/clv_fit.h"
#include "clm/clv_summary.h"
#include "clm/status.h"

namespace clm {

struct GammaGammaParams {
  double p = 1;
  double q = 1;
  double gamma = 1;  // in currency units
};

struct GammaGammaFit {
  GammaGammaParams params;
  FitQuality quality;  // over repeat buyers only; std_errors in the order p, q, γ
};

// Fits on the repeat buyers (x > 0) with their mean repeat value. DataError if
// there is no repeat buyer or a repeat buyer's mean value is not positive.
Result<GammaGammaFit> fit_gamma_gamma(const PurchaseSummary& summary,
                                      const FitOptions& options = {});
Result<GammaGammaFit> fit_gamma_gamma(std::span<const PurchaseRow> rows,
                                      const FitOptions& options = {});

// Log-likelihood of one repeat buyer's mean value m over x > 0 transactions.
double gamma_gamma_log_likelihood(const GammaGammaParams& p, double x, double m);

// E[mean spend | x, m] = p (γ + x m) / (p x + q − 1); for x == 0 the
// population mean p γ / (q − 1). nullopt when p x + q ≤ 1 (infinite mean).
std::optional<double> gamma_gamma_expected_spend(const GammaGammaParams& p, double x, double m);

}  // namespace clm
