// Civil dates, time zones and period arithmetic. Expected instants were
// computed independently (Python's datetime/zoneinfo) and are noted inline.
#include <catch2/catch.hpp>

#include "clm/period.h"
#include "clm/time.h"

using namespace clm;

namespace {
Calendar berlin() {
  Calendar cal;
  cal.tz = *TimeZone::locate("Europe/Berlin");
  return cal;
}
}  // namespace

TEST_CASE("civil dates round-trip across eras", "[core][time]") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({2024, 3, 1}) == 19783);     // 2024 is a leap year: 19723 + 31 + 29
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(days_from_civil({1, 1, 1}) == -719162);
  CHECK(days_from_civil({9999, 12, 31}) == 2932896);
  for (std::int64_t day : {-719162LL, -1LL, 0LL, 19783LL, 2932896LL}) {
    const CivilDate d = civil_from_days(day);
    CHECK(days_from_civil(d) == day);
  }
  const CivilDate leap = civil_from_days(19783 - 1);
  CHECK(leap.year == 2024);
  CHECK(leap.month == 2u);
  CHECK(leap.day == 29u);
}

TEST_CASE("time zones: offsets, gaps and overlaps", "[core][time]") {
  const TimeZone tz = berlin().tz;
  CHECK(tz.offset_at(1705276800) == 3600);   // 2024-01-15 CET
  CHECK(tz.offset_at(1719792000) == 7200);   // 2024-07-01 CEST
  // 2024-03-31 02:30 local does not exist: the first instant after the gap, 01:00Z.
  const std::int64_t gap_local = (19813LL * 86400) + 2 * 3600 + 1800;
  CHECK(tz.from_local(gap_local) == 1711846800);
  // 2024-10-27 02:30 local happens twice: the earlier instant, 00:30Z.
  const std::int64_t overlap_local = (20023LL * 86400) + 2 * 3600 + 1800;
  CHECK(tz.from_local(overlap_local) == 1729989000);
  CHECK(format_timestamp(1705276800, tz) == "2024-01-15T01:00:00+01:00");
  CHECK(format_timestamp(1705276800, TimeZone::utc()) == "2024-01-15T00:00:00Z");
  CHECK(format_date(1711922400 + 3600, tz) == "2024-04-01");
  CHECK_FALSE(TimeZone::locate("Mars/Olympus").ok());
  CHECK(TimeZone::locate("Mars/Olympus").status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("period floors, labels and advances", "[core][period]") {
  Calendar utc;
  const Timestamp feb15 = 1706745600 + 14 * 86400 + 36000;  // 2024-02-15T10:00Z
  CHECK(period_floor(feb15, PeriodUnit::kMonth, utc) == 1706745600);  // 2024-02-01
  CHECK(period_floor(feb15, PeriodUnit::kQuarter, utc) == 1704067200);  // 2024-01-01
  CHECK(period_floor(feb15, PeriodUnit::kYear, utc) == 1704067200);
  CHECK(period_label(feb15, PeriodUnit::kQuarter, utc) == "2024-Q1");
  CHECK(period_label(feb15, PeriodUnit::kMonth, utc) == "2024-02");
  CHECK(period_label(feb15, PeriodUnit::kYear, utc) == "2024");
  CHECK(period_label(feb15, PeriodUnit::kDay, utc) == "2024-02-15");

  // 2024-01-03 is a Wednesday: its Monday week starts 2024-01-01, its Sunday week 2023-12-31.
  const Timestamp jan3 = 1704067200 + 2 * 86400;
  CHECK(period_floor(jan3, PeriodUnit::kWeek, utc) == 1704067200);
  Calendar sunday;
  sunday.week_start = Weekday::kSunday;
  CHECK(period_floor(jan3, PeriodUnit::kWeek, sunday) == 1703980800);
  CHECK(period_label(jan3, PeriodUnit::kWeek, sunday) == "2023-12-31");

  // 2024-03-31T23:30Z is 2024-04-01 01:30 in Berlin: April there, starting 2024-03-31T22:00Z.
  const Timestamp late = 1711922400 + 5400;
  CHECK(period_floor(late, PeriodUnit::kMonth, berlin()) == 1711922400);
  CHECK(period_label(late, PeriodUnit::kMonth, berlin()) == "2024-04");
  CHECK(period_label(late, PeriodUnit::kMonth, utc) == "2024-03");

  CHECK(period_advance(1706745600, PeriodUnit::kMonth, 1, utc) == 1709251200);  // Feb → Mar
  CHECK(period_advance(1706745600, PeriodUnit::kMonth, -1, utc) == 1704067200);  // Feb → Jan
  CHECK(period_advance(1704067200, PeriodUnit::kMonth, -1, utc) == 1701388800);  // Jan → Dec 2023
}

TEST_CASE("a period series clips the first and last period to the window", "[core][period]") {
  Calendar utc;
  const Window w{1705276800, 1710028800};  // [2024-01-15, 2024-03-10)
  const PeriodSeries s(w, PeriodUnit::kMonth, utc);
  REQUIRE(s.size() == 3);
  CHECK(s[0].label == "2024-01");
  CHECK(s[0].start == 1705276800);
  CHECK(s[0].calendar_start == 1704067200);
  CHECK(s[0].partial);
  CHECK(s[1].label == "2024-02");
  CHECK(s[1].start == 1706745600);
  CHECK(s[1].end == 1709251200);
  CHECK_FALSE(s[1].partial);
  CHECK(s[2].end == 1710028800);
  CHECK(s[2].partial);
  CHECK(s.index_of(1705276800) == std::optional<std::size_t>(0));
  CHECK(s.index_of(1706745600 - 1) == std::optional<std::size_t>(0));
  CHECK(s.index_of(1706745600) == std::optional<std::size_t>(1));
  CHECK(s.index_of(1710028800 - 1) == std::optional<std::size_t>(2));
  CHECK_FALSE(s.index_of(1710028800).has_value());  // `to` is outside
  CHECK_FALSE(s.index_of(1705276800 - 1).has_value());

  const PeriodSeries whole({1704067200, 1709251200}, PeriodUnit::kMonth, utc);  // Jan + Feb exactly
  REQUIRE(whole.size() == 2);
  CHECK_FALSE(whole[0].partial);
  CHECK_FALSE(whole[1].partial);
  CHECK(PeriodSeries({5, 5}, PeriodUnit::kDay, utc).size() == 0);
}

TEST_CASE("period units parse by name", "[core][period]") {
  CHECK(*parse_period_unit("quarter") == PeriodUnit::kQuarter);
  CHECK(parse_period_unit("fortnight").status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("floor_div rounds toward negative infinity", "[time]") {
  using clm::floor_div;
  using clm::kSecondsPerDay;
  CHECK(floor_div(0, kSecondsPerDay) == 0);
  CHECK(floor_div(86'399, kSecondsPerDay) == 0);
  CHECK(floor_div(86'400, kSecondsPerDay) == 1);
  // 1969-12-31T23:59:59Z is day -1, as is its midnight; one second earlier is day -2.
  CHECK(floor_div(-1, kSecondsPerDay) == -1);
  CHECK(floor_div(-86'400, kSecondsPerDay) == -1);
  CHECK(floor_div(-86'401, kSecondsPerDay) == -2);
  // Months before year 0: -1 month is December of year -1 (-1 = 12 * -1 + 11).
  CHECK(floor_div(-1, 12) == -1);
  CHECK(floor_div(7, -2) == -4);
  static_assert(floor_div(-7, 2) == -4);
}
