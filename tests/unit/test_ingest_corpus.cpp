// The bad-input corpus: every file of tests/data/bad/ replayed through
// load_events / load_customers / load_spend against EXPECTED.tsv, plus the
// inputs too big to check in (a 10 MB field, 100 000 columns, 10 000 levels
// of JSON nesting), generated here.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clm/ingest.h"
#include "test_ingest_util.h"

using namespace clm;
using ingest_test::Kind;

namespace {

const std::string kBadDir = std::string(CLM_TEST_DATA_DIR) + "/bad";

struct Expectation {
  std::string file, table, mode, expected;
  int exit = 0;
};

std::vector<Expectation> read_expected() {
  std::ifstream in(kBadDir + "/EXPECTED.tsv");
  std::vector<Expectation> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    REQUIRE(cols.size() == 5);
    out.push_back({cols[0], cols[1], cols[2], cols[4], std::stoi(cols[3])});
  }
  return out;
}

// "read=N kept=K" and, if any row was rejected, " reason=n;reason=n" in byte order.
std::string counts(const TableLoad& load) {
  std::string s = fmt::format("read={} kept={}", load.rows_read, load.rows_kept);
  std::string sep = " ";
  for (const auto& [reason, n] : load.rejected_by_reason) {
    s += fmt::format("{}{}={}", sep, reason, n);
    sep = ";";
  }
  return s;
}

// The Status code behind an exit status of EXPECTED.tsv (docs/input.md).
Status::Code code_of_exit(int exit) {
  switch (exit) {
    case 0:
      return Status::Code::kOk;
    case 2:
      return Status::Code::kInvalidArgument;
    case 65:
      return Status::Code::kDataError;
    case 66:
      return Status::Code::kNoInput;
    default:
      FAIL("EXPECTED.tsv: unexpected exit status " << exit);
      return Status::Code::kInternal;
  }
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace

TEST_CASE("the bad-input corpus gives exactly the expected errors and counts", "[ingest][corpus]") {
  const std::vector<Expectation> expectations = read_expected();
  REQUIRE(expectations.size() >= 40);
  std::size_t files = 0;
  for (const Expectation& e : expectations) {
    INFO(e.file);
    ReadOptions options;
    options.lenient = e.mode == "lenient";
    EventStoreBuilder builder;
    TableLoad load;
    const std::string path = kBadDir + "/" + e.file;
    if (std::filesystem::exists(path)) ++files;
    Status s;
    if (e.table == "events") {
      s = load_events(path, options, builder, load);
    } else if (e.table == "customers") {
      s = load_customers(path, options, builder, load);
    } else {
      REQUIRE(e.table == "spend");
      s = load_spend(path, options, builder, load);
    }
    if (s.ok() && e.mode == "build") s = builder.build().status();
    CHECK(s.code() == code_of_exit(e.exit));
    if (s.ok()) {
      CHECK(load.rows_read == load.rows_kept + load.rows_rejected());
      CHECK(counts(load) == e.expected);
      CHECK(load.source == path);
    } else {
      CHECK(replace_all(s.message(), kBadDir + "/", "") == e.expected);
    }
  }
  CHECK(files >= 40);
}

TEST_CASE("a 10 MB field is refused with a clear message", "[ingest][corpus][limits]") {
  const std::string big(10'000'000, 'a');
  const std::string csv = "customer_id,timestamp,type,note\nc1,2024-03-01,touch," + big + "\n";
  CHECK(ingest_test::strict_error(Kind::kEvents, csv, "big.csv", InputFormat::kCsv) ==
        "big.csv:2: column 'note': value longer than 1 MiB (value '" + std::string(60, 'a') +
            "\u2026')");
  const std::string quoted =
      "customer_id,timestamp,type\n\"" + big + "\",2024-03-01,touch\nc2,2024-03-01,touch\n";
  ReadOptions lenient;
  lenient.lenient = true;
  EventStoreBuilder builder;
  auto r = ingest_test::read_table(Kind::kEvents, quoted, "big.csv", InputFormat::kCsv, builder,
                                   lenient);
  REQUIRE(r.status.ok());
  CHECK(r.load.rows_read == 2);
  CHECK(r.load.rows_kept == 1);
  CHECK(r.load.rejected_by_reason.at("value longer than 1 MiB") == 1);
  const std::string jsonl =
      "{\"customer_id\":\"" + big + "\",\"timestamp\":0,\"type\":\"touch\"}\n";
  CHECK(ingest_test::strict_error(Kind::kEvents, jsonl, "big.jsonl", InputFormat::kJsonLines) ==
        "big.jsonl:1: column 'customer_id': value longer than 1 MiB (value '" +
            std::string(60, 'a') + "\u2026')");
  // A 20 MB JSON line is beyond the row limit.
  const std::string huge_line =
      "{\"customer_id\":\"c\",\"timestamp\":0,\"type\":\"touch\",\"note\":\"" + big + big + "\"}\n";
  CHECK(ingest_test::strict_error(Kind::kEvents, huge_line, "big.jsonl", InputFormat::kJsonLines) ==
        "big.jsonl:1: row longer than 16 MiB");
}

TEST_CASE("100 000 columns", "[ingest][corpus][limits]") {
  std::string commas(99'999, ',');
  CHECK(ingest_test::strict_error(Kind::kEvents,
                                  "customer_id,timestamp,type\nc1,2024-03-01,touch" + commas + "\n",
                                  "wide.csv", InputFormat::kCsv) ==
        "wide.csv:2: wrong number of fields (100002 fields, the header has 3)");
  CHECK(ingest_test::strict_error(Kind::kCustomers, "customer_id" + commas + "\n", "wide.csv",
                                  InputFormat::kCsv) ==
        "wide.csv: the header has 100000 columns, more than the limit of 1024");
}

TEST_CASE("JSON nested 10 000 deep is an error, not a stack overflow", "[ingest][corpus][limits]") {
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
  // As the value of a column the table does not use: valid JSON, skipped with
  // a depth counter, the row is kept.
  const std::string jsonl =
      "{\"customer_id\":\"c\",\"timestamp\":0,\"type\":\"t\",\"x\":" + deep + "}\n";
  EventStoreBuilder b1;
  auto r = ingest_test::read_table(Kind::kEvents, jsonl, "deep.jsonl", InputFormat::kJsonLines, b1);
  CHECK(r.status.ok());
  CHECK(r.load.rows_kept == 1);
  // Unbalanced, it is a broken row.
  CHECK(ingest_test::strict_error(Kind::kEvents, jsonl.substr(0, jsonl.size() - 3), "deep.jsonl",
                                  InputFormat::kJsonLines)
            .starts_with("deep.jsonl:1: invalid JSON ("));
  // As a used column's value: the column says what it expected.
  CHECK(ingest_test::strict_error(Kind::kEvents, "{\"customer_id\":" + deep + "}\n", "deep.jsonl",
                                  InputFormat::kJsonLines) ==
        "deep.jsonl:1: column 'customer_id': expected a string or a number (found an array)");
  // As an element of the top-level array, and as an unclosed array.
  const std::string array_msg =
      ingest_test::strict_error(Kind::kEvents, "[" + deep + "]", "deep.json", InputFormat::kJson);
  CHECK(array_msg == "deep.json:1: not a JSON object");
  CHECK(ingest_test::strict_error(Kind::kEvents, std::string(10'000, '['), "deep.json",
                                  InputFormat::kJson) ==
        "deep.json:1: the JSON ends inside this element");
  CHECK(ingest_test::strict_error(Kind::kEvents, std::string(10'000, '{'), "deep.jsonl",
                                  InputFormat::kJsonLines)
            .starts_with("deep.jsonl:1: invalid JSON ("));
}
