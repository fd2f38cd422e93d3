// clm/document.h — the plain result tables that reporters print.
//
// Metrics return their own result structs; a section builder turns a result
// into a Section (typed columns, rows of values), and every reporter (table,
// JSON, CSV, Markdown, HTML) prints any Document the same way. Adding a metric
// never touches a reporter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace clm {

// How a column's values are typed and shown.
enum class ColumnKind {
  kText,    // std::string
  kCount,   // std::int64_t
  kMoney,   // std::int64_t millionths; 2 decimals in tables, exact in JSON
  kRate,    // double fraction (0.25); "25.0%" in tables, 0.25 in JSON/CSV
  kNumber,  // double; shown with Column::decimals places in tables
  kFlag,    // bool
};

struct Column {
  std::string key;    // stable machine name (JSON key, CSV header): "churn_rate"
  std::string title;  // human heading: "Churn rate"
  ColumnKind kind = ColumnKind::kText;
  int decimals = 2;  // kNumber: places shown in tables/Markdown/HTML
};

// A cell. monostate is null: undefined (a rate with denominator 0), never 0.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

// Label columns — keyed "group" or "channel" — name a group of customers or a
// channel. Null in them is *absent*: the customers with no value (no attribute
// value, no acquisition channel). JSON writes null. The text formats (table,
// CSV, Markdown, HTML) write kAbsentLabel, and write a real value that equals
// kAbsentLabel or begins with a backslash with one more backslash in front
// (label_text), so no real value reads as absent and no two read alike.
inline constexpr std::string_view kAbsentLabel = "(none)";
bool is_label_column(const Column& c);
// A real label value as the text formats write it: "(none)" → "\(none)",
// "\x" → "\\x", anything else unchanged.
std::string label_text(std::string_view value);

struct SectionSchema;  // clm/section_schema.h

struct Section {
  std::string id;     // stable machine name: "nps", "churn"
  std::string title;  // "Net Promoter Score"
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() values
  std::vector<std::string> notes;        // footnotes shown under the table
  // > 0: a long detail table (e.g. a survival curve, one row per step). Table,
  // Markdown and HTML show at most this many evenly spaced rows per group (the
  // first and last kept) and say so; JSON and CSV always hold every row.
  std::size_t display_rows = 0;
  // What the section means (its goals, chart and headline cards), when it was
  // built from a schema; nullptr for a hand-made section.
  const SectionSchema* schema = nullptr;

  // Appends a column and returns its index.
  std::size_t add_column(std::string key, std::string title, ColumnKind kind, int decimals = 2);
};

// A whole report: metadata (window, time zone, period, settings) as ordered
// key/value text, then the sections in report order.
struct Document {
  std::string title = "clm report";
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<Section> sections;
};

}  // namespace clm
