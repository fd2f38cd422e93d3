// clm/stats.h — small statistics shared by the metrics: shares with Wilson
// intervals, exact integer moments, and the median.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace clm {

inline constexpr double kZ95 = 1.96;  // z of the 95 % intervals (docs/metrics.md)

struct Interval {
  double low;
  double high;
};

// Wilson score interval of k successes in n trials; nullopt when n == 0.
std::optional<Interval> wilson_interval(std::int64_t k, std::int64_t n, double z = kZ95);

// A share of customers or answers with its count, denominator and 95 % Wilson
// interval; `rate` and `ci` are null when the denominator is 0.
struct Proportion {
  std::int64_t count = 0;
  std::int64_t denominator = 0;
  std::optional<double> rate;
  std::optional<Interval> ci;
};
Proportion make_proportion(std::int64_t count, std::int64_t denominator, double z = kZ95);

// a / b, or nullopt when b == 0.
inline std::optional<double> ratio(double a, double b) {
  if (b == 0) return std::nullopt;
  return a / b;
}

// Exact moments of integer observations (scores): sums are integers, so the
// mean and variance do not depend on the order of add() or merge().
class IntMoments {
 public:
  void add(std::int64_t x) {
    ++n_;
    sum_ += x;
    sum_sq_ += x * x;
  }
  void merge(const IntMoments& o) {
    n_ += o.n_;
    sum_ += o.sum_;
    sum_sq_ += o.sum_sq_;
  }
  std::int64_t count() const { return n_; }
  std::optional<double> mean() const;
  // Sample standard deviation (n − 1); nullopt when n < 2.
  std::optional<double> sample_stddev() const;

 private:
  std::int64_t n_ = 0;
  std::int64_t sum_ = 0;
  std::int64_t sum_sq_ = 0;
};

// Median of the values (mean of the two middle ones for even n); nullopt when
// empty. Reorders `values`.
std::optional<double> median(std::vector<double>& values);

}  // namespace clm
