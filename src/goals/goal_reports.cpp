// Goals over an analysis: the reports a list of goals reads, built and checked in
// one call, and the check as a Document or as plain text.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/goals.h"
#include "clm/report.h"

namespace clm {
namespace {

constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kRed = "\x1b[31m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kReset = "\x1b[0m";

std::string number(double v) {
  return fmt::format("{:.6g}", v);
}

std::string target_text(const GoalResult& r) {
  if (r.min && r.max) return "in [" + number(*r.min) + ", " + number(*r.max) + "]";
  if (r.min) return ">= " + number(*r.min);
  return "<= " + number(*r.max);
}

Value opt_number(const std::optional<double>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}

}  // namespace

Result<std::vector<GoalReport>> goal_reports(const std::vector<GoalSpec>& goals) {
  std::map<std::string, std::set<std::string>> needs;
  for (const GoalSpec& g : goals) {
    auto source = goal_source(g);
    if (!source.ok()) return source.status();
    std::string area = report_section_of(source->section);
    needs[source->group_by].insert(area.empty() ? source->section : std::move(area));
  }
  std::vector<GoalReport> out;
  for (auto& [group_by, sections] : needs) {
    out.push_back({group_by, std::vector<std::string>(sections.begin(), sections.end())});
  }
  return out;
}

Result<GoalCheck> check_goals(const Analysis& analysis, const std::vector<GoalSpec>& goals,
                              const GoalCheckOptions& options) {
  auto plan = goal_reports(goals);
  if (!plan.ok()) return plan.status();
  std::vector<Document> reports;
  for (const GoalReport& r : *plan) {
    std::optional<Analysis> regrouped;
    if (r.group_by != analysis.scope().group_by.name()) {
      auto grouped = analysis.with_group_by(GroupBy::parse(r.group_by));
      if (!grouped.ok()) return grouped.status();
      regrouped.emplace(std::move(grouped).value());
    }
    auto doc = (regrouped ? *regrouped : analysis).report(r.sections);
    if (!doc.ok()) return doc.status();
    reports.push_back(std::move(doc).value());
  }
  std::vector<const Document*> docs;
  for (const Document& d : reports) docs.push_back(&d);
  return check_goals(goals, docs, options);
}

Document goal_check_document(const GoalCheck& check) {
  Document doc;
  doc.title = "clm check";
  doc.meta = {{"results", fmt::to_string(check.results.size())},
              {"passed", fmt::to_string(check.passed)},
              {"failed", fmt::to_string(check.failed)},
              {"null", fmt::to_string(check.nulls)},
              {"ok", check.ok() ? "true" : "false"}};
  Section s;
  s.id = "goals";
  s.title = "Goals";
  s.add_column("goal", "Goal", ColumnKind::kCount);
  s.add_column("metric", "Metric", ColumnKind::kText);
  s.add_column("scope", "Scope", ColumnKind::kText);
  s.add_column("period", "Period", ColumnKind::kText);
  s.add_column("value", "Value", ColumnKind::kNumber, 4);
  s.add_column("min", "Min", ColumnKind::kNumber, 4);
  s.add_column("max", "Max", ColumnKind::kNumber, 4);
  s.add_column("verdict", "Verdict", ColumnKind::kText);
  s.add_column("failed", "Failed", ColumnKind::kFlag);
  for (const GoalResult& r : check.results) {
    s.rows.push_back({static_cast<std::int64_t>(r.goal + 1), r.metric, r.scope, r.period,
                      opt_number(r.value), opt_number(r.min), opt_number(r.max),
                      std::string(verdict_name(r.verdict)), r.failed});
  }
  doc.sections.push_back(std::move(s));
  return doc;
}

std::string goal_check_text(const GoalCheck& check, bool color) {
  std::size_t metric_w = 6, scope_w = 5, period_w = 6, value_w = 5;
  std::vector<std::string> values;
  for (const GoalResult& r : check.results) {
    values.push_back(r.value ? number(*r.value) : "null");
    metric_w = std::max(metric_w, r.metric.size());
    scope_w = std::max(scope_w, r.scope.size());
    period_w = std::max(period_w, r.period.size());
    value_w = std::max(value_w, values.back().size());
  }
  auto pad = [](std::string s, std::size_t w, bool right = false) {
    const std::string fill(w > s.size() ? w - s.size() : 0, ' ');
    return right ? fill + s : s + fill;
  };
  std::string out = pad("VERDICT", 8) + pad("METRIC", metric_w + 2) + pad("SCOPE", scope_w + 2) +
                    pad("PERIOD", period_w + 2) + pad("VALUE", value_w, true) + "  TARGET\n";
  for (std::size_t i = 0; i < check.results.size(); ++i) {
    const GoalResult& r = check.results[i];
    const std::string verdict(verdict_name(r.verdict));
    const char* colour = r.verdict == Verdict::kPass ? kGreen : r.failed ? kRed : kYellow;
    out += color ? std::string(colour) + pad(verdict, 4) + kReset + "    " : pad(verdict, 8);
    out += pad(r.metric, metric_w + 2) + pad(r.scope, scope_w + 2) + pad(r.period, period_w + 2) +
           pad(values[i], value_w, true) + "  " + target_text(r) + "\n";
  }
  out += fmt::format("\n{} checked: {} passed, {} failed, {} null{}", check.results.size(),
                     check.passed, check.failed, check.nulls,
                     check.ok() ? "\n" : " -- goals not met\n");
  return out;
}

}  // namespace clm
