// The lifecycle sections of the report: "churn", "cohorts", "survival" (+
// "survival_curve"), "stages" (+ "stage_flow", "funnel"), "activation" and
// "rfm". Rows run per group (sorted by name); series sections start each group
// with a "window" row. Rates are kRate fractions with their count, denominator
// and Wilson interval beside them; undefined values are null.
#include <optional>
#include <string>
#include <vector>

#include "clm/activation.h"
#include "clm/activity.h"
#include "clm/churn.h"
#include "clm/cohorts.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/stages.h"
#include "clm/status.h"
#include "clm/survival.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

Value opt(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}
Value ci_low(const std::optional<Interval>& i) {
  if (!i) return std::monostate{};
  return i->low;
}
Value ci_high(const std::optional<Interval>& i) {
  if (!i) return std::monostate{};
  return i->high;
}

// Adds rate, low and high columns named <key>, <key>_low, <key>_high.
void add_rate_columns(Section& s, const std::string& key, const std::string& title) {
  s.add_column(key, title, ColumnKind::kRate);
  s.add_column(key + "_low", title + " low", ColumnKind::kRate);
  s.add_column(key + "_high", title + " high", ColumnKind::kRate);
}
void push_rate(std::vector<Value>& row, const Proportion& p) {
  row.push_back(opt(p.rate));
  row.push_back(ci_low(p.ci));
  row.push_back(ci_high(p.ci));
}

std::vector<Value> churn_row(const std::string& group, const std::string& period, bool partial,
                             const ChurnCell& c) {
  std::vector<Value> row = {group,      period,    partial,         c.start_active, c.end_active,
                            c.retained, c.churned, c.new_customers, c.reactivated};
  push_rate(row, c.retention);
  push_rate(row, c.churn);
  return row;
}

}  // namespace

Status build_churn_sections(const Scope& scope, const ReportOptions& options,
                            ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const ChurnResult r = compute_churn(scope, *model, options.churn);
  Section s;
  s.id = "churn";
  s.title = "Churn and retention";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("period", "Period", ColumnKind::kText);
  s.add_column("partial", "Partial", ColumnKind::kFlag);
  s.add_column("start_active", "S", ColumnKind::kCount);
  s.add_column("end_active", "E", ColumnKind::kCount);
  s.add_column("retained", "Retained", ColumnKind::kCount);
  s.add_column("churned", "Churned", ColumnKind::kCount);
  s.add_column("new", "New", ColumnKind::kCount);
  s.add_column("reactivated", "Reactivated", ColumnKind::kCount);
  add_rate_columns(s, "retention_rate", "Retention");
  add_rate_columns(s, "churn_rate", "Churn");
  for (const ChurnGroup& g : r.groups) {
    s.rows.push_back(churn_row(g.label, "window", false, g.window));
    for (std::size_t p = 0; p < g.periods.size(); ++p) {
      s.rows.push_back(
          churn_row(g.label, scope.periods[p].label, scope.periods[p].partial, g.periods[p]));
    }
  }
  s.notes.push_back(
      "S / E: customers active at the start / end of the period. The window row "
      "sums the periods (pooled rates: sum of churned / sum of S).");
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_cohort_sections(const Scope& scope, const ReportOptions& options,
                             ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const CohortResult r = compute_cohorts(scope, *model, options.cohorts);
  Section s;
  s.id = "cohorts";
  s.title = "Cohort retention";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("cohort", "Cohort", ColumnKind::kText);
  s.add_column("size", "Size", ColumnKind::kCount);
  s.add_column("offset", "Offset", ColumnKind::kCount);
  s.add_column("partial", "Partial", ColumnKind::kFlag);
  s.add_column("active", "Active", ColumnKind::kCount);
  add_rate_columns(s, "retention", "Retention");
  s.add_column("revenue", "Net revenue", ColumnKind::kMoney);
  s.add_column("revenue_retention", "Revenue retention", ColumnKind::kRate);
  auto emit = [&s](const std::string& group, const CohortRow& row) {
    for (const CohortCell& c : row.cells) {
      std::vector<Value> v = {group,     row.label, row.size, static_cast<std::int64_t>(c.offset),
                              c.partial, c.active};
      push_rate(v, c.retention);
      v.push_back(c.revenue);
      v.push_back(opt(c.revenue_retention));
      s.rows.push_back(std::move(v));
    }
  };
  for (const CohortTable& t : r.groups) {
    for (const CohortRow& row : t.rows) emit(t.group, row);
    emit(t.group, t.average);
  }
  s.notes.push_back(
      "Cohort = period of acquisition; offset k = period cohort+k. The average rows weight "
      "each cohort by its size (size = customers of the cohorts with an offset-0 cell).");
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_survival_sections(const Scope& scope, const ReportOptions& options,
                               ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const SurvivalResult r = compute_survival(scope, *model, options.survival);
  Section s;
  s.id = "survival";
  s.title = "Customer survival (Kaplan-Meier)";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("customers", "Customers", ColumnKind::kCount);
  s.add_column("churned", "Churned", ColumnKind::kCount);
  s.add_column("censored", "Censored", ColumnKind::kCount);
  s.add_column("median_days", "Median days", ColumnKind::kNumber, 1);
  for (double d : options.survival.at_days) {
    const std::string key = "s" + std::to_string(static_cast<long long>(d));
    add_rate_columns(s, key, "S(" + std::to_string(static_cast<long long>(d)) + "d)");
  }
  Section curve;
  curve.id = "survival_curve";
  curve.title = "Survival curve";
  curve.display_rows = 100;  // one row per step: thousands for a real customer base
  curve.add_column("group", "Group", ColumnKind::kText);
  curve.add_column("days", "Days", ColumnKind::kNumber, 2);
  curve.add_column("at_risk", "At risk", ColumnKind::kCount);
  curve.add_column("churned", "Churned", ColumnKind::kCount);
  curve.add_column("censored", "Censored", ColumnKind::kCount);
  curve.add_column("survival", "S(t)", ColumnKind::kRate);
  curve.add_column("survival_low", "Low", ColumnKind::kRate);
  curve.add_column("survival_high", "High", ColumnKind::kRate);
  for (const SurvivalCurve& g : r.groups) {
    std::vector<Value> row = {g.group, g.customers, g.deaths, g.censored, opt(g.median_days)};
    for (const SurvivalAt& a : g.at) {
      row.push_back(opt(a.survival));
      row.push_back(ci_low(a.ci));
      row.push_back(ci_high(a.ci));
    }
    s.rows.push_back(std::move(row));
    for (const SurvivalPoint& p : g.curve) {
      curve.rows.push_back({g.group, p.days, p.at_risk, p.deaths, p.censored, p.survival,
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

Status build_stage_sections(const Scope& scope, const ReportOptions& options,
                            ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const StageResult r = compute_stages(scope, *model, options.stages);
  const TimeZone& tz = scope.calendar.tz;
  Section counts;
  counts.id = "stages";
  counts.title = "Lifecycle stages at " + format_timestamp(r.at, tz);
  counts.add_column("group", "Group", ColumnKind::kText);
  for (std::size_t i = 0; i < kStageCount; ++i) {
    const std::string name(stage_name(static_cast<Stage>(i)));
    counts.add_column(name, name, ColumnKind::kCount);
  }
  Section flow;
  flow.id = "stage_flow";
  flow.title =
      "Stage flow " + format_timestamp(r.flow_from, tz) + " -> " + format_timestamp(r.flow_to, tz);
  flow.add_column("group", "Group", ColumnKind::kText);
  flow.add_column("from", "From", ColumnKind::kText);
  for (std::size_t i = 0; i < kStageCount; ++i) {
    const std::string name(stage_name(static_cast<Stage>(i)));
    flow.add_column("to_" + name, name, ColumnKind::kCount);
  }
  Section funnel;
  funnel.id = "funnel";
  funnel.title = "Funnel of the people first seen in the window";
  funnel.add_column("group", "Group", ColumnKind::kText);
  funnel.add_column("step", "Step", ColumnKind::kText);
  funnel.add_column("count", "People", ColumnKind::kCount);
  add_rate_columns(funnel, "step_rate", "Step rate");
  for (const StageGroup& g : r.groups) {
    std::vector<Value> row = {g.label};
    for (std::int64_t n : g.counts) row.push_back(n);
    counts.rows.push_back(std::move(row));
    for (std::size_t i = 0; i < kStageCount; ++i) {
      std::vector<Value> f = {g.label, std::string(stage_name(static_cast<Stage>(i)))};
      for (std::int64_t n : g.flow[i]) f.push_back(n);
      flow.rows.push_back(std::move(f));
    }
    for (const FunnelStep& step : g.funnel) {
      std::vector<Value> f = {g.label, std::string(stage_name(step.stage)), step.count};
      push_rate(f, step.rate);
      funnel.rows.push_back(std::move(f));
    }
  }
  flow.notes.push_back("People not yet acquired at the start count as reach there.");
  out.push_back(std::move(counts));
  out.push_back(std::move(flow));
  out.push_back(std::move(funnel));
  return Status::Ok();
}

Status build_activation_sections(const Scope& scope, const ReportOptions& options,
                                 ReportContext& /*context*/, std::vector<Section>& out) {
  auto r = compute_activation(scope, options.activation);
  if (!r.ok()) return r.status();
  Section s;
  s.id = "activation";
  s.title =
      "Activation within " + std::to_string(options.activation.activation_window_days) + " days";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("period", "Cohort", ColumnKind::kText);
  s.add_column("partial", "Partial", ColumnKind::kFlag);
  s.add_column("acquired", "Acquired", ColumnKind::kCount);
  s.add_column("activated", "Activated", ColumnKind::kCount);
  add_rate_columns(s, "activation_rate", "Activation");
  s.add_column("purchasers", "Purchasers", ColumnKind::kCount);
  s.add_column("median_days_to_first_purchase", "Median days to 1st purchase", ColumnKind::kNumber,
               1);
  auto row = [](const std::string& g, const std::string& p, bool partial, const ActivationCell& c) {
    std::vector<Value> v = {g, p, partial, c.acquired, c.activation.count};
    push_rate(v, c.activation);
    v.push_back(c.purchasers);
    v.push_back(opt(c.median_days_to_first_purchase));
    return v;
  };
  for (const ActivationGroup& g : r->groups) {
    s.rows.push_back(row(g.label, "window", false, g.window));
    for (std::size_t p = 0; p < g.periods.size(); ++p) {
      s.rows.push_back(
          row(g.label, scope.periods[p].label, scope.periods[p].partial, g.periods[p]));
    }
  }
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_rfm_sections(const Scope& scope, const ReportOptions& options,
                          ReportContext& /*context*/, std::vector<Section>& out) {
  const RfmResult r = compute_rfm(scope, options.rfm);
  Section s;
  s.id = "rfm";
  s.title = "RFM segments";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("segment", "Segment", ColumnKind::kText);
  s.add_column("customers", "Customers", ColumnKind::kCount);
  s.add_column("customer_share", "Share", ColumnKind::kRate);
  s.add_column("revenue", "Net revenue", ColumnKind::kMoney);
  s.add_column("revenue_share", "Revenue share", ColumnKind::kRate);
  for (const RfmGroup& g : r.groups) {
    for (const RfmSegmentRow& row : g.segments) {
      s.rows.push_back(
          {g.label, std::string(rfm_segment_name(row.segment)), row.customers,
           opt(ratio(static_cast<double>(row.customers), static_cast<double>(g.customers))),
           row.revenue, opt(row.revenue_share)});
    }
  }
  s.notes.push_back(
      "Customers with a purchase before the as-of time; scores are ranked "
      "among all of them, ties share a score.");
  out.push_back(std::move(s));
  return Status::Ok();
}

}  // namespace clm::detail
