// clm/reporters.h — printing a Document as table, JSON, CSV, Markdown or HTML.
#pragma once

#include <ostream>
#include <string_view>

#include "clm/document.h"
#include "clm/status.h"

namespace clm {

enum class Format { kTable, kJson, kCsv, kMarkdown, kHtml };

// "table", "json", "csv", "markdown" (or "md"), "html".
Result<Format> parse_format(std::string_view name);
std::string_view format_name(Format f);

struct ReporterOptions {
  bool color = false;  // ANSI colour in the table format (only for a terminal)
};

// Writes `doc` to `out` in format `f`. Output depends only on `doc` and the
// options, byte for byte. IoError if the stream fails.
Status write_report(std::ostream& out, const Document& doc, Format f,
                    const ReporterOptions& options = {});

}  // namespace clm
