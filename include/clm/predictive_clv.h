// clm/predictive_clv.h — per-customer forecasts and CLV from a fitted purchase
// model (BG/NBD or Pareto/NBD) and the Gamma–Gamma spend model, calibration /
// holdout validation, and saving fitted parameters as JSON.
//
// CLV convention (docs/metrics.md): CLV = margin × E[spend per transaction] ×
// Σ_{k=1..H} E[purchases in month k] / (1 + d)^k, month k = ((k−1)·M, k·M]
// after the calibration end, M = one month (30.4375 days) in the model's
// unit, d = (1 + annual rate)^(1/12) − 1: each month's purchases are
// discounted from that month's end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clm/bgnbd.h"
#include "clm/clv_summary.h"
#include "clm/gamma_gamma.h"
#include "clm/pareto_nbd.h"
#include "clm/status.h"

namespace clm {

enum class PurchaseModel { kBgNbd, kParetoNbd };

// "bgnbd", "pareto".
std::string_view purchase_model_name(PurchaseModel m);
// Accepts "bgnbd" (or "bg-nbd", "bg/nbd") and "pareto" (or "pareto-nbd", "pnbd").
std::optional<PurchaseModel> parse_purchase_model(std::string_view name);

// A fitted model set: a purchase model and, optionally, the spend model.
struct ClvModel {
  std::variant<BgNbdParams, ParetoNbdParams> purchases;
  std::optional<GammaGammaParams> spend;  // nullopt: no value forecasts (CLV is nullopt)
  // Fit diagnostics, kept with the parameters when saved (optional).
  std::optional<FitQuality> purchases_quality;
  std::optional<FitQuality> spend_quality;
  std::string spend_error;  // why `spend` is empty after fit_clv_model ("" when fitted)

  PurchaseModel kind() const;
  TimeUnit unit() const;
};

// Fits the purchase model and, if some customer is a repeat buyer with
// positive value, Gamma–Gamma. Errors of the purchase fit are returned; a
// spend fit that fails leaves `spend` empty and says why in `spend_error`.
Result<ClvModel> fit_clv_model(const PurchaseSummary& summary, PurchaseModel kind,
                               const FitOptions& options = {});

struct ForecastOptions {
  double margin = 1.0;            // gross-margin fraction m (docs/metrics.md default 1.0)
  int horizon_months = 36;        // CLV horizon H in months (docs/metrics.md default 36)
  double annual_discount = 0.10;  // yearly discount rate (docs/metrics.md default 10 %)
  // Horizon of `expected_purchases`, in the model's unit; nullopt = one
  // month (e.g. 4.348 weeks).
  std::optional<double> forecast_units;
};

struct CustomerForecast {
  CustomerIndex customer = 0;
  std::int32_t x = 0;
  double t_x = 0;
  double T = 0;
  double monetary = 0;
  double p_alive = 0;                        // P(alive at the calibration end)
  std::optional<double> expected_purchases;  // in the next forecast_units
  std::optional<double> expected_spend;      // per transaction, currency units
  std::optional<double> clv;                 // discounted, margin applied, currency units
};

// Forecasts every row of the summary (rows measured in the model's unit:
// InvalidArgument otherwise, or for a negative margin or horizon).
Result<std::vector<CustomerForecast>> forecast_customers(const PurchaseSummary& summary,
                                                         const ClvModel& model,
                                                         const ForecastOptions& options = {});

// Predicted vs actual holdout transactions.
struct HoldoutBucket {
  std::int32_t x = 0;  // calibration frequency; the last bucket is "x or more"
  bool open_ended = false;
  std::int64_t customers = 0;
  double actual = 0;     // Σ holdout_x
  double predicted = 0;  // Σ E[purchases in the holdout length]
};

struct TrackingPoint {
  std::int64_t unit_index = 0;  // 1-based: the unit ending origin + k units
  double actual = 0;            // cumulative repeat transactions by its end
  double predicted = 0;         // cumulative expected repeat transactions
  bool holdout = false;         // ends after the calibration end
};

struct Validation {
  double holdout_length = 0;  // units
  std::int64_t customers = 0;
  double actual_total = 0;
  double predicted_total = 0;
  std::vector<HoldoutBucket> by_frequency;  // x = 0, 1, …, max_bucket−1, max_bucket+
  std::vector<TrackingPoint> tracking;      // whole units from the origin to the holdout end
};

// Compares the model's holdout forecasts with the summary's holdout counts.
// InvalidArgument if the summary has no holdout or another unit.
// `max_bucket` is the open-ended last frequency bucket (7 → 0..6, 7+).
Result<Validation> validate_holdout(const PurchaseSummary& summary, const ClvModel& model,
                                    std::int32_t max_bucket = 7);

// JSON text of the model: {"purchase_model": "bgnbd", "unit": "week",
// "params": {...}, "spend": {...}|null, "fit": {...}}.
std::string to_json(const ClvModel& model);
// Parses what to_json() writes (the "fit" members are optional). DataError
// for malformed JSON, an unknown model or unit, or a parameter ≤ 0.
Result<ClvModel> parse_clv_model(std::string_view json);

}  // namespace clm
