// Internal: a buffered writer of CSV / JSON Lines rows with hand-formatted
// numbers and timestamps (no iostreams, no allocation per field).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "clm/generate.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm::gen {

class RowWriter {
 public:
  static constexpr std::size_t kBufferSize = 1 << 20;
  static constexpr std::size_t kMaxRow = 4096;  // every generated row is shorter

  RowWriter(ByteSink& sink, GenerateFormat format)
      : sink_(sink), format_(format), buf_(new char[kBufferSize + kMaxRow]) {}

  GenerateFormat format() const { return format_; }
  bool csv() const { return format_ == GenerateFormat::kCsv; }

  // Starts a row; flushes first when the buffer is nearly full.
  void begin_row() {
    if (pos_ >= kBufferSize) flush();
    first_field_ = true;
  }
  void end_row() {
    if (!csv()) put('}');
    put('\n');
  }
  // CSV: the header line; JSON Lines has none.
  void header(std::string_view line) {
    if (csv()) raw(line);
  }

  // A field. CSV writes every column (absent = empty); JSON writes only
  // present keys. `key` must be a plain JSON-safe name.
  void text(std::string_view key, std::string_view value) {
    if (!sep(key)) return;
    if (!csv()) put('"');
    raw(value);
    if (!csv()) put('"');
  }
  void absent() {
    if (csv()) sep({});
  }
  void timestamp(std::string_view key, Timestamp t);  // "2024-03-01T09:30:05Z"
  void date(std::string_view key, Timestamp t);       // "2024-03-01"
  void cents(std::string_view key, std::int64_t c);   // "12.05" (c >= 0)
  void integer(std::string_view key, std::int64_t v);

  // Writes out the buffer. The first sink error sticks and is returned by status().
  void flush();
  const Status& status() const { return status_; }
  std::int64_t bytes() const { return bytes_ + static_cast<std::int64_t>(pos_); }

 private:
  void put(char c) { buf_[pos_++] = c; }
  void raw(std::string_view s) {
    std::memcpy(buf_.get() + pos_, s.data(), s.size());
    pos_ += s.size();
  }
  // Writes the separator and (JSON) key; returns false if nothing more is written.
  bool sep(std::string_view key) {
    if (csv()) {
      if (!first_field_) put(',');
    } else {
      put(first_field_ ? '{' : ',');
      put('"');
      raw(key);
      raw("\":");
    }
    first_field_ = false;
    return true;
  }
  void date_chars(std::int64_t days);

  ByteSink& sink_;
  GenerateFormat format_;
  std::unique_ptr<char[]> buf_;
  std::size_t pos_ = 0;
  std::int64_t bytes_ = 0;
  bool first_field_ = true;
  Status status_;
  // Cache of the last formatted day ("YYYY-MM-DD"): rows come in time order.
  std::int64_t cached_day_ = INT64_MIN;
  char day_text_[10] = {};
};

}  // namespace clm::gen
