// Internal: numerics shared by the predictive models — log-space helpers,
// Boost.Math special functions under a no-throw policy, and the Gauss
// hypergeometric series.
#pragma once

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <optional>

namespace clm::detail {

// Boost.Math reports errors through errno (never throws) and computes in
// double (no promotion to long double: these functions sit in the inner loop
// of every fit).
using MathPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::pole_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>,
    boost::math::policies::promote_double<false>>;

inline double lgam(double x) {
  return boost::math::lgamma(x, MathPolicy());
}
inline double digam(double x) {
  return boost::math::digamma(x, MathPolicy());
}

inline constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// log(e^a + e^b) without overflow; either may be −inf.
inline double log_add_exp(double a, double b) {
  if (a < b) std::swap(a, b);
  if (b == kNegInf) return a;
  return a + std::log1p(std::exp(b - a));
}

// log(e^a − e^b) for a ≥ b; −inf when they are equal (or b > a by rounding).
inline double log_sub_exp(double a, double b) {
  if (b == kNegInf) return a;
  if (!(a > b)) return kNegInf;
  return a + std::log1p(-std::exp(b - a));
}

// Gauss hypergeometric 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series or
// that of Euler's transformation, whichever converges first (each summed until
// its terms no longer change the sum). nullopt if c is a non-positive integer,
// z is outside [0, 1), or neither series converges within `max_terms` terms
// (z extremely close to 1), so the cost is bounded by 2 · max_terms terms.
std::optional<double> hyp2f1(double a, double b, double c, double z, int max_terms = 2'000'000);

// log of 2F1(1, b; c; z) for b > 0, c > 0, 0 ≤ z < 1: all terms of its series
// are positive, so it never cancels. nullopt as hyp2f1().
std::optional<double> log_hyp2f1_1bc(double b, double c, double z, int max_terms = 2'000'000);

// log 2F1(1, b; c; z) as log_hyp2f1_1bc(), with its partial derivatives in b,
// c and z (summed alongside: each term's log is a sum over its factors).
struct LogHyp2f1Grad {
  double value = 0;
  double d_b = 0, d_c = 0, d_z = 0;
};
std::optional<LogHyp2f1Grad> log_hyp2f1_1bc_grad(double b, double c, double z, int max_terms);

}  // namespace clm::detail
