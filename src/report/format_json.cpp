// The JSON format: one stable schema for every report (docs/cli.md, "Formats").
//
// {"clm": {"version": "0.1.0"}, "title": ..., "meta": {key: text, ...},
//  "sections": [{"id", "title", "columns": [{"key", "title", "kind"}],
//                "rows": [{key: value, ...}], "notes": [text, ...]}]}
//
// Rates are fractions, money an exact number with 6 decimals, other doubles
// the shortest text that reads back the same, null for undefined — never NaN.
// Each column and each row sits on one line so diffs stay readable.
#include <ostream>
#include <string>
#include <string_view>

#include "clm/report.h"
#include "report/cells.h"

namespace clm::detail {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n;
  std::uint32_t cp;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Reject overlong forms, surrogates and code points past U+10FFFF.
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

// A JSON string literal. Invalid UTF-8 bytes become U+FFFD so the output is
// always valid JSON, whatever bytes the input identifiers held.
std::string quoted(std::string_view s) {
  std::string r = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto uc = static_cast<unsigned char>(c);
    if (c == '"')
      r += "\\\"";
    else if (c == '\\')
      r += "\\\\";
    else if (c == '\n')
      r += "\\n";
    else if (c == '\r')
      r += "\\r";
    else if (c == '\t')
      r += "\\t";
    else if (uc < 0x20 || uc == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      r += "\\u00";
      r += kHex[uc >> 4];
      r += kHex[uc & 0xF];
    } else if (uc >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) {
        r += "\xEF\xBF\xBD";
        ++i;
        continue;
      }
      r.append(s.substr(i, n));
      i += n;
      continue;
    } else {
      r += c;
    }
    ++i;
  }
  return r + "\"";
}

std::string json_value(const Value& v, const Column& c) {
  if (is_null(v)) return "null";
  if (const std::string* s = std::get_if<std::string>(&v)) return quoted(*s);
  return machine_text(v, c);  // numbers and true/false are JSON as they are
}

}  // namespace

Status write_json(std::ostream& out, const Document& doc) {
  out << "{\n  \"clm\": {\"version\": " << quoted(version()) << "},\n";
  out << "  \"title\": " << quoted(doc.title) << ",\n";
  out << "  \"meta\": {";
  for (std::size_t i = 0; i < doc.meta.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << quoted(doc.meta[i].first) << ": "
        << quoted(doc.meta[i].second);
  }
  out << (doc.meta.empty() ? "},\n" : "\n  },\n");
  out << "  \"sections\": [";
  for (std::size_t si = 0; si < doc.sections.size(); ++si) {
    const Section& s = doc.sections[si];
    out << (si ? ",\n    {\n" : "\n    {\n");
    out << "      \"id\": " << quoted(s.id) << ",\n";
    out << "      \"title\": " << quoted(s.title) << ",\n";
    out << "      \"columns\": [";
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      const Column& col = s.columns[c];
      out << (c ? ",\n        " : "\n        ") << "{\"key\": " << quoted(col.key)
          << ", \"title\": " << quoted(col.title) << ", \"kind\": " << quoted(kind_name(col.kind))
          << "}";
    }
    out << (s.columns.empty() ? "],\n" : "\n      ],\n");
    out << "      \"rows\": [";
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      out << (r ? ",\n        {" : "\n        {");
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        const Value null;
        const Value& v = c < s.rows[r].size() ? s.rows[r][c] : null;
        out << (c ? ", " : "") << quoted(s.columns[c].key) << ": " << json_value(v, s.columns[c]);
      }
      out << "}";
    }
    out << (s.rows.empty() ? "],\n" : "\n      ],\n");
    out << "      \"notes\": [";
    for (std::size_t n = 0; n < s.notes.size(); ++n) {
      out << (n ? ",\n        " : "\n        ") << quoted(s.notes[n]);
    }
    out << (s.notes.empty() ? "]\n" : "\n      ]\n");
    out << "    }";
  }
  out << (doc.sections.empty() ? "]\n}\n" : "\n  ]\n}\n");
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
