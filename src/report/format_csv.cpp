// The CSV format (RFC 4180 quoting, "\n" line ends): one block per section,
// blocks separated by an empty line. Each block has its own header row whose
// first column is `section` (the section id, repeated on every row) followed
// by the column keys; the first block, `meta`, holds the report's settings as
// (key, value) rows. Values are machine text (rates as fractions, money exact
// with 6 decimals); null is an empty field. Notes are not part of the CSV.
#include <ostream>
#include <string>
#include <string_view>

#include "report/cells.h"

namespace clm::detail {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string r = "\"";
  for (char c : s) {
    if (c == '"') r += '"';
    r += c;
  }
  return r + "\"";
}

Status write_csv(std::ostream& out, const Document& doc) {
  out << "section,key,value\n";
  for (const auto& [key, value] : doc.meta)
    out << "meta," << csv_field(key) << ',' << csv_field(value) << '\n';
  for (const Section& s : doc.sections) {
    out << "\nsection";
    for (const Column& c : s.columns) out << ',' << csv_field(c.key);
    out << '\n';
    for (const auto& row : s.rows) {
      out << csv_field(s.id);
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        out << ',';
        if (c < row.size()) out << csv_field(machine_text(row[c], s.columns[c]));
      }
      out << '\n';
    }
  }
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
