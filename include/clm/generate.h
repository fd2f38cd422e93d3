// clm/generate.h — a deterministic generator of realistic input data (the
// events, customers and spend tables of docs/input.md) for benchmarks, scale tests
// and demos.
//
// The output depends only on GenerateOptions, byte for byte, on every
// platform: the random numbers come from xoshiro256** seeded with splitmix64
// (never from <random> distributions, whose output differs between standard
// libraries) and the non-uniform draws use only +, −, ×, ÷ and sqrt (the
// generator carries its own log and exp), which IEEE 754 rounds exactly.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "clm/event.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

enum class GenerateFormat { kCsv, kJsonLines };

// "csv" or "jsonl" (also "ndjson").
Result<GenerateFormat> parse_generate_format(std::string_view name);
// The file extension without the dot: "csv" or "jsonl".
std::string_view generate_extension(GenerateFormat f);

struct GenerateOptions {
  std::uint64_t seed = 1;  // any value; the same seed gives the same bytes
  // Number of people (prospects and customers). Ignored when `events` is set.
  std::int64_t people = 10'000;
  // When set, exactly this many event rows are written (people are generated
  // until the count is reached; the last person's later events are dropped).
  std::optional<std::int64_t> events;
  GenerateFormat format = GenerateFormat::kCsv;
  CivilDate start{2023, 1, 1};  // first day of the data (UTC)
  int months = 24;              // length of the data, in calendar months (1..600)
};

// What was written.
struct GenerateStats {
  std::int64_t events = 0;         // event rows
  std::int64_t people = 0;         // distinct customer_id values in the events
  std::int64_t customer_rows = 0;  // rows of the customers table (people who signed up)
  std::int64_t spend_rows = 0;     // rows of the spend table
  std::int64_t events_bytes = 0;
  std::int64_t customers_bytes = 0;
  std::int64_t spend_bytes = 0;
  // Rows per built-in type (index = EventType value), then the custom types
  // "feature_used" and "login" (in that order).
  std::array<std::int64_t, kBuiltinTypeCount + 2> rows_by_type{};
};

// Receives the bytes of one table, in order, in chunks of up to ~1 MiB.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // IoError if the bytes cannot be stored.
  virtual Status append(std::string_view bytes) = 0;
};

// A sink that keeps everything in memory (tests, small data).
class StringSink : public ByteSink {
 public:
  Status append(std::string_view bytes) override {
    data_.append(bytes);
    return Status::Ok();
  }
  const std::string& data() const { return data_; }

 private:
  std::string data_;
};

// Generates the three tables into the sinks. InvalidArgument for a bad
// option (people or events < 1, months outside 1..600); a sink's error is
// passed through.
Result<GenerateStats> generate(const GenerateOptions& options, ByteSink& events,
                               ByteSink& customers, ByteSink& spend);

// Generates into `dir` (created if missing) the files events.<ext>,
// customers.<ext> and spend.<ext>, <ext> by format. Files are written under
// a temporary name and renamed when complete. IoError if a file cannot be
// written.
Result<GenerateStats> generate_files(const GenerateOptions& options, const std::string& dir);

}  // namespace clm
