// Formatting and scaling of exact money (parsing lives with the readers).
#include "clm/money.h"

#include <cmath>
#include <cstdlib>
#include <limits>

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

Money scale_money(Money m, double factor) {
  const double v = static_cast<double>(m) * factor;
  constexpr double kMax = 9.2233720368547748e18;  // just below 2^63
  if (!(std::fabs(v) < kMax)) return v < 0 ? std::numeric_limits<Money>::min() : std::numeric_limits<Money>::max();
  return static_cast<Money>(std::llround(v));
}

}  // namespace clm
