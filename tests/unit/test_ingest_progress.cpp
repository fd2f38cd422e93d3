// ReadOptions::progress_bytes: a large events table reports the bytes parsed,
// never more than its size, and the counter changes nothing in what is read.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "clm/event_store.h"
#include "clm/ingest.h"

using namespace clm;

TEST_CASE("progress_bytes counts the bytes of a large events table", "[ingest][progress]") {
  // 600 000 rows of 35 bytes: 21 MB, read in two chunks of 10.5 MB on two threads.
  std::string csv = "customer_id,timestamp,type\n";
  char row[64];
  for (int i = 0; i < 600000; ++i) {
    std::snprintf(row, sizeof row, "c%06d,2024-01-%02dT00:00:00Z,login\n", i % 50000, 1 + i % 28);
    csv += row;
  }
  REQUIRE(csv.size() == 27 + 600000 * 35);

  ReadOptions options;
  options.threads = 2;
  std::atomic<std::uint64_t> parsed{0};
  options.progress_bytes = &parsed;
  EventStoreBuilder counted;
  TableLoad counted_load;
  const Status counted_status =
      read_events(csv, "events.csv", InputFormat::kCsv, options, counted, counted_load);
  INFO(counted_status.message());
  REQUIRE(counted_status.ok());
  // Counted in 8 MiB steps per chunk: each 10.5 MB chunk passes one step.
  CHECK(parsed.load() >= 2 * (std::uint64_t{8} << 20));
  CHECK(parsed.load() <= csv.size());

  options.progress_bytes = nullptr;
  EventStoreBuilder plain;
  TableLoad plain_load;
  REQUIRE(read_events(csv, "events.csv", InputFormat::kCsv, options, plain, plain_load).ok());
  CHECK(counted_load.rows_kept == 600000);
  CHECK(plain_load.rows_kept == 600000);
  auto a = counted.build();
  auto b = plain.build();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->customer_count() == 50000);
  CHECK(a->event_count() == b->event_count());
  CHECK(std::equal(a->times().begin(), a->times().end(), b->times().begin(), b->times().end()));
}
