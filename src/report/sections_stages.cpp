// The stage-side lifecycle sections of the report: "stages" (+ "stage_flow",
// "funnel"), "activation" and "rfm". Rows run per group (sorted by name);
// activation starts each group with a "window" row. Rates are kRate fractions
// with their count, denominator and Wilson interval beside them; undefined
// values are null.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "clm/activation.h"
#include "clm/activity.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/section_schema.h"
#include "clm/stages.h"
#include "clm/status.h"
#include "report/rate_cells.h"
#include "report/schema_columns.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

// The stage names, as column keys with `prefix`.
std::vector<ColumnSpec> stage_columns(const std::string& prefix) {
  std::vector<ColumnSpec> out;
  for (std::size_t i = 0; i < kStageCount; ++i) {
    const std::string name(stage_name(static_cast<Stage>(i)));
    out.push_back({prefix + name, name, ColumnKind::kCount});
  }
  return out;
}

}  // namespace

// The schemas and builders below are registered in section_registry.cpp.

const SectionSchema& stages_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"stages", "Lifecycle stages", {{"group", "Group", ColumnKind::kText}}, {}, {}};
    for (ColumnSpec& c : stage_columns("")) s.columns.push_back(std::move(c));
    return s;
  }();
  return kSchema;
}

const SectionSchema& stage_flow_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"stage_flow",
                    "Stage flow",
                    {{"group", "Group", ColumnKind::kText}, {"from", "From", ColumnKind::kText}},
                    {},
                    {}};
    for (ColumnSpec& c : stage_columns("to_")) s.columns.push_back(std::move(c));
    s.chart = {.kind = ChartKind::kHeatmap,
               .title = "Stage flow",
               .caption = "People by stage at the window's start (rows) and end (columns).",
               .x = "from",
               .format = ColumnKind::kNumber,
               .decimals = 0,
               .x_title = "to",
               .y_title = "from",
               .column_prefix = "to_"};
    return s;
  }();
  return kSchema;
}

const SectionSchema& funnel_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"funnel",
                    "Funnel of the people first seen in the window",
                    {{"group", "Group", ColumnKind::kText},
                     {"step", "Step", ColumnKind::kText},
                     {"count", "People", ColumnKind::kCount}},
                    {},
                    {}};
    add_rate_columns(s.columns, "step_rate", "Step rate");
    s.chart = {.kind = ChartKind::kBars,
               .title = "Funnel",
               .caption = "People first seen in the window reaching each step.",
               .x = "step",
               .series = {{.y = "count"}},
               .format = ColumnKind::kNumber,
               .decimals = 0};
    return s;
  }();
  return kSchema;
}

Status build_stage_sections(const Scope& scope, const ReportOptions& options,
                            ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& model = context.activity();
  if (!model.ok()) return model.status();
  const StageResult r = compute_stages(scope, *model, options.stages);
  const TimeZone& tz = scope.calendar.tz;
  Section counts = make_section(stages_schema());
  counts.title = "Lifecycle stages at " + format_timestamp(r.at, tz);
  Section flow = make_section(stage_flow_schema());
  flow.title =
      "Stage flow " + format_timestamp(r.flow_from, tz) + " -> " + format_timestamp(r.flow_to, tz);
  Section funnel = make_section(funnel_schema());
  for (std::size_t k = 0; k < r.groups.size(); ++k) {
    const StageGroup& g = r.groups[k];
    const Value group = scope.grouping.cell(k);
    std::vector<Value> row = {group};
    for (std::int64_t n : g.counts) row.push_back(n);
    counts.rows.push_back(std::move(row));
    for (std::size_t i = 0; i < kStageCount; ++i) {
      std::vector<Value> f = {group, std::string(stage_name(static_cast<Stage>(i)))};
      for (std::int64_t n : g.flow[i]) f.push_back(n);
      flow.rows.push_back(std::move(f));
    }
    for (const FunnelStep& step : g.funnel) {
      std::vector<Value> f = {group, std::string(stage_name(step.stage)), step.count};
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

const SectionSchema& activation_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"activation",
                    "Activation",
                    {{"group", "Group", ColumnKind::kText},
                     {"period", "Cohort", ColumnKind::kText},
                     {"partial", "Partial", ColumnKind::kFlag},
                     {"acquired", "Acquired", ColumnKind::kCount},
                     {"activated", "Activated", ColumnKind::kCount}},
                    {},
                    {}};
    add_rate_columns(s.columns, "activation_rate", "Activation",
                     {"activation_rate", "share of new customers buying within D days"});
    s.columns.insert(s.columns.end(), {{"purchasers", "Purchasers", ColumnKind::kCount},
                                       {"median_days_to_first_purchase",
                                        "Median days to 1st purchase",
                                        ColumnKind::kNumber,
                                        1,
                                        {"median_days_to_first_purchase",
                                         "median days from acquisition to the first purchase"}}});
    return s;
  }();
  return kSchema;
}

Status build_activation_sections(const Scope& scope, const ReportOptions& options,
                                 ReportContext& /*context*/, std::vector<Section>& out) {
  auto r = compute_activation(scope, options.activation);
  if (!r.ok()) return r.status();
  Section s = make_section(activation_schema());
  s.title =
      fmt::format("Activation within {} days", options.activation.activation_window_days);
  auto row = [](const Value& g, const std::string& p, bool partial, const ActivationCell& c) {
    std::vector<Value> v = {g, p, partial, c.acquired, c.activation.count};
    push_rate(v, c.activation);
    v.push_back(c.purchasers);
    v.push_back(opt(c.median_days_to_first_purchase));
    return v;
  };
  for (std::size_t k = 0; k < r->groups.size(); ++k) {
    const ActivationGroup& g = r->groups[k];
    const Value group = scope.grouping.cell(k);
    s.rows.push_back(row(group, "window", false, g.window));
    for (std::size_t p = 0; p < g.periods.size(); ++p) {
      s.rows.push_back(
          row(group, scope.periods[p].label, scope.periods[p].partial, g.periods[p]));
    }
  }
  out.push_back(std::move(s));
  return Status::Ok();
}

const SectionSchema& rfm_schema() {
  static const SectionSchema kSchema = {"rfm",
                                        "RFM segments",
                                        {{"group", "Group", ColumnKind::kText},
                                         {"segment", "Segment", ColumnKind::kText},
                                         {"customers", "Customers", ColumnKind::kCount},
                                         {"customer_share", "Share", ColumnKind::kRate},
                                         {"revenue", "Net revenue", ColumnKind::kMoney},
                                         {"revenue_share", "Revenue share", ColumnKind::kRate}},
                                        {.kind = ChartKind::kBars,
                                         .title = "RFM segment sizes",
                                         .caption = "Customers per RFM segment.",
                                         .x = "segment",
                                         .series = {{.y = "customers"}},
                                         .format = ColumnKind::kNumber,
                                         .decimals = 0},
                                        {}};
  return kSchema;
}

Status build_rfm_sections(const Scope& scope, const ReportOptions& options,
                          ReportContext& /*context*/, std::vector<Section>& out) {
  const RfmResult r = compute_rfm(scope, options.rfm);
  Section s = make_section(rfm_schema());
  for (std::size_t k = 0; k < r.groups.size(); ++k) {
    const RfmGroup& g = r.groups[k];
    for (const RfmSegmentRow& row : g.segments) {
      s.rows.push_back(
          {scope.grouping.cell(k), std::string(rfm_segment_name(row.segment)), row.customers,
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
