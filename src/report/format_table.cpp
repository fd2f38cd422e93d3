// The table format: aligned plain text for a terminal or a log. Every text
// goes through printable(): a value cannot drive the terminal.
//
//   Title
//   =====
//
//   key    value          (Document::meta)
//
//   Section title
//   -------------
//   Col A  Col B          (text left, numbers right, two spaces apart)
//   -----  -----
//   x          1
//   * note
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/cells.h"

namespace clm::detail {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  if (w >= width) return text;
  const std::string fill(width - w, ' ');
  return right ? fill + text : text + fill;
}

void rstrip(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

// A title underlined with `rule` characters.
void write_heading(std::ostream& out, const std::string& raw_title, char rule, bool color) {
  const std::string title = printable(raw_title);
  if (color) {
    out << kBold << title << kReset << '\n';
  } else {
    out << title << '\n';
  }
  out << std::string(display_width(title), rule) << '\n';
}

void write_section(std::ostream& out, const Section& s, bool color) {
  write_heading(out, s.title, '-', color);
  const std::size_t ncol = s.columns.size();
  // Cell texts first, then the widths they need.
  std::vector<std::vector<std::string>> cells;
  cells.reserve(s.rows.size());
  std::vector<std::size_t> width(ncol);
  std::vector<std::string> titles;
  for (std::size_t c = 0; c < ncol; ++c) {
    titles.push_back(printable(s.columns[c].title));
    width[c] = display_width(titles[c]);
  }
  for (const auto& row : s.rows) {
    auto& texts = cells.emplace_back();
    for (std::size_t c = 0; c < ncol; ++c) {
      texts.push_back(c < row.size() ? printable(human_text(row[c], s.columns[c]))
                                     : std::string(kNullText));
      width[c] = std::max(width[c], display_width(texts.back()));
    }
  }

  std::string header, rule;
  for (std::size_t c = 0; c < ncol; ++c) {
    const bool right = is_numeric(s.columns[c].kind);
    std::string h = padded(titles[c], width[c], right);
    if (c + 1 == ncol) rstrip(h);
    if (c) {
      header.append("  ");
      rule.append("  ");
    }
    if (color) header.append(kBold);
    header.append(h);
    if (color) header.append(kReset);
    rule.append(width[c], '-');
  }
  out << header << '\n' << rule << '\n';

  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < ncol; ++c) {
      const bool right = is_numeric(s.columns[c].kind);
      std::string cell = padded(cells[r][c], width[c], right);
      const bool null = c >= s.rows[r].size() ||
                        (is_null(s.rows[r][c]) && !is_label_column(s.columns[c]));
      if (c) line.append("  ");
      if (color && null) line.append(kDim);
      line.append(cell);
      if (color && null) line.append(kReset);
    }
    rstrip(line);
    out << line << '\n';
  }
  if (s.rows.empty()) out << "(no rows)\n";
  for (const std::string& note : s.notes) out << "* " << printable(note) << '\n';
}

}  // namespace

Status write_table(std::ostream& out, const Document& doc, bool color) {
  write_heading(out, doc.title, '=', color);
  if (!doc.meta.empty()) {
    out << '\n';
    std::size_t key_width = 0;
    for (const auto& [key, value] : doc.meta) {
      key_width = std::max(key_width, display_width(printable(key)));
    }
    for (const auto& [key, value] : doc.meta) {
      std::string line = padded(printable(key), key_width, false) + "  " + printable(value);
      rstrip(line);
      out << line << '\n';
    }
  }
  for (const Section& full : doc.sections) {
    const Section s = displayed(full);
    out << '\n';
    write_section(out, s, color);
  }
  if (!out) return Status::IoError("cannot write the report");
  return Status::Ok();
}

}  // namespace clm::detail
