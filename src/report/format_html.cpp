// The HTML format: one self-contained page (inline CSS and SVG, no scripts,
// no external resources): the settings, a headline row of cards, then each
// section with its charts (src/report/html/) above its table. The table of a
// charted section (or a long one) sits in a <details> element.
#include <ostream>
#include <string>

#include "report/cells.h"
#include "report/html/page.h"
#include "report/html/svg.h"

namespace clm::detail {
namespace {

using html::escape;

// A section without a chart shows its table open up to this many rows; a
// longer one is folded like the tables of the charts, to keep the page short.
constexpr std::size_t kOpenTableRows = 12;

void write_table(std::ostream& out, const Section& s) {
  out << "<table>\n<thead><tr>";
  for (const Column& c : s.columns) {
    out << (is_numeric(c.kind) ? "<th class=\"num\">" : "<th>") << escape(c.title) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : s.rows) {
    out << "<tr>";
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      // An absent group or channel is text ("(none)"), not an undefined value.
      const bool null = c >= row.size() || (is_null(row[c]) && !is_label_column(s.columns[c]));
      const char* cls = null                            ? " class=\"null\""
                        : is_numeric(s.columns[c].kind) ? " class=\"num\""
                                                        : "";
      out << "<td" << cls << ">"
          << escape(null ? std::string(kNullText) : human_text(row[c], s.columns[c])) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

}  // namespace

Status write_html(std::ostream& out, const Document& doc) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"color-scheme\" content=\"light dark\">\n"
      << "<title>" << escape(doc.title) << "</title>\n<style>\n"
      << html::style() << "\n</style>\n"
      << "</head>\n<body>\n<h1>" << escape(doc.title) << "</h1>\n";
  if (!doc.meta.empty()) {
    out << "<dl class=\"meta\">\n";
    for (const auto& [key, value] : doc.meta) {
      out << "<div><dt>" << escape(key) << "</dt><dd>" << escape(value) << "</dd></div>\n";
    }
    out << "</dl>\n";
  }
  out << html::headline(doc);
  for (const Section& full : doc.sections) {
    const Section s = displayed(full);
    out << "<section id=\"" << escape(s.id) << "\">\n<h2>" << escape(s.title) << "</h2>\n";
    const std::string charts = html::section_charts(s);
    if (charts.empty() && s.rows.size() <= kOpenTableRows) {
      write_table(out, s);
    } else {
      out << charts << "<details class=\"numbers\"><summary>"
          << (charts.empty() ? "The table (" : "The numbers of the chart (") << s.rows.size()
          << (s.rows.size() == 1 ? " row" : " rows") << ")</summary>\n";
      write_table(out, s);
      out << "</details>\n";
    }
    if (s.rows.empty()) out << "<p>No rows.</p>\n";
    if (!s.notes.empty()) {
      out << "<ul class=\"notes\">\n";
      for (const std::string& note : s.notes) out << "<li>" << escape(note) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
  out << "</body>\n</html>\n";
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
