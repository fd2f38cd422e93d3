// Goals: the metric catalog (which section and column hold each metric, as
// the section schemas declare it) and the check of goals against report
// documents. Reading values from the
// Document, not from the metric results, keeps goals exactly in step with
// what the report prints and lets one check cover every section.
#include "clm/goals.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "clm/did_you_mean.h"
#include "clm/money.h"
#include "clm/section_schema.h"

namespace clm {
namespace {

const GoalMetric* find_metric(std::string_view name) {
  for (const GoalMetric& m : goal_metrics()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::string unknown_metric(std::string_view name) {
  std::string msg = "unknown goal metric '" + std::string(name) + "'";
  const std::string_view best = did_you_mean(name, goal_metrics(), &GoalMetric::name);
  if (!best.empty()) msg += " (did you mean '" + std::string(best) + "'?)";
  return msg + "; known metrics: " + [] {
    std::string list;
    for (const GoalMetric& m : goal_metrics())
      list += (list.empty() ? "" : ", ") + std::string(m.name);
    return list;
  }();
}

std::optional<std::size_t> column_index(const Section& s, std::string_view key) {
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].key == key) return i;
  }
  return std::nullopt;
}

const std::string* text_at(const std::vector<Value>& row, std::optional<std::size_t> i) {
  return i ? std::get_if<std::string>(&row[*i]) : nullptr;
}

// A cell as a number in report units (money in currency units); nullopt for null.
std::optional<double> number_of(const Value& v, ColumnKind kind) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return kind == ColumnKind::kMoney ? money_to_double(*i) : static_cast<double>(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::nullopt;
}

const Section* find_section(const Document& doc, std::string_view id) {
  for (const Section& s : doc.sections) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string doc_grouping(const Document& doc) {
  for (const auto& [key, value] : doc.meta) {
    if (key == "group_by") return value;
  }
  return "none";
}

// The rows one goal reads, with their scope labels.
struct Picked {
  std::string scope;
  std::string period;
  const std::vector<Value>* row = nullptr;  // nullptr: no row (null value)
};

Result<std::vector<Picked>> pick_rows(const GoalSpec& goal, const Section& s, bool per_channel) {
  const auto period_col = column_index(s, "period");
  const auto partial_col = column_index(s, "partial");
  const auto scope_col = column_index(s, per_channel ? "channel" : "group");
  if (!period_col && goal.period != GoalPeriod::kWindow) {
    return Status::InvalidArgument("goal metric '" + goal.metric +
                                   "' has no per-period series: use \"period\": \"window\"");
  }
  std::vector<Picked> picked;
  // For "last" and "last_complete": the index in `picked` of each scope's row.
  std::vector<std::pair<std::string, std::size_t>> last_of_scope;
  for (const auto& row : s.rows) {
    // The group or channel as the text formats write it: an absent one as
    // "(none)", a real "(none)" escaped.
    std::string scope = "all";
    if (scope_col && !goal.per.empty()) {
      const Value& v = row[*scope_col];
      if (const std::string* t = std::get_if<std::string>(&v)) {
        scope = goal.per + "=" + label_text(*t);
      } else if (std::holds_alternative<std::monostate>(v)) {
        scope = goal.per + "=" + std::string(kAbsentLabel);
      }
    }
    const std::string* period = text_at(row, period_col);
    const bool window_row = period == nullptr || *period == "window";
    if (goal.period == GoalPeriod::kWindow) {
      if (window_row) picked.push_back({scope, "window", &row});
      continue;
    }
    if (window_row) continue;
    if (goal.period == GoalPeriod::kEach) {
      picked.push_back({scope, *period, &row});
      continue;
    }
    if (goal.period == GoalPeriod::kLastComplete && partial_col) {
      const bool* partial = std::get_if<bool>(&row[*partial_col]);
      if (partial != nullptr && *partial) continue;
    }
    auto it = std::find_if(last_of_scope.begin(), last_of_scope.end(),
                           [&](const auto& p) { return p.first == scope; });
    if (it == last_of_scope.end()) {
      last_of_scope.emplace_back(scope, picked.size());
      picked.push_back({scope, *period, &row});
    } else {
      picked[it->second] = {scope, *period, &row};
    }
  }
  if (picked.empty()) {
    picked.push_back({goal.per.empty() ? "all" : goal.per + "=(none)",
                      std::string(goal_period_name(goal.period)), nullptr});
  }
  return picked;
}

}  // namespace

const std::vector<GoalMetric>& goal_metrics() {
  // Each metric once, in the report order of the first column feeding it.
  static const std::vector<GoalMetric> kMetrics = [] {
    std::vector<GoalMetric> metrics;
    for (const SectionSchema* schema : section_schemas()) {
      for (const ColumnSpec& c : schema->columns) {
        if (c.goal.metric.empty()) continue;
        auto it = std::find_if(metrics.begin(), metrics.end(),
                               [&](const GoalMetric& m) { return m.name == c.goal.metric; });
        if (it == metrics.end())
          it = metrics.insert(metrics.end(), GoalMetric{c.goal.metric, {}, {}, {}, {}, {}});
        if (c.goal.per_channel) {
          it->channel_section = schema->id;
          it->channel_column = c.key;
        } else {
          it->section = schema->id;
          it->column = c.key;
        }
        if (it->description.empty()) it->description = c.goal.description;
      }
    }
    return metrics;
  }();
  return kMetrics;
}

std::string_view goal_period_name(GoalPeriod p) {
  switch (p) {
    case GoalPeriod::kWindow:
      return "window";
    case GoalPeriod::kLast:
      return "last";
    case GoalPeriod::kLastComplete:
      return "last_complete";
    case GoalPeriod::kEach:
      return "each";
  }
  return "window";
}

Result<GoalPeriod> parse_goal_period(std::string_view text) {
  for (GoalPeriod p :
       {GoalPeriod::kWindow, GoalPeriod::kLast, GoalPeriod::kLastComplete, GoalPeriod::kEach}) {
    if (goal_period_name(p) == text) return p;
  }
  return Status::InvalidArgument("unknown goal period '" + std::string(text) +
                                 "' (expected window, last, last_complete or each)");
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kNull:
      return "NULL";
  }
  return "NULL";
}

Result<GoalSource> goal_source(const GoalSpec& goal) {
  const GoalMetric* m = find_metric(goal.metric);
  if (m == nullptr) return Status::InvalidArgument(unknown_metric(goal.metric));
  if (!goal.min && !goal.max) {
    return Status::InvalidArgument("goal '" + goal.metric + "' needs a target: min and/or max");
  }
  if (goal.min && goal.max && *goal.min > *goal.max) {
    return Status::InvalidArgument("goal '" + goal.metric + "': min is greater than max");
  }
  if (goal.per == "channel" && !m->channel_section.empty()) {
    return GoalSource{std::string(m->channel_section), ""};
  }
  if (m->section.empty()) {
    return Status::InvalidArgument("goal metric '" + goal.metric +
                                   "' is reported per channel only: add \"per\": \"channel\"");
  }
  return GoalSource{std::string(m->section), goal.per};
}

Result<GoalCheck> check_goals(const std::vector<GoalSpec>& goals,
                              const std::vector<const Document*>& reports,
                              const GoalCheckOptions& options) {
  GoalCheck check;
  for (std::size_t g = 0; g < goals.size(); ++g) {
    const GoalSpec& goal = goals[g];
    auto source = goal_source(goal);
    if (!source.ok()) return source.status();
    const std::string grouping = source->group_by.empty() ? "none" : source->group_by;
    const Section* section = nullptr;
    for (const Document* doc : reports) {
      if (doc_grouping(*doc) != grouping) continue;
      section = find_section(*doc, source->section);
      if (section != nullptr) break;
    }
    if (section == nullptr) {
      return Status::InvalidArgument("goal '" + goal.metric + "': no report has section '" +
                                     source->section + "' grouped by " + grouping);
    }
    const GoalMetric& metric = *find_metric(goal.metric);
    const bool per_channel = source->section == metric.channel_section && goal.per == "channel";
    const std::string_view key = per_channel ? metric.channel_column : metric.column;
    const auto value_col = column_index(*section, key);
    if (!value_col) {
      return Status::Internal("section '" + section->id + "' has no column '" + std::string(key) +
                              "'");
    }
    auto rows = pick_rows(goal, *section, per_channel);
    if (!rows.ok()) return rows.status();
    for (const Picked& p : *rows) {
      GoalResult r;
      r.goal = g;
      r.metric = goal.metric;
      r.scope = p.scope;
      r.period = p.period;
      r.min = goal.min;
      r.max = goal.max;
      if (p.row != nullptr) {
        r.value = number_of((*p.row)[*value_col], section->columns[*value_col].kind);
      }
      if (!r.value) {
        r.verdict = Verdict::kNull;
        r.failed = goal.null_fails.value_or(options.null_fails);
        ++check.nulls;
      } else {
        const bool pass =
            (!goal.min || *r.value >= *goal.min) && (!goal.max || *r.value <= *goal.max);
        r.verdict = pass ? Verdict::kPass : Verdict::kFail;
        r.failed = !pass;
        if (pass) ++check.passed;
      }
      if (r.failed) ++check.failed;
      check.results.push_back(std::move(r));
    }
  }
  return check;
}

}  // namespace clm
