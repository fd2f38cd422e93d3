// Fuzz target: parse_timestamp in UTC and in a zone with daylight saving time.
//
// Beyond "no crash", it checks what time.h promises:
//  - the grammar does not depend on the zone: a text parses in both or neither,
//    except that a local time near 0000-01-01 or 10000-01-01 may be inside the
//    years 0000-9999 in UTC in one zone and outside in the other;
//  - an explicit offset, "Z" or Unix seconds make the zone irrelevant;
//  - a local time is placed correctly in Europe/Berlin: its local clock reads
//    the text, except in a DST gap, where it is the first instant after the
//    gap; an ambiguous time takes the earlier instant;
//  - format_timestamp() output parses back to the same instant.
//
// Input: the timestamp text, as is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clm/time.h"
#include "fuzz_util.h"
#include "reader_check.h"

namespace {

// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z, widened by a day so a
// formatted instant always has a four-digit year in any zone.
constexpr clm::Timestamp kFirstFormattable = -62'167'219'200 + clm::kSecondsPerDay;
constexpr clm::Timestamp kEndFormattable = 253'402'300'800 - clm::kSecondsPerDay;

bool formattable(clm::Timestamp t) {
  return t >= kFirstFormattable && t < kEndFormattable;
}

// True if the text names its instant absolutely: Unix seconds, "Z" or an offset.
bool absolute(std::string_view text) {
  const std::string_view digits = text.substr(text.front() == '-' ? 1 : 0);
  if (digits.find_first_not_of("0123456789") == std::string_view::npos) return true;
  if (text.back() == 'Z') return true;
  // Past the date and "THH:MM" only an offset may hold a sign.
  return text.size() > 16 && text.find_first_of("+-", 16) != std::string_view::npos;
}

void check_round_trip(clm::Timestamp t, const clm::TimeZone& tz) {
  if (!formattable(t)) return;
  const std::string text = clm::format_timestamp(t, tz);
  const clm::Result<clm::Timestamp> back = clm::parse_timestamp(text, tz);
  CLM_FUZZ_CHECK(back.ok() && *back == t);
  const std::string date = clm::format_date(t, tz);
  const clm::Result<clm::Timestamp> midnight = clm::parse_timestamp(date, tz);
  CLM_FUZZ_CHECK(midnight.ok());
  if (tz.is_utc()) CLM_FUZZ_CHECK(*midnight <= t && t - *midnight < clm::kSecondsPerDay);
}

}  // namespace

int clm_fuzz_timestamp(const std::uint8_t* data, std::size_t size) {
  using namespace clm;
  const std::string_view text = fuzz::as_text(data, size);
  const TimeZone& utc = fuzz::fuzz_zone(false);
  const TimeZone& berlin = fuzz::fuzz_zone(true);
  const Result<Timestamp> u = parse_timestamp(text, utc);
  const Result<Timestamp> b = parse_timestamp(text, berlin);
  if (u.ok() != b.ok()) {
    const Status& refused = u.ok() ? b.status() : u.status();
    CLM_FUZZ_CHECK(!absolute(text));
    CLM_FUZZ_CHECK(refused.message() == "instant outside the years 0000-9999 in UTC");
    return 0;
  }
  if (!u.ok()) {
    CLM_FUZZ_CHECK(u.status().code() == Status::Code::kDataError && !u.status().message().empty());
    CLM_FUZZ_CHECK(b.status().message() == u.status().message());
    return 0;
  }
  if (absolute(text)) {
    CLM_FUZZ_CHECK(*u == *b);
  } else if (!berlin.is_utc()) {
    // *u is the wall-clock reading as if it were UTC.
    const std::int64_t local = berlin.to_local(*b);
    if (local == *u) {
      CLM_FUZZ_CHECK(berlin.to_local(*b - 3600) != *u);  // the earlier of two instants
    } else {
      // A DST gap (at most two hours in this zone's history): the first instant after it.
      CLM_FUZZ_CHECK(local > *u && local - *u <= 7200);
      CLM_FUZZ_CHECK(berlin.to_local(*b - 1) < *u);
    }
  }
  check_round_trip(*u, utc);
  check_round_trip(*b, berlin);
  return 0;
}
