// The headline cards: one number per card, as the section schemas declare
// them (clm/section_schema.h), each read from its section's overall row
// (group "all", period "window"). A card whose section is not in the report,
// or whose value is undefined, shows "—" and says why.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "clm/section_schema.h"
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

// `note` with "{key}" replaced by the text of that column of `row`,
// "{meta:key}" by the report metadata, and the names in `extra` by their values.
std::string fill(const Document& doc, const View& v, const Row* row, const std::string& note,
                 const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  std::string out;
  std::size_t at = 0;
  while (at < note.size()) {
    const std::size_t open = note.find('{', at);
    const std::size_t close = open == std::string::npos ? open : note.find('}', open);
    if (close == std::string::npos) break;
    out += note.substr(at, open - at);
    const std::string name = note.substr(open + 1, close - open - 1);
    std::string value;
    const auto known =
        std::find_if(extra.begin(), extra.end(), [&](const auto& e) { return e.first == name; });
    if (known != extra.end()) {
      value = known->second;
    } else if (name.rfind("meta:", 0) == 0) {
      value = meta(doc, name.substr(5));
      if (value.empty()) value = name.substr(5);
    } else if (row != nullptr) {
      value = v.text(*row, name);
    }
    out += value;
    at = close + 1;
  }
  return out + note.substr(std::min(at, note.size()));
}

// The lowest–highest defined value over every row of the section.
Card range_card(const Document& doc, const View& v, const CardSpec& spec) {
  Card c{spec.label, "", ""};
  const Section& s = v.section();
  const Row* lo = nullptr;
  const Row* hi = nullptr;
  std::size_t defined = 0, flagged = 0;
  for (const Row& r : s.rows) {
    const auto x = v.num(r, spec.column);
    if (!x) continue;
    ++defined;
    const auto f = v.col(spec.flag);
    if (f && r[*f] == Value(true)) ++flagged;
    if (lo == nullptr || *x < *v.num(*lo, spec.column)) lo = &r;
    if (hi == nullptr || *x > *v.num(*hi, spec.column)) hi = &r;
  }
  if (defined == 0) {
    c.note = spec.undefined_note;
    return c;
  }
  c.value = v.text(*lo, spec.column);
  if (lo != hi) c.value += "–" + v.text(*hi, spec.column);
  c.note = fill(doc, v, &s.rows.front(), spec.note,
                {{"defined", fmt::to_string(defined)}, {"flagged", fmt::to_string(flagged)}});
  return c;
}

// The card `spec` of section `s` (nullptr: not in the report).
Card card(const Document& doc, const Section* s, const CardSpec& spec) {
  Card c{spec.label, "", ""};
  if (s == nullptr) {
    c.note = "not in this report";
    return c;
  }
  const View v(*s);
  if (spec.row == CardRow::kRange) return range_card(doc, v, spec);
  const bool last = spec.row == CardRow::kLastPeriod;
  const std::vector<const Row*> rows = overall(v, !last);
  if (rows.empty()) {
    c.note = "per group: see the tables";
    return c;
  }
  const Row& r = last ? *rows.back() : *rows.front();
  if (last && v.text(r, "period") == "window") {
    c.note = spec.undefined_note;
  } else if (v.num(r, spec.column)) {
    c.value = v.text(r, spec.column);
    c.note = fill(doc, v, &r, spec.note);
  } else if (!spec.empty_column.empty() && v.col(spec.empty_column) &&
             v.num(r, spec.empty_column) == 0.0) {
    c.note = spec.empty_note;
  } else {
    c.note = spec.undefined_note;
  }
  return c;
}

}  // namespace

std::string headline(const Document& doc) {
  // Every card any section declares, in rank order; a schema's section is
  // the first of the report built from it.
  std::vector<std::pair<const CardSpec*, const SectionSchema*>> specs;
  for (const SectionSchema* schema : section_schemas()) {
    for (const CardSpec& spec : schema->cards) specs.emplace_back(&spec, schema);
  }
  std::stable_sort(specs.begin(), specs.end(),
                   [](const auto& a, const auto& b) { return a.first->rank < b.first->rank; });
  std::vector<Card> cards;
  for (const auto& [spec, schema] : specs) {
    const auto it =
        std::find_if(doc.sections.begin(), doc.sections.end(),
                     [schema = schema](const Section& s) { return s.schema == schema; });
    cards.push_back(card(doc, it == doc.sections.end() ? nullptr : &*it, *spec));
  }
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
