// Formatting and scaling of exact money (parsing lives with the readers).
#include "clm/money.h"

#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace clm {

std::string format_money(Money m, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  // Work on the magnitude as unsigned so INT64_MIN is representable.
  const bool negative = m < 0;
  std::uint64_t mag = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(m)
                               : static_cast<std::uint64_t>(m);
  std::uint64_t unit = 1;
  for (int i = decimals; i < 6; ++i) unit *= 10;
  std::uint64_t q = mag / unit;
  if (mag % unit >= (unit + 1) / 2 && unit > 1) ++q;  // half away from zero
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::uint64_t whole = q / scale;
  const std::uint64_t frac = q % scale;
  const char* sign = (negative && q != 0) ? "-" : "";
  if (decimals == 0) return fmt::format("{}{}", sign, whole);
  return fmt::format("{}{}.{:0{}}", sign, whole, frac, decimals);
}

DecimalFraction decimal_fraction(double fraction) {
  if (!(fraction > 0)) return {0, 0};  // also NaN
  if (fraction >= 1) return {1, 0};
  // fmt's shortest round-trip form: "0.6", "1e-05", "1.25e-07" (at most 17 digits).
  const std::string text = fmt::format("{}", fraction);
  DecimalFraction d;
  int exponent = 0;
  bool after_point = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      d.numerator = d.numerator * 10 + (c - '0');
      if (after_point) ++d.decimals;
    } else if (c == '.') {
      after_point = true;
    } else if (c == 'e') {
      exponent = std::atoi(text.c_str() + i + 1);
      break;
    }
  }
  d.decimals -= exponent;  // fraction < 1, so decimals > 0 here
  return d;
}

Money scale_money(Money m, double margin) {
  __extension__ using Int128 = __int128;
  const DecimalFraction f = decimal_fraction(margin);
  // |m × numerator| < 2^63 × 10^17 < 2^120; 10^38 < 2^127.
  if (f.decimals > 38) return 0;  // |m × f| < 2^120 / 10^39 < 1/2 millionth
  Int128 den = 1;
  for (int i = 0; i < f.decimals; ++i) den *= 10;
  const Int128 num = static_cast<Int128>(m) * f.numerator;
  Int128 q = num / den;
  const Int128 r = num % den < 0 ? -(num % den) : num % den;
  if (r >= den - r) q += num < 0 ? -1 : 1;  // half away from zero (2r could overflow)
  return static_cast<Money>(q);             // |q| <= |m| because f <= 1
}

}  // namespace clm
