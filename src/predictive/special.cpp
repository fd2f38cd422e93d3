#include "predictive/special.h"

#include <cmath>

namespace clm::detail {

std::optional<double> hyp2f1(double a, double b, double c, double z, int max_terms) {
  if (!(z >= 0 && z < 1)) return std::nullopt;
  if (c <= 0 && c == std::floor(c)) return std::nullopt;
  if (z == 0) return 1.0;
  double term = 1.0;
  double sum = 1.0;
  for (int k = 0; k < max_terms; ++k) {
    term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
    if (term == 0) return sum;
    const double next = sum + term;
    // Stop once the terms shrink (the ratio tends to z < 1) and no longer
    // change the sum; early terms may still grow when a·b/c > 1.
    const double ratio = std::abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z);
    if (next == sum && ratio < 1)
      return std::isfinite(sum) ? std::optional<double>(sum) : std::nullopt;
    sum = next;
    if (!std::isfinite(sum)) return std::nullopt;
  }
  return std::nullopt;
}

std::optional<double> log_hyp2f1_1bc(double b, double c, double z, int max_terms) {
  if (!(z >= 0 && z < 1) || !(b > 0) || !(c > 0)) return std::nullopt;
  // Terms t_k = (b)_k / (c)_k z^k can exceed 1 while b > c; keep them scaled
  // in log space only if that ever overflows (it cannot for b ≤ c).
  double term = 1.0;
  double sum = 1.0;
  double log_scale = 0.0;
  for (int k = 0; k < max_terms; ++k) {
    term *= (b + k) / (c + k) * z;
    if (term > 1e280) {  // rescale to keep everything finite
      sum /= term;
      log_scale += std::log(term);
      term = 1.0;
    }
    const double next = sum + term;
    if (next == sum && (b + k + 1) / (c + k + 1) * z < 1) return std::log(sum) + log_scale;
    sum = next;
  }
  return std::nullopt;
}

}  // namespace clm::detail
