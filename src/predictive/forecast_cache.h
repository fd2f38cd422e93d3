// Internal: forecasts that depend on a customer only through (x, T).
//
// Both models factor E[purchases in (T, T+t] | x, t_x, T] into
// P(alive | x, t_x, T) × E[purchases | alive, x, T]: given that the customer
// is alive, the posterior of the rates depends on x and T alone. The second
// factor (a Gauss series per month of the CLV horizon for BG/NBD) is
// computed once per distinct (x, T) — a few thousand at most for day-level
// data — and reused for every customer sharing it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "clm/predictive_clv.h"

namespace clm::detail {

struct AliveCurve {
  std::optional<double> forecast;              // E[purchases in forecast_units | alive]
  std::optional<double> discounted_purchases;  // Σ_k disc_k · E[purchases in month k | alive]
};

class ForecastCache {
 public:
  ForecastCache(const ClvModel& model, const ForecastOptions& options);

  const AliveCurve& curve(std::int32_t x, double T);
  // Computes the curves of every distinct (x, T) of `rows`, on up to
  // `threads` threads, so that lookup() can then be called concurrently.
  void prefill(std::span<const PurchaseRow> rows, unsigned threads);
  // The curve of a prefilled (x, T).
  const AliveCurve& lookup(std::int32_t x, double T) const { return curves_.at(Key{x, T}); }
  double p_alive(double x, double t_x, double T) const;
  // E[purchases in (T, T + t] | alive, x, T]; nullopt if it cannot be evaluated.
  std::optional<double> given_alive(double x, double T, double t) const;

 private:
  struct Key {
    std::int32_t x;
    double T;
    bool operator==(const Key& o) const { return x == o.x && T == o.T; }
  };
  AliveCurve compute(std::int32_t x, double T) const;
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };

  const ClvModel& model_;
  double forecast_units_;
  double month_units_;
  int horizon_;
  double monthly_factor_;  // 1 / (1 + d) with d the monthly rate
  std::unordered_map<Key, AliveCurve, KeyHash> curves_;
};

}  // namespace clm::detail
