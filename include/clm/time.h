// clm/time.h — instants, time zones and timestamp parsing.
//
// An instant is a Timestamp: whole seconds since 1970-01-01T00:00:00Z (UTC).
// Civil (wall-clock) times exist only at the edges: parsing input without an
// offset, cutting calendar periods, and printing labels.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "clm/status.h"

namespace clm {

using Timestamp = std::int64_t;  // Unix seconds, UTC

inline constexpr Timestamp kSecondsPerDay = 86'400;
// The instants the input contract accepts: from 0000-01-01T00:00:00Z up to, not
// including, 10000-01-01T00:00:00Z. The range is of the instant in UTC, whatever
// zone or offset the text was written in, so every instant prints with a
// four-digit year in UTC.
inline constexpr Timestamp kMinTimestamp = -62'167'219'200;
inline constexpr Timestamp kEndTimestamp = 253'402'300'800;
inline constexpr bool in_year_range(Timestamp t) {
  return t >= kMinTimestamp && t < kEndTimestamp;
}
// Sentinel for "never" (e.g. a prospect's acquisition time); later than any real instant.
inline constexpr Timestamp kNever = std::numeric_limits<Timestamp>::max();

// An IANA time zone (from the system tz database) or UTC. Cheap to copy; the
// zone data it points to lives for the whole process.
class TimeZone {
 public:
  TimeZone() = default;  // UTC
  static TimeZone utc() { return TimeZone(); }
  // Looks up an IANA name such as "Europe/Berlin"; "UTC" and "Z" give UTC.
  // InvalidArgument if the name is unknown.
  static Result<TimeZone> locate(std::string_view name);

  const std::string& name() const { return name_; }
  bool is_utc() const { return zone_ == nullptr; }
  // Offset of local time from UTC at instant t, in seconds (+3600 for CET).
  std::int64_t offset_at(Timestamp t) const;
  // The instant at which local wall-clock time `local` (seconds since the
  // local epoch) occurs. Ambiguous times take the earlier instant; times in a
  // DST gap take the first instant after the gap.
  Timestamp from_local(std::int64_t local) const;
  std::int64_t to_local(Timestamp t) const { return t + offset_at(t); }

 private:
  const void* zone_ = nullptr;  // date::time_zone*, null for UTC
  std::string name_ = "UTC";
};

enum class Weekday { kSunday = 0, kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday };

// How calendar time is cut: the zone in which days and periods start, and the
// first day of a week.
struct Calendar {
  TimeZone tz;                          // default UTC
  Weekday week_start = Weekday::kMonday;  // default Monday
};

// Civil date helpers (proleptic Gregorian).
struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};
// a / b rounded toward negative infinity (b != 0), so that an instant before
// 1970 falls in its own day: floor_div(-1, kSecondsPerDay) == -1, not 0.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
std::int64_t days_from_civil(CivilDate d);  // days since 1970-01-01
CivilDate civil_from_days(std::int64_t days);

// Parses a timestamp per the input contract: YYYY-MM-DD (midnight),
// YYYY-MM-DD[T| ]HH:MM[:SS[.frac]] with optional Z / ±HH:MM / ±HHMM, or an
// all-digit integer of Unix seconds. Times without an offset are read in `tz`.
// Fractions are truncated; 24:00:00 is the next midnight; impossible dates,
// second 60, offsets beyond ±14:00 and instants outside the years 0000–9999 in
// UTC (see kMinTimestamp) are errors (DataError with the reason).
Result<Timestamp> parse_timestamp(std::string_view text, const TimeZone& tz);

// ISO 8601 text of t in `tz`: "2024-03-01T09:30:00+01:00" ("Z" for UTC).
std::string format_timestamp(Timestamp t, const TimeZone& tz);
// The local date of t in `tz`: "2024-03-01".
std::string format_date(Timestamp t, const TimeZone& tz);

}  // namespace clm
