// parse_money: exact decimal text → integer millionths.
//
// The value is never routed through a double: the digits are kept as text and
// the decimal point is moved by the exponent, so "0.1" is exactly 100000 and
// "12345678901.234567" keeps every digit.
#include <cstdint>
#include <limits>
#include <string_view>

#include "clm/money.h"

namespace clm {
namespace {

constexpr int kMicroDigits = 6;
// Exponents beyond this only matter for zero mantissas; clamping them keeps the
// arithmetic below in range for absurd input such as "1e99999999999999".
constexpr std::int64_t kExponentClamp = 1'000'000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

Result<Money> parse_money(std::string_view text) {
  const Status not_a_number = Status::DataError("not a number");
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  const std::size_t int_begin = i;
  while (i < n && is_digit(text[i])) ++i;
  const std::string_view int_digits = text.substr(int_begin, i - int_begin);
  std::string_view frac_digits;
  if (i < n && text[i] == '.') {
    ++i;
    const std::size_t frac_begin = i;
    while (i < n && is_digit(text[i])) ++i;
    frac_digits = text.substr(frac_begin, i - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty()) return not_a_number;  // "", "-", ".", "e5", "NaN"
  std::int64_t exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    if (i == n || !is_digit(text[i])) return not_a_number;
    while (i < n && is_digit(text[i])) {
      if (exponent < kExponentClamp) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != n) return not_a_number;  // "1,000", "$5", "0x10", "12 ", "inf"...

  // The significant digits d0 d1 ... with the decimal point after `point`
  // digits. Leading zeros are skipped so `point` can go negative.
  std::int64_t point = static_cast<std::int64_t>(int_digits.size()) + exponent;
  auto digit_at = [&](std::size_t k) -> char {
    return k < int_digits.size() ? int_digits[k] : frac_digits[k - int_digits.size()];
  };
  const std::size_t total = int_digits.size() + frac_digits.size();
  std::size_t first = 0;
  while (first < total && digit_at(first) == '0') ++first;
  if (first == total) return Money{0};  // zero, whatever the sign ("-0" == 0)
  point -= static_cast<std::int64_t>(first);

  // The value in millionths has its integer part in the first `whole` significant digits.
  const std::int64_t whole = point + kMicroDigits;
  const std::size_t sig = total - first;
  if (whole > 19) return Status::DataError("out of range");  // >= 10^19 millionths > 2^63
  std::uint64_t magnitude = 0;
  for (std::int64_t k = 0; k < whole; ++k) {
    const std::size_t idx = static_cast<std::size_t>(k);
    magnitude =
        magnitude * 10 + (idx < sig ? static_cast<std::uint64_t>(digit_at(first + idx) - '0') : 0);
  }
  // Round half away from zero on the first dropped digit (the sign is applied after).
  if (whole >= 0 && static_cast<std::uint64_t>(whole) < sig &&
      digit_at(first + static_cast<std::size_t>(whole)) >= '5') {
    ++magnitude;
  }
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<Money>::max());
  if (magnitude > kMax) return Status::DataError("out of range");
  const auto value = static_cast<Money>(magnitude);
  return negative ? -value : value;
}

}  // namespace clm
