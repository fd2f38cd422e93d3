#include "predictive/pareto_integral.h"

#include <boost/math/quadrature/gauss.hpp>
#include <cmath>
#include <limits>

namespace clm::detail {
namespace {

constexpr double kSeriesMaxZ = 0.95;
// At z ≤ 0.95 the terms fall by at least that ratio, so ~900 reach double
// precision in every sum; the cap only bounds the cost.
constexpr int kSeriesMaxTerms = 4000;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The rule: 8 panels of 20-point Gauss–Legendre over the part of the
// integrand within e^−40 of its peak (Boost.Math's nodes, unfolded).
constexpr int kPanels = 8;
constexpr int kPoints = 20;
constexpr double kDrop = 40;

struct Rule {
  std::array<double, kPoints> x, w;  // on [−1, 1]
};

const Rule& rule() {
  static const Rule r = [] {
    using G = boost::math::quadrature::gauss<double, kPoints>;
    Rule out{};
    const auto& ax = G::abscissa();
    const auto& wt = G::weights();
    int k = 0;
    for (std::size_t i = 0; i < ax.size(); ++i) {
      out.x[k] = ax[i];
      out.w[k++] = wt[i];
      out.x[k] = -ax[i];
      out.w[k++] = wt[i];
    }
    return out;
  }();
  return r;
}

LogGrad nan_value() {
  LogGrad g;
  g.v = kNaN;
  return g;
}

// log J(t) by the Euler-transformed series; NaN beyond its reach.
LogGrad log_tail(const ParetoNbdParams& p, double x, double t, bool grad) {
  const double a = p.r + x, b = p.s + 1, pp = p.r + p.s + x;
  const double at = p.alpha + t, bt = p.beta + t;
  const double la = std::log(at), lb = std::log(bt);
  const bool alpha_ge = p.alpha >= p.beta;
  const double z = alpha_ge ? (p.alpha - p.beta) / at : (p.beta - p.alpha) / bt;
  // τ_c is computed to rounding: accept z a hair above the limit there.
  if (!(z <= kSeriesMaxZ * (1 + 1e-12))) return nan_value();
  const auto g =
      log_hyp2f1_1bc_grad(alpha_ge ? a : b, pp + 1, std::min(z, kSeriesMaxZ), kSeriesMaxTerms);
  if (!g) return nan_value();
  LogGrad out;
  if (alpha_ge) {  // 2F1(1, a; p+1; z) (α+t)^−a (β+t)^−s / p
    out.v = g->value - a * la - p.s * lb - std::log(pp);
    if (grad) {
      out.d = {g->d_b + g->d_c - la - 1 / pp, g->d_z * bt / (at * at) - a / at,
               g->d_c - lb - 1 / pp, -g->d_z / at - p.s / bt};
    }
  } else {  // 2F1(1, b; p+1; z) (α+t)^−(a−1) (β+t)^−b / p
    out.v = g->value - (a - 1) * la - b * lb - std::log(pp);
    if (grad) {
      out.d = {g->d_c - la - 1 / pp, -g->d_z / bt - (a - 1) / at, g->d_b + g->d_c - lb - 1 / pp,
               g->d_z * at / (bt * bt) - b / bt};
    }
  }
  return out;
}

}  // namespace

LogGrad log_add(const LogGrad& a, const LogGrad& b) {
  if (b.v == kNegInf) return a;
  if (a.v == kNegInf) return b;
  LogGrad out;
  out.v = log_add_exp(a.v, b.v);
  const double wa = std::exp(a.v - out.v), wb = std::exp(b.v - out.v);
  for (int i = 0; i < 4; ++i) out.d[i] = wa * a.d[i] + wb * b.d[i];
  return out;
}

LogGrad log_sub(const LogGrad& a, const LogGrad& b) {
  if (b.v == kNegInf) return a;
  LogGrad out;
  out.v = log_sub_exp(a.v, b.v);
  if (out.v == kNegInf) return out;
  const double wa = std::exp(a.v - out.v), wb = std::exp(b.v - out.v);
  for (int i = 0; i < 4; ++i) out.d[i] = wa * a.d[i] - wb * b.d[i];
  return out;
}

// With m = min(α, β), τ = (m + t0)·e^v − m maps [t0, t1] onto [0, v1], and
// g(v) = f(τ)·(m + τ) / f(t0) (f the integrand) is log-concave in v: its slope
// 1 − (r+x)(m+τ)/(α+τ) − (s+1)(m+τ)/(β+τ) never increases, as m ≤ α, β. So the
// v where g is within e^−40 of its peak are one interval, found from the
// peak (in closed form) by Newton steps on log g, which on a concave function
// approach that level from outside; the rest of [0, v1] adds below e^−40
// of the peak times its length, nothing in double precision.
LogGrad pareto_log_segment(const ParetoNbdParams& p, double x, double t0, double t1, bool grad) {
  const double a = p.r + x, b = p.s + 1;
  const double m = std::min(p.alpha, p.beta), base = m + t0;
  const double at0 = p.alpha + t0, bt0 = p.beta + t0;
  const double ka = base / at0, kb = base / bt0;  // (m+τ)/(α+τ) and (m+τ)/(β+τ) at v = 0
  auto log_g = [&](double v) {
    const double e = std::expm1(v);
    return v - a * std::log1p(ka * e) - b * std::log1p(kb * e);
  };
  auto slope = [&](double v) {
    const double e = std::expm1(v), ev = e + 1;
    return 1 - a * ka * ev / (1 + ka * e) - b * kb * ev / (1 + kb * e);
  };
  const double v1 = std::log1p((t1 - t0) / base);
  // The peak: where the slope is 0. For α ≥ β it is negative throughout; for
  // α < β it is 1 − a − b(α+τ)/(β+τ), zero at (α+τ)/(β+τ) = (1−a)/b.
  double peak = 0;
  if (p.alpha < p.beta && a < 1) {
    const double rho = (1 - a) / b;
    const double tau = (rho * p.beta - p.alpha) / (1 - rho);
    if (tau >= t1) {
      peak = v1;
    } else if (tau > t0) {
      peak = std::log((p.alpha + tau) / at0);
    }
  }
  const double top = log_g(peak);
  auto level = [&](double v) { return log_g(v) - (top - kDrop); };
  auto newton = [&](double v) {  // from a point below the level, towards the peak
    for (int i = 0; i < 60; ++i) {
      const double f = level(v);
      if (!(f < -0.5)) break;  // within e^0.5 of the level: close enough
      const double s = slope(v);
      if (!(s != 0) || !std::isfinite(s)) break;
      const double next = v - f / s;
      if (!std::isfinite(next) || next == v) break;
      v = next;
    }
    return v;
  };
  const double lo = peak > 0 && level(0) < 0 ? std::max(0.0, std::min(newton(0), peak)) : 0.0;
  const double hi = peak < v1 && level(v1) < 0 ? std::min(v1, std::max(newton(v1), peak)) : v1;
  if (!(hi > lo)) return LogGrad{};
  const Rule& q = rule();
  const double half = (hi - lo) / (2 * kPanels);
  double s0 = 0, s_r = 0, s_alpha = 0, s_s = 0, s_beta = 0;
  for (int k = 0; k < kPanels; ++k) {
    const double mid = lo + (2 * k + 1) * half;
    for (int i = 0; i < kPoints; ++i) {
      const double v = mid + half * q.x[i];
      const double e = std::expm1(v);
      const double la = std::log1p(ka * e), lb = std::log1p(kb * e);
      const double w = q.w[i] * std::exp(v - a * la - b * lb - top);
      s0 += w;
      if (grad) {
        s_r += w * la;
        s_s += w * lb;
        s_alpha += w / (1 + ka * e);
        s_beta += w / (1 + kb * e);
      }
    }
  }
  if (!(s0 > 0) || !std::isfinite(s0)) return nan_value();
  LogGrad out;
  const double lat0 = std::log(at0), lbt0 = std::log(bt0);
  out.v = -a * lat0 - b * lbt0 + std::log(base) + top + std::log(s0 * half);
  if (grad) {
    out.d = {-lat0 - s_r / s0, -a / at0 * (s_alpha / s0), -lbt0 - s_s / s0,
             -b / bt0 * (s_beta / s0)};
  }
  return out;
}

ParetoIntegral::ParetoIntegral(const ParetoNbdParams& p, bool grad, std::size_t distinct_times)
    : p_(p),
      grad_(grad),
      series_from_(std::abs(p.alpha - p.beta) / kSeriesMaxZ - std::max(p.alpha, p.beta)),
      stamp_(1),
      tail_at_(distinct_times),
      head_at_(distinct_times) {}

void ParetoIntegral::set_x(double x) {
  x_ = x;
  ++stamp_;
  have_tail_c_ = false;
}

template <typename F>
LogGrad ParetoIntegral::cached(std::vector<Slot>& slots, std::uint32_t key, F&& compute) {
  if (key == kNoKey || key >= slots.size()) return compute();
  Slot& s = slots[key];
  if (s.stamp != stamp_) {
    s.value = compute();
    s.stamp = stamp_;
  }
  return s.value;
}

LogGrad ParetoIntegral::tail(double t) {
  return log_tail(p_, x_, t, grad_);
}

LogGrad ParetoIntegral::log_i(double t_x, double T, std::uint32_t t_x_key, std::uint32_t T_key) {
  if (!(T > t_x)) return LogGrad{};
  auto tail_T = [&] { return cached(tail_at_, T_key, [&] { return tail(T); }); };
  if (t_x >= series_from_) {
    return log_sub(cached(tail_at_, t_x_key, [&] { return tail(t_x); }), tail_T());
  }
  if (T <= series_from_) return pareto_log_segment(p_, x_, t_x, T, grad_);
  const LogGrad head = cached(head_at_, t_x_key,
                              [&] { return pareto_log_segment(p_, x_, t_x, series_from_, grad_); });
  if (!have_tail_c_) {
    tail_c_ = tail(series_from_);
    have_tail_c_ = true;
  }
  return log_add(head, log_sub(tail_c_, tail_T()));
}

}  // namespace clm::detail
