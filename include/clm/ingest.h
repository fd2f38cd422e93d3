// clm/ingest.h — reading the events, customers and spend tables (docs/input.md)
// from CSV, JSON Lines or JSON arrays into an EventStoreBuilder.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clm/event_store.h"
#include "clm/load_summary.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

enum class InputFormat { kAuto, kCsv, kJsonLines, kJson };

// "auto", "csv", "jsonl" (or "ndjson"), "json".
Result<InputFormat> parse_input_format(std::string_view name);
// The format of a path by its extension (.csv, .jsonl, .ndjson, .json);
// InvalidArgument for another extension (and for "-", which needs a format).
Result<InputFormat> format_from_path(std::string_view path, InputFormat forced);

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by file extension
  bool lenient = false;  // false: the first bad row fails (DataError); true: skip and count
  TimeZone tz;           // zone of timestamps without an offset (UTC)
  // Input column name → contract column name, e.g. {"user", "customer_id"}.
  std::vector<std::pair<std::string, std::string>> renames;
  std::size_t max_examples = 5;  // rejected rows kept with their location, per table
  // If set, large events tables add the bytes parsed so far to it, in steps of a few MB,
  // for a progress display on another thread. Never affects results. Not owned.
  std::atomic<std::uint64_t>* progress_bytes = nullptr;
  // Threads that parse a large events table in chunks; 0 = one per hardware
  // thread. Any count gives the same store, counts, examples and errors.
  unsigned threads = 0;
};

// Reads a table from a file path ("-" = stdin) into `builder`, filling `load`.
// NoInput if the file cannot be opened; DataError for a missing required
// column, a duplicate customer_id, or (strict mode) the first bad row, with a
// message "file:line: column 'c': reason (value 'v')". IoError "cannot read
// 'file': the file changed while it was being read" when a large file (read
// through a memory mapping) is rewritten in place during the read.
//
// A mapped file that shrinks during the read makes the reading thread fault
// with SIGBUS at an address inside the mapping; mapped_input_at() below lets
// a program's SIGBUS handler name the file instead of dying silently.
Status load_events(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                   TableLoad& load);
Status load_customers(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                      TableLoad& load);
Status load_spend(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                  TableLoad& load);

// The same from bytes in memory; `name` stands for the file in messages and
// `format` must not be kAuto.
Status read_events(std::string_view data, std::string_view name, InputFormat format,
                   const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load);
Status read_customers(std::string_view data, std::string_view name, InputFormat format,
                      const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load);
Status read_spend(std::string_view data, std::string_view name, InputFormat format,
                  const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load);

// The input (path as given, "<stdin>" for "-") whose memory mapping contains
// `address`, or nullptr. Async-signal-safe: meant for a SIGBUS handler.
const char* mapped_input_at(const void* address) noexcept;

}  // namespace clm
