// Determinism: the report depends on the data, never on the order of its rows
// or on thread scheduling. The example data set is read as given and with the
// rows of every table shuffled (fixed seeds), the whole report is built, and
// every output format must match byte for byte. Predictive CLV fits on
// worker threads, so building the same report twice also checks that their
// scheduling never shows.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/report.h"
#include "clm/reporters.h"

namespace {

using namespace clm;

const std::string kExamples = std::string(CLM_TEST_DATA_DIR) + "/../../examples/data/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text with its data lines (all but the first `header_lines`) shuffled.
// The example files hold no quoted newlines, so a line is a row.
std::string shuffle_rows(const std::string& text, std::size_t header_lines, unsigned seed) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::mt19937 rng(seed);
  std::shuffle(lines.begin() + static_cast<std::ptrdiff_t>(header_lines), lines.end(), rng);
  std::string out;
  for (const std::string& line : lines) out += line + '\n';
  return out;
}

struct Tables {
  std::string events, customers, spend;
  InputFormat events_format = InputFormat::kCsv;
};

// The report of `tables` in every format, in Format order.
std::vector<std::string> render(const Tables& t, const ReportOptions& options) {
  EventStoreBuilder builder;
  std::vector<TableLoad> loads(3);
  const ReadOptions read;
  REQUIRE(read_events(t.events, "events", t.events_format, read, builder, loads[0]).ok());
  REQUIRE(read_customers(t.customers, "customers.csv", InputFormat::kCsv, read, builder, loads[1])
              .ok());
  REQUIRE(read_spend(t.spend, "spend.csv", InputFormat::kCsv, read, builder, loads[2]).ok());
  Result<EventStore> store = builder.build();
  REQUIRE(store.ok());
  Result<Document> doc = build_report(std::make_shared<const EventStore>(*store), options, loads);
  REQUIRE(doc.ok());
  std::vector<std::string> out;
  for (const Format f :
       {Format::kTable, Format::kJson, Format::kCsv, Format::kMarkdown, Format::kHtml}) {
    std::ostringstream s;
    REQUIRE(write_report(s, *doc, f).ok());
    out.push_back(s.str());
  }
  return out;
}

void check_order_independent(const Tables& original, const ReportOptions& options) {
  const std::vector<std::string> expected = render(original, options);
  REQUIRE(expected[1].size() > 10'000);  // a real report, not an empty one
  // Same input again: worker threads must not change a byte.
  CHECK(render(original, options) == expected);
  for (const unsigned seed : {1u, 20240229u}) {
    Tables shuffled;
    const std::size_t events_header = original.events_format == InputFormat::kCsv ? 1 : 0;
    shuffled.events = shuffle_rows(original.events, events_header, seed);
    shuffled.customers = shuffle_rows(original.customers, 1, seed + 1);
    shuffled.spend = shuffle_rows(original.spend, 1, seed + 2);
    shuffled.events_format = original.events_format;
    REQUIRE(shuffled.events != original.events);  // the shuffle did reorder rows
    REQUIRE(shuffled.spend != original.spend);
    const std::vector<std::string> got = render(shuffled, options);
    REQUIRE(got.size() == expected.size());
    for (std::size_t f = 0; f < got.size(); ++f) {
      INFO("seed " << seed << ", format " << format_name(static_cast<Format>(f)));
      CHECK(got[f] == expected[f]);
    }
  }
}

Tables example_tables(std::string_view events_file, InputFormat format) {
  Tables t;
  t.events = slurp(kExamples + std::string(events_file));
  t.customers = slurp(kExamples + "customers.csv");
  t.spend = slurp(kExamples + "spend.csv");
  t.events_format = format;
  REQUIRE(!t.events.empty());
  REQUIRE(!t.customers.empty());
  REQUIRE(!t.spend.empty());
  return t;
}

}  // namespace

TEST_CASE("the default report does not depend on row order (CSV)", "[determinism]") {
  check_order_independent(example_tables("events.csv", InputFormat::kCsv), ReportOptions{});
}

TEST_CASE("a grouped weekly report in a DST zone does not depend on row order (JSON Lines)",
          "[determinism]") {
  ReportOptions options;
  Result<TimeZone> berlin = TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  options.scope.calendar.tz = *berlin;
  options.scope.period = PeriodUnit::kWeek;
  options.scope.group_by = GroupBy::parse("country");
  check_order_independent(example_tables("events.jsonl", InputFormat::kJsonLines), options);
}
