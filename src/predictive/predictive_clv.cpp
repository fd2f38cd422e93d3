// Forecasts and CLV per customer from a fitted ClvModel.
#include "clm/predictive_clv.h"

#include <cmath>
#include <thread>

#include "predictive/forecast_cache.h"

namespace clm {

std::string_view purchase_model_name(PurchaseModel m) {
  return m == PurchaseModel::kBgNbd ? "bgnbd" : "pareto";
}

std::optional<PurchaseModel> parse_purchase_model(std::string_view name) {
  if (name == "bgnbd" || name == "bg-nbd" || name == "bg/nbd") return PurchaseModel::kBgNbd;
  if (name == "pareto" || name == "pareto-nbd" || name == "pnbd") return PurchaseModel::kParetoNbd;
  return std::nullopt;
}

PurchaseModel ClvModel::kind() const {
  return std::holds_alternative<BgNbdParams>(purchases) ? PurchaseModel::kBgNbd
                                                        : PurchaseModel::kParetoNbd;
}

TimeUnit ClvModel::unit() const {
  return std::visit([](const auto& p) { return p.unit; }, purchases);
}

Result<ClvModel> fit_clv_model(const PurchaseSummary& summary, PurchaseModel kind,
                               const FitOptions& options) {
  // The spend fit is independent of the purchase fit: run it alongside.
  std::optional<Result<GammaGammaFit>> spend;
  std::thread spend_thread([&] { spend.emplace(fit_gamma_gamma(summary, options)); });
  ClvModel model;
  Status purchase_status;
  if (kind == PurchaseModel::kBgNbd) {
    auto fit = fit_bgnbd(summary, options);
    if (fit.ok()) {
      model.purchases = fit->params;
      model.purchases_quality = std::move(fit->quality);
    } else {
      purchase_status = fit.status();
    }
  } else {
    auto fit = fit_pareto_nbd(summary, options);
    if (fit.ok()) {
      model.purchases = fit->params;
      model.purchases_quality = std::move(fit->quality);
    } else {
      purchase_status = fit.status();
    }
  }
  spend_thread.join();
  if (!purchase_status.ok()) return purchase_status;
  if (spend->ok()) {
    model.spend = (*spend)->params;
    model.spend_quality = std::move((*spend)->quality);
  } else {
    model.spend_error = spend->status().message();
  }
  return model;
}

Result<std::vector<CustomerForecast>> forecast_customers(const PurchaseSummary& summary,
                                                         const ClvModel& model,
                                                         const ForecastOptions& options) {
  if (summary.unit != model.unit()) {
    return Status::InvalidArgument(
        "the summary's time unit (" + std::string(time_unit_name(summary.unit)) +
        ") differs from the model's (" + std::string(time_unit_name(model.unit())) + ")");
  }
  if (!(options.margin >= 0) || options.horizon_months < 0 || !(options.annual_discount > -1) ||
      (options.forecast_units && !(*options.forecast_units >= 0))) {
    return Status::InvalidArgument(
        "CLV options: margin and horizon must be >= 0, the discount rate > -100 %, the forecast "
        "horizon >= 0");
  }
  // Curves per distinct (x, T) first, then the customers, both split over
  // two threads; each output row depends only on its input row.
  constexpr unsigned kThreads = 2;
  detail::ForecastCache cache(model, options);
  cache.prefill(summary.rows, kThreads);
  std::vector<CustomerForecast> out(summary.rows.size());
  auto work = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const PurchaseRow& r = summary.rows[i];
      CustomerForecast& f = out[i];
      f.customer = r.customer;
      f.x = r.x;
      f.t_x = r.t_x;
      f.T = r.T;
      f.monetary = r.monetary;
      const detail::AliveCurve& curve = cache.lookup(r.x, r.T);
      f.p_alive = cache.p_alive(r.x, r.t_x, r.T);
      if (curve.forecast) f.expected_purchases = *curve.forecast * f.p_alive;
      if (model.spend) f.expected_spend = gamma_gamma_expected_spend(*model.spend, r.x, r.monetary);
      if (f.expected_spend && curve.discounted_purchases) {
        f.clv = options.margin * *f.expected_spend * *curve.discounted_purchases * f.p_alive;
      }
    }
  };
  const std::size_t n = out.size();
  if (n < 10'000) {
    work(0, n);
  } else {
    std::thread helper(work, n / 2, n);
    work(0, n / 2);
    helper.join();
  }
  return out;
}

}  // namespace clm
