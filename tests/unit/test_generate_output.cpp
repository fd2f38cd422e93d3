// The generated tables: deterministic bytes, row counts, every event type,
// the contract's columns, and output that clm's own readers accept.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clm/event.h"
#include "clm/event_store.h"
#include "clm/generate.h"
#include "clm/ingest.h"

namespace {

using clm::GenerateFormat;
using clm::GenerateOptions;
using clm::GenerateStats;
using clm::StringSink;

struct Tables {
  GenerateStats stats;
  StringSink events, customers, spend;
};

Tables run(const GenerateOptions& o) {
  Tables t;
  auto stats = clm::generate(o, t.events, t.customers, t.spend);
  REQUIRE(stats.ok());
  t.stats = *stats;
  return t;
}

// FNV-1a, 64 bit: a hash written here so the test does not trust the generator.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    REQUIRE(nl != std::string_view::npos);  // every line ends with '\n'
    out.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    const std::size_t comma = line.find(',');
    out.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) return out;
    line.remove_prefix(comma + 1);
  }
}

GenerateOptions small(std::int64_t people = 1500) {
  GenerateOptions o;
  o.people = people;
  o.seed = 2024;
  return o;
}

TEST_CASE("the same seed gives the same bytes, another seed other bytes", "[generate]") {
  for (GenerateFormat f : {GenerateFormat::kCsv, GenerateFormat::kJsonLines}) {
    GenerateOptions o = small(800);
    o.format = f;
    const Tables a = run(o);
    const Tables b = run(o);
    CHECK(fnv1a(a.events.data()) == fnv1a(b.events.data()));
    CHECK(fnv1a(a.customers.data()) == fnv1a(b.customers.data()));
    CHECK(fnv1a(a.spend.data()) == fnv1a(b.spend.data()));
    o.seed += 1;
    const Tables c = run(o);
    CHECK(fnv1a(a.events.data()) != fnv1a(c.events.data()));
    CHECK(fnv1a(a.customers.data()) != fnv1a(c.customers.data()));
    CHECK(fnv1a(a.spend.data()) != fnv1a(c.spend.data()));
  }
}

TEST_CASE("CSV tables have the contract's columns and the counted rows", "[generate]") {
  GenerateOptions o = small();
  o.start = {2023, 1, 1};
  o.months = 2;  // January + February 2023 = 31 + 28 = 59 days
  const Tables t = run(o);

  const auto ev = lines(t.events.data());
  REQUIRE(!ev.empty());
  CHECK(ev[0] == "customer_id,timestamp,type,amount,score,channel,campaign");
  CHECK(static_cast<std::int64_t>(ev.size()) - 1 == t.stats.events);
  CHECK(t.stats.events_bytes == static_cast<std::int64_t>(t.events.data().size()));

  const auto cu = lines(t.customers.data());
  CHECK(cu[0] == "customer_id,acquired_at,channel,country,plan");
  CHECK(static_cast<std::int64_t>(cu.size()) - 1 == t.stats.customer_rows);

  const auto sp = lines(t.spend.data());
  CHECK(sp[0] == "date,channel,amount");
  // One row per day and paid channel: 59 days × 5 (paid_search, paid_social,
  // display, affiliate, email).
  CHECK(sp.size() - 1 == 59 * 5);
  CHECK(t.stats.spend_rows == 59 * 5);
  CHECK(sp[1].substr(0, 11) == "2023-01-01,");
  CHECK(sp.back().substr(0, 11) == "2023-02-28,");

  // Every event row: 7 fields, a timestamp inside [2023-01-01, 2023-03-01),
  // distinct people counted independently.
  std::set<std::string_view> people;
  for (std::size_t i = 1; i < ev.size(); ++i) {
    const auto f = fields(ev[i]);
    REQUIRE(f.size() == 7);
    people.insert(f[0]);
    REQUIRE(f[1].size() == 20);
    CHECK(std::string(f[1]) >= "2023-01-01T00:00:00Z");
    CHECK(std::string(f[1]) < "2023-03-01T00:00:00Z");
  }
  CHECK(static_cast<std::int64_t>(people.size()) == t.stats.people);
  CHECK(t.stats.people == 1500);  // every person has at least one touch
}

TEST_CASE("every event type appears, with amounts, scores, channels and campaigns where due",
          "[generate]") {
  const Tables t = run(small(3000));
  std::map<std::string, std::int64_t> counts;
  const auto ev = lines(t.events.data());
  for (std::size_t i = 1; i < ev.size(); ++i) {
    const auto f = fields(ev[i]);
    const std::string type(f[2]);
    ++counts[type];
    const bool money = type == "purchase" || type == "refund";
    CHECK(f[3].empty() != money);
    const bool survey = type == "nps" || type == "csat" || type == "ces";
    CHECK(f[4].empty() != survey);
    if (type == "touch") CHECK(!f[5].empty());
    if (type.rfind("email_", 0) == 0) CHECK(!f[6].empty());
  }
  for (int code = 0; code < clm::kBuiltinTypeCount; ++code) {
    const std::string name(clm::builtin_type_name(static_cast<clm::EventType>(code)));
    CAPTURE(name);
    CHECK(counts[name] > 0);
    CHECK(t.stats.rows_by_type[static_cast<std::size_t>(code)] == counts[name]);
  }
  CHECK(counts["feature_used"] > 0);
  CHECK(counts["login"] > 0);
  CHECK(t.stats.rows_by_type[clm::kBuiltinTypeCount] == counts["feature_used"]);
  CHECK(t.stats.rows_by_type[clm::kBuiltinTypeCount + 1] == counts["login"]);
  CHECK(counts.size() == clm::kBuiltinTypeCount + 2);
  // "About 33 events per person": the 24-month default lands within 25..45.
  const double per_person = static_cast<double>(t.stats.events) / 3000;
  CHECK(per_person > 25);
  CHECK(per_person < 45);
}

TEST_CASE("the events option gives exactly that many rows", "[generate]") {
  for (std::int64_t n : {1, 33, 12345}) {
    GenerateOptions o = small();
    o.events = n;
    const Tables t = run(o);
    CHECK(t.stats.events == n);
    CHECK(static_cast<std::int64_t>(lines(t.events.data()).size()) == n + 1);
  }
}

TEST_CASE("bad generator options are InvalidArgument", "[generate]") {
  StringSink a, b, c;
  GenerateOptions o;
  o.people = 0;
  CHECK(clm::generate(o, a, b, c).status().code() == clm::Status::Code::kInvalidArgument);
  o = GenerateOptions{};
  o.events = 0;
  CHECK(clm::generate(o, a, b, c).status().code() == clm::Status::Code::kInvalidArgument);
  o = GenerateOptions{};
  o.months = 0;
  CHECK(clm::generate(o, a, b, c).status().code() == clm::Status::Code::kInvalidArgument);
  o = GenerateOptions{};
  o.start = {2023, 2, 30};
  CHECK(clm::generate(o, a, b, c).status().code() == clm::Status::Code::kInvalidArgument);
  CHECK(!clm::parse_generate_format("xml").ok());
  CHECK(*clm::parse_generate_format("ndjson") == GenerateFormat::kJsonLines);
}

// Reads the three tables with clm's readers (strict mode: any bad row fails).
clm::EventStore load(const Tables& t, clm::InputFormat format, std::vector<clm::TableLoad>& loads) {
  clm::EventStoreBuilder builder;
  clm::ReadOptions ro;
  loads.assign(3, {});
  REQUIRE(clm::read_customers(t.customers.data(), "customers", format, ro, builder, loads[0]).ok());
  REQUIRE(clm::read_events(t.events.data(), "events", format, ro, builder, loads[1]).ok());
  REQUIRE(clm::read_spend(t.spend.data(), "spend", format, ro, builder, loads[2]).ok());
  auto store = builder.build();
  REQUIRE(store.ok());
  return std::move(*store);
}

TEST_CASE("clm's readers accept every generated row, CSV and JSON Lines alike", "[generate]") {
  GenerateOptions o = small(1200);
  const Tables csv = run(o);
  o.format = GenerateFormat::kJsonLines;
  const Tables jsonl = run(o);
  CHECK(csv.stats.events == jsonl.stats.events);

  std::vector<clm::TableLoad> lc, lj;
  const clm::EventStore a = load(csv, clm::InputFormat::kCsv, lc);
  const clm::EventStore b = load(jsonl, clm::InputFormat::kJsonLines, lj);
  for (const auto* loads : {&lc, &lj}) {
    CHECK((*loads)[0].rows_kept == csv.stats.customer_rows);
    CHECK((*loads)[1].rows_kept == csv.stats.events);
    CHECK((*loads)[2].rows_kept == csv.stats.spend_rows);
  }
  CHECK(a.event_count() == static_cast<std::size_t>(csv.stats.events));
  CHECK(a.customer_count() == 1200);  // every person has events; customers are a subset
  CHECK(a.attribute_names() == std::vector<std::string>{"country", "plan"});
  CHECK(a.count_of_type(clm::code(clm::EventType::kPurchase)) ==
        csv.stats.rows_by_type[static_cast<std::size_t>(clm::EventType::kPurchase)]);

  // Same store from both formats, column by column.
  REQUIRE(b.event_count() == a.event_count());
  REQUIRE(b.customer_count() == a.customer_count());
  CHECK(std::equal(a.times().begin(), a.times().end(), b.times().begin()));
  CHECK(std::equal(a.types().begin(), a.types().end(), b.types().begin()));
  CHECK(std::equal(a.amounts().begin(), a.amounts().end(), b.amounts().begin()));
  CHECK(std::equal(a.scores().begin(), a.scores().end(), b.scores().begin()));
  CHECK(a.spend_count() == b.spend_count());
}

}  // namespace
