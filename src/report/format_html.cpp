// The HTML format: one self-contained page (inline CSS, no scripts, no
// external resources) with the settings and a table per section.
#include <ostream>
#include <string>
#include <string_view>

#include "report/cells.h"

namespace clm::detail {
namespace {

constexpr std::string_view kStyle =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.9rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}
th{background:#f4f4f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.null{color:#999}ul.notes{color:#555;font-size:.85rem})";

std::string esc(std::string_view s) {
  std::string r;
  for (char c : s) {
    switch (c) {
      case '&':
        r += "&amp;";
        break;
      case '<':
        r += "&lt;";
        break;
      case '>':
        r += "&gt;";
        break;
      case '"':
        r += "&quot;";
        break;
      case '\'':
        r += "&#39;";
        break;
      default:
        r += c;
    }
  }
  return r;
}

}  // namespace

Status write_html(std::ostream& out, const Document& doc) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << esc(doc.title) << "</title>\n<style>\n"
      << kStyle << "\n</style>\n"
      << "</head>\n<body>\n<h1>" << esc(doc.title) << "</h1>\n";
  if (!doc.meta.empty()) {
    out << "<table class=\"meta\">\n";
    for (const auto& [key, value] : doc.meta) {
      out << "<tr><th>" << esc(key) << "</th><td>" << esc(value) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  for (const Section& s : doc.sections) {
    out << "<section id=\"" << esc(s.id) << "\">\n<h2>" << esc(s.title) << "</h2>\n<table>\n"
        << "<thead><tr>";
    for (const Column& c : s.columns) {
      out << (is_numeric(c.kind) ? "<th class=\"num\">" : "<th>") << esc(c.title) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : s.rows) {
      out << "<tr>";
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        const bool null = c >= row.size() || is_null(row[c]);
        const char* cls = null                            ? " class=\"null\""
                          : is_numeric(s.columns[c].kind) ? " class=\"num\""
                                                          : "";
        out << "<td" << cls << ">"
            << esc(null ? std::string(kNullText) : human_text(row[c], s.columns[c])) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    if (s.rows.empty()) out << "<p>No rows.</p>\n";
    if (!s.notes.empty()) {
      out << "<ul class=\"notes\">\n";
      for (const std::string& note : s.notes) out << "<li>" << esc(note) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
  out << "</body>\n</html>\n";
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
