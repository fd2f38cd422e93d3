// Internal: JSON Lines and JSON arrays of objects → TableSink rows.
#pragma once

#include <string_view>

#include "clm/status.h"
#include "io/table_sink.h"

namespace clm::io {

// `data` must be followed by at least kPadding readable bytes (an InputBuffer).
// JSON Lines: one object per line, blank lines skipped.
Status read_json_lines(std::string_view data, TableSink& sink);
// A JSON array whose elements are objects; a row's line is where its object starts.
Status read_json_array(std::string_view data, TableSink& sink);

}  // namespace clm::io
