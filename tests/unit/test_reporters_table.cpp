#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "clm/reporters.h"
#include "test_reporters_fixture.h"

namespace {

std::string render(const clm::Document& doc, clm::Format f, bool color = false) {
  std::ostringstream out;
  clm::ReporterOptions opt;
  opt.color = color;
  REQUIRE(clm::write_report(out, doc, f, opt).ok());
  return out.str();
}

}  // namespace

TEST_CASE("parse_format accepts the five names and md", "[reporters]") {
  CHECK(*clm::parse_format("table") == clm::Format::kTable);
  CHECK(*clm::parse_format("json") == clm::Format::kJson);
  CHECK(*clm::parse_format("csv") == clm::Format::kCsv);
  CHECK(*clm::parse_format("markdown") == clm::Format::kMarkdown);
  CHECK(*clm::parse_format("md") == clm::Format::kMarkdown);
  CHECK(*clm::parse_format("html") == clm::Format::kHtml);
  auto bad = clm::parse_format("xml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == clm::Status::Code::kInvalidArgument);
  CHECK(clm::format_name(clm::Format::kMarkdown) == "markdown");
}

TEST_CASE("table: aligned columns, money 2 decimals, rates in percent, null as a dash",
          "[reporters]") {
  // Widths: Group 5, Customers 9, Revenue 7 ("1234.57"), Churn 5 ("25.0%"),
  // Score 5, Paid 4; numbers right-aligned, two spaces between columns, no
  // trailing blanks.
  const std::string expected =
      "t\n"
      "=\n"
      "\n"
      "from    2024-01-01T00:00:00Z\n"
      "period  month\n"
      "\n"
      "Demo\n"
      "----\n"
      "Group  Customers  Revenue  Churn  Score  Paid\n"
      "-----  ---------  -------  -----  -----  ----\n"
      "all           12  1234.57  25.0%    7.3  yes\n"
      "de             0    -0.50      \xE2\x80\x94      \xE2\x80\x94  no\n"
      "* a note\n";
  CHECK(render(clm::testing::demo_document(), clm::Format::kTable) == expected);
}

TEST_CASE("table: empty section, NaN and negative zero", "[reporters]") {
  clm::Document doc;
  doc.title = "r";
  clm::Section s;
  s.id = "x";
  s.title = "X";
  s.add_column("rate", "Rate", clm::ColumnKind::kRate);
  doc.sections.push_back(s);
  CHECK(render(doc, clm::Format::kTable) == "r\n=\n\nX\n-\nRate\n----\n(no rows)\n");

  // -0.00001 is -0.001 % which rounds to 0.0 and must not print as "-0.0%";
  // NaN and infinity are never printed: they show as undefined.
  doc.sections[0].rows = {{-0.00001},
                          {std::numeric_limits<double>::quiet_NaN()},
                          {std::numeric_limits<double>::infinity()}};
  CHECK(render(doc, clm::Format::kTable) ==
        "r\n=\n\nX\n-\nRate\n----\n0.0%\n   \xE2\x80\x94\n   \xE2\x80\x94\n");
}

TEST_CASE("table: colour only when asked", "[reporters]") {
  const auto doc = clm::testing::demo_document();
  CHECK(render(doc, clm::Format::kTable).find('\x1b') == std::string::npos);
  const std::string colored = render(doc, clm::Format::kTable, true);
  CHECK(colored.find("\x1b[1mDemo\x1b[0m\n") != std::string::npos);
  CHECK(colored.find("\x1b[2m") != std::string::npos);  // nulls dimmed
}

TEST_CASE("table: ties round half away from zero", "[reporters]") {
  clm::Document doc;
  doc.title = "r";
  clm::Section s;
  s.id = "x";
  s.title = "X";
  s.add_column("nps", "NPS", clm::ColumnKind::kNumber, 1);
  s.add_column("rate", "Rate", clm::ColumnKind::kRate);
  // 100 × (56 − 46) / 160 = 6.25 exactly → 6.3 (not the even 6.2);
  // 0.00125 = 0.125 % → 0.1 (nearer 0.1 than 0.2); -6.25 → -6.3.
  s.rows = {{6.25, 0.00125}, {-6.25, 0.5}};
  doc.sections.push_back(s);
  CHECK(render(doc, clm::Format::kTable) ==
        "r\n=\n\nX\n-\n"
        " NPS   Rate\n"
        "----  -----\n"
        " 6.3   0.1%\n"
        "-6.3  50.0%\n");
}

TEST_CASE("table: width counts UTF-8 code points, not bytes", "[reporters]") {
  clm::Document doc;
  doc.title = "r";
  clm::Section s;
  s.id = "x";
  s.title = "X";
  s.add_column("city", "City", clm::ColumnKind::kText);
  s.add_column("n", "N", clm::ColumnKind::kCount);
  s.rows = {{std::string("M\xC3\xBCnchen"), std::int64_t{1}},  // 7 code points, 8 bytes
            {std::string("Rom"), std::int64_t{22}}};
  doc.sections.push_back(s);
  CHECK(render(doc, clm::Format::kTable) ==
        "r\n=\n\nX\n-\n"
        "City      N\n"
        "-------  --\n"
        "M\xC3\xBCnchen   1\n"
        "Rom      22\n");
}

TEST_CASE("markdown: GitHub tables with alignment and escaped pipes", "[reporters]") {
  const std::string expected =
      "# t\n"
      "\n"
      "| Setting | Value |\n"
      "|:--|:--|\n"
      "| from | 2024-01-01T00:00:00Z |\n"
      "| period | month |\n"
      "\n"
      "## Demo\n"
      "\n"
      "| Group | Customers | Revenue | Churn | Score | Paid |\n"
      "|:--|--:|--:|--:|--:|:--|\n"
      "| all | 12 | 1234.57 | 25.0% | 7.3 | yes |\n"
      "| de | 0 | -0.50 | \xE2\x80\x94 | \xE2\x80\x94 | no |\n"
      "\n"
      "- a note\n";
  CHECK(render(clm::testing::demo_document(), clm::Format::kMarkdown) == expected);

  clm::Document doc;
  doc.title = "a|b";
  CHECK(render(doc, clm::Format::kMarkdown) == "# a\\|b\n");
}

TEST_CASE("html: self-contained page with escaped text and numeric and null cells", "[reporters]") {
  auto doc = clm::testing::demo_document();
  doc.sections[0].rows[0][0] = std::string("<b>&\"'");
  const std::string html = render(doc, clm::Format::kHtml);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);
  CHECK(html.find("<title>t</title>") != std::string::npos);
  CHECK(html.find("<div><dt>from</dt><dd>2024-01-01T00:00:00Z</dd></div>") != std::string::npos);
  CHECK(html.find("<section id=\"demo\">\n<h2>Demo</h2>") != std::string::npos);
  CHECK(html.find("<tr><td>&lt;b&gt;&amp;&quot;&#39;</td><td class=\"num\">12</td>"
                  "<td class=\"num\">1234.57</td><td class=\"num\">25.0%</td>"
                  "<td class=\"num\">7.3</td><td>yes</td></tr>") != std::string::npos);
  CHECK(html.find("<td class=\"null\">\xE2\x80\x94</td>") != std::string::npos);
  CHECK(html.find("<li>a note</li>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // no external resources
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
}

TEST_CASE("write_report reports a failed stream as IoError", "[reporters]") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const clm::Status s = clm::write_report(out, clm::testing::demo_document(), clm::Format::kCsv);
  CHECK(s.code() == clm::Status::Code::kIoError);
}

TEST_CASE("table and Markdown escape control characters; Markdown escapes HTML", "[reporters]") {
  clm::Document doc;
  doc.title = "t\x1b[2J";
  clm::Section s;
  s.id = "x";
  s.title = "S";
  s.add_column("id", "Id", clm::ColumnKind::kText);
  s.rows.push_back({std::string("a\x1b[31mb")});
  s.rows.push_back({std::string("two\nlines\t\x7f")});
  s.rows.push_back(
      {std::string("c1\xc2\x85"
                   "end")});
  s.rows.push_back({std::string("<b>x</b>&lt;|")});
  doc.sections.push_back(s);

  // An escape is as wide as its text: the rules are 8 ("t\x1b[2J") and 16
  // ("two\nlines\t\x7f") wide.
  const std::string table =
      "t\\x1b[2J\n"
      "========\n"
      "\n"
      "S\n"
      "-\n"
      "Id\n"
      "----------------\n"
      "a\\x1b[31mb\n"
      "two\\nlines\\t\\x7f\n"
      "c1\\u0085end\n"
      "<b>x</b>&lt;|\n";
  CHECK(render(doc, clm::Format::kTable) == table);

  const std::string md = render(doc, clm::Format::kMarkdown);
  CHECK(md.starts_with("# t\\x1b[2J\n"));
  CHECK(md.find("| a\\x1b[31mb |\n") != std::string::npos);
  CHECK(md.find("| two lines\\t\\x7f |\n") != std::string::npos);  // line breaks fold to spaces
  CHECK(md.find("| c1\\u0085end |\n") != std::string::npos);
  CHECK(md.find("| &lt;b>x&lt;/b>&amp;lt;\\| |\n") != std::string::npos);
  CHECK(md.find('<') == std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
}
