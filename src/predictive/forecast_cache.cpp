#include "predictive/forecast_cache.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>

namespace clm::detail {

std::size_t ForecastCache::KeyHash::operator()(const Key& k) const {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &k.T, sizeof bits);
  return std::hash<std::uint64_t>()(bits * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(k.x));
}

ForecastCache::ForecastCache(const ClvModel& model, const ForecastOptions& options)
    : model_(model),
      month_units_(unit_days(TimeUnit::kMonth) / unit_days(model.unit())),
      horizon_(options.horizon_months),
      monthly_factor_(std::pow(1.0 + options.annual_discount, -1.0 / 12.0)) {
  forecast_units_ = options.forecast_units.value_or(month_units_);
}

double ForecastCache::p_alive(double x, double t_x, double T) const {
  if (const auto* p = std::get_if<BgNbdParams>(&model_.purchases))
    return bgnbd_p_alive(*p, x, t_x, T);
  return pareto_nbd_p_alive(std::get<ParetoNbdParams>(model_.purchases), x, t_x, T);
}

std::optional<double> ForecastCache::given_alive(double x, double T, double t) const {
  if (const auto* p = std::get_if<BgNbdParams>(&model_.purchases)) {
    // P(alive) is 1 for x = 0, so the conditional expectation at t_x = 0 is
    // the given-alive one when x = 0; for x > 0 divide P(alive) back out at
    // t_x = T, where it is also 1 / (1 + a/(b+x−1)).
    const double alive_at_T = bgnbd_p_alive(*p, x, T, T);
    const auto e = bgnbd_expected_purchases(*p, x, T, T, t);
    if (!e) return std::nullopt;
    return *e / alive_at_T;
  }
  const auto& p = std::get<ParetoNbdParams>(model_.purchases);
  // At t_x = T the customer is surely alive (P = 1).
  return pareto_nbd_expected_purchases(p, x, T, T, t);
}

const AliveCurve& ForecastCache::curve(std::int32_t x, double T) {
  const Key key{x, T};
  auto it = curves_.find(key);
  if (it != curves_.end()) return it->second;
  return curves_.emplace(key, compute(x, T)).first->second;
}

void ForecastCache::prefill(std::span<const PurchaseRow> rows, unsigned threads) {
  std::vector<Key> missing;
  for (const PurchaseRow& r : rows) {
    const Key key{r.x, r.T};
    if (curves_.try_emplace(key).second) missing.push_back(key);
  }
  std::vector<AliveCurve> computed(missing.size());
  auto work = [&](std::size_t begin, std::size_t step) {
    for (std::size_t i = begin; i < missing.size(); i += step) {
      computed[i] = compute(missing[i].x, missing[i].T);
    }
  };
  threads =
      std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(missing.size() / 64 + 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
  work(0, threads);
  for (auto& th : pool) th.join();
  for (std::size_t i = 0; i < missing.size(); ++i) curves_[missing[i]] = computed[i];
}

AliveCurve ForecastCache::compute(std::int32_t x, double T) const {
  AliveCurve c;
  c.forecast = given_alive(x, T, forecast_units_);
  double total = 0, previous = 0, factor = 1;
  for (int k = 1; k <= horizon_; ++k) {
    const auto e = given_alive(x, T, k * month_units_);
    if (!e) return c;
    factor *= monthly_factor_;
    total += factor * (*e - previous);
    previous = *e;
  }
  c.discounted_purchases = total;
  return c;
}

}  // namespace clm::detail
