// clm/predictive_report.h — the predictive-CLV results as report Documents
// that every reporter prints: what `clm clv fit|predict|validate` write.
#pragma once

#include <vector>

#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/predictive_clv.h"
#include "clm/settings.h"

namespace clm {

// The forecast options the settings give: margin, horizon and discount rate
// (forecast_units left unset: one month).
ForecastOptions forecast_options(const Settings& settings);

// Title "clm predictive CLV" and meta: model, unit, calibration (and
// holdout) end, customers of `summary`. No section.
Document predictive_clv_report(const ClvModel& model, const PurchaseSummary& summary);

// "clv_params": each fitted parameter with its standard error, and notes on
// the fit quality (or why spend was not fitted).
Section clv_params_section(const ClvModel& model);

// "clv_customers": per customer of the summary (ids from `store`) x, t_x, T,
// mean repeat value, P(alive), expected purchases and spend, CLV; a note
// states the forecast, margin, horizon and discount of `options`.
Section clv_customers_section(const EventStore& store,
                              const std::vector<CustomerForecast>& forecasts,
                              const ForecastOptions& options, TimeUnit unit);

// "clv_holdout" (holdout transactions by calibration frequency) and
// "clv_tracking" (cumulative repeat transactions per unit).
std::vector<Section> clv_validation_sections(const Validation& validation, TimeUnit unit);

}  // namespace clm
