// JSON Lines and JSON arrays: the same rows as CSV give the same store;
// numbers stay exact; null is absent; rows know their line.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/event.h"
#include "clm/ingest.h"
#include "test_ingest_util.h"

using namespace clm;
using ingest_test::Kind;
using ingest_test::strict_error;

namespace {

constexpr Timestamp kMar1 = 1709251200;  // 2024-03-01T00:00:00Z

// Every column of two stores, compared one by one.
void require_same(const EventStore& a, const EventStore& b) {
  REQUIRE(a.customer_count() == b.customer_count());
  for (CustomerIndex c = 0; c < a.customer_count(); ++c) {
    CHECK(a.customer_id(c) == b.customer_id(c));
    CHECK(a.declared_acquired_at(c) == b.declared_acquired_at(c));
  }
  REQUIRE(a.event_count() == b.event_count());
  for (std::size_t i = 0; i < a.event_count(); ++i) {
    CHECK(a.times()[i] == b.times()[i]);
    CHECK(a.types()[i] == b.types()[i]);
    CHECK(a.amounts()[i] == b.amounts()[i]);
    CHECK(a.scores()[i] == b.scores()[i]);
    CHECK(a.event_channels()[i] == b.event_channels()[i]);
    CHECK(a.campaigns()[i] == b.campaigns()[i]);
  }
  REQUIRE(a.channels().size() == b.channels().size());
  for (SymbolId s = 0; s < a.channels().size(); ++s)
    CHECK(a.channels().name(s) == b.channels().name(s));
}

const char* const kCsv =
    "customer_id,timestamp,type,amount,score,channel,campaign\n"
    "c2,2024-03-01 10:00:00,purchase,19.99,,,\n"
    "c1,2024-03-01,signup,,,ads,\n"
    "c1,2024-03-02T08:00:00Z,nps,,9,,\n"
    "42,1709251200,touch,,,social,\n"
    "c2,2024-03-03,email_opened,,,,\"spring, \"\"new\"\"\"\n";

// The same rows: numbers as JSON numbers and as strings, null and missing keys for absent values.
const char* const kJsonl =
    "{\"customer_id\":\"c2\",\"timestamp\":\"2024-03-01 10:00:00\",\"type\":\"purchase\","
    "\"amount\":19.99}\n"
    "\r\n"
    "{\"customer_id\":\"c1\",\"timestamp\":\"2024-03-01\",\"type\":\"signup\",\"channel\":\"ads\","
    "\"score\":null}\r\n"
    "{\"type\":\"nps\",\"customer_id\":\"c1\",\"timestamp\":\"2024-03-02T08:00:00Z\",\"score\":9}\n"
    "{\"customer_id\":42,\"timestamp\":1709251200,\"type\":\"touch\",\"channel\":\"social\","
    "\"extra\":{\"nested\":[1,2]}}\n"
    "{\"customer_id\":\"c2\",\"timestamp\":\"2024-03-03\",\"type\":\"email_opened\","
    "\"campaign\":\"spring, \\\"new\\\"\"}\n";

const char* const kJsonArray =
    "[\n"
    "  {\"customer_id\": \"c2\", \"timestamp\": \"2024-03-01 10:00:00\", \"type\": \"purchase\",\n"
    "   \"amount\": \"19.99\"},\n"
    "  {\"customer_id\": \"c1\", \"timestamp\": \"2024-03-01\", \"type\": \"signup\", \"channel\": "
    "\"ads\"},\n"
    "  {\"customer_id\": \"c1\", \"timestamp\": \"2024-03-02T08:00:00Z\", \"type\": \"nps\", "
    "\"score\": \"9\"},\n"
    "  {\"customer_id\": \"42\", \"timestamp\": \"1709251200\", \"type\": \"touch\", \"channel\": "
    "\"social\"},\n"
    "  {\"customer_id\": \"c2\", \"timestamp\": \"2024-03-03\", \"type\": \"email_opened\", "
    "\"campaign\": \"spring, \\\"new\\\"\"}\n"
    "]\n";

}  // namespace

TEST_CASE("CSV, JSON Lines and a JSON array give the same store", "[ingest][json]") {
  const EventStore csv = ingest_test::events_store(kCsv, InputFormat::kCsv);
  const EventStore jsonl = ingest_test::events_store(kJsonl, InputFormat::kJsonLines);
  const EventStore json = ingest_test::events_store(kJsonArray, InputFormat::kJson);
  // Spot checks by hand against the CSV store: ids in byte order ("42" < "c1" < "c2").
  REQUIRE(csv.customer_count() == 3);
  CHECK(csv.customer_id(0) == "42");
  CHECK(csv.times()[csv.events_of(0).begin] == kMar1);
  CHECK(csv.amounts()[csv.events_of(2).begin] == 19'990'000);
  CHECK(csv.campaign_names().name(csv.campaigns()[csv.events_of(2).begin + 1]) ==
        "spring, \"new\"");
  require_same(csv, jsonl);
  require_same(csv, json);
}

TEST_CASE("JSON numbers are exact: read from their text, never a double", "[ingest][json]") {
  const EventStore st = ingest_test::events_store(
      "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"purchase\",\"amount\":0.1}\n"
      "{\"customer_id\":\"b\",\"timestamp\":0,\"type\":\"purchase\","
      "\"amount\":12345678901.234567}\n"
      "{\"customer_id\":\"c\",\"timestamp\":0,\"type\":\"purchase\",\"amount\":2.5E-2}\n"
      "{\"customer_id\":\"d\",\"timestamp\":0,\"type\":\"csat\",\"score\":5.0}\n",
      InputFormat::kJsonLines);
  CHECK(st.amounts()[0] == 100'000);
  // 12345678901234567 millionths is odd and above 2^53: no double holds it.
  CHECK(st.amounts()[1] == 12'345'678'901'234'567);
  CHECK(st.amounts()[2] == 25'000);
  CHECK(st.scores()[3] == 5);
}

TEST_CASE("JSON errors name the line and column", "[ingest][json]") {
  CHECK(strict_error(
            Kind::kEvents,
            "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"touch\"}\n\n"
            "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"purchase\",\"amount\":1e400}\n",
            "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:3: column 'amount': out of range (value '1e400')");
  CHECK(strict_error(
            Kind::kEvents,
            "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"purchase\",\"amount\":null}\n",
            "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: column 'amount': purchase needs an amount");
  CHECK(strict_error(Kind::kEvents, "{\"timestamp\":0,\"type\":\"touch\"}\n", "events.jsonl",
                     InputFormat::kJsonLines) ==
        "events.jsonl:1: column 'customer_id': customer_id is empty");
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":{\"id\":1},\"timestamp\":0,\"type\":\"touch\"}\n",
                     "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: column 'customer_id': expected a string or a number (found an object)");
  CHECK(strict_error(
            Kind::kEvents,
            "{\"customer_id\":\"a\",\"customer_id\":\"b\",\"timestamp\":0,\"type\":\"t\"}\n",
            "events.jsonl",
            InputFormat::kJsonLines) == "events.jsonl:1: column 'customer_id': duplicate key");
  CHECK(strict_error(Kind::kEvents, "[1, 2]\n", "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: not a JSON object");
  // "\u0000" would put a NUL into an identifier, which a CSV file cannot hold either.
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"c\\u0000x\",\"timestamp\":0,\"type\":\"touch\"}\n",
                     "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: column 'customer_id': NUL character (\\u0000) in a value (value "
        "'c\\x00x')");
  CHECK(strict_error(Kind::kCustomers, "[{\"customer_id\":\"a\",\"channel\":\"x\\u0000\"}]\n",
                     "customers.json", InputFormat::kJson)
            .starts_with("customers.json:1: column 'channel': NUL character"));
  CHECK(
      strict_error(Kind::kEvents,
                   "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"touch\"}\n"
                   "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"purchase\",\"amount\":NaN}\n",
                   "events.jsonl", InputFormat::kJsonLines)
          .starts_with("events.jsonl:2: "));
  const std::string broken =
      strict_error(Kind::kEvents, "{\"customer_id\":\"a\",\"timestamp\":0,\n", "events.jsonl",
                   InputFormat::kJsonLines);
  CHECK(broken.starts_with("events.jsonl:1: invalid JSON ("));
}

TEST_CASE("a JSON array's rows are at the line their object starts", "[ingest][json]") {
  const std::string json =
      "[{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"touch\"},\n"
      " {\"customer_id\":\"a\",\n"
      "  \"timestamp\":\"2023-02-30\",\n"
      "  \"type\":\"touch\"}]";
  CHECK(strict_error(Kind::kEvents, json, "events.json", InputFormat::kJson) ==
        "events.json:2: column 'timestamp': impossible date (value '2023-02-30')");
  CHECK(strict_error(Kind::kEvents, "[{\"customer_id\":\"a\"},\n 7]", "events.json",
                     InputFormat::kJson) == "events.json:1: column 'timestamp': missing timestamp");
  CHECK(strict_error(Kind::kEvents, "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"touch\"}",
                     "events.json", InputFormat::kJson) ==
        "events.json:1: expected a JSON array of objects, found an object (for one object per "
        "line use JSON Lines: .jsonl or format jsonl)");
  CHECK(strict_error(Kind::kEvents, "", "events.json", InputFormat::kJson) ==
        "events.json: empty file: expected a JSON array of objects");
  CHECK(strict_error(Kind::kEvents, "[\n{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"t\"}\n",
                     "events.json",
                     InputFormat::kJson) == "events.json:3: the JSON array is not closed");
  CHECK(strict_error(Kind::kEvents, "[{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"t\"},]",
                     "events.json",
                     InputFormat::kJson) == "events.json:1: expected a value in the JSON array");
  CHECK(strict_error(Kind::kEvents, "[{\"customer_id\":\"a\",\n\"timestamp\":0", "events.json",
                     InputFormat::kJson) == "events.json:1: the JSON ends inside this element");
  CHECK(strict_error(Kind::kEvents, "[] x", "events.json", InputFormat::kJson) ==
        "events.json:1: text after the JSON array");
  CHECK(strict_error(Kind::kEvents, "[1]", "events.json", InputFormat::kJson) ==
        "events.json:1: not a JSON object");
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, " [ ] ", "e.json", InputFormat::kJson, builder);
  CHECK(r.status.ok());
  CHECK(r.load.rows_read == 0);
}

TEST_CASE("JSON customers: attributes from any object's keys", "[ingest][json]") {
  const std::string jsonl =
      "{\"customer_id\":\"c2\",\"plan\":\"pro\"}\n"
      "{\"customer_id\":\"c1\",\"acquired_at\":\"2024-03-01\",\"country\":\"DE\",\"vip\":true}\n";
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kCustomers, jsonl, "customers.jsonl",
                                   InputFormat::kJsonLines, builder);
  REQUIRE(r.status.ok());
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  CHECK(st->attribute_names() == std::vector<std::string>{"country", "plan", "vip"});
  CHECK(st->declared_acquired_at(0) == kMar1);
  CHECK(st->declared_acquired_at(1) == kNever);
  const std::size_t plan = *st->find_attribute("plan");
  const std::size_t vip = *st->find_attribute("vip");
  CHECK(st->attribute(plan, 0) == kNoSymbol);
  CHECK(st->attribute_values(plan).name(st->attribute(plan, 1)) == "pro");
  CHECK(st->attribute_values(vip).name(st->attribute(vip, 0)) == "true");
}

TEST_CASE("JSON lenient mode counts broken lines as rows", "[ingest][json][lenient]") {
  const std::string jsonl =
      "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"touch\"}\n"
      "{\"customer_id\":\"a\",\"timestamp\":0,\n"
      "not json at all\n"
      "{\"customer_id\":\"a\",\"timestamp\":\"2023-12-31T23:59:60\",\"type\":\"touch\"}\n"
      "{\"customer_id\":\"b\",\"timestamp\":\"2023-12-31T24:00:00\",\"type\":\"touch\"}\n";
  ReadOptions options;
  options.lenient = true;
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, jsonl, "e.jsonl", InputFormat::kJsonLines,
                                   builder, options);
  REQUIRE(r.status.ok());
  CHECK(r.load.rows_read == 5);
  CHECK(r.load.rows_kept == 2);
  CHECK(r.load.rejected_by_reason.at("invalid JSON") == 1);
  CHECK(r.load.rejected_by_reason.at("not a JSON object") == 1);
  CHECK(r.load.rejected_by_reason.at("second 60 (leap second) is not accepted") == 1);
  REQUIRE(r.load.examples.size() == 3);
  CHECK(r.load.examples[0].location == "e.jsonl:2");
  CHECK(r.load.examples[1].location == "e.jsonl:3");
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  CHECK(st->times()[st->events_of(1).begin] == 1704067200);  // 24:00 → 2024-01-01
}
