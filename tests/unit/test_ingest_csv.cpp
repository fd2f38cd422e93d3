// CSV reading: RFC 4180 quoting, CRLF, BOM, column order, renames, the three
// tables, and lenient counts. Expected stores are written out by hand.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/event.h"
#include "clm/ingest.h"
#include "test_ingest_util.h"

using namespace clm;
using ingest_test::Kind;

namespace {

constexpr Timestamp kMar1 = 1709251200;  // 2024-03-01T00:00:00Z
constexpr Timestamp kDay = 86400;

std::vector<std::string> customer_ids(const EventStore& st) {
  std::vector<std::string> out;
  for (CustomerIndex c = 0; c < st.customer_count(); ++c) out.emplace_back(st.customer_id(c));
  return out;
}

}  // namespace

TEST_CASE("CSV events become the store, in any row order", "[ingest][csv]") {
  const std::string csv =
      "customer_id,timestamp,type,amount,score,channel,campaign\n"
      "c2,2024-03-01 10:00:00,purchase,19.99,,,\n"
      "c1,2024-03-01,signup,,,ads,\n"
      "c1,2024-03-02T08:00:00Z,nps,,9,,\n"
      "c1,1709251200,touch,5,,social,\n"
      "c2,2024-03-03,email_opened,,,,spring\n"
      "c3,2024-03-04,login,,,,\n";
  const EventStore st = ingest_test::events_store(csv, InputFormat::kCsv);
  CHECK(customer_ids(st) == std::vector<std::string>{"c1", "c2", "c3"});
  REQUIRE(st.event_count() == 6);
  // c1: touch and signup at the same second (touch sorts first by type), then nps.
  const EventRange c1 = st.events_of(0);
  REQUIRE(c1.size() == 3);
  CHECK(st.times()[c1.begin] == kMar1);
  CHECK(st.types()[c1.begin] == code(EventType::kTouch));
  CHECK(st.amounts()[c1.begin] == 0);  // an amount on a touch is not kept
  CHECK(st.channels().name(st.event_channels()[c1.begin]) == "social");
  CHECK(st.types()[c1.begin + 1] == code(EventType::kSignup));
  CHECK(st.channels().name(st.event_channels()[c1.begin + 1]) == "ads");
  CHECK(st.times()[c1.begin + 2] == kMar1 + kDay + 8 * 3600);
  CHECK(st.types()[c1.begin + 2] == code(EventType::kNps));
  CHECK(st.scores()[c1.begin + 2] == 9);
  // c2: purchase of 19.99 at 10:00, an email open of campaign "spring" two days later.
  const EventRange c2 = st.events_of(1);
  REQUIRE(c2.size() == 2);
  CHECK(st.times()[c2.begin] == kMar1 + 10 * 3600);
  CHECK(st.amounts()[c2.begin] == 19'990'000);
  CHECK(st.times()[c2.begin + 1] == kMar1 + 2 * kDay);
  CHECK(st.campaign_names().name(st.campaigns()[c2.begin + 1]) == "spring");
  CHECK(st.event_channels()[c2.begin + 1] == kNoSymbol);
  // c3: a custom type.
  const EventRange c3 = st.events_of(2);
  REQUIRE(c3.size() == 1);
  CHECK(st.type_name(st.types()[c3.begin]) == "login");
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks", "[ingest][csv]") {
  // Column order is free; CRLF line ends; the second record spans lines 3-4.
  const std::string csv =
      "customer_id,type,timestamp,channel\r\n"
      "\"a,b\",touch,2024-03-01,\"say \"\"hi\"\"\"\r\n"
      "\"multi\nline\",touch,2024-03-02,x\r\n"
      "c3,signup,\"2024-03-03\",\r\n";
  const EventStore st = ingest_test::events_store(csv, InputFormat::kCsv);
  CHECK(customer_ids(st) == std::vector<std::string>{"a,b", "c3", "multi\nline"});
  CHECK(st.channels().name(st.event_channels()[st.events_of(0).begin]) == "say \"hi\"");
  CHECK(st.channels().name(st.event_channels()[st.events_of(2).begin]) == "x");
  CHECK(st.event_channels()[st.events_of(1).begin] == kNoSymbol);  // empty = absent
  CHECK(st.times()[st.events_of(1).begin] == kMar1 + 2 * kDay);

  // Line numbers count physical lines: header 1, "a,b" 2, "multi\nline" 3-4, c3 5, so the
  // bad record starts on line 6.
  const std::string bad = csv + "c4,,2024-03-04,\r\n";
  CHECK(ingest_test::strict_error(Kind::kEvents, bad, "events.csv", InputFormat::kCsv) ==
        "events.csv:6: column 'type': type is empty");
  // A quoted field's own line breaks count too: "x\n\ny" spans lines 2-4, so the bad row is
  // on line 5.
  CHECK(ingest_test::strict_error(Kind::kEvents,
                                  "customer_id,timestamp,type\n"
                                  "\"x\n\ny\",2024-03-01,touch\n"
                                  "c,2024-02-30,touch\n",
                                  "events.csv", InputFormat::kCsv) ==
        "events.csv:5: column 'timestamp': impossible date (value '2024-02-30')");
}

TEST_CASE("a byte-order mark, blank lines and a missing final newline are fine", "[ingest][csv]") {
  const std::string csv =
      "\xEF\xBB\xBF"
      "customer_id,timestamp,type\n"
      "\n"
      "c1,2024-03-01,touch\n"
      "\r\n"
      "c2,2024-03-02,touch";
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, csv, "e.csv", InputFormat::kCsv, builder);
  REQUIRE(r.status.ok());
  CHECK(r.load.rows_read == 2);  // blank lines are not rows
  CHECK(r.load.rows_kept == 2);
  CHECK(r.load.table == "events");
  CHECK(r.load.source == "e.csv");
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  CHECK(st->times()[st->events_of(1).begin] == kMar1 + kDay);
}

TEST_CASE("a header only gives an empty table; an empty file is an error", "[ingest][csv]") {
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, "customer_id,timestamp,type\n", "e.csv",
                                   InputFormat::kCsv, builder);
  CHECK(r.status.ok());
  CHECK(r.load.rows_read == 0);
  CHECK(ingest_test::strict_error(Kind::kEvents, "", "e.csv", InputFormat::kCsv) ==
        "e.csv: empty file: a header row is required");
  CHECK(ingest_test::strict_error(Kind::kEvents, "\xEF\xBB\xBF\n\n", "e.csv", InputFormat::kCsv) ==
        "e.csv: empty file: a header row is required");
}

TEST_CASE("extra columns are ignored and renames map other layouts", "[ingest][csv]") {
  ReadOptions options;
  options.renames = {{"user", "customer_id"}, {"when", "timestamp"}, {"kind", "type"}};
  const std::string csv =
      "when,note,user,kind,revenue\n"
      "2024-03-01,hello,u1,purchase,3\n";
  EventStoreBuilder builder;
  options.renames.emplace_back("revenue", "amount");
  auto r =
      ingest_test::read_table(Kind::kEvents, csv, "e.csv", InputFormat::kCsv, builder, options);
  REQUIRE(r.status.ok());
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  CHECK(st->customer_id(0) == "u1");
  CHECK(st->amounts()[0] == 3'000'000);
  // A rename onto a column that also exists is a duplicate, and the message names the rename.
  ReadOptions dup;
  dup.renames = {{"user", "customer_id"}};
  CHECK(ingest_test::strict_error(Kind::kEvents, "user,customer_id,timestamp,type\n", "e.csv",
                                  InputFormat::kCsv, Status::Code::kDataError, dup) ==
        "e.csv: duplicate column 'customer_id' in the header: the rename user=customer_id "
        "(--rename) gives a second column of that name");
}

TEST_CASE("CSV customers with attribute columns", "[ingest][csv]") {
  const std::string csv =
      "plan,customer_id,acquired_at,channel,country\n"
      "pro,c1,2024-01-15,ads,DE\n"
      ",c2,,,FR\n"
      "basic,c3,2024-02-01T10:00:00+01:00,social,\n";
  EventStoreBuilder builder;
  auto r =
      ingest_test::read_table(Kind::kCustomers, csv, "customers.csv", InputFormat::kCsv, builder);
  REQUIRE(r.status.ok());
  CHECK(r.load.rows_kept == 3);
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  REQUIRE(st->customer_count() == 3);
  CHECK(st->attribute_names() == std::vector<std::string>{"country", "plan"});
  // 2024-01-15 = 2024-01-01 (1704067200) + 14 days.
  CHECK(st->declared_acquired_at(0) == 1704067200 + 14 * kDay);
  CHECK(st->declared_acquired_at(1) == kNever);
  // 2024-02-01T10:00+01:00 = 09:00Z; 2024-02-01 = 2024-01-01 + 31 days.
  CHECK(st->declared_acquired_at(2) == 1704067200 + 31 * kDay + 9 * 3600);
  CHECK(st->channels().name(st->declared_channel(0)) == "ads");
  CHECK(st->declared_channel(1) == kNoSymbol);
  const std::size_t country = *st->find_attribute("country");
  const std::size_t plan = *st->find_attribute("plan");
  CHECK(st->attribute_values(country).name(st->attribute(country, 0)) == "DE");
  CHECK(st->attribute_values(country).name(st->attribute(country, 1)) == "FR");
  CHECK(st->attribute(country, 2) == kNoSymbol);
  CHECK(st->attribute(plan, 1) == kNoSymbol);
  CHECK(st->attribute_values(plan).name(st->attribute(plan, 2)) == "basic");
}

TEST_CASE("CSV spend", "[ingest][csv]") {
  const std::string csv =
      "date,channel,amount\n"
      "2024-03-02,social,0\n"
      "2024-03-01,ads,100.50\n";
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kSpend, csv, "spend.csv", InputFormat::kCsv, builder);
  REQUIRE(r.status.ok());
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  REQUIRE(st->spend_count() == 2);
  CHECK(st->spend_dates()[0] == kMar1);
  CHECK(st->channels().name(st->spend_channels()[0]) == "ads");
  CHECK(st->spend_amounts()[0] == 100'500'000);
  CHECK(st->spend_amounts()[1] == 0);
}

TEST_CASE("lenient mode skips bad rows and counts them by reason", "[ingest][csv][lenient]") {
  const std::string csv =
      "customer_id,timestamp,type,amount,score\n"  // line 1
      "c1,2024-03-01,purchase,10,\n"               // 2 kept
      "c1,2024-02-30,purchase,10,\n"               // 3 impossible date
      "c2,2024-03-01,purchase,-3,\n"               // 4 purchase needs a positive amount
      "c2,2024-03-01,purchase,,\n"                 // 5 purchase needs an amount
      ",2024-03-01,touch,,\n"                      // 6 customer_id is empty
      "c3,2024-03-01,nps,,11\n"                    // 7 nps score must be 0 to 10
      "c3,2024-03-01,nps,,x\n"                     // 8 score is not an integer
      "c3,2024-03-01,refund,-1,\n"                 // 9 refund amount is negative
      "c3,2024-03-01,refund,0,\n"                  // 10 kept
      "c4,2024-03-01,purchase,-0,\n"               // 11 purchase needs a positive amount
      "c4,2024-03-01\n"                            // 12 wrong number of fields
      "c4,2024-03-01,touch,abc,\n"                 // 13 kept (amount ignored on a touch)
      "c5,2024-03-01,csat,,4.0\n";                 // 14 kept (a zero fraction is an integer)
  ReadOptions options;
  options.lenient = true;
  options.max_examples = 2;
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, csv, "events.csv", InputFormat::kCsv, builder,
                                   options);
  REQUIRE(r.status.ok());
  CHECK(r.load.rows_read == 13);
  CHECK(r.load.rows_kept == 4);
  CHECK(r.load.rows_rejected() == 9);
  const std::map<std::string, std::int64_t> expected = {
      {"impossible date", 1},           {"purchase needs a positive amount", 2},
      {"purchase needs an amount", 1},  {"customer_id is empty", 1},
      {"nps score must be 0 to 10", 1}, {"score is not an integer", 1},
      {"refund amount is negative", 1}, {"wrong number of fields", 1},
  };
  CHECK(r.load.rejected_by_reason == expected);
  REQUIRE(r.load.examples.size() == 2);
  CHECK(r.load.examples[0].location == "events.csv:3");
  CHECK(r.load.examples[0].column == "timestamp");
  CHECK(r.load.examples[0].reason == "impossible date");
  CHECK(r.load.examples[0].value == "2024-02-30");
  CHECK(r.load.examples[1].location == "events.csv:4");
  CHECK(r.load.examples[1].column == "amount");
  CHECK(r.load.examples[1].value == "-3");
  // The rows kept are exactly the good ones.
  Result<EventStore> st = builder.build();
  REQUIRE(st.ok());
  CHECK(st->event_count() == 4);
  CHECK(customer_ids(*st) == std::vector<std::string>{"c1", "c3", "c4", "c5"});
  CHECK(st->scores()[st->events_of(3).begin] == 4);
}
