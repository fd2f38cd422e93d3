// The churn-side lifecycle sections of the report: "churn", "cohorts" and
// "survival" (+ "survival_curve"). Rows run per group (sorted by name); series
// sections start each group with a "window" row. Rates are kRate fractions
// with their count, denominator and Wilson interval beside them; undefined
// values are null.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "clm/activity.h"
#include "clm/churn.h"
#include "clm/cohorts.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/scope.h"
#include "clm/section_schema.h"
#include "clm/status.h"
#include "clm/survival.h"
#include "report/rate_cells.h"
#include "report/schema_columns.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

std::vector<Value> churn_row(const Value& group, const std::string& period, bool partial,
                             const ChurnCell& c) {
  std::vector<Value> row = {group,      period,    partial,         c.start_active, c.end_active,
                            c.retained, c.churned, c.new_customers, c.reactivated};
  push_rate(row, c.retention);
  push_rate(row, c.churn);
  row.push_back(opt(c.quick_ratio));
  return row;
}

}  // namespace

// The schemas and builders below are registered in section_registry.cpp.

const SectionSchema& churn_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"churn", "Churn and retention", period_key_columns(), {}, {}};
    s.columns.insert(s.columns.end(), {{"start_active", "S", ColumnKind::kCount},
                                       {"end_active", "E", ColumnKind::kCount},
                                       {"retained", "Retained", ColumnKind::kCount},
                                       {"churned", "Churned", ColumnKind::kCount},
                                       {"new", "New", ColumnKind::kCount},
                                       {"reactivated", "Reactivated", ColumnKind::kCount}});
    add_rate_columns(s.columns, "retention_rate", "Retention",
                     {"retention_rate", "retained / active at the start"});
    add_rate_columns(s.columns, "churn_rate", "Churn",
                     {"churn_rate", "churned / active at the period start"});
    s.columns.push_back({"quick_ratio",
                         "Quick ratio",
                         ColumnKind::kNumber,
                         2,
                         {"quick_ratio", "(new + reactivated) / churned; null when none churned"}});
    s.chart = {.kind = ChartKind::kPeriodLines,
               .title = "Churn and retention per period",
               .caption = "Retention and churn rate per period with their 95% intervals.",
               .grouped_caption = "Churn rate per period and group with its 95% interval.",
               .grouped_series = 1,
               .series = {{.y = "retention_rate",
                           .name = "Retention",
                           .low = "retention_rate_low",
                           .high = "retention_rate_high"},
                          {.y = "churn_rate",
                           .name = "Churn",
                           .low = "churn_rate_low",
                           .high = "churn_rate_high"}},
               .format = ColumnKind::kRate,
               .decimals = 1};
    s.cards = {{.rank = 20,
                .label = "Active",
                .column = "end_active",
                .row = CardRow::kLastPeriod,
                .note = "customers active at the end of {period}"},
               {.rank = 30,
                .label = "Churn",
                .column = "churn_rate",
                .note = "per {meta:period}, pooled over the window"},
               {.rank = 35,
                .label = "Quick ratio",
                .column = "quick_ratio",
                .note = "(new + reactivated) / churned over the window",
                .undefined_note = "undefined: no customer churned"}};
    return s;
  }();
  return kSchema;
}

Status build_churn_sections(const Scope& scope, const ReportOptions& options,
                            ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const ChurnResult r = compute_churn(scope, *model, options.churn);
  Section s = make_section(churn_schema());
  for (std::size_t i = 0; i < r.groups.size(); ++i) {
    const ChurnGroup& g = r.groups[i];
    const Value group = scope.grouping.cell(i);
    s.rows.push_back(churn_row(group, "window", false, g.window));
    for (std::size_t p = 0; p < g.periods.size(); ++p) {
      s.rows.push_back(
          churn_row(group, scope.periods[p].label, scope.periods[p].partial, g.periods[p]));
    }
  }
  s.notes.push_back(
      "S / E: customers active at the start / end of the period. The window row "
      "sums the periods (pooled rates: sum of churned / sum of S).");
  out.push_back(std::move(s));
  return Status::Ok();
}

const SectionSchema& cohort_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"cohorts",
                    "Cohort retention",
                    {{"group", "Group", ColumnKind::kText},
                     {"cohort", "Cohort", ColumnKind::kText},
                     {"size", "Size", ColumnKind::kCount},
                     {"cohorts", "Cohorts", ColumnKind::kCount},
                     {"offset", "Offset", ColumnKind::kCount},
                     {"partial", "Partial", ColumnKind::kFlag},
                     {"active", "Active", ColumnKind::kCount}},
                    {},
                    {}};
    add_rate_columns(s.columns, "retention", "Retention");
    s.columns.insert(s.columns.end(),
                     {{"revenue", "Net revenue", ColumnKind::kMoney},
                      {"revenue_retention", "Revenue retention", ColumnKind::kRate}});
    s.chart = {.kind = ChartKind::kHeatmap,
               .title = "Cohort retention",
               .caption = "Share of each cohort active k periods after acquisition.",
               .x = "cohort",
               .series = {{.y = "retention"}},
               .format = ColumnKind::kRate,
               .decimals = 1,
               .x_title = "periods since acquisition",
               .y_title = "cohort",
               .offset = "offset"};
    return s;
  }();
  return kSchema;
}

Status build_cohort_sections(const Scope& scope, const ReportOptions& options,
                             ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const CohortResult r = compute_cohorts(scope, *model, options.cohorts);
  Section s = make_section(cohort_schema());
  auto emit = [&s](const Value& group, const CohortRow& row) {
    for (const CohortCell& c : row.cells) {
      std::vector<Value> v = {
          group,     row.label, c.size, c.cohorts, static_cast<std::int64_t>(c.offset),
          c.partial, c.active};
      push_rate(v, c.retention);
      v.push_back(c.revenue);
      v.push_back(opt(c.revenue_retention));
      s.rows.push_back(std::move(v));
    }
  };
  for (std::size_t i = 0; i < r.groups.size(); ++i) {
    const CohortTable& t = r.groups[i];
    for (const CohortRow& row : t.rows) emit(scope.grouping.cell(i), row);
    emit(scope.grouping.cell(i), t.average);
  }
  s.notes.push_back(
      "Cohort = period of acquisition; offset k = period cohort+k. An average row's cell at "
      "offset k sums the cohorts that reach k: cohorts = how many (non-empty), size and active "
      "their customers, so retention weights each cohort by its size.");
  out.push_back(std::move(s));
  return Status::Ok();
}

const SectionSchema& survival_schema() {
  static const SectionSchema kSchema = {
      "survival",
      "Customer survival (Kaplan-Meier)",
      {{"group", "Group", ColumnKind::kText},
       {"customers", "Customers", ColumnKind::kCount},
       {"churned", "Churned", ColumnKind::kCount},
       {"censored", "Censored", ColumnKind::kCount},
       {"median_days",
        "Median days",
        ColumnKind::kNumber,
        1,
        {"median_lifetime_days", "Kaplan-Meier median lifetime in days"}}},
      {},
      {}};
  return kSchema;
}

const SectionSchema& survival_curve_schema() {
  static const SectionSchema kSchema = {
      "survival_curve",
      "Survival curve",
      {{"group", "Group", ColumnKind::kText},
       {"days", "Days", ColumnKind::kNumber, 2},
       {"at_risk", "At risk", ColumnKind::kCount},
       {"churned", "Churned", ColumnKind::kCount},
       {"censored", "Censored", ColumnKind::kCount},
       {"survival", "S(t)", ColumnKind::kRate},
       {"survival_low", "Low", ColumnKind::kRate},
       {"survival_high", "High", ColumnKind::kRate}},
      {.kind = ChartKind::kSteps,
       .title = "Survival curve",
       .caption = "Kaplan-Meier share of customers not yet churned, by days since acquisition.",
       .x = "days",
       .series = {{.y = "survival"}},
       .format = ColumnKind::kRate,
       .decimals = 1,
       .x_title = "days since acquisition"},
      {}};
  return kSchema;
}

Status build_survival_sections(const Scope& scope, const ReportOptions& options,
                               ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const SurvivalResult r = compute_survival(scope, *model, options.survival);
  Section s = make_section(survival_schema());
  for (double d : options.survival.at_days) {
    const auto days = static_cast<long long>(d);
    const std::string key = fmt::format("s{}", days);
    add_rate_columns(s, key, fmt::format("S({}d)", days));
  }
  Section curve = make_section(survival_curve_schema());
  curve.display_rows = 100;  // one row per step: thousands for a real customer base
  for (std::size_t i = 0; i < r.groups.size(); ++i) {
    const SurvivalCurve& g = r.groups[i];
    const Value group = scope.grouping.cell(i);
    std::vector<Value> row = {group, g.customers, g.deaths, g.censored, opt(g.median_days)};
    for (const SurvivalAt& a : g.at) {
      row.push_back(opt(a.survival));
      row.push_back(ci_low(a.ci));
      row.push_back(ci_high(a.ci));
    }
    s.rows.push_back(std::move(row));
    for (const SurvivalPoint& p : g.curve) {
      curve.rows.push_back({group, p.days, p.at_risk, p.deaths, p.censored, p.survival,
                            ci_low(p.ci), ci_high(p.ci)});
    }
  }
  s.notes.push_back(
      "Lifetimes from acquisition; churn = first stop of activity (last activity "
      "+ W or a cancel) before the as-of time, else censored. 95 % Greenwood "
      "log-log intervals; S(t) is null beyond the longest observation.");
  out.push_back(std::move(s));
  out.push_back(std::move(curve));
  return Status::Ok();
}

}  // namespace clm::detail
