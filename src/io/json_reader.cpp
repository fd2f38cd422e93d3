// JSON readers. The input is cut into objects here (lines, or the elements of
// the top-level array, found by a non-recursive scan that tracks depth with a
// counter), and each object is parsed on its own with simdjson's On-Demand
// API. So every row knows its line, a broken object is one bad row, and no
// nesting depth can overflow the stack.
//
// Numbers are taken as their raw text (raw_json_token), never as a double, so
// money and scores given as JSON numbers stay exact.
#include "io/json_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/text_input.h"

namespace clm::io {
namespace {

namespace od = simdjson::ondemand;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// True when `text` is one whole JSON object followed by more than white space:
// the parser's own message for it ("ended early") points at the wrong end.
bool text_after_object(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || text[i] != '{') return false;
  int depth = 0;
  bool in_string = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return text.find_first_not_of(" \t\r\n", i + 1) != std::string_view::npos;
    }
  }
  return false;
}

// Hands each object of the input, with the line it starts on, to a callback.
// `capacity(text)` gives the readable bytes from text.data() (for padding).
class ObjectParser {
 public:
  ObjectParser(TableSink& sink, const char* buffer_end) : sink_(sink), buffer_end_(buffer_end) {}

  // Pass 1 for customers: collects the keys of all objects (input names).
  void collect_keys(std::string_view text);
  const std::vector<std::string>& keys() const { return keys_; }

  // Pass 2: one row.
  Status row(std::int64_t line, std::string_view text);

 private:
  std::size_t capacity(std::string_view text) const {
    return static_cast<std::size_t>(buffer_end_ - text.data());
  }

  // The slot of the key at `position` in its object. Rows of one file nearly
  // always list their keys in the same order: remember each position's last
  // key and slot, and look a key up only when it differs.
  int cached_slot(std::size_t position, std::string_view key) {
    if (position >= key_cache_.size()) key_cache_.resize(position + 1);
    CachedKey& c = key_cache_[position];
    if (!c.valid || c.key != key) {
      c.key.assign(key);
      c.slot = sink_.slot_of(key);
      c.valid = true;
    }
    return c.slot;
  }

  struct CachedKey {
    std::string key;
    int slot = -1;
    bool valid = false;
  };

  // A key the table ignores: a second key of the same name or a value longer
  // than kMaxFieldBytes rejects the row, as the CSV reader does. Returns what
  // rejecting the row returned, or nothing when the key is fine.
  std::optional<Status> check_ignored(std::int64_t line, std::string_view key, od::value& value);

  TableSink& sink_;
  const char* buffer_end_;  // end of the readable (padded) buffer
  od::parser parser_;
  std::vector<Field> slots_;
  std::vector<char> seen_;                 // per slot: the row gave it already
  std::vector<std::string_view> ignored_;  // the row's ignored keys (contract names)
  std::vector<CachedKey> key_cache_;
  std::vector<std::string> keys_;
  std::set<std::string, std::less<>> key_set_;
};

void ObjectParser::collect_keys(std::string_view text) {
  od::document doc;
  if (parser_.iterate(text.data(), text.size(), capacity(text)).get(doc)) return;
  od::object obj;
  if (doc.get_object().get(obj)) return;
  for (auto field_result : obj) {
    od::field field;
    if (std::move(field_result).get(field)) return;
    std::string_view key;
    if (field.unescaped_key().get(key)) return;
    if (key_set_.find(key) == key_set_.end()) {
      key_set_.emplace(key);
      keys_.emplace_back(key);
    }
  }
}

std::optional<Status> ObjectParser::check_ignored(std::int64_t line, std::string_view key,
                                                  od::value& value) {
  // Keys and unescaped strings stay in the parser's buffer until the next document.
  const std::string_view name = sink_.contract_name(key);
  if (std::find(ignored_.begin(), ignored_.end(), name) != ignored_.end()) {
    return sink_.reject_row(line, key, "duplicate key", Field{},
                            key.empty() ? "the key \"\" appears twice" : std::string_view());
  }
  ignored_.push_back(name);
  // The raw token of a scalar is never shorter than its value: only a long
  // one needs a closer look. Objects and arrays are measured as raw JSON.
  std::string_view text = value.raw_json_token();
  if (text.size() <= kMaxFieldBytes) {
    if (text.empty() || (text.front() != '{' && text.front() != '[')) return std::nullopt;
  }
  od::json_type type;
  if (value.type().get(type)) return std::nullopt;  // reported by the caller's loop
  simdjson::error_code e = simdjson::SUCCESS;
  switch (type) {
    case od::json_type::string:
      e = value.get_string().get(text);
      break;
    case od::json_type::object: {
      od::object object;
      e = value.get_object().get(object);
      if (!e) e = object.raw_json().get(text);
      break;
    }
    case od::json_type::array: {
      od::array array;
      e = value.get_array().get(array);
      if (!e) e = array.raw_json().get(text);
      break;
    }
    default:
      text = trim_right(text);
      break;
  }
  if (e != simdjson::SUCCESS || text.size() <= kMaxFieldBytes) return std::nullopt;
  return sink_.reject_row(line, key, "value longer than 1 MiB", Field{text, true});
}

Status ObjectParser::row(std::int64_t line, std::string_view text) {
  if (text.size() > kMaxRowBytes) return sink_.reject_row(line, {}, "row longer than 16 MiB", {});
  auto invalid = [&](simdjson::error_code e) {
    if (text_after_object(text)) {
      return sink_.reject_row(line, {}, "invalid JSON", {}, "text after the object");
    }
    return sink_.reject_row(line, {}, "invalid JSON", {}, simdjson::error_message(e));
  };
  od::document doc;
  if (auto e = parser_.iterate(text.data(), text.size(), capacity(text)).get(doc))
    return invalid(e);
  od::object obj;
  if (auto e = doc.get_object().get(obj)) {
    if (e == simdjson::INCORRECT_TYPE) return sink_.reject_row(line, {}, "not a JSON object", {});
    return invalid(e);
  }
  slots_.assign(sink_.slot_count(), Field{});
  seen_.assign(sink_.slot_count(), 0);
  ignored_.clear();
  std::size_t position = 0;
  for (auto field_result : obj) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return invalid(e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return invalid(e);
    const int slot = cached_slot(position++, key);
    od::value value = field.value();
    if (slot < 0) {
      // A column the table does not use: its value is not read, but the
      // limits and the unique names hold for it as for a CSV column.
      if (std::optional<Status> rejected = check_ignored(line, key, value)) return *rejected;
      continue;
    }
    const std::string_view column = sink_.slot_name(static_cast<std::size_t>(slot));
    od::json_type type;
    if (value.type().get(type)) {
      std::string_view raw = trim_right(value.raw_json_token());
      return sink_.reject_row(line, column, "invalid JSON value", Field{raw, true});
    }
    Field f;
    switch (type) {
      case od::json_type::string:
        if (auto e = value.get_string().get(f.text)) return invalid(e);
        // "\u0000" decodes to the NUL byte a CSV file may not hold either.
        if (f.text.find('\0') != std::string_view::npos) {
          return sink_.reject_row(line, column, "NUL character (\\u0000) in a value",
                                  Field{f.text, true});
        }
        f.present = !f.text.empty();
        break;
      case od::json_type::number:
      case od::json_type::boolean:
        f.text = trim_right(value.raw_json_token());
        f.present = true;
        break;
      case od::json_type::null:
        if (auto e = value.is_null().error()) return invalid(e);
        break;
      case od::json_type::object:
      case od::json_type::array:
        return sink_.reject_row(
            line, column, "expected a string or a number", Field{},
            type == od::json_type::object ? "found an object" : "found an array");
    }
    if (seen_[static_cast<std::size_t>(slot)]) {
      return sink_.reject_row(line, column, "duplicate key", Field{});
    }
    seen_[static_cast<std::size_t>(slot)] = 1;
    if (f.text.size() > kMaxFieldBytes) {
      return sink_.reject_row(line, column, "value longer than 1 MiB", f);
    }
    slots_[static_cast<std::size_t>(slot)] = f;
  }
  // current_location() is an error exactly when the document is fully consumed.
  if (!doc.current_location().error())
    return sink_.reject_row(line, {}, "invalid JSON", {}, "text after the object");
  return sink_.add_row(line, slots_);
}

// Calls fn(line, text) for each non-blank line.
template <typename Fn>
Status for_each_line(std::string_view data, Fn&& fn, std::int64_t first_line = 1) {
  std::int64_t line = first_line;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view text = data.substr(pos, end - pos);
    std::size_t lead = 0;
    while (lead < text.size() && is_space(text[lead])) ++lead;
    text.remove_prefix(lead);
    text = trim_right(text);
    if (!text.empty()) {
      if (Status s = fn(line, text); !s.ok()) return s;
    }
    pos = end + 1;
    ++line;
  }
  return Status::Ok();
}

// Calls fn(line, text) for each element of the top-level array. Structural
// errors of the array itself are file-level errors (the rows cannot be told apart).
template <typename Fn>
Status for_each_element(std::string_view data, const TableSink& sink, Fn&& fn) {
  const std::size_t n = data.size();
  std::size_t p = 0;
  std::int64_t line = 1;
  auto skip_space = [&] {
    for (; p < n && is_space(data[p]); ++p) {
      if (data[p] == '\n') ++line;
    }
  };
  skip_space();
  if (p == n) return sink.file_error("empty file: expected a JSON array of objects");
  if (data[p] == '{') {
    return sink.line_error(line,
                           "expected a JSON array of objects, found an object (for one object "
                           "per line use JSON Lines: .jsonl or format jsonl)");
  }
  if (data[p] != '[') return sink.line_error(line, "expected a JSON array of objects");
  ++p;
  skip_space();
  if (p < n && data[p] == ']') {
    ++p;
  } else {
    for (;;) {
      const std::size_t begin = p;
      const std::int64_t begin_line = line;
      std::size_t depth = 0;
      while (p < n) {
        const char c = data[p];
        if (c == '"') {
          for (++p; p < n && data[p] != '"'; ++p) {
            if (data[p] == '\\')
              ++p;
            else if (data[p] == '\n')
              ++line;
          }
          if (p >= n) return sink.line_error(begin_line, "unterminated string in the JSON array");
          ++p;
          continue;
        }
        if (depth == 0 && (c == ',' || c == ']' || c == '}' || is_space(c))) break;
        if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          --depth;
        } else if (c == '\n') {
          ++line;
        }
        ++p;
        if (depth == 0 && (c == '}' || c == ']')) break;
      }
      if (depth > 0) return sink.line_error(begin_line, "the JSON ends inside this element");
      if (p == begin) return sink.line_error(line, "expected a value in the JSON array");
      if (Status s = fn(begin_line, data.substr(begin, p - begin)); !s.ok()) return s;
      skip_space();
      if (p >= n) return sink.line_error(line, "the JSON array is not closed");
      if (data[p] == ',') {
        ++p;
        skip_space();
        continue;
      }
      if (data[p] == ']') {
        ++p;
        break;
      }
      return sink.line_error(line, "expected ',' or ']' in the JSON array");
    }
  }
  skip_space();
  if (p != n) return sink.line_error(line, "text after the JSON array");
  return Status::Ok();
}

// Customers need their attribute columns declared before the first row, and
// in JSON any object may add a key: a first pass collects them.
template <typename ForEach>
Status read_objects(std::string_view data, TableSink& sink, bool needs_keys, ForEach&& for_each) {
  ObjectParser parser(sink, data.data() + data.size() + kPadding);
  if (needs_keys) {
    Status s = for_each([&](std::int64_t, std::string_view text) {
      parser.collect_keys(text);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    sink.declare_attributes(parser.keys());
  }
  return for_each([&](std::int64_t line, std::string_view text) { return parser.row(line, text); });
}

}  // namespace

Status read_json_lines(std::string_view data, TableSink& sink) {
  const std::string_view body = strip_bom(data);
  // The padding bytes follow `data`, and so `body`, whose end is the same.
  return read_objects(body, sink, sink.table() == Table::kCustomers,
                      [&](auto&& fn) { return for_each_line(body, fn); });
}

Status read_json_lines_chunk(std::string_view lines, std::int64_t first_line,
                             const char* buffer_end, TableSink& sink, PageReleaser releaser) {
  ObjectParser parser(sink, buffer_end);
  bool stopped = false;
  const Status s = for_each_line(
      lines,
      [&](std::int64_t line, std::string_view text) {
        if (!releaser.passed(text.data())) {
          stopped = true;
          return Status::Internal("stopped");
        }
        return parser.row(line, text);
      },
      first_line);
  return stopped ? Status::Ok() : s;  // stopped: the caller discards this chunk
}

Status read_json_array(std::string_view data, TableSink& sink) {
  const std::string_view body = strip_bom(data);
  return read_objects(body, sink, sink.table() == Table::kCustomers,
                      [&](auto&& fn) { return for_each_element(body, sink, fn); });
}

}  // namespace clm::io
