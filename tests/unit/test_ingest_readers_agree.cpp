// The CSV and JSON Lines readers apply the same rules to the columns a table
// does not use: the value limit holds for them, and their names are unique.
#include <catch2/catch.hpp>
#include <string>

#include "clm/ingest.h"
#include "test_ingest_util.h"

using namespace clm;
using ingest_test::Kind;
using ingest_test::strict_error;

namespace {

const std::string kTwoMiB(std::size_t{2} << 20, 'n');
const std::string kShown = std::string(60, 'n') + "\u2026";

}  // namespace

TEST_CASE("a 2 MiB value in an ignored column is refused by both readers",
          "[ingest][limits][readers_agree]") {
  CHECK(strict_error(Kind::kEvents,
                     "customer_id,timestamp,type,note\nc1,2024-03-01,touch," + kTwoMiB + "\n",
                     "e.csv", InputFormat::kCsv) ==
        "e.csv:2: column 'note': value longer than 1 MiB (value '" + kShown + "')");
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"note\":\"" +
                         kTwoMiB + "\"}\n",
                     "e.jsonl", InputFormat::kJsonLines) ==
        "e.jsonl:1: column 'note': value longer than 1 MiB (value '" + kShown + "')");
  // A nested value is measured as its JSON text.
  const std::string nested =
      "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"extra\":{\"a\":\"" + kTwoMiB +
      "\"}}\n";
  CHECK(
      strict_error(Kind::kEvents, nested, "e.jsonl", InputFormat::kJsonLines)
          .starts_with("e.jsonl:1: column 'extra': value longer than 1 MiB (value '{\"a\":\"nnn"));
  // Escapes count as the characters they stand for: 600 000 "\n" escapes
  // are 1.2 MB of JSON but a value of 600 000 bytes.
  std::string escaped;
  for (int i = 0; i < 600'000; ++i) escaped += "\\n";
  EventStoreBuilder builder;
  const auto r = ingest_test::read_table(
      Kind::kEvents,
      "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"note\":\"" + escaped + "\"}\n",
      "e.jsonl", InputFormat::kJsonLines, builder);
  CHECK(r.status.ok());
  CHECK(r.load.rows_kept == 1);
}

TEST_CASE("in lenient mode the long ignored value is one rejected row in both formats",
          "[ingest][limits][readers_agree]") {
  ReadOptions lenient;
  lenient.lenient = true;
  const std::string csv = "customer_id,timestamp,type,note\nc1,2024-03-01,touch," + kTwoMiB +
                          "\nc2,2024-03-01,touch,short\n";
  const std::string jsonl =
      "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"note\":\"" + kTwoMiB +
      "\"}\n{\"customer_id\":\"c2\",\"timestamp\":0,\"type\":\"touch\","
      "\"note\":\"short\"}\n";
  for (const auto& [text, format] :
       {std::pair{csv, InputFormat::kCsv}, std::pair{jsonl, InputFormat::kJsonLines}}) {
    EventStoreBuilder builder;
    const auto r = ingest_test::read_table(Kind::kEvents, text, "e", format, builder, lenient);
    REQUIRE(r.status.ok());
    CHECK(r.load.rows_read == 2);
    CHECK(r.load.rows_kept == 1);
    CHECK(r.load.rejected_by_reason.at("value longer than 1 MiB") == 1);
  }
}

TEST_CASE("two columns without a name are duplicates, like two of the same name",
          "[ingest][errors][readers_agree]") {
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type,,\nc1,2024-03-01,touch,,\n",
                     "e.csv", InputFormat::kCsv) ==
        "e.csv: columns 4 and 5 of the header have no name: column names must be unique (name "
        "them, or remove the empty columns)");
  CHECK(strict_error(Kind::kCustomers, ",customer_id,\n,c1,\n", "c.csv", InputFormat::kCsv) ==
        "c.csv: columns 1 and 3 of the header have no name: column names must be unique (name "
        "them, or remove the empty columns)");
  // One unnamed column (a trailing comma) is an ignored column, as before.
  EventStoreBuilder builder;
  const auto one =
      ingest_test::read_table(Kind::kEvents, "customer_id,timestamp,type,\nc1,2024-03-01,touch,x\n",
                              "e.csv", InputFormat::kCsv, builder);
  CHECK(one.status.ok());
  CHECK(one.load.rows_kept == 1);
}

TEST_CASE("a key repeated in a JSON object is refused whether the table uses it or not",
          "[ingest][errors][readers_agree]") {
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"foo\":1,"
                     "\"foo\":2}\n",
                     "e.jsonl",
                     InputFormat::kJsonLines) == "e.jsonl:1: column 'foo': duplicate key");
  CHECK(strict_error(Kind::kEvents,
                     "{\"customer_id\":\"c1\",\"\":1,\"timestamp\":0,\"type\":\"touch\",\"\":2}\n",
                     "e.jsonl", InputFormat::kJsonLines) ==
        "e.jsonl:1: duplicate key (the key \"\" appears twice)");
  CHECK(strict_error(Kind::kEvents,
                     "[{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"foo\":{},"
                     "\"foo\":[]}]\n",
                     "e.json", InputFormat::kJson) == "e.json:1: column 'foo': duplicate key");
  // Renamed onto the same ignored name: duplicates in both formats.
  ReadOptions renamed;
  renamed.renames = {{"a", "x"}, {"b", "x"}};
  CHECK(strict_error(Kind::kEvents, "customer_id,timestamp,type,a,b\n", "e.csv", InputFormat::kCsv,
                     Status::Code::kDataError, renamed)
            .starts_with("e.csv: duplicate column 'x' in the header"));
  CHECK(
      strict_error(Kind::kEvents,
                   "{\"customer_id\":\"c1\",\"timestamp\":0,\"type\":\"touch\",\"a\":1,\"b\":2}\n",
                   "e.jsonl", InputFormat::kJsonLines, Status::Code::kDataError,
                   renamed) == "e.jsonl:1: column 'b': duplicate key");
}
