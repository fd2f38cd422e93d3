#include "clm/stats.h"

#include <algorithm>
#include <cmath>

namespace clm {

std::optional<Interval> wilson_interval(std::int64_t k, std::int64_t n, double z) {
  if (n <= 0) return std::nullopt;
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double denom = 1.0 + z2 / nn;
  const double center = (p + z2 / (2.0 * nn)) / denom;
  const double half = z * std::sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / denom;
  return Interval{std::max(0.0, center - half), std::min(1.0, center + half)};
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
