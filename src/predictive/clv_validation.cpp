// Calibration/holdout validation: predicted vs actual holdout transactions,
// by calibration frequency, and the cumulative tracking series.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "clm/predictive_clv.h"
#include "predictive/forecast_cache.h"

namespace clm {

Result<Validation> validate_holdout(const PurchaseSummary& summary, const ClvModel& model,
                                    std::int32_t max_bucket) {
  if (!summary.holdout_end_day) {
    return Status::InvalidArgument("validation needs a holdout period (a holdout end date)");
  }
  if (summary.unit != model.unit()) {
    return Status::InvalidArgument("the summary's time unit differs from the model's");
  }
  if (max_bucket < 1) return Status::InvalidArgument("the last frequency bucket must be >= 1");
  Validation v;
  v.holdout_length = summary.holdout_length;
  v.customers = static_cast<std::int64_t>(summary.rows.size());
  v.by_frequency.resize(static_cast<std::size_t>(max_bucket) + 1);
  for (std::int32_t i = 0; i <= max_bucket; ++i) {
    v.by_frequency[static_cast<std::size_t>(i)].x = i;
  }
  v.by_frequency.back().open_ended = true;

  ForecastOptions o;
  o.horizon_months = 0;
  o.forecast_units = summary.holdout_length;
  detail::ForecastCache cache(model, o);
  for (const PurchaseRow& r : summary.rows) {
    const detail::AliveCurve& c = cache.curve(r.x, r.T);
    if (!c.forecast) {
      return Status::NotConverged(fmt::format(
          "the holdout forecast cannot be evaluated for x = {} (extreme parameters)", r.x));
    }
    const double predicted = *c.forecast * cache.p_alive(r.x, r.t_x, r.T);
    HoldoutBucket& b = v.by_frequency[static_cast<std::size_t>(std::min(r.x, max_bucket))];
    ++b.customers;
    b.actual += r.holdout_x;
    b.predicted += predicted;
    v.actual_total += r.holdout_x;
    v.predicted_total += predicted;
  }

  // Tracking: unit k ends with the day of index ceil(k·u) − 1 after the
  // origin (u = unit length in days); a customer first buying on day b has
  // then been observed for (ceil(k·u) − 1 − b) days. This matches T, which
  // runs from the first purchase day to the calibration end day.
  const double u = unit_days(summary.unit);
  const auto days = static_cast<std::int64_t>(summary.repeats_per_day.size());
  const auto units = static_cast<std::int64_t>(std::floor(static_cast<double>(days) / u + 1e-9));
  std::vector<std::int64_t> cum_repeats(static_cast<std::size_t>(days) + 1, 0);
  for (std::int64_t d = 0; d < days; ++d) {
    cum_repeats[static_cast<std::size_t>(d) + 1] =
        cum_repeats[static_cast<std::size_t>(d)] +
        summary.repeats_per_day[static_cast<std::size_t>(d)];
  }
  std::vector<std::int64_t> birth_days;
  for (std::int64_t d = 0; d < days; ++d) {
    if (summary.first_purchases_per_day[static_cast<std::size_t>(d)] > 0) birth_days.push_back(d);
  }
  std::map<std::int64_t, double> expected_at;  // elapsed days → E[repeats of a new customer]
  auto expected_new = [&](std::int64_t elapsed) -> std::optional<double> {
    auto it = expected_at.find(elapsed);
    if (it != expected_at.end()) return it->second;
    const double t = static_cast<double>(elapsed) / u;
    std::optional<double> e;
    if (const auto* p = std::get_if<BgNbdParams>(&model.purchases)) {
      e = bgnbd_expected_purchases_new(*p, t);
    } else {
      e = pareto_nbd_expected_purchases_new(std::get<ParetoNbdParams>(model.purchases), t);
    }
    if (e) expected_at.emplace(elapsed, *e);
    return e;
  };
  for (std::int64_t k = 1; k <= units; ++k) {
    const auto last = static_cast<std::int64_t>(std::ceil(static_cast<double>(k) * u - 1e-9)) - 1;
    TrackingPoint pt;
    pt.unit_index = k;
    pt.actual =
        static_cast<double>(cum_repeats[static_cast<std::size_t>(std::min(last, days - 1)) + 1]);
    pt.holdout = summary.origin_day + last > summary.calibration_end_day;
    for (std::int64_t b : birth_days) {
      if (b > last) break;
      const auto e = expected_new(last - b);
      if (!e) return Status::NotConverged("the tracking forecast cannot be evaluated");
      pt.predicted +=
          static_cast<double>(summary.first_purchases_per_day[static_cast<std::size_t>(b)]) * *e;
    }
    v.tracking.push_back(pt);
  }
  return v;
}

}  // namespace clm
