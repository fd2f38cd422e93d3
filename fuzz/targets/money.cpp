// Fuzz target: parse_money, against an independent reference for the inputs
// it can evaluate exactly, and format_money round trips.
//
// The reference reads [+-]digits[.digits][e[+-]digits] into a 128-bit
// integer and rounds half away from zero to millionths; it differs from
// parse_money in method (one integer and a power of ten, not digit shifting),
// so agreement is evidence for both. Inputs with more than 30 significant
// digits or exponents beyond ±60 are only checked for round trips.
//
// Input: the money text, as is.
#include "clm/money.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_util.h"

namespace {

__extension__ typedef __int128 i128;  // __extension__: -Wpedantic knows no __int128

enum class Verdict { kValue, kOutOfRange, kSyntax, kUnknown };

struct Reference {
  Verdict verdict = Verdict::kUnknown;
  clm::Money value = 0;
};

bool digit(char c) {
  return c >= '0' && c <= '9';
}

Reference reference_parse(std::string_view s) {
  Reference r;
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string mantissa;
  std::size_t frac_len = 0;
  while (i < s.size() && digit(s[i])) mantissa += s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && digit(s[i])) {
      mantissa += s[i++];
      ++frac_len;
    }
  }
  if (mantissa.empty()) return {Verdict::kSyntax, 0};
  long long exponent = 0;
  bool huge_exponent = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i == s.size() || !digit(s[i])) return {Verdict::kSyntax, 0};
    while (i < s.size() && digit(s[i])) {
      exponent = exponent * 10 + (s[i++] - '0');
      if (exponent > 1000) {
        huge_exponent = true;
        exponent = 1000;
      }
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return {Verdict::kSyntax, 0};

  const std::size_t nonzero = mantissa.find_first_not_of('0');
  if (nonzero == std::string::npos) return {Verdict::kValue, 0};
  const std::string sig = mantissa.substr(nonzero);
  if (sig.size() > 30 || huge_exponent || exponent > 60 || exponent < -60) return r;

  i128 n = 0;
  for (const char c : sig) n = n * 10 + (c - '0');
  // value in millionths = n × 10^shift
  const long long shift = exponent - static_cast<long long>(frac_len) + 6;
  const i128 max = std::numeric_limits<clm::Money>::max();
  i128 v;
  if (shift >= 0) {
    v = n;
    for (long long k = 0; k < shift; ++k) {
      if (v > max) return {Verdict::kOutOfRange, 0};
      v *= 10;
    }
  } else {
    // n has at most 30 digits; dividing by more than 10^31 leaves 0, rounding down.
    if (-shift > 31) return {Verdict::kValue, 0};
    i128 d = 1;
    for (long long k = 0; k < -shift; ++k) d *= 10;
    v = n / d;
    if (2 * (n % d) >= d) ++v;
  }
  if (v > max) return {Verdict::kOutOfRange, 0};
  return {Verdict::kValue, static_cast<clm::Money>(negative ? -v : v)};
}

// |a - b| for money values, without overflow.
std::uint64_t distance(clm::Money a, clm::Money b) {
  return a > b ? static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b)
               : static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a);
}

}  // namespace

int clm_fuzz_money(const std::uint8_t* data, std::size_t size) {
  using namespace clm;
  const std::string_view text = fuzz::as_text(data, size);
  const Result<Money> got = parse_money(text);
  const Reference ref = reference_parse(text);
  switch (ref.verdict) {
    case Verdict::kValue:
      CLM_FUZZ_CHECK(got.ok() && *got == ref.value);
      break;
    case Verdict::kOutOfRange:
    case Verdict::kSyntax:
      CLM_FUZZ_CHECK(!got.ok());
      break;
    case Verdict::kUnknown:
      break;
  }
  if (!got.ok()) {
    CLM_FUZZ_CHECK(got.status().code() == Status::Code::kDataError);
    CLM_FUZZ_CHECK(!got.status().message().empty());
    return 0;
  }
  const Money m = *got;
  CLM_FUZZ_CHECK(m != std::numeric_limits<Money>::min());  // |value| < 2^63 millionths
  // Six decimals are exact: the text parses back to the same value.
  const Result<Money> exact = parse_money(format_money(m, 6));
  CLM_FUZZ_CHECK(exact.ok() && *exact == m);
  // Fewer decimals round half away from zero: within half a unit of the last place.
  std::uint64_t unit = 1'000'000;
  for (int decimals = 0; decimals < 6; ++decimals, unit /= 10) {
    const Result<Money> rounded = parse_money(format_money(m, decimals));
    if (!rounded.ok()) {
      // Only rounding up past the largest representable value may fail.
      CLM_FUZZ_CHECK(distance(m, 0) >
                     static_cast<std::uint64_t>(std::numeric_limits<Money>::max()) - unit);
      continue;
    }
    CLM_FUZZ_CHECK(distance(*rounded, m) <= unit / 2);
    CLM_FUZZ_CHECK(*rounded % static_cast<Money>(unit) == 0);
  }
  return 0;
}
