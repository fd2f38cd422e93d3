// Internal: reading a large events table on several threads. The rows are cut
// into chunks at line ends, each chunk is read into its own builder, and the
// chunks are merged in file order, so the store, the counts, the kept examples
// and the first error are those of reading the file on one thread.
#pragma once

#include <cstddef>
#include <string_view>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/status.h"

namespace clm::io {

// Below this many bytes per chunk, a thread costs more than it saves.
inline constexpr std::size_t kMinChunkBytes = std::size_t{1} << 20;

// The thread count options.threads stands for (0 = hardware threads).
unsigned reader_threads(const ReadOptions& options);

// Reads the events table `data` (checked text, BOM included; for JSON Lines
// followed by kPadding readable bytes) as CSV or JSON Lines, on up to
// `threads` threads with chunks of at least `min_chunk_bytes`. Same results
// and messages as read_csv / read_json_lines on one thread. A chunk cut inside
// a quoted CSV field (quoted line breaks) makes the whole table read on one thread.
// `mapped`: `data` is an InputBuffer::mapped() file, whose pages are released
// as the chunks are read.
Status read_events_parallel(std::string_view data, std::string_view name, InputFormat format,
                            const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load,
                            unsigned threads, std::size_t min_chunk_bytes = kMinChunkBytes,
                            bool mapped = false);

}  // namespace clm::io
