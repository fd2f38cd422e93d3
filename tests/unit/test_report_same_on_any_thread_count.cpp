// The report's sections are built on ReportOptions::threads threads with the
// inputs several areas share computed once: the Document must not depend on
// the thread count, nor on which other sections are selected.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clm/event_store.h"
#include "clm/generate.h"
#include "clm/ingest.h"
#include "clm/report.h"
#include "clm/reporters.h"

namespace {

// A generated store of ~20 000 events (all event types, spend, customers).
const clm::EventStore& generated_store() {
  static const clm::EventStore store = [] {
    clm::GenerateOptions g;
    g.people = 600;
    g.seed = 5;
    clm::StringSink events, customers, spend;
    REQUIRE(clm::generate(g, events, customers, spend).ok());
    clm::EventStoreBuilder builder;
    clm::ReadOptions read;
    clm::TableLoad load;
    REQUIRE(
        clm::read_events(events.data(), "events.csv", clm::InputFormat::kCsv, read, builder, load)
            .ok());
    REQUIRE(clm::read_customers(customers.data(), "customers.csv", clm::InputFormat::kCsv, read,
                                builder, load)
                .ok());
    REQUIRE(clm::read_spend(spend.data(), "spend.csv", clm::InputFormat::kCsv, read, builder, load)
                .ok());
    auto built = builder.build();
    REQUIRE(built.ok());
    return std::move(*built);
  }();
  return store;
}

// The report as JSON text (every value and note of the Document).
std::string report_json(const clm::ReportOptions& options) {
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(generated_store()), options);
  REQUIRE(doc.ok());
  std::ostringstream out;
  REQUIRE(clm::write_report(out, *doc, clm::Format::kJson).ok());
  return out.str();
}

}  // namespace

TEST_CASE("a report with 1, 2, 3 and all threads is byte-identical") {
  for (const std::string by : {"", "channel"}) {
    clm::ReportOptions options;
    options.scope.group_by = clm::GroupBy::parse(by);
    options.threads = 1;
    const std::string one = report_json(options);
    REQUIRE(one.find("\"survival_curve\"") != std::string::npos);
    REQUIRE(one.find("\"clv_cac\"") != std::string::npos);
    for (const unsigned threads : {2u, 3u, 0u, 64u}) {
      options.threads = threads;
      REQUIRE(report_json(options) == one);
    }
  }
}

TEST_CASE("each section alone is the same as in the whole report") {
  // Each area reads the shared inputs (activity model, survey breakdown, CAC,
  // historical CLV) whether or not the areas that also read them are selected.
  clm::ReportOptions whole;
  auto full = clm::build_report(std::make_shared<const clm::EventStore>(generated_store()), whole);
  REQUIRE(full.ok());
  for (const std::string& id : clm::report_section_ids()) {
    clm::ReportOptions alone;
    alone.sections = {id};
    auto doc = clm::build_report(std::make_shared<const clm::EventStore>(generated_store()), alone);
    REQUIRE(doc.ok());
    REQUIRE_FALSE(doc->sections.empty());
    for (const clm::Section& s : doc->sections) {
      const clm::Section* same = nullptr;
      for (const clm::Section& f : full->sections) {
        if (f.id == s.id) same = &f;
      }
      REQUIRE(same != nullptr);
      clm::Document a, b;
      a.sections = {s};
      b.sections = {*same};
      std::ostringstream ja, jb;
      REQUIRE(clm::write_report(ja, a, clm::Format::kJson).ok());
      REQUIRE(clm::write_report(jb, b, clm::Format::kJson).ok());
      REQUIRE(ja.str() == jb.str());
    }
  }
}

TEST_CASE("an invalid shared input fails the report with its message on any thread count") {
  for (const unsigned threads : {1u, 2u, 0u}) {
    clm::ReportOptions options;
    options.threads = threads;
    options.activity.inactivity_window_days = -1;
    auto doc =
        clm::build_report(std::make_shared<const clm::EventStore>(generated_store()), options);
    REQUIRE_FALSE(doc.ok());
    REQUIRE(doc.status().message() == "inactivity window W must be >= 0 days");
  }
}
