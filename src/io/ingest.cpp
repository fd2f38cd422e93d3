// The public ingest entry points: pick the format, read the bytes, check they
// are text, and hand them to the CSV or JSON reader.
#include "clm/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "io/csv_reader.h"
#include "io/json_reader.h"
#include "io/parallel_read.h"
#include "io/table_sink.h"
#include "io/text_input.h"

namespace clm {
namespace {

using io::Table;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const char* table_name(Table t) {
  switch (t) {
    case Table::kEvents:
      return "events";
    case Table::kCustomers:
      return "customers";
    case Table::kSpend:
      return "spend";
  }
  return "";
}

// Name of the input in messages: the path as given, "<stdin>" for "-".
std::string display_name(std::string_view path) {
  return path == "-" ? "<stdin>" : std::string(path);
}

// `data` is followed by kPadding readable bytes when `padded` (an InputBuffer);
// `mapped`: it is a mapped file (InputBuffer::mapped()).
Status read_table(Table table, std::string_view data, bool padded, bool mapped,
                  std::string_view name, InputFormat format, const ReadOptions& options,
                  EventStoreBuilder& builder, TableLoad& load) {
  load.table = table_name(table);
  if (table == Table::kEvents) builder.set_sources(std::string(name), "");
  if (table == Table::kSpend) builder.set_sources("", std::string(name));
  if (format == InputFormat::kAuto) {
    return Status::InvalidArgument(
        fmt::format("{}: the input format must be given (csv, jsonl or json)", name));
  }
  // The parallel events reader checks the text itself, chunk by chunk.
  const bool parallel =
      table == Table::kEvents && (format == InputFormat::kCsv || format == InputFormat::kJsonLines);
  if (!parallel) {
    if (Status s = io::check_text(data, name); !s.ok()) return s;
  }
  if (table == Table::kEvents && format == InputFormat::kCsv) {
    return io::read_events_parallel(data, name, format, options, builder, load,
                                    io::reader_threads(options), io::kMinChunkBytes, mapped);
  }
  io::TableSink sink(table, name, options, builder, load);
  if (format == InputFormat::kCsv) return io::read_csv(data, sink);
  if (!padded) {
    // simdjson reads a little past the end of its input: give it a padded copy.
    const io::InputBuffer copy = io::InputBuffer::copy_of(data);
    return read_table(table, copy.text(), true, false, name, format, options, builder, load);
  }
  if (format == InputFormat::kJsonLines) {
    if (table == Table::kEvents) {
      return io::read_events_parallel(data, name, format, options, builder, load,
                                      io::reader_threads(options), io::kMinChunkBytes, mapped);
    }
    return io::read_json_lines(data, sink);
  }
  return io::read_json_array(data, sink);
}

Status load_table(Table table, std::string_view path, const ReadOptions& options,
                  EventStoreBuilder& builder, TableLoad& load) {
  load.table = table_name(table);
  load.source = std::string(path);
  Result<InputFormat> format = format_from_path(path, options.format);
  if (!format.ok()) return format.status();
  Result<io::InputBuffer> buffer = io::InputBuffer::read_file(path);
  if (!buffer.ok()) return buffer.status();
  const std::string name = display_name(path);
  Status read = read_table(table, buffer->text(), true, buffer->mapped(), name, *format, options,
                           builder, load);
  // A file rewritten under the reader explains any error its mixed bytes caused.
  if (Status changed = buffer->check_unchanged(name); !changed.ok()) return changed;
  return read;
}

Status read_named(Table table, std::string_view data, std::string_view name, InputFormat format,
                  const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load) {
  load.source = std::string(name);
  return read_table(table, data, false, false, name, format, options, builder, load);
}

}  // namespace

Result<InputFormat> parse_input_format(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "csv") return InputFormat::kCsv;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonLines;
  if (n == "json") return InputFormat::kJson;
  return Status::InvalidArgument(
      fmt::format("unknown input format '{}' (expected auto, csv, jsonl, ndjson or json)", name));
}

Result<InputFormat> format_from_path(std::string_view path, InputFormat forced) {
  if (forced != InputFormat::kAuto) return forced;
  if (path == "-") {
    return Status::InvalidArgument(
        "reading standard input ('-') needs an input format: csv, jsonl or json");
  }
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  const std::string ext = dot == std::string_view::npos ? std::string() : lower(base.substr(dot));
  if (ext == ".csv") return InputFormat::kCsv;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonLines;
  if (ext == ".json") return InputFormat::kJson;
  return Status::InvalidArgument(fmt::format(
      "cannot tell the format of '{}' from its extension (expected .csv, .jsonl, .ndjson or "
      ".json); give the input format explicitly",
      path));
}

Status load_events(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                   TableLoad& load) {
  return load_table(Table::kEvents, path, options, builder, load);
}

Status load_customers(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                      TableLoad& load) {
  return load_table(Table::kCustomers, path, options, builder, load);
}

Status load_spend(std::string_view path, const ReadOptions& options, EventStoreBuilder& builder,
                  TableLoad& load) {
  return load_table(Table::kSpend, path, options, builder, load);
}

Status read_events(std::string_view data, std::string_view name, InputFormat format,
                   const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load) {
  return read_named(Table::kEvents, data, name, format, options, builder, load);
}

Status read_customers(std::string_view data, std::string_view name, InputFormat format,
                      const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load) {
  return read_named(Table::kCustomers, data, name, format, options, builder, load);
}

Status read_spend(std::string_view data, std::string_view name, InputFormat format,
                  const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load) {
  return read_named(Table::kSpend, data, name, format, options, builder, load);
}

}  // namespace clm
