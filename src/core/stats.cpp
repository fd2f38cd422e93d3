#include "clm/stats.h"

#include <algorithm>
#include <cmath>

namespace clm {

namespace {

// Lower Wilson bound of k successes in n trials. The textbook form
// (2k + z² − z·s) / (2(n + z²)) with s = √(z² + 4k(n − k)/n) cancels when k is
// small; multiplying by its conjugate (2k + z² + z·s) gives the same bound as
// 2k² / (n(2k + z² + z·s)), a sum of positive terms: accurate to a few ulps,
// exactly 0 at k = 0 and never above k/n.
double wilson_low(double k, double n, double z) {
  const double s = std::sqrt(z * z + 4.0 * k * (n - k) / n);
  return 2.0 * k * k / (n * (2.0 * k + z * z + z * s));
}

}  // namespace

std::optional<Interval> wilson_interval(std::int64_t k, std::int64_t n, double z) {
  if (n <= 0) return std::nullopt;
  const double kk = static_cast<double>(k);
  const double nn = static_cast<double>(n);
  // The interval is symmetric: high(k) = 1 − low(n − k). Where the high bound is
  // at least 1/2 (k ≥ n/2) that subtraction loses nothing and makes it exactly 1
  // at k = n; below, the direct form (2k + z² + z·s) / (2(n + z²)) adds positive
  // terms only.
  const double low = wilson_low(kk, nn, z);
  double high = 0;
  if (2 * k >= n) {
    high = 1.0 - wilson_low(nn - kk, nn, z);
  } else {
    const double s = std::sqrt(z * z + 4.0 * kk * (nn - kk) / nn);
    high = (2.0 * kk + z * z + z * s) / (2.0 * (nn + z * z));
  }
  return Interval{low, high};
}

Proportion make_proportion(std::int64_t count, std::int64_t denominator, double z) {
  Proportion p;
  p.count = count;
  p.denominator = denominator;
  if (denominator > 0) {
    p.rate = static_cast<double>(count) / static_cast<double>(denominator);
    p.ci = wilson_interval(count, denominator, z);
  }
  return p;
}

std::optional<double> IntMoments::mean() const {
  if (n_ == 0) return std::nullopt;
  return static_cast<double>(sum_) / static_cast<double>(n_);
}

std::optional<double> IntMoments::sample_stddev() const {
  if (n_ < 2) return std::nullopt;
  // n·Σx² − (Σx)² is an exact integer: no cancellation error.
  const double n = static_cast<double>(n_);
  const double numerator = static_cast<double>(n_ * sum_sq_ - sum_ * sum_);
  return std::sqrt(numerator / (n * (n - 1.0)));
}

std::optional<double> median(std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2.0;
}

}  // namespace clm
