// Chunked, multi-threaded reading of the events table.
//
// Why a chunk can be read on its own: chunks are cut just after a '\n', and a
// CSV record that crosses a cut can only do so inside a quoted field, in which
// case the chunk before the cut ends in an unterminated quoted field. So if
// every chunk but the last ends cleanly, each started at a real record
// boundary and was read exactly as one sequential pass would have read it;
// otherwise the table is read again on one thread. JSON Lines rows never
// cross a '\n'. Line numbers come from the '\n' the text checks counted.
#include "io/parallel_read.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "io/csv_reader.h"
#include "io/json_reader.h"
#include "io/table_sink.h"
#include "io/text_input.h"

namespace clm::io {
namespace {

// Runs fn(i) for i in [0, n) on n threads (the calling thread takes i = 0).
template <typename Fn>
void run_parallel(std::size_t n, Fn&& fn) {
  std::vector<std::thread> pool;
  pool.reserve(n);
  for (std::size_t i = 1; i < n; ++i) pool.emplace_back([&fn, i] { fn(i); });
  if (n > 0) fn(0);
  for (std::thread& t : pool) t.join();
}

// Cuts `body` into up to `n` pieces, each ending just after a '\n' (the last
// at the end of body).
std::vector<std::string_view> cut_at_lines(std::string_view body, std::size_t n) {
  std::vector<std::string_view> pieces;
  std::size_t begin = 0;
  for (std::size_t k = 1; k <= n && begin < body.size(); ++k) {
    std::size_t end = body.size();
    if (k < n) {
      const std::size_t target = std::max(begin, body.size() / n * k);
      const std::size_t nl = body.find('\n', target);
      end = nl == std::string_view::npos ? body.size() : nl + 1;
    }
    pieces.push_back(body.substr(begin, end - begin));
    begin = end;
  }
  return pieces;
}

struct ChunkResult {
  EventStoreBuilder builder;
  TableLoad load;
  Status status;
  bool unterminated = false;  // ended inside a quoted field: the cut was not a record boundary
};

void add_load(TableLoad& into, TableLoad& from, std::size_t max_examples) {
  into.rows_read += from.rows_read;
  into.rows_kept += from.rows_kept;
  for (const auto& [reason, rows] : from.rejected_by_reason)
    into.rejected_by_reason[reason] += rows;
  for (RowRejection& r : from.examples) {
    if (into.examples.size() >= max_examples) break;
    into.examples.push_back(std::move(r));
  }
  // An earlier chunk's first row of a reason stays the first.
  for (auto& [reason, first] : from.first_by_reason) into.first_by_reason.emplace(reason, first);
}

}  // namespace

unsigned reader_threads(const ReadOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

Status read_events_parallel(std::string_view data, std::string_view name, InputFormat format,
                            const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load,
                            unsigned threads, std::size_t min_chunk_bytes, bool mapped) {
  const bool csv = format == InputFormat::kCsv;
  TableSink sink(Table::kEvents, name, options, builder, load);
  const std::size_t wanted =
      std::min<std::size_t>(threads, data.size() / std::max<std::size_t>(min_chunk_bytes, 1));
  if (wanted <= 1) {
    if (Status s = check_text_blocks(data, name, 1, mapped).status; !s.ok()) return s;
    return csv ? read_csv(data, sink) : read_json_lines(data, sink);
  }

  // Pass 1: the text checks, which also count the lines that number each
  // chunk's first line. They stop at the first bad block, so a broken file
  // fails without being read to its end; a mapped file's pages are given
  // back as they are checked, so the whole file is never resident at once.
  const TextCheck text = check_text_blocks(data, name, static_cast<unsigned>(wanted), mapped);
  if (!text.status.ok()) return text.status;
  const std::vector<std::string_view> pieces = cut_at_lines(data, wanted);

  const char* const buffer_end = data.data() + data.size() + kPadding;
  std::string_view body = strip_bom(data);
  std::int64_t body_line = 1;
  CsvHeader header;
  if (csv) {
    if (Status s = read_csv_header(body, sink, header); !s.ok()) return s;
    body = body.substr(header.body_offset);
    body_line = header.body_line;
  }
  // The chunks are the pieces without what precedes the body (BOM, header).
  std::vector<std::string_view> chunks;
  std::vector<std::int64_t> first_line;
  for (const std::string_view piece : pieces) {
    const char* begin = piece.data();
    const char* end = begin + piece.size();
    if (end > body.data()) {
      const char* from = std::max(begin, body.data());
      chunks.emplace_back(from, static_cast<std::size_t>(end - from));
      first_line.push_back(begin <= body.data()
                               ? body_line
                               : text.line_at(data, static_cast<std::size_t>(begin - data.data())));
    }
  }
  const std::size_t n = chunks.size();

  std::vector<ChunkResult> results(n);
  // The lowest chunk that failed or ended inside a quoted field: the chunks
  // after it stop early, their rows being of no use.
  std::atomic<std::size_t> first_failed{n};
  run_parallel(n, [&](std::size_t i) {
    ChunkResult& r = results[i];
    r.load.table = load.table;
    r.load.source = load.source;
    // Reserved but untouched capacity costs no memory: the first chunk
    // reserves for the whole table, so merging the others into it copies
    // only their rows (the merge then takes the first chunk as it is).
    const std::size_t bytes = i == 0 && builder.event_count() == 0 ? body.size() : chunks[i].size();
    r.builder.reserve_events(bytes / (csv ? 40 : 80));
    TableSink chunk_sink(Table::kEvents, name, options, r.builder, r.load);
    PageReleaser releaser(chunks[i].data(), mapped, options.progress_bytes);
    releaser.stop_after_failure(&first_failed, i);
    if (csv) {
      r.status = read_csv_rows(chunks[i], first_line[i], header, chunk_sink,
                               i + 1 < n ? &r.unterminated : nullptr, releaser);
    } else {
      r.status = read_json_lines_chunk(chunks[i], first_line[i], buffer_end, chunk_sink, releaser);
    }
    if (!r.status.ok() || r.unterminated) {
      std::size_t lowest = first_failed.load();
      while (i < lowest && !first_failed.compare_exchange_weak(lowest, i)) {
      }
    }
  });

  // Merge in file order. The first chunk that failed holds the first error.
  std::size_t custom_types = builder.custom_type_count();
  bool sequential = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (results[i].unterminated) {
      sequential = true;
      break;
    }
    if (!results[i].status.ok()) {
      for (std::size_t j = 0; j <= i; ++j) add_load(load, results[j].load, options.max_examples);
      return results[i].status;
    }
    custom_types += results[i].builder.custom_type_count();
  }
  // Custom types beyond the limit are reported at the row that crosses it:
  // leave that to the sequential reader (it never happens with real data).
  if (sequential || custom_types > 0xFFFFu - kFirstCustomType) {
    results.clear();
    return csv ? read_csv_rows(body, body_line, header, sink, nullptr)
               : read_json_lines(data, sink);
  }
  if (builder.event_count() > 0) {
    std::size_t total = builder.event_count();
    for (const ChunkResult& r : results) total += r.builder.event_count();
    builder.reserve_events(total);
  }
  for (ChunkResult& r : results) {
    add_load(load, r.load, options.max_examples);
    if (Status s = builder.append(std::move(r.builder)); !s.ok()) return s;
    r = ChunkResult();
  }
  return Status::Ok();
}

}  // namespace clm::io
