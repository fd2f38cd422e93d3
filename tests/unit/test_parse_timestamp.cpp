// parse_timestamp: every form of the input contract. Expected Unix seconds are
// worked out by hand in the comments (days since 1970-01-01 × 86400 + time).
#include <catch2/catch.hpp>
#include <string>

#include "clm/time.h"

using namespace clm;

namespace {

// 2024-01-01 = 1704067200 (19723 days); + 31 (Jan) + 29 (Feb, leap) days = 2024-03-01.
constexpr Timestamp kMar1 = 1709251200;  // 2024-03-01T00:00:00Z = 19783 × 86400

Timestamp ok(std::string_view text, const TimeZone& tz = TimeZone()) {
  Result<Timestamp> r = parse_timestamp(text, tz);
  INFO(std::string(text) << " -> " << (r.ok() ? std::string() : r.status().message()));
  REQUIRE(r.ok());
  return *r;
}

std::string error(std::string_view text, const TimeZone& tz = TimeZone()) {
  Result<Timestamp> r = parse_timestamp(text, tz);
  INFO(std::string(text));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kDataError);
  return r.status().message();
}

}  // namespace

TEST_CASE("dates are midnight UTC", "[parse][timestamp]") {
  CHECK(ok("1970-01-01") == 0);
  CHECK(ok("2024-03-01") == kMar1);
  CHECK(ok("2024-02-29") == kMar1 - 86400);  // leap day
  // Years 0000 and 9999 are accepted: 0000-01-01 is 719528 days before the
  // epoch (-62167219200 s); 10000-01-01 is 253402300800 s, so 9999-12-31 is one day less.
  CHECK(ok("0000-01-01") == -62167219200);
  CHECK(ok("9999-12-31") == 253402214400);
  CHECK(ok("0000-02-29") == -62167219200 + 59 * 86400);  // year 0 is a leap year (divisible by 400)
}

TEST_CASE("date-times with T or a space, seconds and fractions optional", "[parse][timestamp]") {
  // 09:30:15 = 9×3600 + 30×60 + 15 = 34215 s.
  CHECK(ok("2024-03-01T09:30:15") == kMar1 + 34215);
  CHECK(ok("2024-03-01 09:30:15") == kMar1 + 34215);
  CHECK(ok("2024-03-01T09:30") == kMar1 + 34200);
  CHECK(ok("2024-03-01 09:30") == kMar1 + 34200);
  // Fractions are truncated, never rounded.
  CHECK(ok("2024-03-01T00:00:59.999") == kMar1 + 59);
  CHECK(ok("2024-03-01T00:00:59.5Z") == kMar1 + 59);
  CHECK(ok("2024-03-01T00:00:00.123456789+01:00") == kMar1 - 3600);
  CHECK(ok("2024-03-01T23:59:59") == kMar1 + 86399);
}

TEST_CASE("offsets: Z, +HH:MM, -HH:MM, +HHMM", "[parse][timestamp]") {
  CHECK(ok("2024-03-01T09:30:15Z") == kMar1 + 34215);
  // 09:30:15+01:00 is 08:30:15Z.
  CHECK(ok("2024-03-01T09:30:15+01:00") == kMar1 + 34215 - 3600);
  CHECK(ok("2024-03-01T09:30:15+0100") == kMar1 + 34215 - 3600);
  // 09:30:15-05:30 is 15:00:15Z.
  CHECK(ok("2024-03-01T09:30:15-05:30") == kMar1 + 34215 + 19800);
  CHECK(ok("2024-03-01T09:30:15-0530") == kMar1 + 34215 + 19800);
  CHECK(ok("2024-03-01 09:30+14:00") == kMar1 + 34200 - 50400);  // the extreme offsets
  CHECK(ok("2024-03-01 09:30-14:00") == kMar1 + 34200 + 50400);
  CHECK(ok("2024-03-01T00:30:00+01:00") == kMar1 - 1800);  // the day before in UTC
}

TEST_CASE("all digits are Unix seconds", "[parse][timestamp]") {
  CHECK(ok("0") == 0);
  CHECK(ok("1709251200") == kMar1);
  CHECK(ok("0001709251200") == kMar1);
  CHECK(ok("2024") == 2024);      // a bare year is all digits: Unix seconds, as the contract says
  CHECK(ok("-86400") == -86400);  // 1969-12-31: before the epoch is fine
  CHECK(ok("253402300799") == 253402300799);  // 9999-12-31T23:59:59Z, the last second
  CHECK(ok("-62167219200") == -62167219200);  // 0000-01-01T00:00:00Z, the first
  CHECK(error("253402300800") == "Unix seconds beyond the years 0000-9999");
  CHECK(error("-62167219201") == "Unix seconds beyond the years 0000-9999");
  CHECK(error("1709251200000") == "Unix seconds beyond the years 0000-9999");  // milliseconds
  CHECK(error("99999999999999999999999999") == "Unix seconds beyond the years 0000-9999");
}

TEST_CASE("the year range applies to the instant in UTC, whatever the text's offset or zone",
          "[parse][timestamp]") {
  // 10000-01-01T00:00:00Z = 253402300800 s (above); 0000-01-01T00:00:00Z = -62167219200 s.
  const std::string beyond = "instant outside the years 0000-9999 in UTC";
  CHECK(error("9999-12-31T24:00") == beyond);  // = 10000-01-01T00:00Z
  CHECK(error("9999-12-31T24:00:00Z") == beyond);
  CHECK(error("9999-12-31T23:00-02:00") == beyond);  // = 10000-01-01T01:00Z
  CHECK(error("0000-01-01T00:00+01:00") == beyond);  // = -0001-12-31T23:00Z
  // The last and first seconds in UTC, written with offsets, are still accepted.
  CHECK(ok("9999-12-31T21:59:59-02:00") == 253402300799);  // 23:59:59Z
  CHECK(ok("0000-01-01T01:00+01:00") == -62167219200);     // 00:00Z
  // Without an offset, the report's zone decides: 9999-12-31T20:00 in New York (UTC-5 in
  // winter) is 10000-01-01T01:00Z; 0000-01-01T00:30 in Berlin (local mean time +0:53:28) is
  // before year 0 in UTC.
  const TimeZone new_york = *TimeZone::locate("America/New_York");
  CHECK(error("9999-12-31T20:00", new_york) == beyond);
  CHECK(ok("9999-12-31T18:59:59", new_york) == 253402300799);  // 23:59:59Z
  const TimeZone berlin = *TimeZone::locate("Europe/Berlin");
  CHECK(error("0000-01-01T00:30", berlin) == beyond);
  CHECK(error("0000-01-01", berlin) == beyond);
}

TEST_CASE("24:00 is the next midnight, only exactly", "[parse][timestamp]") {
  CHECK(ok("2024-02-29T24:00:00") == kMar1);
  CHECK(ok("2024-02-29T24:00") == kMar1);
  CHECK(ok("2023-12-31 24:00:00") == 1704067200);  // 2024-01-01
  CHECK(ok("2024-02-29T24:00:00Z") == kMar1);
  CHECK(error("2024-02-29T24:00:01") == "hour out of range");
  CHECK(error("2024-02-29T24:01") == "hour out of range");
  CHECK(error("2024-02-29T24:00:00.5") == "hour out of range");
  CHECK(error("2024-02-29T25:00:00") == "hour out of range");
}

TEST_CASE("impossible dates and times are errors", "[parse][timestamp]") {
  CHECK(error("2023-02-29") == "impossible date");  // 2023 is not a leap year
  CHECK(error("2023-02-30") == "impossible date");
  CHECK(error("1900-02-29") == "impossible date");  // divisible by 100, not by 400
  CHECK(error("2024-04-31") == "impossible date");
  CHECK(error("2024-01-00") == "impossible date");
  CHECK(error("2024-13-01") == "month out of range");
  CHECK(error("2024-00-10") == "month out of range");
  CHECK(error("2024-03-01T12:60") == "minute out of range");
  CHECK(error("2023-12-31T23:59:60") == "second 60 (leap second) is not accepted");
  CHECK(error("2023-12-31T23:59:61") == "second out of range");
}

TEST_CASE("offsets beyond 14 hours are errors", "[parse][timestamp]") {
  CHECK(error("2024-03-01T09:30+14:01") == "offset beyond +-14:00");
  CHECK(error("2024-03-01T09:30-15:00") == "offset beyond +-14:00");
  CHECK(error("2024-03-01T09:30+99:00") == "offset beyond +-14:00");
  CHECK(error("2024-03-01T09:30+01:60") == "offset out of range");
}

TEST_CASE("malformed timestamps", "[parse][timestamp]") {
  for (const char* bad : {"",
                          " ",
                          "-",
                          "2024-3-1",
                          "2024-03-1",
                          "24-03-01",
                          "2024/03/01",
                          "01.03.2024",
                          "2024-03-01T",
                          "2024-03-01T9:30",
                          "2024-03-01T09",
                          "2024-03-01T09:3",
                          "2024-03-01X09:30",
                          "2024-03-01T09:30:1",
                          "2024-03-01T09:30:15.",
                          "2024-03-01T09:30:15,5",
                          "2024-03-01T09:30Zjunk",
                          "2024-03-01T09:30+1",
                          "2024-03-01T09:30+01:0",
                          "2024-03-01T09:30+01:00:00",
                          "2024-03-01Z",
                          " 2024-03-01",
                          "2024-03-01 ",
                          "1.5e9",
                          "+1709251200",
                          "2024-03-01t09:30",
                          "2024-03-01T09:30z"}) {
    CHECK(error(bad) == "unparsable timestamp");
  }
}

TEST_CASE("times without an offset are read in the time zone", "[parse][timestamp]") {
  Result<TimeZone> berlin = TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  // March 1 is winter time in Berlin (UTC+1): 09:30 local = 08:30Z.
  CHECK(ok("2024-03-01T09:30", *berlin) == kMar1 + 8 * 3600 + 1800);
  CHECK(ok("2024-03-01", *berlin) == kMar1 - 3600);
  // An explicit offset wins over the zone; so does Z; Unix seconds are UTC.
  CHECK(ok("2024-03-01T09:30Z", *berlin) == kMar1 + 34200);
  CHECK(ok("2024-03-01T09:30+02:00", *berlin) == kMar1 + 34200 - 7200);
  CHECK(ok("1709251200", *berlin) == kMar1);
  // 2024-03-31 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00 CEST):
  // the first instant after the gap, 01:00Z. 2024-03-31 = kMar1 + 30 days.
  CHECK(ok("2024-03-31T02:30", *berlin) == kMar1 + 30 * 86400 + 3600);
  // July is summer time (UTC+2): 2024-07-01 = kMar1 + 122 days (31+30+31+30).
  CHECK(ok("2024-07-01 12:00", *berlin) == kMar1 + 122 * 86400 + 10 * 3600);
}
