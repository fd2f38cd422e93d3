// Format names, cell text shared by the writers, and write_report.
#include "clm/reporters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "clm/money.h"
#include "report/cells.h"

namespace clm {
namespace detail {
namespace {

// Fixed notation rounded half away from zero (6.25 → "6.3", like money;
// printf would round the tie to even), without the sign of a value that
// rounds to zero, so that -0.0001 never prints as "-0.0".
std::string fixed(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  if (std::fabs(v * scale) < 4.5e15) v = std::round(v * scale) / scale;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

// Shortest round-trip text; -0 prints as 0.
std::string shortest(double v) {
  return v == 0 ? "0" : fmt::format("{}", v);
}

}  // namespace

std::string label_cell_text(const Value& v) {
  if (const std::string* s = std::get_if<std::string>(&v)) return label_text(*s);
  return std::string(kAbsentLabel);  // null: absent (a label column holds only text or null)
}

std::string_view kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return "text";
    case ColumnKind::kCount:
      return "count";
    case ColumnKind::kMoney:
      return "money";
    case ColumnKind::kRate:
      return "rate";
    case ColumnKind::kNumber:
      return "number";
    case ColumnKind::kFlag:
      return "flag";
  }
  return "text";
}

bool is_null(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return true;
  if (const double* d = std::get_if<double>(&v)) return !std::isfinite(*d);
  return false;
}

bool is_numeric(ColumnKind kind) {
  return kind == ColumnKind::kCount || kind == ColumnKind::kMoney || kind == ColumnKind::kRate ||
         kind == ColumnKind::kNumber;
}

std::string human_text(const Value& v, const Column& c) {
  if (is_label_column(c)) return label_cell_text(v);
  if (is_null(v)) return std::string(kNullText);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "yes" : "no";
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) {
    return c.kind == ColumnKind::kMoney ? format_money(*i, 2) : fmt::to_string(*i);
  }
  const double d = std::get<double>(v);
  if (c.kind == ColumnKind::kRate) return fixed(100 * d, 1) + "%";
  if (c.kind == ColumnKind::kMoney) return fixed(d, 2);
  return fixed(d, std::clamp(c.decimals, 0, 17));
}

std::string machine_text(const Value& v, const Column& c) {
  if (is_label_column(c)) return label_cell_text(v);
  if (is_null(v)) return "";
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) {
    return c.kind == ColumnKind::kMoney ? format_money(*i, 6) : fmt::to_string(*i);
  }
  return shortest(std::get<double>(v));
}

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char ch : utf8) n += (ch & 0xC0) != 0x80;  // count lead bytes only
  return n;
}

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string r;
  r.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == '\n') {
      r += "\\n";
    } else if (c == '\r') {
      r += "\\r";
    } else if (c == '\t') {
      r += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      r += "\\x";
      r += kHex[c >> 4];
      r += kHex[c & 0xF];
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080..U+009F in UTF-8
      r += "\\u00";
      r += kHex[next >> 4];
      r += kHex[next & 0xF];
      ++i;
    } else {
      r += static_cast<char>(c);
    }
  }
  return r;
}

}  // namespace detail

Result<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "csv") return Format::kCsv;
  if (name == "markdown" || name == "md") return Format::kMarkdown;
  if (name == "html") return Format::kHtml;
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "' (valid: table, json, csv, markdown, html)");
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::kTable:
      return "table";
    case Format::kJson:
      return "json";
    case Format::kCsv:
      return "csv";
    case Format::kMarkdown:
      return "markdown";
    case Format::kHtml:
      return "html";
  }
  return "table";
}

Status write_report(std::ostream& out, const Document& doc, Format f,
                    const ReporterOptions& options) {
  Status s;
  switch (f) {
    case Format::kTable:
      s = detail::write_table(out, doc, options.color);
      break;
    case Format::kJson:
      s = detail::write_json(out, doc);
      break;
    case Format::kCsv:
      s = detail::write_csv(out, doc);
      break;
    case Format::kMarkdown:
      s = detail::write_markdown(out, doc);
      break;
    case Format::kHtml:
      s = detail::write_html(out, doc);
      break;
  }
  if (s.ok() && !out.flush()) return Status::IoError("cannot write the report");
  return s;
}

}  // namespace clm
