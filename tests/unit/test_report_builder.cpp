#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/event_store.h"
#include "clm/report.h"

namespace {

// 2024-01-15T10:00:00Z and 2024-02-03T00:00:00Z as Unix seconds:
// days_from_civil(2024-01-15) = 19737 → 19737 × 86400 + 36000 = 1705312800;
// 2024-02-03 is 19 days later: 19756 × 86400 = 1706918400.
constexpr clm::Timestamp kJan15At10 = 1705312800;
constexpr clm::Timestamp kFeb3 = 1706918400;

clm::EventStore small_store() {
  clm::EventStoreBuilder b;
  clm::EventInput e;
  e.customer_id = "c1";
  e.time = kJan15At10;
  e.type = "signup";
  REQUIRE(b.add_event(e).ok());
  e.customer_id = "c2";
  e.time = kFeb3;
  REQUIRE(b.add_event(e).ok());
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

std::string meta(const clm::Document& doc, const std::string& key) {
  for (const auto& [k, v] : doc.meta) {
    if (k == key) return v;
  }
  return "<missing>";
}

}  // namespace

TEST_CASE("report ids start with the data-quality section", "[report]") {
  const auto ids = clm::report_section_ids();
  REQUIRE_FALSE(ids.empty());
  CHECK(ids.front() == "data_quality");
}

TEST_CASE("build_report: meta holds the default window in the zone", "[report]") {
  const auto store = small_store();
  clm::ReportOptions opt;
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), opt);
  REQUIRE(doc.ok());
  // Default window: midnight of the first event's day to the first midnight
  // strictly after the last event (an event exactly at midnight Feb 3 → Feb 4).
  CHECK(meta(*doc, "from") == "2024-01-15T00:00:00Z");
  CHECK(meta(*doc, "to") == "2024-02-04T00:00:00Z");
  CHECK(meta(*doc, "as_of") == "2024-02-04T00:00:00Z");
  CHECK(meta(*doc, "time_zone") == "UTC");
  CHECK(meta(*doc, "period") == "month");
  CHECK(meta(*doc, "week_start") == "monday");
  CHECK(meta(*doc, "group_by") == "none");
  CHECK(meta(*doc, "people") == "2");
  CHECK(meta(*doc, "events") == "2");
  REQUIRE_FALSE(doc->sections.empty());
  CHECK(doc->sections.front().id == "data_quality");
}

TEST_CASE("build_report: window text follows --tz", "[report]") {
  const auto store = small_store();
  clm::ReportOptions opt;
  auto berlin = clm::TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  opt.scope.calendar.tz = *berlin;
  opt.scope.period = clm::PeriodUnit::kWeek;
  opt.scope.calendar.week_start = clm::Weekday::kSunday;
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), opt);
  REQUIRE(doc.ok());
  // In Berlin (UTC+1 in winter) the first event is 11:00 on Jan 15 → day
  // starts 2024-01-15T00:00+01:00; the last is 01:00 on Feb 3 → Feb 4 00:00.
  CHECK(meta(*doc, "from") == "2024-01-15T00:00:00+01:00");
  CHECK(meta(*doc, "to") == "2024-02-04T00:00:00+01:00");
  CHECK(meta(*doc, "time_zone") == "Europe/Berlin");
  CHECK(meta(*doc, "period") == "week");
  CHECK(meta(*doc, "week_start") == "sunday");
}

TEST_CASE("build_report: unknown section lists the valid ids", "[report]") {
  const auto store = small_store();
  clm::ReportOptions opt;
  opt.sections = {"data_quality", "no_such_section"};
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), opt);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == clm::Status::Code::kInvalidArgument);
  CHECK(doc.status().message().find("no_such_section") != std::string::npos);
  CHECK(doc.status().message().find("data_quality") != std::string::npos);
}

TEST_CASE("build_report: selecting sections keeps only those", "[report]") {
  const auto store = small_store();
  clm::ReportOptions opt;
  opt.sections = {"data_quality"};
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), opt);
  REQUIRE(doc.ok());
  REQUIRE(doc->sections.size() == 1);
  CHECK(doc->sections[0].id == "data_quality");
}

TEST_CASE("build_report: inverted window is InvalidArgument", "[report]") {
  const auto store = small_store();
  clm::ReportOptions opt;
  opt.scope.from = kFeb3;
  opt.scope.to = kJan15At10;
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), opt);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == clm::Status::Code::kInvalidArgument);
}

TEST_CASE("build_report: data quality rows and rejected rows by reason", "[report]") {
  const auto store = small_store();
  clm::TableLoad events;
  events.table = "events";
  events.source = "ev.csv";
  events.rows_read = 10;
  events.rows_kept = 7;
  events.rejected_by_reason = {{"bad timestamp", 2}, {"purchase needs a positive amount", 1}};
  events.examples = {{"ev.csv:4", "timestamp", "bad timestamp", "yesterday"}};
  // As the readers fill it: each reason's first rejected row, whether or not it is an example.
  events.first_by_reason = {{"bad timestamp", events.examples[0]}};
  clm::TableLoad spend;
  spend.table = "spend";
  spend.source = "sp.csv";
  spend.rows_read = 3;
  spend.rows_kept = 3;
  clm::ReportOptions opt;
  opt.sections = {"data_quality"};
  auto doc =
      clm::build_report(std::make_shared<const clm::EventStore>(store), opt, {events, spend});
  REQUIRE(doc.ok());
  REQUIRE(doc->sections.size() == 2);
  const clm::Section& dq = doc->sections[0];
  REQUIRE(dq.rows.size() == 2);
  // rejected = read − kept: 10 − 7 = 3, and 0 for spend. The default window holds every
  // event and spend row: nothing before it or at or after the as-of time.
  CHECK(dq.rows[0] == std::vector<clm::Value>{std::string("events"), std::string("ev.csv"),
                                              std::int64_t{10}, std::int64_t{7}, std::int64_t{3},
                                              std::int64_t{0}, std::int64_t{0}});
  CHECK(dq.rows[1] == std::vector<clm::Value>{std::string("spend"), std::string("sp.csv"),
                                              std::int64_t{3}, std::int64_t{3}, std::int64_t{0},
                                              std::int64_t{0}, std::int64_t{0}});
  const clm::Section& rr = doc->sections[1];
  CHECK(rr.id == "rejected_rows");
  REQUIRE(rr.rows.size() == 2);
  CHECK(rr.rows[0] == std::vector<clm::Value>{std::string("events"), std::string("bad timestamp"),
                                              std::int64_t{2},
                                              std::string("ev.csv:4 (timestamp 'yesterday')")});
  // No example kept for the second reason: null, not an empty string.
  CHECK(rr.rows[1] == std::vector<clm::Value>{std::string("events"),
                                              std::string("purchase needs a positive amount"),
                                              std::int64_t{1}, clm::Value{}});
}

TEST_CASE("data quality counts what lies outside the window next to the store's totals",
          "[report][asof]") {
  // Window [2024-01-15, 2024-02-01): kJan15At10 is inside; kFeb3 is after the as-of time.
  // c1: touch 2024-01-01 (before the window), signup inside. c2: signup on Feb 3 only, so
  // c2 does not exist at the as-of time. c3: a customers row acquired Feb 3, no events.
  // Spend: Jan 10 (before), Jan 20 (inside), Feb 3 and Mar 1 (after).
  constexpr clm::Timestamp kJan1 = 1704067200;  // 19723 days
  constexpr clm::Timestamp kJan10 = kJan1 + 9 * 86400;
  constexpr clm::Timestamp kJan20 = kJan1 + 19 * 86400;
  constexpr clm::Timestamp kFeb1 = kJan1 + 31 * 86400;
  constexpr clm::Timestamp kMar1 = kFeb1 + 29 * 86400;  // 2024 is a leap year
  clm::EventStoreBuilder b;
  clm::EventInput e;
  e.customer_id = "c1";
  e.type = "touch";
  e.time = kJan1;
  REQUIRE(b.add_event(e).ok());
  e.type = "signup";
  e.time = kJan15At10;
  REQUIRE(b.add_event(e).ok());
  e.customer_id = "c2";
  e.time = kFeb3;
  REQUIRE(b.add_event(e).ok());
  clm::CustomerInput c;
  c.customer_id = "c3";
  c.acquired_at = kFeb3;
  REQUIRE(b.add_customer(c).ok());
  for (clm::Timestamp d : {kJan10, kJan20, kFeb3, kMar1}) {
    REQUIRE(b.add_spend(clm::SpendInput{d, "ads", 1'000'000}).ok());
  }
  auto store = b.build();
  REQUIRE(store.ok());
  clm::ReportOptions opt;
  opt.scope.from = kJan15At10 - 36000;  // 2024-01-15T00:00Z
  opt.scope.to = kFeb1;
  opt.sections = {"data_quality", "stages"};
  std::vector<clm::TableLoad> loads(3);
  loads[0].table = "events";
  loads[0].source = "e.csv";
  loads[0].rows_read = loads[0].rows_kept = 3;
  loads[1].table = "customers";
  loads[1].source = "c.csv";
  loads[1].rows_read = loads[1].rows_kept = 1;
  loads[2].table = "spend";
  loads[2].source = "s.csv";
  loads[2].rows_read = loads[2].rows_kept = 4;
  auto doc =
      clm::build_report(std::make_shared<const clm::EventStore>(std::move(*store)), opt, loads);
  REQUIRE(doc.ok());
  const clm::Section& dq = doc->sections.front();
  REQUIRE(dq.id == "data_quality");
  REQUIRE(dq.columns.size() == 7);
  CHECK(dq.columns[5].key == "before_window");
  CHECK(dq.columns[6].key == "after_as_of");
  REQUIRE(dq.rows.size() == 3);
  // events: 1 before (Jan 1), 1 after (Feb 3); customers: c3's row; spend: 1 before, 2 after.
  CHECK(std::get<std::int64_t>(dq.rows[0][5]) == 1);
  CHECK(std::get<std::int64_t>(dq.rows[0][6]) == 1);
  CHECK(std::holds_alternative<std::monostate>(dq.rows[1][5]));
  CHECK(std::get<std::int64_t>(dq.rows[1][6]) == 1);
  CHECK(std::get<std::int64_t>(dq.rows[2][5]) == 1);
  CHECK(std::get<std::int64_t>(dq.rows[2][6]) == 2);
  REQUIRE(dq.notes.size() >= 2);
  CHECK(dq.notes[0] == "3 people (3 events, 4 spend rows) in the store.");
  // c2 and c3 appear only at or after the as-of time.
  CHECK(dq.notes[1] ==
        "Outside the window: 2 people, 1 event and 2 spend rows at or after the as-of time "
        "(ignored: those people appear only then); 1 event and 1 spend row before its start "
        "(events there count only for look-back).");
  // Stages count c1 only (acquired Jan 15, active): c2 and c3 are not in reach.
  REQUIRE(doc->sections.size() > 1);
  const clm::Section& stages = doc->sections[1];
  REQUIRE(stages.id == "stages");
  REQUIRE(stages.rows.size() == 1);
  CHECK(std::get<std::int64_t>(stages.rows[0][1]) == 0);  // reach
  CHECK(std::get<std::int64_t>(stages.rows[0][2]) == 1);  // acquisition
}
