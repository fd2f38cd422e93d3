// The headline cards: one number per card, each read from its section's
// overall row (group "all", period "window"). A card whose section is not in
// the report, or whose value is undefined, shows "—" and says why.
#include <algorithm>
#include <string>

#include "report/cells.h"
#include "report/html/page.h"
#include "report/html/svg.h"
#include "report/html/view.h"

namespace clm::detail::html {
namespace {

struct Card {
  std::string label;
  std::string value;  // "" = undefined
  std::string note;
};

std::string meta(const Document& doc, std::string_view key) {
  for (const auto& [k, v] : doc.meta) {
    if (k == key) return v;
  }
  return "";
}

// The rows that describe everyone: group "all" (or no group column), and the
// window row when the section has periods.
std::vector<const Row*> overall(const View& v, bool window_only) {
  std::vector<const Row*> out;
  const std::vector<std::string> groups = v.groups();
  const std::string group = groups.size() == 1 ? groups[0] : "all";
  for (const Row* r : v.rows_of(group)) {
    if (window_only && v.col("period") && v.text(*r, "period") != "window") continue;
    out.push_back(r);
  }
  return out;
}

// A card holding `key` of the section's overall window row.
Card card(const Document& doc, std::string label, std::string_view id, std::string_view key,
          std::string note) {
  Card c{std::move(label), "", ""};
  const Section* s = find_section(doc, id);
  if (s == nullptr) {
    c.note = "not in this report";
    return c;
  }
  const View v(*s);
  const std::vector<const Row*> rows = overall(v, true);
  if (rows.empty()) {
    c.note = "per group: see the tables";
    return c;
  }
  const Row& r = *rows.front();
  if (v.num(r, key)) {
    c.value = v.text(r, key);
    c.note = std::move(note);
  } else if (v.col("n") && v.num(r, "n") == 0.0) {
    c.note = "undefined: no answers in the window";
  } else {
    c.note = "undefined for this data";
  }
  return c;
}

std::string answers(const Document& doc, std::string_view id) {
  const Section* s = find_section(doc, id);
  if (s == nullptr) return "";
  const View v(*s);
  const auto rows = overall(v, true);
  return rows.empty() ? "" : v.text(*rows.front(), "n") + " answers";
}

Card active_card(const Document& doc) {
  Card c{"Active", "", ""};
  const Section* s = find_section(doc, "churn");
  if (s == nullptr) {
    c.note = "not in this report";
    return c;
  }
  const View v(*s);
  const std::vector<const Row*> rows = overall(v, false);
  if (rows.empty() || v.text(*rows.back(), "period") == "window") {
    c.note = rows.empty() ? "per group: see the tables" : "undefined for this data";
    return c;
  }
  c.value = v.text(*rows.back(), "end_active");
  c.note = "customers active at the end of " + v.text(*rows.back(), "period");
  return c;
}

Card clv_cac_card(const Document& doc) {
  Card c{"CLV:CAC", "", ""};
  const Section* s = find_section(doc, "clv_cac");
  if (s == nullptr) {
    c.note = "not in this report";
    return c;
  }
  const View v(*s);
  const Row* lo = nullptr;
  const Row* hi = nullptr;
  std::size_t defined = 0, meets = 0;
  for (const Row& r : s->rows) {
    const auto x = v.num(r, "clv_cac");
    if (!x) continue;
    ++defined;
    if (v.text(r, "meets_benchmark") == "yes") ++meets;
    if (lo == nullptr || *x < *v.num(*lo, "clv_cac")) lo = &r;
    if (hi == nullptr || *x > *v.num(*hi, "clv_cac")) hi = &r;
  }
  if (defined == 0) {
    c.note = "undefined: no channel with a CAC above 0";
    return c;
  }
  c.value = v.text(*lo, "clv_cac");
  if (lo != hi) c.value += "–" + v.text(*hi, "clv_cac");
  c.note = std::to_string(meets) + " of " + std::to_string(defined) +
           " channels meet the benchmark (" + v.text(s->rows.front(), "benchmark") + ":1)";
  return c;
}

}  // namespace

std::string headline(const Document& doc) {
  const std::string period = meta(doc, "period");
  std::vector<Card> cards;
  cards.push_back(card(doc, "Customers", "clv", "customers", "acquired before the as-of time"));
  cards.push_back(active_card(doc));
  cards.push_back(card(
      doc, "Churn", "churn", "churn_rate",
      "per " + (period.empty() ? std::string("period") : period) + ", pooled over the window"));
  cards.push_back(card(doc, "NPS", "nps", "nps", answers(doc, "nps")));
  cards.push_back(card(doc, "CSAT", "csat", "csat", answers(doc, "csat")));
  cards.push_back(card(doc, "CES", "ces", "ces", answers(doc, "ces")));
  cards.push_back(card(doc, "CAC", "cac_summary", "blended_cac", "blended, over the window"));
  cards.push_back(card(doc, "CLV", "clv", "historical_clv_mean", "historical, mean per customer"));
  cards.push_back(clv_cac_card(doc));
  std::string out = "<dl class=\"cards\" id=\"headline\">\n";
  for (const Card& c : cards) {
    out += "<div class=\"card\"><dt>" + escape(c.label) + "</dt><dd class=\"value" +
           (c.value.empty() ? " null\">" + escape(kNullText) : "\">" + escape(c.value)) +
           "</dd><dd class=\"note\">" + escape(c.note) + "</dd></div>\n";
  }
  out += "</dl>\n";
  return out;
}

}  // namespace clm::detail::html
