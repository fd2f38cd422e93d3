// parse_timestamp: the input contract's timestamp forms → Unix seconds (UTC).
//
// Forms: YYYY-MM-DD, YYYY-MM-DD[T| ]HH:MM[:SS[.frac]] with an optional Z,
// ±HH:MM or ±HHMM, and an all-digit integer of Unix seconds. The common
// "YYYY-MM-DD HH:MM:SS" and date-only forms take a branch-light path.
#include <cstdint>
#include <cstring>
#include <string_view>

#include "clm/time.h"

namespace clm {
namespace {

constexpr std::int64_t kMaxOffsetSeconds = 14 * 3600;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Value of the `n` digits at text[pos...], or -1 if one is not a digit.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(text[i])) return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

Status unparsable() {
  return Status::DataError("unparsable timestamp");
}

Result<Timestamp> parse_unix_seconds(std::string_view text) {
  const bool negative = text[0] == '-';
  std::int64_t v = 0;
  for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
    v = v * 10 + (text[i] - '0');
    // Stop before overflow; anything this large is beyond year 9999 anyway.
    if (v >= kEndTimestamp) return Status::DataError("Unix seconds beyond the years 0000-9999");
  }
  if (negative) v = -v;
  if (v < kMinTimestamp) return Status::DataError("Unix seconds beyond the years 0000-9999");
  return v;
}

// YYYY-MM-DD[[T| ]HH:MM[:SS[.frac]][Z|±HH:MM|±HHMM]] → Unix seconds, without the range check.
Result<Timestamp> parse_civil(std::string_view text, const TimeZone& tz) {
  // YYYY-MM-DD. Rows mostly come in time order, so the day of the previous
  // timestamp read on this thread is remembered by its ten bytes.
  struct DayCache {
    bool valid = false;
    char date[10] = {};  // a valid "YYYY-MM-DD" when valid
    std::int64_t days = 0;
  };
  thread_local DayCache cache;
  std::int64_t days = 0;
  if (cache.valid && text.size() >= 10 && std::memcmp(text.data(), cache.date, 10) == 0) {
    days = cache.days;
  } else {
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0 || text[4] != '-' || text[7] != '-') return unparsable();
    if (month < 1 || month > 12) return Status::DataError("month out of range");
    if (day < 1 || static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
      return Status::DataError("impossible date");
    }
    days =
        days_from_civil(CivilDate{year, static_cast<unsigned>(month), static_cast<unsigned>(day)});
    std::memcpy(cache.date, text.data(), 10);
    cache.days = days;
    cache.valid = true;
  }
  std::int64_t seconds = days * kSecondsPerDay;
  if (text.size() == 10) return tz.is_utc() ? seconds : tz.from_local(seconds);

  // [T| ]HH:MM[:SS[.frac]]
  if (text[10] != 'T' && text[10] != ' ') return unparsable();
  const int hour = digits(text, 11, 2);
  const int minute = digits(text, 14, 2);
  if (hour < 0 || minute < 0 || text.size() < 16 || text[13] != ':') return unparsable();
  std::size_t pos = 16;
  int second = 0;
  if (pos < text.size() && text[pos] == ':') {
    second = digits(text, pos + 1, 2);
    if (second < 0) return unparsable();
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      // Fractions of a second are truncated (docs/metrics.md "Details").
      const std::size_t frac_begin = ++pos;
      while (pos < text.size() && is_digit(text[pos])) ++pos;
      if (pos == frac_begin) return unparsable();
      if (hour == 24) return Status::DataError("hour out of range");
    }
  }
  if (hour > 24 || (hour == 24 && (minute != 0 || second != 0))) {
    return Status::DataError("hour out of range");
  }
  if (minute > 59) return Status::DataError("minute out of range");
  if (second == 60) return Status::DataError("second 60 (leap second) is not accepted");
  if (second > 60) return Status::DataError("second out of range");
  seconds += hour * 3600 + minute * 60 + second;  // 24:00:00 rolls over to the next midnight

  // Z | ±HH:MM | ±HHMM | nothing (local time in tz)
  if (pos == text.size()) return tz.is_utc() ? seconds : tz.from_local(seconds);
  if (text[pos] == 'Z' && pos + 1 == text.size()) return seconds;
  if (text[pos] != '+' && text[pos] != '-') return unparsable();
  const bool west = text[pos] == '-';
  const int off_h = digits(text, pos + 1, 2);
  std::size_t mpos = pos + 3;
  if (mpos < text.size() && text[mpos] == ':') ++mpos;
  const int off_m = digits(text, mpos, 2);
  if (off_h < 0 || off_m < 0 || mpos + 2 != text.size()) return unparsable();
  if (off_m > 59) return Status::DataError("offset out of range");
  const std::int64_t offset = off_h * 3600 + off_m * 60;
  if (offset > kMaxOffsetSeconds) return Status::DataError("offset beyond +-14:00");
  return west ? seconds + offset : seconds - offset;
}

}  // namespace

Result<Timestamp> parse_timestamp(std::string_view text, const TimeZone& tz) {
  if (text.empty()) return unparsable();
  // All digits (with an optional minus for instants before 1970): Unix seconds.
  std::size_t i = text[0] == '-' ? 1 : 0;
  if (i < text.size()) {
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == text.size()) return parse_unix_seconds(text);
  }
  // A civil time's year is 0000-9999 in its own zone or offset; the instant
  // may still be outside those years in UTC (9999-12-31T23:00-02:00 is year
  // 10000), so the range is checked on the instant, like Unix seconds.
  Result<Timestamp> t = parse_civil(text, tz);
  if (t.ok() && !in_year_range(*t)) {
    return Status::DataError("instant outside the years 0000-9999 in UTC");
  }
  return t;
}

}  // namespace clm
