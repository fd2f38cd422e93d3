#include "predictive/special.h"

#include <algorithm>
#include <cmath>

namespace clm::detail {

namespace {

// One power series of 2F1(a, b; c; z), summed a term at a time so that two
// of them can run side by side.
struct Series2f1 {
  double a, b, c, z;
  double term = 1.0, sum = 1.0;
  int k = 0;
  enum class State { kRunning, kDone, kFailed } state = State::kRunning;

  void step() {
    term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
    if (term == 0) {  // a or b a non-positive integer: the series ended
      state = State::kDone;
      return;
    }
    const double next = sum + term;
    // Stop once the terms shrink (the ratio tends to z < 1) and no longer
    // change the sum; early terms may still grow when a·b/c > 1.
    const double ratio = std::abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z);
    ++k;
    if (next == sum && ratio < 1) {
      state = std::isfinite(sum) ? State::kDone : State::kFailed;
      return;
    }
    sum = next;
    if (!std::isfinite(sum)) state = State::kFailed;
  }
};

}  // namespace

std::optional<double> hyp2f1(double a, double b, double c, double z, int max_terms) {
  if (!(z >= 0 && z < 1)) return std::nullopt;
  if (c <= 0 && c == std::floor(c)) return std::nullopt;
  if (z == 0) return 1.0;
  // Near z = 1 the series can need millions of terms, while Euler's identity
  // 2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c − a, c − b; c; z) may end after a
  // few (as when c − b is near 0 or a non-positive integer, which BG/NBD's
  // expectations produce with a large b). Both run in step and the first to
  // converge is taken, so the cost is that of the faster one.
  Series2f1 direct{a, b, c, z};
  Series2f1 euler{c - a, c - b, c, z};
  for (int n = 0; n < max_terms; ++n) {
    if (direct.state == Series2f1::State::kRunning) direct.step();
    if (direct.state == Series2f1::State::kDone) return direct.sum;
    if (euler.state == Series2f1::State::kRunning) euler.step();
    if (euler.state == Series2f1::State::kDone) {
      // (c − b) first: exact when c and b are close, which is when this series wins.
      const double v = std::pow(1 - z, (c - b) - a) * euler.sum;
      if (std::isfinite(v)) return v;
      euler.state = Series2f1::State::kFailed;
    }
    if (direct.state == Series2f1::State::kFailed && euler.state == Series2f1::State::kFailed) {
      return std::nullopt;
    }
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

std::optional<LogHyp2f1Grad> log_hyp2f1_1bc_grad(double b, double c, double z, int max_terms) {
  if (!(z >= 0 && z < 1) || !(b > 0) || !(c > 0)) return std::nullopt;
  // Term k is t_k = Π_{j<k} (b+j)/(c+j) · z^k, so ∂ log t_k / ∂b = Σ_{j<k} 1/(b+j),
  // ∂/∂c = −Σ_{j<k} 1/(c+j) and ∂/∂z = k/z: the derivatives of the sum are the
  // terms weighted by those, summed in the same pass.
  double term = 1.0, sum = 1.0, sum_b = 0, sum_c = 0, sum_k = 0;
  double inv_b = 0, inv_c = 0, log_scale = 0;
  for (int k = 1; k <= max_terms; ++k) {
    inv_b += 1 / (b + k - 1);
    inv_c += 1 / (c + k - 1);
    const double ratio = (b + k - 1) / (c + k - 1) * z;
    term *= ratio;
    if (term > 1e280) {  // keep everything finite while terms still grow (only if b > c)
      sum /= term;
      sum_b /= term;
      sum_c /= term;
      sum_k /= term;
      log_scale += std::log(term);
      term = 1.0;
    }
    sum += term;
    sum_b += term * inv_b;
    sum_c += term * inv_c;
    sum_k += term * k;
    // The ratios move monotonically towards z, so with q = max(next ratio, z)
    // < 1 the rest of each sum is below term / (1 − q) (times k + 1 / (1 − q)
    // for the k-weighted one); stop when that no longer shows in any sum.
    const double bound = std::max((b + k) / (c + k) * z, z);
    if (bound < 1) {
      const double tail = term / (1 - bound) * 1e16;
      if (tail <= sum && tail * inv_b <= sum_b && tail * inv_c <= sum_c &&
          tail * (k + 1 / (1 - bound)) <= sum_k)
        return LogHyp2f1Grad{std::log(sum) + log_scale, sum_b / sum, -sum_c / sum,
                             z > 0 ? sum_k / (z * sum) : b / c};
    }
    if (term == 0) break;
  }
  if (z == 0) return LogHyp2f1Grad{0.0, 0.0, 0.0, b / c};
  return std::nullopt;
}

}  // namespace clm::detail
