// The Markdown format: GitHub-flavoured tables, one per section, under a
// "##" heading; the settings as a two-column table; notes as a list.
#include <ostream>
#include <string>
#include <string_view>

#include "report/cells.h"

namespace clm::detail {
namespace {

// Any text of the document as Markdown: pipes escaped (it may sit in a table
// cell), backslashes doubled (one would escape the next character, so that
// "\(none)" rendered as "(none)"), line breaks folded to spaces, other control
// characters escaped as in the table format, and '<' and '&' written as
// entities so that a value cannot become HTML (a tag, a script, an entity)
// where the Markdown is rendered.
std::string cell(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c == '|')
      r += "\\|";
    else if (c == '\\')
      r += "\\\\";
    else if (c == '\n' || c == '\r')
      r += ' ';
    else if (c == '<')
      r += "&lt;";
    else if (c == '&')
      r += "&amp;";
    else
      r += c;
  }
  return printable(r);
}

}  // namespace

Status write_markdown(std::ostream& out, const Document& doc) {
  out << "# " << cell(doc.title) << '\n';
  if (!doc.meta.empty()) {
    out << "\n| Setting | Value |\n|:--|:--|\n";
    for (const auto& [key, value] : doc.meta)
      out << "| " << cell(key) << " | " << cell(value) << " |\n";
  }
  for (const Section& full : doc.sections) {
    const Section s = displayed(full);
    out << "\n## " << cell(s.title) << "\n\n";
    out << '|';
    for (const Column& c : s.columns) out << ' ' << cell(c.title) << " |";
    out << "\n|";
    for (const Column& c : s.columns) out << (is_numeric(c.kind) ? "--:|" : ":--|");
    out << '\n';
    for (const auto& row : s.rows) {
      out << '|';
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        const std::string text =
            c < row.size() ? human_text(row[c], s.columns[c]) : std::string(kNullText);
        out << ' ' << cell(text) << " |";
      }
      out << '\n';
    }
    if (s.rows.empty()) out << "\n_No rows._\n";
    if (!s.notes.empty()) out << '\n';
    for (const std::string& note : s.notes) out << "- " << cell(note) << '\n';
  }
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
