// Internal: JSON Lines and JSON arrays of objects → TableSink rows.
#pragma once

#include <string_view>

#include "clm/status.h"
#include "io/table_sink.h"
#include "io/text_input.h"

namespace clm::io {

// `data` must be followed by at least kPadding readable bytes (an InputBuffer).
// JSON Lines: one object per line, blank lines skipped.
Status read_json_lines(std::string_view data, TableSink& sink);
// The lines of a chunk of a JSON Lines table (no BOM), the first on line
// `first_line`; `buffer_end` is the end of the readable bytes after them
// (the padded end of the whole input). For tables without attribute columns.
// Stops, with OK and part of the rows, when `releaser` says so.
Status read_json_lines_chunk(std::string_view lines, std::int64_t first_line,
                             const char* buffer_end, TableSink& sink, PageReleaser releaser = {});
// A JSON array whose elements are objects; a row's line is where its object starts.
Status read_json_array(std::string_view data, TableSink& sink);

}  // namespace clm::io
