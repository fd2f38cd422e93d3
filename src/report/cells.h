// Internal: how the reporters turn cells into text. Shared so that every
// format prints the same value the same way; none of it knows any metric.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "clm/document.h"
#include "clm/status.h"

namespace clm::detail {

// What a table shows for an undefined value (also in Markdown and HTML).
inline constexpr std::string_view kNullText = "—";

// "text", "count", "money", "rate", "number", "flag" (JSON "kind").
std::string_view kind_name(ColumnKind kind);

// True for null and for a non-finite double (which is printed as null, never NaN).
bool is_null(const Value& v);

// Numbers sit right in tables; text and flags left.
bool is_numeric(ColumnKind kind);

// A cell of a label column (is_label_column) in the text formats: kAbsentLabel
// for null, label_text() of a value.
std::string label_cell_text(const Value& v);

// Human text: money with 2 decimals, rates as "25.0%", numbers with
// Column::decimals places, flags "yes"/"no", null as kNullText; label columns as label_cell_text.
std::string human_text(const Value& v, const Column& c);

// Machine text for JSON and CSV: money as an exact decimal with 6 places, rates
// as fractions and other doubles in the shortest form that reads back the
// same, flags "true"/"false", null as "" (callers print their own null); label
// columns as label_cell_text.
std::string machine_text(const Value& v, const Column& c);

// RFC 4180: `s` as one CSV field, quoted when it holds a comma, a quote or a line end.
std::string csv_field(std::string_view s);

// Columns a UTF-8 string takes in a terminal (one per code point).
std::size_t display_width(std::string_view utf8);

// `s` with every control character written as an escape, so that a value
// cannot move the cursor, recolour or clear a terminal, or break a row: \n,
// \r, \t, and \xNN for the other C0 bytes and DEL, \u0080..\u009F for C1.
std::string printable(std::string_view s);

// What the human formats (table, Markdown, HTML) show of `s`: `s` itself, or
// when s.display_rows is set and a group has more rows, a copy with evenly
// spaced rows of each group (first and last kept) and a note saying so.
Section displayed(const Section& s);

// The writers behind write_report; each checks the stream at the end.
Status write_table(std::ostream& out, const Document& doc, bool color);
Status write_json(std::ostream& out, const Document& doc);
Status write_csv(std::ostream& out, const Document& doc);
Status write_markdown(std::ostream& out, const Document& doc);
Status write_html(std::ostream& out, const Document& doc);

}  // namespace clm::detail
