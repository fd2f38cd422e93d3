// Internal: RFC 4180 CSV → TableSink rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clm/status.h"
#include "io/table_sink.h"
#include "io/text_input.h"

namespace clm::io {

// One CSV record. Field views point into the input or into the parser's
// scratch buffer (fields with doubled quotes) and live until the next call.
struct CsvRecord {
  std::int64_t line = 0;        // physical line where the record starts (1-based)
  bool blank = false;           // an empty line (skipped by readers)
  bool unterminated = false;    // a quoted field runs to the end of the input
  std::size_t field_count = 0;  // may exceed fields.size() (fields are capped)
  std::vector<std::string_view> fields;
  std::size_t bad_quote_field = SIZE_MAX;  // index of a field with text after its closing quote
  std::size_t bytes = 0;                   // raw length of the record
};

// Splits CSV text into records. Works on any byte range that starts at a
// record boundary, so a file can later be cut into chunks parsed in parallel.
class CsvParser {
 public:
  CsvParser(std::string_view data, std::int64_t first_line) : data_(data), line_(first_line) {}
  // Reads the next record; false at the end of the input.
  bool next(CsvRecord& record);
  // Continues at byte `pos`, a record boundary on line `line`.
  void seek(std::size_t pos, std::int64_t line) {
    pos_ = pos;
    line_ = line;
  }
  // Byte offset of the next record and its line.
  std::size_t position() const { return pos_; }
  std::int64_t line() const { return line_; }

 private:
  struct FieldRef {
    bool in_scratch;
    std::size_t offset;
    std::size_t size;
  };
  void push(CsvRecord& record, FieldRef ref);

  std::string_view data_;
  std::size_t pos_ = 0;
  std::int64_t line_;
  std::string scratch_;
  std::vector<FieldRef> refs_;
};

// Reads a whole CSV table (header row first) into the sink.
Status read_csv(std::string_view data, TableSink& sink);

// A declared header and where the rows after it start.
struct CsvHeader {
  std::vector<std::string> names;  // input column names
  std::vector<int> slot_of_column;
  std::size_t body_offset = 0;  // in the BOM-stripped data
  std::int64_t body_line = 1;
};

// Reads the header row of `data` (BOM already stripped) and declares it to the sink.
Status read_csv_header(std::string_view data, TableSink& sink, CsvHeader& header);

// Reads the rows of `body`, which starts at a record boundary on line
// `first_line`. With `unterminated` given, a quoted field running to the end
// of `body` is not an error: *unterminated is set and reading stops (a chunk
// cut inside a quoted field). Reading also stops, with OK and part of the
// rows, when `releaser` says so (a chunk before this one failed).
Status read_csv_rows(std::string_view body, std::int64_t first_line, const CsvHeader& header,
                     TableSink& sink, bool* unterminated, PageReleaser releaser = {});

}  // namespace clm::io
