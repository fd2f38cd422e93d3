// CSV per RFC 4180: a header row, quoted fields holding commas, doubled
// quotes and line breaks, "\r\n" or "\n" line ends. Fields are views into the
// input; only fields with doubled quotes are copied (into a reused scratch
// buffer), so a row costs no heap allocation.
#include "io/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "io/text_input.h"

namespace clm::io {
namespace {

// Index of the first byte equal to A or B in d[i, n), or n. Eight bytes at a
// time: a byte equal to c is a zero byte of w ^ c, and the lowest flagged byte
// of the zero-byte test is always a true one (false positives only sit above it).
template <char A, char B = A>
inline std::size_t find_either(const char* d, std::size_t i, std::size_t n) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, d + i, 8);
      const std::uint64_t a = w ^ (kOnes * static_cast<unsigned char>(A));
      std::uint64_t hit = (a - kOnes) & ~a & kHigh;
      if constexpr (B != A) {
        const std::uint64_t b = w ^ (kOnes * static_cast<unsigned char>(B));
        hit |= (b - kOnes) & ~b & kHigh;
      }
      if (hit != 0) return i + static_cast<std::size_t>(std::countr_zero(hit) >> 3);
    }
  }
  while (i < n && d[i] != A && d[i] != B) ++i;
  return i;
}

// The fields of the line d[begin, end) (its '\n' excluded) when the line is a
// whole record of exactly fields.size() fields the fast way can split: no
// quote anywhere, at most 1 MiB. False sends the line to the full parser.
bool split_plain_line(const char* d, std::size_t begin, std::size_t end,
                      std::vector<std::string_view>& fields) {
  if (end - begin > kMaxFieldBytes || std::memchr(d + begin, '"', end - begin) != nullptr) {
    return false;
  }
  if (end > begin && d[end - 1] == '\r') --end;  // "\r\n" line end
  std::size_t k = 0;
  for (std::size_t b = begin;; ++k) {
    const std::size_t c = find_either<','>(d, b, end);
    if (k == fields.size()) return false;
    fields[k] = std::string_view(d + b, c - b);
    if (c == end) break;
    b = c + 1;
  }
  return k + 1 == fields.size();
}

}  // namespace

void CsvParser::push(CsvRecord& record, FieldRef ref) {
  // Keep at most one field beyond the column limit: enough to report the
  // count, without letting a line of 100 000 commas allocate 100 000 views.
  if (refs_.size() <= kMaxColumns) refs_.push_back(ref);
  ++record.field_count;
}

bool CsvParser::next(CsvRecord& r) {
  const std::size_t n = data_.size();
  if (pos_ >= n) return false;
  const char* d = data_.data();
  r.line = line_;
  r.blank = false;
  r.unterminated = false;
  r.field_count = 0;
  r.fields.clear();
  r.bad_quote_field = SIZE_MAX;
  refs_.clear();
  scratch_.clear();
  const std::size_t start = pos_;

  if (d[pos_] == '\n' || (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n')) {
    pos_ += d[pos_] == '\n' ? 1 : 2;
    ++line_;
    r.blank = true;
    r.bytes = pos_ - start;
    return true;
  }

  for (;;) {
    if (pos_ < n && d[pos_] == '"') {
      // Quoted field: runs to a quote not followed by another quote.
      std::size_t seg = ++pos_;
      bool escaped = false;
      const std::size_t scratch_begin = scratch_.size();
      for (;;) {
        const void* q = pos_ < n ? std::memchr(d + pos_, '"', n - pos_) : nullptr;
        if (q == nullptr) {
          r.unterminated = true;
          pos_ = n;
          r.bytes = n - start;
          return true;
        }
        const auto qi = static_cast<std::size_t>(static_cast<const char*>(q) - d);
        line_ += std::count(d + pos_, d + qi, '\n');
        if (qi + 1 < n && d[qi + 1] == '"') {  // a doubled quote stands for one quote
          escaped = true;
          scratch_.append(d + seg, qi + 1 - seg);
          pos_ = seg = qi + 2;
          continue;
        }
        if (escaped) {
          scratch_.append(d + seg, qi - seg);
          push(r, FieldRef{true, scratch_begin, scratch_.size() - scratch_begin});
        } else {
          push(r, FieldRef{false, seg, qi - seg});
        }
        pos_ = qi + 1;
        break;
      }
      const bool at_end_of_field = pos_ == n || d[pos_] == ',' || d[pos_] == '\n' ||
                                   (d[pos_] == '\r' && (pos_ + 1 == n || d[pos_ + 1] == '\n'));
      if (!at_end_of_field) {
        // `"abc"def`: not RFC 4180. Skip to the field's end and reject the row.
        if (r.bad_quote_field == SIZE_MAX) r.bad_quote_field = r.field_count - 1;
        while (pos_ < n && d[pos_] != ',' && d[pos_] != '\n') ++pos_;
      }
    } else {
      const std::size_t b = pos_;
      pos_ = find_either<',', '\n'>(d, pos_, n);
      std::size_t e = pos_;
      if (e > b && d[e - 1] == '\r' && (pos_ == n || d[pos_] == '\n')) --e;  // "\r\n" line end
      push(r, FieldRef{false, b, e - b});
    }

    if (pos_ >= n) break;
    if (d[pos_] == ',') {
      ++pos_;
      if (pos_ == n) push(r, FieldRef{false, n, 0});  // "a,b," at the very end
      if (pos_ == n) break;
      continue;
    }
    if (d[pos_] == '\r') ++pos_;
    if (pos_ < n && d[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    break;
  }
  r.bytes = pos_ - start;
  for (const FieldRef& f : refs_) {
    r.fields.emplace_back(f.in_scratch ? std::string_view(scratch_).substr(f.offset, f.size)
                                       : data_.substr(f.offset, f.size));
  }
  return true;
}

Status read_csv_header(std::string_view data, TableSink& sink, CsvHeader& header) {
  CsvParser parser(data, 1);
  CsvRecord rec;
  bool have_header = false;
  while (parser.next(rec)) {
    if (!rec.blank) {
      have_header = true;
      break;
    }
  }
  if (!have_header) return sink.file_error("empty file: a header row is required");
  if (rec.unterminated) {
    return sink.line_error(
        rec.line, "unterminated quoted field (the quote opened on this line is never closed)");
  }
  if (rec.field_count > kMaxColumns) {
    return sink.file_error(fmt::format("the header has {} columns, more than the limit of {}",
                                       rec.field_count, kMaxColumns));
  }
  header.names.assign(rec.fields.begin(), rec.fields.end());
  header.body_offset = parser.position();
  header.body_line = parser.line();
  const std::vector<std::string_view> names(header.names.begin(), header.names.end());
  return sink.declare_header(names, header.slot_of_column);
}

Status read_csv_rows(std::string_view body, std::int64_t first_line, const CsvHeader& hdr,
                     TableSink& sink, bool* unterminated, PageReleaser releaser) {
  CsvParser parser(body, first_line);
  CsvRecord rec;
  const std::vector<std::string_view> header(hdr.names.begin(), hdr.names.end());
  const std::vector<int>& slot_of_column = hdr.slot_of_column;
  std::vector<Field> slots(sink.slot_count());
  std::vector<std::string_view> plain(header.size());
  const char* d = body.data();
  const std::size_t n = body.size();
  std::size_t pos = 0;
  std::int64_t line = first_line;
  while (pos < n) {
    if (!releaser.passed(d + pos)) return Status::Ok();  // the caller discards this chunk
    // Fast path: a line that is one whole record without quotes (nearly all
    // rows) is split at its commas directly.
    if (const void* nl_ptr = std::memchr(d + pos, '\n', n - pos); nl_ptr != nullptr) {
      const auto nl = static_cast<std::size_t>(static_cast<const char*>(nl_ptr) - d);
      if (nl == pos || (nl == pos + 1 && d[pos] == '\r')) {  // blank line
        pos = nl + 1;
        ++line;
        continue;
      }
      if (split_plain_line(d, pos, nl, plain)) {
        std::fill(slots.begin(), slots.end(), Field{});
        for (std::size_t i = 0; i < plain.size(); ++i) {
          if (const int slot = slot_of_column[i]; slot >= 0) {
            slots[slot] = Field{plain[i], !plain[i].empty()};
          }
        }
        if (Status s = sink.add_row(line, slots); !s.ok()) return s;
        pos = nl + 1;
        ++line;
        continue;
      }
    }
    parser.seek(pos, line);
    if (!parser.next(rec)) break;
    pos = parser.position();
    line = parser.line();
    if (rec.blank) continue;
    if (rec.unterminated) {
      if (unterminated != nullptr) {
        *unterminated = true;
        return Status::Ok();
      }
      return sink.line_error(
          rec.line, "unterminated quoted field (the quote opened on this line is never closed)");
    }
    Status s;
    if (rec.field_count != header.size()) {
      s = sink.reject_row(
          rec.line, {}, "wrong number of fields", Field{},
          fmt::format("{} fields, the header has {}", rec.field_count, header.size()));
    } else if (rec.bad_quote_field != SIZE_MAX) {
      s = sink.reject_row(rec.line, header[rec.bad_quote_field], "text after a closing quote",
                          Field{rec.fields[rec.bad_quote_field], true});
    } else if (rec.bytes > kMaxRowBytes) {
      s = sink.reject_row(rec.line, {}, "row longer than 16 MiB", Field{});
    } else {
      std::fill(slots.begin(), slots.end(), Field{});
      bool too_long = false;
      for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        const std::string_view f = rec.fields[i];
        if (f.size() > kMaxFieldBytes) {
          s = sink.reject_row(rec.line, header[i], "value longer than 1 MiB", Field{f, true});
          too_long = true;
          break;
        }
        if (const int slot = slot_of_column[i]; slot >= 0) slots[slot] = Field{f, !f.empty()};
      }
      if (!too_long) s = sink.add_row(rec.line, slots);
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status read_csv(std::string_view data, TableSink& sink) {
  data = strip_bom(data);
  CsvHeader header;
  if (Status s = read_csv_header(data, sink, header); !s.ok()) return s;
  return read_csv_rows(data.substr(header.body_offset), header.body_line, header, sink, nullptr);
}

}  // namespace clm::io
