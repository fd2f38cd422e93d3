// clm/money.h — exact money: signed integer millionths of the currency unit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "clm/status.h"

namespace clm {

// An amount of money in millionths (1.5 == 1'500'000). Sums over a store never
// overflow: EventStoreBuilder::build rejects data whose absolute amounts add up
// beyond INT64_MAX, so metric code may add Money values with plain `+`.
using Money = std::int64_t;

inline constexpr Money kMicrosPerUnit = 1'000'000;

// Parses a decimal money value ("12", "12.5", "-3.10", "1e3", ".5"): no
// thousands separators or currency symbols. Digits past the sixth decimal are
// rounded half away from zero. Fails on anything else and on |value| >= 2^63
// millionths.
Result<Money> parse_money(std::string_view text);

// Formats with exactly `decimals` (0..6) places, rounding half away from zero:
// format_money(12'345'678, 2) == "12.35".
std::string format_money(Money m, int decimals);

// A fraction in [0, 1] (a margin) as the decimal it was written as:
// numerator / 10^decimals, from the shortest decimal that reads back as the
// same double. 0.6 is 6/10 exactly, not the double's 0.59999999999999997...
struct DecimalFraction {
  std::int64_t numerator = 0;  // < 10^17
  int decimals = 0;            // 0 for 0 and 1
};
// `fraction` must be in [0, 1]; NaN and values outside are clamped to it.
DecimalFraction decimal_fraction(double fraction);

// m × margin, computed exactly in integers from decimal_fraction(margin) and
// rounded once, half away from zero, to a millionth: scale_money(m, 1) == m
// for every m. `margin` must be in [0, 1] (clamped like decimal_fraction), so
// the result never leaves the range of m.
Money scale_money(Money m, double margin);

// Money as a floating-point number of currency units (for ratios).
inline double money_to_double(Money m) { return static_cast<double>(m) / kMicrosPerUnit; }

}  // namespace clm
