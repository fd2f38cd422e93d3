// The HTML report: charts present, values equal to hand-computed ones,
// escaping of user data, undefined values, absent sections, well-formed
// markup and byte-identical output.
#include <catch2/catch.hpp>
#include <cctype>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clm/event_store.h"
#include "clm/grouping.h"
#include "clm/money.h"
#include "clm/report.h"
#include "clm/reporters.h"
#include "clm/time.h"

namespace {

constexpr const char* kEvil = "<script>alert(1)</script>";

clm::Timestamp T(const char* s) {
  auto t = clm::parse_timestamp(s, clm::TimeZone::utc());
  REQUIRE(t.ok());
  return *t;
}

// Two customers acquired in January 2024: a (channel kEvil) and b ("search").
//   purchases: a 30 on Jan 5; b 20 on Jan 6 and 20 on Feb 10
//   spend: search 100, kEvil 50 (both Jan 10)
//   NPS: a 10 and b 4 in January, a 9 in February; CSAT: a 5, b 2 in January;
//   no CES answer at all.
clm::EventStore tiny_store() {
  clm::EventStoreBuilder b;
  const auto customer = [&](const char* id, const char* at, const char* channel) {
    clm::CustomerInput c;
    c.customer_id = id;
    c.acquired_at = T(at);
    c.channel = channel;
    REQUIRE(b.add_customer(c).ok());
  };
  const auto event = [&](const char* id, const char* time, const char* type,
                         std::optional<clm::Money> amount, std::optional<int> score) {
    clm::EventInput e;
    e.customer_id = id;
    e.time = T(time);
    e.type = type;
    e.amount = amount;
    e.score = score;
    REQUIRE(b.add_event(e).ok());
  };
  customer("a", "2024-01-05T09:00:00Z", kEvil);
  customer("b", "2024-01-06T09:00:00Z", "search");
  event("a", "2024-01-05T10:00:00Z", "purchase", 30 * clm::kMicrosPerUnit, std::nullopt);
  event("b", "2024-01-06T10:00:00Z", "purchase", 20 * clm::kMicrosPerUnit, std::nullopt);
  event("b", "2024-02-10T10:00:00Z", "purchase", 20 * clm::kMicrosPerUnit, std::nullopt);
  event("a", "2024-01-07T10:00:00Z", "nps", std::nullopt, 10);
  event("b", "2024-01-08T10:00:00Z", "nps", std::nullopt, 4);
  event("a", "2024-02-07T10:00:00Z", "nps", std::nullopt, 9);
  event("a", "2024-01-09T10:00:00Z", "csat", std::nullopt, 5);
  event("b", "2024-01-09T11:00:00Z", "csat", std::nullopt, 2);
  for (const char* channel : {"search", kEvil}) {
    clm::SpendInput s;
    s.date = T("2024-01-10");
    s.channel = channel;
    s.amount = (std::string(channel) == "search" ? 100 : 50) * clm::kMicrosPerUnit;
    REQUIRE(b.add_spend(s).ok());
  }
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

std::string html_report(const clm::EventStore& store, std::vector<std::string> sections = {},
                        std::string_view group_by = "") {
  clm::ReportOptions options;
  options.scope.from = T("2024-01-01");
  options.scope.to = T("2024-03-01");
  options.scope.group_by = clm::GroupBy::parse(group_by);
  options.sections = std::move(sections);
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), options);
  REQUIRE(doc.ok());
  std::ostringstream out;
  REQUIRE(clm::write_report(out, *doc, clm::Format::kHtml).ok());
  return out.str();
}

// The markup of <section id="id"> ... </section> ("" when absent).
std::string section_of(const std::string& html, const std::string& id) {
  const std::size_t start = html.find("<section id=\"" + id + "\">");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</section>", start) - start);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks that every element opened is closed in order (void and self-closed
// elements excepted; <style> content skipped) and that no '<' starts
// anything but a tag. Returns "" or the first problem.
std::string check_well_formed(const std::string& html) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    const std::size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    const std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '!') continue;  // <!DOCTYPE html>
    if (tag.back() == '/') continue;
    const bool closing = tag[0] == '/';
    std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" \n", closing ? 1 : 0) - (closing ? 1 : 0));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      return "not a tag: <" + tag.substr(0, 20);
    }
    if (name == "meta") continue;
    if (!closing) {
      open.push_back(name);
      if (name == "style") {
        i = html.find("</style>", i);
        if (i == std::string::npos) return "unclosed style";
      }
    } else {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
      }
      open.pop_back();
    }
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

}  // namespace

TEST_CASE("HTML report: every chart of the report is drawn", "[html]") {
  const std::string html = html_report(tiny_store());
  for (const char* id :
       {"chart-nps", "chart-csat", "chart-churn", "chart-cohorts", "chart-stage_flow",
        "chart-funnel", "chart-survival_curve", "chart-clv_cac", "chart-rfm"}) {
    INFO(id);
    CHECK(contains(html, std::string("<figure class=\"chart\" id=\"") + id + "\">"));
  }
  CHECK(contains(html, "id=\"headline\""));
  CHECK(contains(html, "role=\"img\""));
  // Self-contained: the only URL is the SVG namespace name (never fetched).
  std::size_t urls = 0, namespaces = 0;
  for (std::size_t i = 0; (i = html.find("http", i)) != std::string::npos; ++i) ++urls;
  const std::string ns = "xmlns=\"http://www.w3.org/2000/svg\"";
  for (std::size_t i = 0; (i = html.find(ns, i)) != std::string::npos; ++i) ++namespaces;
  CHECK(urls == namespaces);
  CHECK(namespaces >= 9);
}

TEST_CASE("HTML report: chart values and their tables equal hand-computed values", "[html]") {
  const std::string html = html_report(tiny_store());
  // NPS: January 1 promoter, 1 detractor of 2 = 0; February 1 promoter of 1
  // = 100; window 2 promoters, 1 detractor of 3 = 100 / 3 = 33.3.
  const std::string nps = section_of(html, "nps");
  CHECK(contains(nps, "<title>all 2024-01: 0</title>"));
  CHECK(contains(nps, "<title>all 2024-02: 100</title>"));
  CHECK(contains(nps, "<td class=\"num\">33.3</td>"));
  CHECK(contains(nps, "<td class=\"num\">100.0</td>"));
  // CSAT: January answers 5 and 2, one of two satisfied = 50.
  CHECK(contains(section_of(html, "csat"), "<title>all 2024-01: 50</title>"));
  // Cohort 2024-01: both customers buy in January, retention at offset 0 = 100 %.
  CHECK(contains(section_of(html, "cohorts"), "<title>2024-01, 0: 100.0%</title>"));
  // CAC vs CLV: search 100 / 1 = 100.00, mean CLV of b 20 + 20 = 40.00;
  // the other channel 50 / 1 = 50.00, CLV of a 30.00.
  const std::string clv_cac = section_of(html, "clv_cac");
  CHECK(contains(clv_cac, "<title>search, CAC: 100.00</title>"));
  CHECK(contains(clv_cac, "<title>search, Mean CLV: 40.00</title>"));
  CHECK(contains(clv_cac, "CAC: 50.00</title>"));
  CHECK(contains(clv_cac, "Mean CLV: 30.00</title>"));
  CHECK(contains(clv_cac, "<td class=\"num\">100.00</td>"));
  // Funnel: both customers are first seen in the window.
  CHECK(contains(section_of(html, "funnel"), "<title>reach: 2</title>"));
  // Headline: 2 customers; blended CAC 150 / 2 = 75.00; mean CLV
  // (30 + 40) / 2 = 35.00; CLV:CAC 30 / 50 = 0.60 and 40 / 100 = 0.40;
  // NPS 33.3 of 3 answers.
  const std::string head = html.substr(html.find("id=\"headline\""));
  CHECK(contains(head, "<dt>Customers</dt><dd class=\"value\">2</dd>"));
  CHECK(contains(head, "<dt>CAC</dt><dd class=\"value\">75.00</dd>"));
  CHECK(contains(head, "<dt>CLV</dt><dd class=\"value\">35.00</dd>"));
  CHECK(contains(head, "<dt>CLV:CAC</dt><dd class=\"value\">0.40–0.60</dd>"));
  CHECK(contains(head, "<dt>NPS</dt><dd class=\"value\">33.3</dd><dd class=\"note\">3 answers"));
}

TEST_CASE("HTML report: user data is escaped in charts, tables and headline", "[html]") {
  const std::string html = html_report(tiny_store());
  CHECK_FALSE(contains(html, kEvil));
  CHECK_FALSE(contains(html, "<script"));
  const std::string clv_cac = section_of(html, "clv_cac");
  // In the bar chart's category label and tooltip, and in the table.
  CHECK(contains(clv_cac, ">&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
  CHECK(contains(clv_cac, "<title>&lt;script&gt;alert(1)&lt;/script&gt;, CAC: 50.00</title>"));
  CHECK(contains(clv_cac, "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
}

TEST_CASE("HTML report: undefined values show a dash with a note", "[html]") {
  const std::string html = html_report(tiny_store());
  // No CES answer in the window: the card is undefined and says why.
  const std::string head = html.substr(html.find("id=\"headline\""));
  CHECK(contains(head,
                 "<dt>CES</dt><dd class=\"value null\">—</dd>"
                 "<dd class=\"note\">undefined: no answers in the window</dd>"));
  // Churn in January: nobody active at its start, so no point is drawn for
  // it, and the table shows a dash.
  const std::string churn = section_of(html, "churn");
  CHECK_FALSE(contains(churn, "<title>Churn 2024-01:"));
  CHECK(contains(churn, "<td class=\"null\">—</td>"));
}

TEST_CASE("HTML report: a section not in the report has no chart and no card value", "[html]") {
  const std::string html = html_report(tiny_store(), {"nps"});
  CHECK(contains(html, "id=\"chart-nps\""));
  for (const char* id : {"chart-cohorts", "chart-churn", "chart-clv_cac", "chart-rfm",
                         "chart-survival_curve", "chart-funnel", "chart-stage_flow"}) {
    INFO(id);
    CHECK_FALSE(contains(html, id));
  }
  CHECK(contains(html,
                 "<dt>CAC</dt><dd class=\"value null\">—</dd>"
                 "<dd class=\"note\">not in this report</dd>"));
  CHECK(check_well_formed(html).empty());
}

TEST_CASE("HTML report: the markup is well-formed and byte-identical across runs", "[html]") {
  const clm::EventStore store = tiny_store();
  const std::string html = html_report(store);
  CHECK(check_well_formed(html) == "");
  CHECK(html == html_report(store));
  // The checker itself rejects broken markup.
  CHECK_FALSE(check_well_formed("<svg><g></svg>").empty());
  CHECK_FALSE(check_well_formed("<p>1 < 2</p>").empty());
  CHECK(check_well_formed("<svg><g><line/></g></svg>").empty());
}

TEST_CASE("HTML report: a grouped report charts each group, names escaped", "[html]") {
  // Grouped by acquisition channel: groups kEvil and "search" (byte order,
  // '<' sorts first), one customer each.
  const std::string html = html_report(tiny_store(), {}, "channel");
  CHECK_FALSE(contains(html, kEvil));
  CHECK(check_well_formed(html).empty());
  // One small multiple per group for the heatmaps and bars, one line per
  // group for the period charts, named in the legend.
  CHECK(contains(html, "id=\"chart-cohorts\""));
  CHECK(contains(html, "id=\"chart-cohorts-2\""));
  CHECK_FALSE(contains(html, "id=\"chart-cohorts-3\""));
  CHECK(contains(html,
                 "<title id=\"chart-cohorts-svg-title\">Cohort retention "
                 "(&lt;script&gt;alert(1)&lt;/script&gt;)</title>"));
  const std::string nps = section_of(html, "nps");
  CHECK(contains(nps, "</span>&lt;script&gt;alert(1)&lt;/script&gt;</li>"));
  CHECK(contains(nps, "</span>search</li>"));
  // b (search) answered 4 in January: NPS -100; a answered 10: NPS 100.
  CHECK(contains(nps, "<title>search 2024-01: -100</title>"));
  CHECK(contains(nps, "<title>&lt;script&gt;alert(1)&lt;/script&gt; 2024-01: 100</title>"));
  // Group-level cards have no single value.
  CHECK(contains(html,
                 "<dt>NPS</dt><dd class=\"value null\">—</dd>"
                 "<dd class=\"note\">per group: see the tables</dd>"));
}
