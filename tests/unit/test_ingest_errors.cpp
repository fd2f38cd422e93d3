// One test per bad-input rule of docs/input.md: the exact message (file:line,
// column, reason, value) and the status, hence the exit code (65 / 66).
#include <catch2/catch.hpp>
#include <string>

#include "clm/ingest.h"
#include "test_ingest_util.h"

using namespace clm;
using ingest_test::Kind;
using ingest_test::strict_error;

namespace {

constexpr auto kCsv = InputFormat::kCsv;
const std::string kHeader = "customer_id,timestamp,type,amount,score\n";

std::string events_error(const std::string& rows) {
  return strict_error(Kind::kEvents, kHeader + rows, "events.csv", kCsv);
}

}  // namespace

TEST_CASE("a missing required column names the file and the column", "[ingest][errors]") {
  CHECK(strict_error(Kind::kEvents, "customer_id,type\nc1,touch\n", "events.csv", kCsv) ==
        "events.csv: missing required column 'timestamp'");
  CHECK(strict_error(Kind::kCustomers, "id,channel\n", "customers.csv", kCsv) ==
        "customers.csv: missing required column 'customer_id'");
  CHECK(strict_error(Kind::kSpend, "date,amount\n", "spend.csv", kCsv) ==
        "spend.csv: missing required column 'channel'");
  // Column names match exactly (no case folding); the message points at the near miss.
  CHECK(strict_error(Kind::kEvents, "Customer_ID,timestamp,type\n", "events.csv", kCsv) ==
        "events.csv: missing required column 'customer_id' (the header has 'Customer_ID': "
        "column names are lower case)");
}

TEST_CASE("a wrong separator gets a hint", "[ingest][errors]") {
  CHECK(strict_error(Kind::kEvents, "customer_id;timestamp;type\nc1;2024-03-01;touch\n",
                     "events.csv", kCsv) ==
        "events.csv: missing required column 'customer_id' (the header is the single column "
        "'customer_id;timestamp;type': clm reads comma-separated values, is the separator ';'?)");
  CHECK(strict_error(Kind::kEvents, "customer_id\ttimestamp\ttype\n", "events.csv", kCsv) ==
        "events.csv: missing required column 'customer_id' (the header is the single column "
        "'customer_id\\ttimestamp\\ttype': clm reads comma-separated values, is the separator "
        "'\\t'?)");
}

TEST_CASE("an unreadable file is NoInput (exit 66)", "[ingest][errors]") {
  EventStoreBuilder builder;
  TableLoad load;
  Status s = load_events("/nonexistent/events.csv", ReadOptions(), builder, load);
  CHECK(s.code() == Status::Code::kNoInput);
  CHECK(s.message() == "cannot open '/nonexistent/events.csv': No such file or directory");
  ReadOptions csv;
  csv.format = InputFormat::kCsv;
  s = load_customers(CLM_TEST_DATA_DIR, csv, builder, load);
  CHECK(s.code() == Status::Code::kNoInput);
  CHECK(s.message() == std::string("cannot open '") + CLM_TEST_DATA_DIR + "': Is a directory");
}

TEST_CASE("a duplicate customer_id names the file, line and id, even when lenient",
          "[ingest][errors]") {
  const std::string csv =
      "customer_id,channel\n"
      "c1,ads\n"
      "c2,\n"
      "c3,\n"
      "c1,social\n";
  CHECK(strict_error(Kind::kCustomers, csv, "customers.csv", kCsv) ==
        "customers.csv:5: column 'customer_id': duplicate customer_id 'c1'");
  ReadOptions lenient;
  lenient.lenient = true;
  CHECK(strict_error(Kind::kCustomers, csv, "customers.csv", kCsv, Status::Code::kDataError,
                     lenient) ==
        "customers.csv:5: column 'customer_id': duplicate customer_id 'c1'");
}

TEST_CASE("bad values name file:line, column, reason and value", "[ingest][errors]") {
  CHECK(events_error("c1,03/01/2024,touch,,\n") ==
        "events.csv:2: column 'timestamp': unparsable timestamp (value '03/01/2024')");
  CHECK(events_error("c1,,touch,,\n") == "events.csv:2: column 'timestamp': missing timestamp");
  CHECK(events_error("c1,2024-03-01,purchase,\"1,5\",\n") ==
        "events.csv:2: column 'amount': not a number (value '1,5')");
  CHECK(events_error("c1,2024-03-01,purchase,$5,\n") ==
        "events.csv:2: column 'amount': not a number (value '$5')");
  CHECK(events_error("c1,2024-03-01,purchase,1e400,\n") ==
        "events.csv:2: column 'amount': out of range (value '1e400')");
  CHECK(events_error(",2024-03-01,touch,,\n") ==
        "events.csv:2: column 'customer_id': customer_id is empty");
  CHECK(events_error("c1,2024-03-01,,,\n") == "events.csv:2: column 'type': type is empty");
  CHECK(events_error("c1,2024-03-01,refund,-1,\n") ==
        "events.csv:2: column 'amount': refund amount is negative (value '-1')");
  CHECK(events_error("c1,2024-03-01,refund,,\n") ==
        "events.csv:2: column 'amount': refund needs an amount");
  CHECK(events_error("c1,2024-03-01,nps,,\n") == "events.csv:2: column 'score': nps needs a score");
  CHECK(events_error("c1,2024-03-01,nps,,7.5\n") ==
        "events.csv:2: column 'score': score is not an integer (value '7.5')");
  CHECK(events_error("c1,2024-03-01,csat,,0\n") ==
        "events.csv:2: column 'score': csat score must be 1 to 5 (value '0')");
  CHECK(events_error("c1,2024-03-01,ces,,8\n") ==
        "events.csv:2: column 'score': ces score must be 1 to 7 (value '8')");
  CHECK(events_error("c1,2024-03-01,nps,,99999999999999\n") ==
        "events.csv:2: column 'score': nps score must be 0 to 10 (value '99999999999999')");
  CHECK(events_error("c1,2024-03-01,purchase,-0,\n") ==
        "events.csv:2: column 'amount': purchase needs a positive amount (value '-0')");
  CHECK(strict_error(Kind::kSpend, "date,channel,amount\n2024-03-01,ads,-5\n", "spend.csv", kCsv) ==
        "spend.csv:2: column 'amount': spend amount is negative (value '-5')");
  CHECK(strict_error(Kind::kSpend, "date,channel,amount\n2024-03-01,,5\n", "spend.csv", kCsv) ==
        "spend.csv:2: column 'channel': channel is empty");
  CHECK(strict_error(Kind::kSpend, "date,channel,amount\n2024-03-01,ads,\n", "spend.csv", kCsv) ==
        "spend.csv:2: column 'amount': missing amount");
  CHECK(strict_error(Kind::kCustomers, "customer_id,acquired_at\nc1,yesterday\n", "customers.csv",
                     kCsv) ==
        "customers.csv:2: column 'acquired_at': unparsable timestamp (value 'yesterday')");
}

TEST_CASE("the example of docs/input.md: a purchase on line 17", "[ingest][errors]") {
  std::string rows;
  for (int line = 2; line <= 16; ++line)
    rows += "c" + std::to_string(line) + ",2024-03-01,touch,,\n";
  rows += "c17,2024-03-01,purchase,-3,\n";
  rows += "c18,2024-03-01,purchase,-4,\n";  // only the first bad row is reported
  CHECK(events_error(rows) ==
        "events.csv:17: column 'amount': purchase needs a positive amount (value '-3')");
}

TEST_CASE("long values are shortened and control characters escaped", "[ingest][errors]") {
  const std::string long_value(100, 'x');
  CHECK(events_error("c1," + long_value + ",touch,,\n") ==
        "events.csv:2: column 'timestamp': unparsable timestamp (value '" + std::string(60, 'x') +
            "\u2026')");
  // 59 ASCII bytes then "é" (2 bytes) straddling the cut: the cut moves before it.
  const std::string straddling = std::string(59, 'y') + "\xC3\xA9" + "zzz";
  CHECK(events_error("c1," + straddling + ",touch,,\n") ==
        "events.csv:2: column 'timestamp': unparsable timestamp (value '" + std::string(59, 'y') +
            "\u2026')");
  CHECK(events_error("c1,\"2024-03-01\n\",touch,,\n") ==
        "events.csv:2: column 'timestamp': unparsable timestamp (value '2024-03-01\\n')");
  // An id beyond 1024 bytes.
  CHECK(events_error(std::string(1025, 'i') + ",2024-03-01,touch,,\n") ==
        "events.csv:2: column 'customer_id': longer than 1024 bytes (value '" +
            std::string(60, 'i') + "\u2026')");
}

TEST_CASE("malformed CSV", "[ingest][errors]") {
  CHECK(events_error("c1,2024-03-01\n") ==
        "events.csv:2: wrong number of fields (2 fields, the header has 5)");
  CHECK(events_error("c1,2024-03-01,touch,,,\n") ==
        "events.csv:2: wrong number of fields (6 fields, the header has 5)");
  CHECK(events_error("c1,2024-03-01,touch,,\n\"c2,2024-03-01,touch,,\nc3,x,y,,\n") ==
        "events.csv:3: unterminated quoted field (the quote opened on this line is never closed)");
  CHECK(events_error("\"c1\"x,2024-03-01,touch,,\n") ==
        "events.csv:2: column 'customer_id': text after a closing quote (value 'c1')");
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type,timestamp\n", "events.csv", kCsv) ==
        "events.csv: duplicate column 'timestamp' in the header");
  CHECK(strict_error(Kind::kEvents, "\"customer_id,timestamp,type\n", "events.csv", kCsv) ==
        "events.csv:1: unterminated quoted field (the quote opened on this line is never closed)");
  // A quote inside an unquoted field is kept as text (as most CSV writers mean it).
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, kHeader + "5\" disk,2024-03-01,touch,,\n",
                                   "events.csv", kCsv, builder);
  CHECK(r.status.ok());
}

TEST_CASE("not text: NUL bytes and invalid UTF-8 fail the file", "[ingest][errors]") {
  CHECK(events_error(std::string("c1,2024-03-01,touch,,\nc2\0,2024-03-01,touch,,\n", 45)) ==
        "events.csv:3: NUL byte: not a text file (clm reads UTF-8 CSV or JSON; is it compressed?)");
  CHECK(events_error("c1,2024-03-01,touch,,\nM\xFCller,2024-03-01,touch,,\n") ==
        "events.csv:3: invalid UTF-8 (clm reads UTF-8 text; convert the file, e.g. with iconv)");
  // Well-formed multi-byte UTF-8 is fine.
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, kHeader + "M\xC3\xBCller,2024-03-01,touch,,\n",
                                   "events.csv", kCsv, builder);
  CHECK(r.status.ok());
}

TEST_CASE("formats by extension; standard input needs a format", "[ingest][errors]") {
  CHECK(*format_from_path("a/events.csv", InputFormat::kAuto) == InputFormat::kCsv);
  CHECK(*format_from_path("EVENTS.CSV", InputFormat::kAuto) == InputFormat::kCsv);
  CHECK(*format_from_path("e.jsonl", InputFormat::kAuto) == InputFormat::kJsonLines);
  CHECK(*format_from_path("e.ndjson", InputFormat::kAuto) == InputFormat::kJsonLines);
  CHECK(*format_from_path("e.json", InputFormat::kAuto) == InputFormat::kJson);
  CHECK(*format_from_path("e.txt", InputFormat::kCsv) == InputFormat::kCsv);
  CHECK(*format_from_path("-", InputFormat::kJson) == InputFormat::kJson);
  Result<InputFormat> f = format_from_path("-", InputFormat::kAuto);
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == Status::Code::kInvalidArgument);
  CHECK(f.status().message() ==
        "reading standard input ('-') needs an input format: csv, jsonl or json");
  f = format_from_path("dir.d/events.txt", InputFormat::kAuto);
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == Status::Code::kInvalidArgument);
  CHECK(*parse_input_format("ndjson") == InputFormat::kJsonLines);
  CHECK(*parse_input_format("auto") == InputFormat::kAuto);
  CHECK(parse_input_format("xml").status().message() ==
        "unknown input format 'xml' (expected auto, csv, jsonl, ndjson or json)");
  EventStoreBuilder builder;
  TableLoad load;
  CHECK(load_events("-", ReadOptions(), builder, load).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("a header that lacks a column says why when the header shows it", "[ingest][errors]") {
  // Lone CR line ends: the whole file is one line, so names hold the CRs.
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type\rc1,2024-01-01,signup\r",
                     "events.csv", kCsv) ==
        "events.csv: missing required column 'type' (the header holds a carriage return: are the "
        "line ends a lone CR? clm reads lines ending in LF or CR LF)");
  CHECK(strict_error(Kind::kEvents,
                     "\xEF\xBB\xBF\xEF\xBB\xBF"
                     "customer_id,timestamp,type\nc1,2024-01-01,signup\n",
                     "events.csv", kCsv) ==
        "events.csv: missing required column 'customer_id' (the first column name starts with a "
        "second byte-order mark)");
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp ,type\n", "events.csv", kCsv) ==
        "events.csv: missing required column 'timestamp' (the header has 'timestamp ' with "
        "spaces around it: column names are exact)");
  CHECK(strict_error(Kind::kEvents, "customer_id,Timestamp,type\n", "events.csv", kCsv) ==
        "events.csv: missing required column 'timestamp' (the header has 'Timestamp': column "
        "names are lower case)");
}

TEST_CASE("a rename onto an existing column names the rename", "[ingest][errors]") {
  ReadOptions o;
  o.renames = {{"kind", "type"}};
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type,kind\n", "events.csv", kCsv,
                     Status::Code::kDataError, o) ==
        "events.csv: duplicate column 'type' in the header: the rename kind=type (--rename) gives "
        "a second column of that name");
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type,type\n", "events.csv", kCsv) ==
        "events.csv: duplicate column 'type' in the header");
}

TEST_CASE("a JSON Lines object followed by more text says so", "[ingest][errors][json]") {
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"a\",\"timestamp\":0,\"type\":\"signup\"} x\n",
                     "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: invalid JSON (text after the object)");
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"a}\",\"timestamp\":0,\"type\":\"signup\"} {}\n",
                     "events.jsonl", InputFormat::kJsonLines) ==
        "events.jsonl:1: invalid JSON (text after the object)");
}

TEST_CASE("lenient reading keeps the first row of every reason", "[ingest][errors][lenient]") {
  // Six rows of one reason, then one of another: the second reason's first row
  // (line 9) comes after the first five examples and is still known.
  std::string rows;
  for (int i = 0; i < 6; ++i) rows += "c1,2024-02-30,signup,,\n";  // lines 2..7: impossible date
  rows += "c1,2024-03-01,signup,,\n";                              // line 8: kept
  rows += "c1,2024-03-01,nps,,11\n";                               // line 9: score out of range
  ReadOptions o;
  o.lenient = true;
  EventStoreBuilder b;
  const auto r = ingest_test::read_table(Kind::kEvents, kHeader + rows, "events.csv", kCsv, b, o);
  REQUIRE(r.status.ok());
  CHECK(r.load.examples.size() == 5);
  REQUIRE(r.load.first_by_reason.size() == 2);
  CHECK(r.load.first_by_reason.at("impossible date").location == "events.csv:2");
  const RowRejection& score = r.load.first_by_reason.at("nps score must be 0 to 10");
  CHECK(score.location == "events.csv:9");
  CHECK(score.column == "score");
  CHECK(score.value == "11");
}
