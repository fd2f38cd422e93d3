// Loading the input tables in one call: the order in which load_tables tells
// its observer what it does, the text of the rows lenient loading rejected,
// and the read options and dates the settings and options give.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/clv_summary.h"
#include "clm/settings.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "clm-load-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    const std::string p = (path / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

}  // namespace

TEST_CASE("load_tables: the observer sees each table, then the build", "[analysis]") {
  TempDir dir;
  const std::string events = dir.write("events.csv",
                                       "customer_id,timestamp,type,amount\n"
                                       "a,2024-01-05T00:00:00Z,signup,\n"
                                       "a,2024-01-06T00:00:00Z,purchase,10\n"
                                       "b,not a time,signup,\n");
  const std::string customers = dir.write("customers.csv", "customer_id,channel\na,email\n");
  std::vector<std::string> seen;
  clm::LoadObserver observer;
  observer.reading = [&](const std::string& path) { seen.push_back("reading " + path); };
  observer.read = [&](const clm::TableLoad& load) {
    seen.push_back("read " + load.table + " " + std::to_string(load.rows_kept));
  };
  observer.building = [&](const std::vector<clm::TableLoad>& loads) {
    seen.push_back("building " + std::to_string(loads.size()));
  };
  clm::ReadOptions lenient;
  lenient.lenient = true;
  auto tables = clm::load_tables({events, customers, ""}, lenient, observer);
  REQUIRE(tables.ok());
  CHECK(seen == std::vector<std::string>{"reading " + events, "read events 2",
                                         "reading " + customers, "read customers 1", "building 2"});
  REQUIRE(tables->loads.size() == 2);
  CHECK(tables->loads[0].rows_read == 3);
  CHECK(tables->loads[0].rows_rejected() == 1);  // b's timestamp
  CHECK(tables->store->event_count() == 2);
  CHECK(tables->store->customer_count() == 1);

  // Strict, the bad row fails the load before the build is announced.
  seen.clear();
  auto strict = clm::load_tables({events, customers, ""}, {}, observer);
  REQUIRE_FALSE(strict.ok());
  CHECK(strict.status().code() == clm::Status::Code::kDataError);
  CHECK(seen == std::vector<std::string>{"reading " + events});

  CHECK(clm::load_tables({"-", "-", ""}).status().code() == clm::Status::Code::kInvalidArgument);
}

TEST_CASE("rejected_rows_text: per table, reasons, examples and the rest", "[analysis]") {
  clm::TableLoad clean;
  clean.table = "customers";
  clean.source = "customers.csv";
  clean.rows_read = clean.rows_kept = 4;
  clm::TableLoad events;
  events.table = "events";
  events.source = "events.csv";
  events.rows_read = 10;
  events.rows_kept = 6;
  events.rejected_by_reason = {{"bad timestamp", 3}, {"purchase needs a positive amount", 1}};
  events.examples = {{"events.csv:3", "timestamp", "bad timestamp", "yesterday"},
                     {"events.csv:5", "", "bad timestamp", ""},
                     {"events.csv:8", "amount", "purchase needs a positive amount", "-1"}};
  const std::vector<std::string> text = clm::rejected_rows_text({clean, events}, 2);
  REQUIRE(text.size() == 1);  // the clean table has no block
  CHECK(text[0] ==
        "events.csv: 4 of 10 events rows rejected\n"
        "  3 × bad timestamp\n"
        "  1 × purchase needs a positive amount\n"
        "  events.csv:3: column 'timestamp': bad timestamp (value 'yesterday')\n"
        "  events.csv:5: bad timestamp\n"
        "  ... and 2 more\n");
  // All examples shown: no "more" line when they cover every rejected row.
  events.rows_read = 9;
  events.rows_kept = 6;
  events.rejected_by_reason = {{"bad timestamp", 2}, {"purchase needs a positive amount", 1}};
  const std::vector<std::string> all = clm::rejected_rows_text({events});
  REQUIRE(all.size() == 1);
  CHECK(all[0].find("... and") == std::string::npos);
  CHECK(all[0].find("events.csv:8: column 'amount'") != std::string::npos);
}

TEST_CASE("read_options: the settings' zone and renames", "[settings]") {
  clm::Settings s;
  s.tz = "Europe/Berlin";
  s.renames = {"user=customer_id", "ts=timestamp"};
  auto ro = clm::read_options(s);
  REQUIRE(ro.ok());
  CHECK(ro->tz.name() == "Europe/Berlin");
  CHECK(ro->renames == std::vector<std::pair<std::string, std::string>>{{"user", "customer_id"},
                                                                        {"ts", "timestamp"}});
  for (const std::string bad : {"user", "=customer_id", "user="}) {
    s.renames = {bad};
    auto r = clm::read_options(s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == "--rename: expected OLD=NEW, got '" + bad + "'");
  }
  s.renames.clear();
  s.tz = "Mars/Olympus";
  auto zone = clm::read_options(s);
  REQUIRE_FALSE(zone.ok());
  CHECK(zone.status().message().rfind("--tz: ", 0) == 0);
}

TEST_CASE("parse_date and latest_event_day: the calibration end", "[predictive]") {
  auto d = clm::parse_date("1997-09-30", "--calibration-end", clm::TimeZone::utc());
  REQUIRE(d.ok());
  CHECK(d->year == 1997);
  CHECK(d->month == 9u);
  CHECK(d->day == 30u);
  CHECK(clm::parse_date("2024-02-29", "x", clm::TimeZone::utc()).ok());  // a leap day
  for (const std::string bad : {"1997-09-30x", "30/09/1997", ""}) {
    auto r = clm::parse_date(bad, "--holdout-end", clm::TimeZone::utc());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == "--holdout-end: expected a date YYYY-MM-DD, got '" + bad + "'");
  }
  for (const std::string bad : {"2023-02-29", "1997-13-01"}) {  // no such day
    auto r = clm::parse_date(bad, "--holdout-end", clm::TimeZone::utc());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == clm::Status::Code::kInvalidArgument);
    CHECK(r.status().message().rfind("--holdout-end: ", 0) == 0);
  }

  // 2024-03-31T23:30:00Z is already April 1 in Berlin (UTC+2 from March 31).
  clm::EventStoreBuilder b;
  clm::EventInput e;
  e.customer_id = "a";
  e.time = clm::parse_timestamp("2024-03-31T23:30:00Z", clm::TimeZone::utc()).value();
  e.type = "signup";
  REQUIRE(b.add_event(e).ok());
  auto store = b.build();
  REQUIRE(store.ok());
  auto utc = clm::latest_event_day(*store, clm::TimeZone::utc());
  REQUIRE(utc.ok());
  CHECK((utc->year == 2024 && utc->month == 3u && utc->day == 31u));
  auto berlin = clm::latest_event_day(*store, clm::TimeZone::locate("Europe/Berlin").value());
  REQUIRE(berlin.ok());
  CHECK((berlin->year == 2024 && berlin->month == 4u && berlin->day == 1u));
  auto empty = clm::EventStoreBuilder().build();
  REQUIRE(empty.ok());
  CHECK(clm::latest_event_day(*empty, clm::TimeZone::utc()).status().code() ==
        clm::Status::Code::kDataError);
}
