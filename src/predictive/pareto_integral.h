// Internal: the integral term of the Pareto/NBD likelihood,
//   I(t_x, T) = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
// in log space with its partial derivatives in (r, α, s, β), at a bounded
// cost for every parameter and every t_x ≤ T (years of days included).
//
// With p = r + s + x, J(t) = I(t, ∞) is (Fader & Hardie 2005 note)
//   J(t) = (α−β)^−p · B(z; p, −s)       with z = (α−β)/(α+t) when α ≥ β,
// a 2F1(p, s+1; p+1; z) whose series diverges as z → 1 (c − a − b = −s < 0).
// Euler's transformation turns it into 2F1(1, r+x; p+1; z) (or, when α < β,
// z = (β−α)/(β+t) and 2F1(1, s+1; p+1; z)), a series of positive terms that
// converges fast while z ≤ 0.95. z falls as t grows, so the series holds
// from τ_c = |α−β| / 0.95 − max(α, β) on; [t_x, τ_c] is integrated by a fixed
// Gauss–Legendre rule after a change of variable that makes the integrand
// log-concave (a few hundred flops per row, whatever the parameters):
//   I = Q(t_x, τ_c) + J(τ_c) − J(T)   when t_x < τ_c < T.
// Q(t_x, τ_c) depends on x and t_x only, J(τ_c) on x only: a whole fit on
// customers observed for centuries costs little more than on CDNOW.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "clm/pareto_nbd.h"
#include "predictive/rfm_groups.h"
#include "predictive/special.h"

namespace clm::detail {

// A logarithm and its partial derivatives in (r, α, s, β).
struct LogGrad {
  double v = kNegInf;
  std::array<double, 4> d{};
};

// log(e^a + e^b) and log(e^a − e^b) (a ≥ b) with their derivatives.
LogGrad log_add(const LogGrad& a, const LogGrad& b);
LogGrad log_sub(const LogGrad& a, const LogGrad& b);

// log ∫_{t0}^{t1} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ for 0 ≤ t0 < t1 < ∞ by the
// fixed rule. Exported for the tests.
LogGrad pareto_log_segment(const ParetoNbdParams& p, double x, double t0, double t1, bool grad);

// log I(t_x, T) for the customers of one x at a time, reusing J(τ_c), Q(t_x, τ_c)
// and J(T) across rows that share them (keys index the distinct times).
class ParetoIntegral {
 public:
  // `distinct_times`: how many time keys the caller may pass (0: none).
  ParetoIntegral(const ParetoNbdParams& p, bool grad, std::size_t distinct_times = 0);

  // Switches to the customers with `x` repeat purchases (forgets the caches).
  void set_x(double x);

  // log I(t_x, T) of the current x; −inf when T == t_x. Keys: indices of
  // t_x and T among the distinct times, or kNoKey.
  static constexpr std::uint32_t kNoKey = 0xffffffffu;
  LogGrad log_i(double t_x, double T, std::uint32_t t_x_key = kNoKey, std::uint32_t T_key = kNoKey);

 private:
  struct Slot {
    std::uint32_t stamp = 0;
    LogGrad value;
  };
  LogGrad tail(double t);  // log J(t), t ≥ τ_c
  template <typename F>
  LogGrad cached(std::vector<Slot>& slots, std::uint32_t key, F&& compute);

  ParetoNbdParams p_;
  bool grad_;
  double x_ = 0;
  double series_from_;  // τ_c
  std::uint32_t stamp_ = 0;
  bool have_tail_c_ = false;
  LogGrad tail_c_;                       // J(τ_c) of the current x
  std::vector<Slot> tail_at_, head_at_;  // J(t), Q(t, τ_c) by time key
};

// −Σ w·LL over merged rows as a function of u = log(r, α, s, β), with its
// gradient when `grad` is non-null (the fit's objective; defined in
// pareto_nbd.cpp).
double pareto_neg_ll(const RfmGroups& data, const std::vector<double>& u,
                     std::vector<double>* grad);

}  // namespace clm::detail
