// Time zones (via Howard Hinnant's tz library on the system tz database),
// civil-date arithmetic, and timestamp formatting.
#include "clm/time.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <exception>

namespace clm {
namespace {

const date::time_zone* zone_of(const void* p) { return static_cast<const date::time_zone*>(p); }

}  // namespace

Result<TimeZone> TimeZone::locate(std::string_view name) {
  if (name == "UTC" || name == "Z" || name == "Etc/UTC") return TimeZone();
  try {
    const date::time_zone* z = date::locate_zone(std::string(name));
    TimeZone tz;
    tz.zone_ = z;
    tz.name_ = std::string(name);
    return tz;
  } catch (const std::exception&) {
    return Status::InvalidArgument(fmt::format("unknown time zone '{}' (use an IANA name such as Europe/Berlin)", name));
  }
}

std::int64_t TimeZone::offset_at(Timestamp t) const {
  if (zone_ == nullptr) return 0;
  const auto info = zone_of(zone_)->get_info(date::sys_seconds{std::chrono::seconds{t}});
  return info.offset.count();
}

Timestamp TimeZone::from_local(std::int64_t local) const {
  if (zone_ == nullptr) return local;
  const auto info = zone_of(zone_)->get_info(date::local_seconds{std::chrono::seconds{local}});
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the earlier instant: the offset before the transition
      return local - info.first.offset.count();
    case date::local_info::nonexistent:  // first instant after the gap
      return info.first.end.time_since_epoch().count();
  }
  return local - info.first.offset.count();
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
std::int64_t days_from_civil(CivilDate d) {
  const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                                   // [0, 399]
  const std::int64_t mp = (static_cast<std::int64_t>(d.month) + 9) % 12;     // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + static_cast<std::int64_t>(d.day) - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(year), month, day};
}

std::string format_date(Timestamp t, const TimeZone& tz) {
  const std::int64_t local = tz.to_local(t);
  const CivilDate d = civil_from_days(floor_div(local, kSecondsPerDay));
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string format_timestamp(Timestamp t, const TimeZone& tz) {
  // RFC 3339 offsets have no seconds, but local mean time before ~1900 does (Berlin +00:53:28).
  // Truncating the offset to whole minutes and deriving the local time from that same offset
  // keeps the printed text an exact name for the instant, so parsing it back gives t.
  const std::int64_t offset = tz.offset_at(t) / 60 * 60;
  const std::int64_t local = t + offset;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t sod = local - days * kSecondsPerDay;
  const CivilDate d = civil_from_days(days);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year, d.month, d.day,
                                sod / 3600, (sod / 60) % 60, sod % 60);
  if (tz.is_utc()) return out + "Z";
  const std::int64_t mag = offset < 0 ? -offset : offset;
  return out + fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', mag / 3600, (mag / 60) % 60);
}

}  // namespace clm
