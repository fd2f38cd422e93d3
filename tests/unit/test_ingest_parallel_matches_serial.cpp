// The chunked, multi-threaded events reader gives exactly what one thread
// gives: the same store, the same counts and kept examples, the same first
// error with its line. Small chunk sizes force cuts at every kind of place.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "clm/event_store.h"
#include "clm/generate.h"
#include "clm/ingest.h"
#include "clm/time.h"
#include "io/parallel_read.h"
#include "io/text_input.h"

namespace {

using clm::EventStore;
using clm::EventStoreBuilder;
using clm::InputFormat;
using clm::ReadOptions;
using clm::TableLoad;

struct Read {
  clm::Status status;
  TableLoad load;
  EventStore store;
};

// Reads `text` as the events table with `threads` threads and chunks of at
// least `min_chunk` bytes, then builds the store.
Read read(const std::string& text, InputFormat format, unsigned threads, std::size_t min_chunk,
          bool lenient = false) {
  const clm::io::InputBuffer buffer = clm::io::InputBuffer::copy_of(text);
  ReadOptions options;
  options.lenient = lenient;
  EventStoreBuilder builder;
  Read r;
  r.load.table = "events";
  r.status = clm::io::read_events_parallel(buffer.text(), "e", format, options, builder, r.load,
                                           threads, min_chunk);
  if (r.status.ok()) {
    auto built = builder.build();
    REQUIRE(built.ok());
    r.store = std::move(*built);
  }
  return r;
}

// Every column of two stores, compared by value and by name.
void require_same_store(const EventStore& a, const EventStore& b) {
  REQUIRE(a.customer_count() == b.customer_count());
  REQUIRE(a.event_count() == b.event_count());
  for (clm::CustomerIndex c = 0; c < a.customer_count(); ++c) {
    REQUIRE(a.customer_id(c) == b.customer_id(c));
    REQUIRE(a.events_of(c).begin == b.events_of(c).begin);
    REQUIRE(a.events_of(c).end == b.events_of(c).end);
  }
  auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
  REQUIRE(same(a.times(), b.times()));
  REQUIRE(same(a.types(), b.types()));
  REQUIRE(same(a.amounts(), b.amounts()));
  REQUIRE(same(a.scores(), b.scores()));
  REQUIRE(same(a.event_channels(), b.event_channels()));
  REQUIRE(same(a.campaigns(), b.campaigns()));
  REQUIRE(a.channels().size() == b.channels().size());
  for (clm::SymbolId s = 0; s < a.channels().size(); ++s) {
    REQUIRE(a.channels().name(s) == b.channels().name(s));
  }
  REQUIRE(a.campaign_names().size() == b.campaign_names().size());
  for (clm::SymbolId s = 0; s < a.campaign_names().size(); ++s) {
    REQUIRE(a.campaign_names().name(s) == b.campaign_names().name(s));
  }
  REQUIRE(a.custom_type_count() == b.custom_type_count());
  for (std::size_t t = 0; t < a.custom_type_count(); ++t) {
    const auto code = static_cast<clm::TypeCode>(clm::kFirstCustomType + t);
    REQUIRE(a.type_name(code) == b.type_name(code));
  }
}

void require_same_load(const TableLoad& a, const TableLoad& b) {
  REQUIRE(a.rows_read == b.rows_read);
  REQUIRE(a.rows_kept == b.rows_kept);
  REQUIRE(a.rejected_by_reason == b.rejected_by_reason);
  REQUIRE(a.examples.size() == b.examples.size());
  for (std::size_t i = 0; i < a.examples.size(); ++i) {
    REQUIRE(a.examples[i].location == b.examples[i].location);
    REQUIRE(a.examples[i].reason == b.examples[i].reason);
    REQUIRE(a.examples[i].value == b.examples[i].value);
  }
  REQUIRE(a.first_by_reason.size() == b.first_by_reason.size());
  for (const auto& [reason, first] : a.first_by_reason) {
    REQUIRE(b.first_by_reason.count(reason) == 1);
    REQUIRE(b.first_by_reason.at(reason).location == first.location);
  }
}

// 40 rows of 3 customers; every 4th campaign is quoted and holds a line break,
// every 5th a doubled quote; line ends as given.
std::string quoted_csv(const std::string& eol) {
  std::string s = "customer_id,timestamp,type,amount,campaign" + eol;
  for (int i = 0; i < 40; ++i) {
    s += "c" + std::to_string(i % 3) + ",2024-01-" + (i % 28 < 9 ? "0" : "") +
         std::to_string(i % 28 + 1) + "T10:00:00Z,purchase," + std::to_string(i + 1) + ",";
    if (i % 4 == 0) {
      s += "\"spring" + eol + "sale " + std::to_string(i) + "\"";
    } else if (i % 5 == 0) {
      s += "\"say \"\"hi\"\"\"";
    } else {
      s += "plain" + std::to_string(i % 2);
    }
    s += eol;
  }
  return s;
}

}  // namespace

TEST_CASE("parallel CSV: cuts inside quoted line breaks give the one-thread store") {
  for (const std::string eol : {"\n", "\r\n"}) {
    const std::string csv = quoted_csv(eol);
    const Read one = read(csv, InputFormat::kCsv, 1, 1);
    REQUIRE(one.status.ok());
    REQUIRE(one.store.event_count() == 40);
    // Every chunk size from tiny to the whole file moves the cuts through
    // every byte position, inside and outside the quoted fields.
    for (std::size_t chunk = 1; chunk <= csv.size(); chunk += 7) {
      for (const unsigned threads : {2u, 3u, 8u}) {
        const Read many = read(csv, InputFormat::kCsv, threads, chunk);
        REQUIRE(many.status.ok());
        require_same_store(one.store, many.store);
        require_same_load(one.load, many.load);
      }
    }
  }
}

TEST_CASE("parallel CSV: CRLF line ends at every cut") {
  std::string csv = "customer_id,timestamp,type,score\r\n";
  for (int i = 0; i < 60; ++i) {
    csv += "u" + std::to_string(i % 7) + ",2024-02-0" + std::to_string(i % 9 + 1) + ",nps," +
           std::to_string(i % 11) + "\r\n";
  }
  const Read one = read(csv, InputFormat::kCsv, 1, 1);
  REQUIRE(one.status.ok());
  REQUIRE(one.store.event_count() == 60);
  for (std::size_t chunk = 1; chunk <= csv.size(); chunk += 3) {
    const Read many = read(csv, InputFormat::kCsv, 4, chunk);
    REQUIRE(many.status.ok());
    require_same_store(one.store, many.store);
  }
}

TEST_CASE("parallel CSV: an error in a later chunk names its line") {
  // Header = line 1, row i on line i + 1. Row 30 (line 31) has a negative
  // purchase amount; row 45 (line 46) a bad timestamp.
  std::string csv = "customer_id,timestamp,type,amount\n";
  for (int i = 1; i <= 60; ++i) {
    const std::string amount = i == 30 ? "-3" : "10";
    const std::string ts = i == 45 ? "2024-13-01" : "2024-03-01";
    csv += "k" + std::to_string(i % 5) + "," + ts + ",purchase," + amount + "\n";
  }
  for (const std::size_t chunk : {1, 64, 200, 700}) {
    const Read many = read(csv, InputFormat::kCsv, 4, chunk);
    REQUIRE_FALSE(many.status.ok());
    REQUIRE(many.status.message() ==
            "e:31: column 'amount': purchase needs a positive amount (value '-3')");
  }
}

TEST_CASE("parallel CSV: lenient counts and examples equal the one-thread read") {
  // Bad rows: 3 (wrong field count), 17 and 40 (negative amount), 52 (bad type
  // empty) — 4 rejected of 60, examples in file order at lines 4, 18, 41, 53.
  std::string csv = "customer_id,timestamp,type,amount\n";
  for (int i = 1; i <= 60; ++i) {
    if (i == 3) {
      csv += "x,2024-01-01,purchase\n";
      continue;
    }
    const std::string amount = (i == 17 || i == 40) ? "-1" : "5";
    const std::string type = i == 52 ? "" : "purchase";
    csv += "p" + std::to_string(i % 9) + ",2024-01-02," + type + "," + amount + "\n";
  }
  const Read one = read(csv, InputFormat::kCsv, 1, 1, true);
  REQUIRE(one.status.ok());
  REQUIRE(one.load.rows_read == 60);
  REQUIRE(one.load.rows_kept == 56);
  REQUIRE(one.load.examples.size() == 4);
  REQUIRE(one.load.examples[0].location == "e:4");
  REQUIRE(one.load.examples[1].location == "e:18");
  REQUIRE(one.load.examples[2].location == "e:41");
  REQUIRE(one.load.examples[3].location == "e:53");
  REQUIRE(one.load.first_by_reason.size() == 3);
  REQUIRE(one.load.first_by_reason.at("purchase needs a positive amount").location == "e:18");
  for (const std::size_t chunk : {1, 50, 300}) {
    const Read many = read(csv, InputFormat::kCsv, 3, chunk, true);
    REQUIRE(many.status.ok());
    require_same_load(one.load, many.load);
    require_same_store(one.store, many.store);
  }
}

TEST_CASE("parallel CSV: an unclosed quote in the last chunk is still a file error") {
  std::string csv = "customer_id,timestamp,type\n";
  for (int i = 0; i < 20; ++i) csv += "a,2024-01-01,login\n";
  csv += "a,2024-01-01,\"login\n";  // line 22
  for (int i = 0; i < 20; ++i) csv += "a,2024-01-01,login\n";
  for (const std::size_t chunk : {1, 100, 400}) {
    const Read many = read(csv, InputFormat::kCsv, 4, chunk, true);
    REQUIRE_FALSE(many.status.ok());
    REQUIRE(many.status.message() ==
            "e:22: unterminated quoted field (the quote opened on this line is never closed)");
  }
}

TEST_CASE("parallel JSON Lines: error lines, lenient counts and store equal one thread") {
  std::string jsonl;
  for (int i = 1; i <= 50; ++i) {
    if (i == 20) {
      jsonl +=
          "{\"customer_id\":\"j1\",\"timestamp\":\"2024-01-01\",\"type\":\"refund\","
          "\"amount\":-2}\n";
    } else if (i == 33) {
      jsonl += "\n";  // a blank line is skipped but counted as a line
    } else {
      jsonl += "{\"customer_id\":\"j" + std::to_string(i % 4) +
               "\",\"timestamp\":\"2024-01-01T00:00:" + (i < 10 ? "0" : "") + std::to_string(i) +
               "Z\",\"type\":\"login\"}\n";
    }
  }
  const Read strict = read(jsonl, InputFormat::kJsonLines, 4, 64);
  REQUIRE(strict.status.message() ==
          "e:20: column 'amount': refund amount is negative (value '-2')");
  const Read one = read(jsonl, InputFormat::kJsonLines, 1, 1, true);
  REQUIRE(one.load.rows_read == 49);
  REQUIRE(one.load.rows_kept == 48);
  for (const std::size_t chunk : {1, 64, 500}) {
    const Read many = read(jsonl, InputFormat::kJsonLines, 3, chunk, true);
    REQUIRE(many.status.ok());
    require_same_load(one.load, many.load);
    require_same_store(one.store, many.store);
  }
}

TEST_CASE("parallel read of a generated data set is identical for 1 and many threads") {
  for (const auto format : {clm::GenerateFormat::kCsv, clm::GenerateFormat::kJsonLines}) {
    clm::GenerateOptions g;
    g.people = 600;
    g.seed = 11;
    g.format = format;
    clm::StringSink events, customers, spend;
    auto stats = clm::generate(g, events, customers, spend);
    REQUIRE(stats.ok());
    const InputFormat in =
        format == clm::GenerateFormat::kCsv ? InputFormat::kCsv : InputFormat::kJsonLines;
    const Read one = read(events.data(), in, 1, 1);
    REQUIRE(one.status.ok());
    REQUIRE(static_cast<std::int64_t>(one.store.event_count()) == stats->events);
    for (const unsigned threads : {2u, 5u}) {
      const Read many = read(events.data(), in, threads, 4096);
      REQUIRE(many.status.ok());
      require_same_store(one.store, many.store);
      require_same_load(one.load, many.load);
    }
  }
}

TEST_CASE("EventStoreBuilder::append refuses a customer listed twice and changes nothing") {
  EventStoreBuilder a, b;
  clm::CustomerInput c;
  c.customer_id = "same";
  REQUIRE(a.add_customer(c).ok());
  REQUIRE(b.add_customer(c).ok());
  clm::EventInput e;
  e.customer_id = "other";
  e.type = "login";
  REQUIRE(b.add_event(e).ok());
  const clm::Status s = a.append(std::move(b));
  REQUIRE(s.message() == "customer_id: duplicate customer_id 'same'");
  REQUIRE(a.event_count() == 0);
  auto built = a.build();
  REQUIRE(built.ok());
  REQUIRE(built->customer_count() == 1);  // only "same": "other" was not merged
}

TEST_CASE("a memory-mapped events file reads as the same bytes in memory") {
  // Files of 1 MiB and more are mapped; a JSON Lines file of exactly 2 MiB
  // (a whole number of pages) puts simdjson's padding in the zero pages after it.
  for (const auto format : {clm::GenerateFormat::kCsv, clm::GenerateFormat::kJsonLines}) {
    clm::GenerateOptions g;
    g.people = 900;
    g.format = format;
    clm::StringSink events, customers, spend;
    REQUIRE(clm::generate(g, events, customers, spend).ok());
    std::string text = events.data();
    const std::size_t two_mib = std::size_t{2} << 20;
    REQUIRE(text.size() > (std::size_t{1} << 20));
    if (text.size() > two_mib) text.resize(text.rfind('\n', two_mib - 1) + 1);
    text.append(two_mib - text.size(), '\n');  // blank lines are skipped
    const bool csv = format == clm::GenerateFormat::kCsv;
    const std::string path = std::string("clm_test_mapped_events.") + (csv ? "csv" : "jsonl");
    {
      std::FILE* f = std::fopen(path.c_str(), "wb");
      REQUIRE(f != nullptr);
      REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
      std::fclose(f);
    }
    ReadOptions options;
    options.threads = 3;
    EventStoreBuilder builder;
    TableLoad load;
    const clm::Status s = clm::load_events(path, options, builder, load);
    std::remove(path.c_str());
    REQUIRE(s.ok());
    auto mapped = builder.build();
    REQUIRE(mapped.ok());
    const Read one = read(text, csv ? InputFormat::kCsv : InputFormat::kJsonLines, 1, 1);
    REQUIRE(one.status.ok());
    REQUIRE(one.store.event_count() > 10000);
    require_same_store(one.store, *mapped);
    require_same_load(one.load, load);
  }
}

TEST_CASE("parallel read: text errors anywhere come first, with their line") {
  // 50 rows after the header; row 40 (line 41) holds a NUL byte, row 10
  // (line 11) an invalid UTF-8 byte. The NUL wins wherever it is, as in the
  // one-pass check, and wins over the header's missing column too.
  std::string csv = "customer_id,timestamp,type\n";
  for (int i = 1; i <= 50; ++i) {
    std::string id = "c" + std::to_string(i);
    if (i == 40) id += std::string(1, '\0');
    if (i == 10) id += "\xff";
    csv += id + ",2024-01-01,login\n";
  }
  for (const std::size_t chunk : {1, 100, 5000}) {
    const Read r = read(csv, InputFormat::kCsv, 4, chunk);
    REQUIRE(r.status.message() ==
            "e:41: NUL byte: not a text file (clm reads UTF-8 CSV or JSON; is it compressed?)");
    const Read no_type = read("customer_id,timestamp\n" + csv.substr(csv.find('\n') + 1),
                              InputFormat::kCsv, 4, chunk);
    REQUIRE(no_type.status.message() ==
            "e:41: NUL byte: not a text file (clm reads UTF-8 CSV or JSON; is it compressed?)");
  }
  csv.erase(csv.find('\0'), 1);
  for (const std::size_t chunk : {1, 100, 5000}) {
    const Read r = read(csv, InputFormat::kJsonLines, 4, chunk);
    REQUIRE(r.status.message() ==
            "e:11: invalid UTF-8 (clm reads UTF-8 text; convert the file, e.g. with iconv)");
  }
}

TEST_CASE("parse_timestamp remembers the last day without mixing days up") {
  const clm::TimeZone utc;
  // 2024-03-01T00:00:00Z = 1 704 067 200 (2024-01-01) + 60 days * 86 400 = 1 709 251 200.
  REQUIRE(*clm::parse_timestamp("2024-03-01T10:00:00Z", utc) == 1709251200 + 36000);
  REQUIRE(*clm::parse_timestamp("2024-03-01T11:30:00Z", utc) == 1709251200 + 41400);
  REQUIRE(*clm::parse_timestamp("2024-03-01", utc) == 1709251200);
  REQUIRE(*clm::parse_timestamp("2024-03-02 00:00:01", utc) == 1709251200 + 86400 + 1);
  REQUIRE(*clm::parse_timestamp("2024-03-01T00:00:00+01:00", utc) == 1709251200 - 3600);
  REQUIRE(clm::parse_timestamp("2024-02-30", utc).status().message() == "impossible date");
  REQUIRE_FALSE(clm::parse_timestamp(std::string(10, '\0'), utc).ok());
  REQUIRE_FALSE(clm::parse_timestamp("2024-03-01X", utc).ok());
}
