// The value sections of the report: "revenue", "cac" (per channel, and
// blended/paid), "cac_payback", "clv" (historical and formula) and "clv_cac".
//
// Rows keyed by group and period have, per group, one row for the whole
// window (period "window") and then one per period, flagged `partial` when
// clipped by the window. Money is kMoney (exact millionths), shares and
// retention ratios kRate, CLV:CAC a kNumber multiple.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activity.h"
#include "clm/clv.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/revenue.h"
#include "clm/scope.h"
#include "clm/status.h"
#include "report/schema_columns.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

constexpr const char* kWindowLabel = "window";
constexpr const char* kAllChannels = "all";

// A cell of a "channel" column: null for the customers without a channel.
Value channel_cell(const std::string& label, bool no_channel) {
  if (no_channel) return std::monostate{};
  return label;
}

Value money(std::optional<Money> v) {
  if (!v) return std::monostate{};
  return static_cast<std::int64_t>(*v);
}
Value number(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}
Value count(std::optional<int> v) {
  if (!v) return std::monostate{};
  return static_cast<std::int64_t>(*v);
}

std::string margin_note(double m) {
  return fmt::format("Margin m = {:g} applied to revenue.", m);
}

}  // namespace

// The schemas and builders below are registered in section_registry.cpp.

const SectionSchema& revenue_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"revenue", "Revenue", period_key_columns(), {}, {}};
    s.columns.insert(s.columns.end(),
                     {{"net_revenue",
                       "Net revenue",
                       ColumnKind::kMoney,
                       2,
                       {"net_revenue", "purchases minus refunds (money)"}},
                      {"purchases", "Purchases", ColumnKind::kCount},
                      {"purchase_amount", "Purchase amount", ColumnKind::kMoney},
                      {"refunds", "Refunds", ColumnKind::kCount},
                      {"refund_amount", "Refund amount", ColumnKind::kMoney},
                      {"aov", "AOV", ColumnKind::kMoney, 2, {"aov", "average order value (money)"}},
                      {"active_customers",
                       "Active",
                       ColumnKind::kCount,
                       2,
                       {"active_customers", "customers active during the window or period"}},
                      {"arpu",
                       "ARPU",
                       ColumnKind::kMoney,
                       2,
                       {"arpu", "net revenue per active customer (money)"}},
                      {"buyers", "Buyers", ColumnKind::kCount},
                      {"repeat_buyers", "Repeat buyers", ColumnKind::kCount},
                      {"repeat_rate",
                       "Repeat rate",
                       ColumnKind::kRate,
                       2,
                       {"repeat_purchase_rate", "customers with >= 2 purchases / with >= 1"}},
                      {"repeat_rate_low", "Repeat low", ColumnKind::kRate},
                      {"repeat_rate_high", "Repeat high", ColumnKind::kRate},
                      {"retention_customers", "NRR base customers", ColumnKind::kCount},
                      {"retention_base", "NRR base revenue", ColumnKind::kMoney},
                      {"nrr", "NRR", ColumnKind::kRate, 2, {"nrr", "net revenue retention"}},
                      {"grr", "GRR", ColumnKind::kRate, 2, {"grr", "gross revenue retention"}}});
    return s;
  }();
  return kSchema;
}

const SectionSchema& cac_channels_schema() {
  static const SectionSchema kSchema = {
      "cac_channels",
      "New customers, spend and CAC per channel",
      {{"period", "Period", ColumnKind::kText},
       {"partial", "Partial", ColumnKind::kFlag},
       {"channel", "Channel", ColumnKind::kText},
       {"new_customers", "New customers", ColumnKind::kCount, 2, {"new_customers", "", true}},
       {"spend", "Spend", ColumnKind::kMoney},
       {"cac", "CAC", ColumnKind::kMoney, 2, {"cac", "", true}}},
      {},
      {}};
  return kSchema;
}

const SectionSchema& cac_summary_schema() {
  static const SectionSchema kSchema = {
      "cac_summary",
      "Blended and paid CAC",
      {{"period", "Period", ColumnKind::kText},
       {"partial", "Partial", ColumnKind::kFlag},
       {"spend", "Spend", ColumnKind::kMoney},
       {"new_customers",
        "New customers",
        ColumnKind::kCount,
        2,
        {"new_customers", "customers acquired in the window or period"}},
       {"blended_cac",
        "Blended CAC",
        ColumnKind::kMoney,
        2,
        {"cac", "blended CAC (per channel: that channel's CAC) (money)"}},
       {"paid_new_customers", "Paid new", ColumnKind::kCount},
       {"unpaid_new_customers", "Unpaid new", ColumnKind::kCount},
       {"paid_cac",
        "Paid CAC",
        ColumnKind::kMoney,
        2,
        {"paid_cac", "spend / new customers of paid channels"}}},
      {},
      {{.rank = 70, .label = "CAC", .column = "blended_cac", .note = "blended, over the window"}}};
  return kSchema;
}

const SectionSchema& payback_schema() {
  static const SectionSchema kSchema = {"cac_payback",
                                        "CAC payback (months)",
                                        {{"cohort", "Cohort", ColumnKind::kText},
                                         {"partial", "Partial", ColumnKind::kFlag},
                                         {"channel", "Channel", ColumnKind::kText},
                                         {"new_customers", "New customers", ColumnKind::kCount},
                                         {"spend", "Spend", ColumnKind::kMoney},
                                         {"margin_revenue", "Margin revenue", ColumnKind::kMoney},
                                         {"months_observed", "Months observed", ColumnKind::kCount},
                                         {"payback_months", "Payback months", ColumnKind::kCount}},
                                        {},
                                        {}};
  return kSchema;
}

const SectionSchema& clv_schema() {
  static const SectionSchema kSchema = {
      "clv",
      "Customer lifetime value",
      {{"group", "Group", ColumnKind::kText},
       {"customers", "Customers", ColumnKind::kCount},
       {"historical_clv_total", "Historical CLV total", ColumnKind::kMoney},
       {"historical_clv_mean",
        "Historical CLV mean",
        ColumnKind::kMoney,
        2,
        {"clv", "mean historical CLV (money)"}},
       {"months", "Complete months", ColumnKind::kCount},
       {"mean_monthly_arpu", "Mean monthly ARPU", ColumnKind::kMoney},
       {"start_active", "Σ active at start", ColumnKind::kCount},
       {"churned", "Σ churned", ColumnKind::kCount},
       {"monthly_churn", "Monthly churn", ColumnKind::kRate},
       {"formula_clv",
        "Formula CLV",
        ColumnKind::kMoney,
        2,
        {"formula_clv", "margin x monthly ARPU / monthly churn"}}},
      {},
      {{.rank = 10,
        .label = "Customers",
        .column = "customers",
        .note = "acquired before the as-of time"},
       {.rank = 80,
        .label = "CLV",
        .column = "historical_clv_mean",
        .note = "historical, mean per customer"}}};
  return kSchema;
}

const SectionSchema& clv_cac_schema() {
  static const SectionSchema kSchema = {
      "clv_cac",
      "CLV:CAC per channel",
      {{"channel", "Channel", ColumnKind::kText},
       {"new_customers", "New customers", ColumnKind::kCount},
       {"mean_clv", "Mean CLV", ColumnKind::kMoney, 2, {"clv", "", true}},
       {"cac", "CAC", ColumnKind::kMoney},
       {"clv_cac",
        "CLV:CAC",
        ColumnKind::kNumber,
        2,
        {"clv_cac", "CLV:CAC, per channel only", true}},
       {"benchmark", "Benchmark", ColumnKind::kNumber, 1},
       {"meets_benchmark", "≥ benchmark", ColumnKind::kFlag}},
      {.kind = ChartKind::kBars,
       .title = "CAC vs CLV per channel",
       .caption = "CAC and mean historical CLV of each channel's new customers in the window.",
       .x = "channel",
       .series = {{.y = "cac", .name = "CAC"}, {.y = "mean_clv", .name = "Mean CLV"}},
       .format = ColumnKind::kMoney,
       .decimals = 2},
      {{.rank = 90,
        .label = "CLV:CAC",
        .column = "clv_cac",
        .row = CardRow::kRange,
        .note = "{flagged} of {defined} channels meet the benchmark ({benchmark}:1)",
        .flag = "meets_benchmark",
        .undefined_note = "undefined: no channel with a CAC above 0"}}};
  return kSchema;
}

Status build_revenue_sections(const Scope& scope, const ReportOptions& options,
                              ReportContext& context, std::vector<Section>& out) {
  const Result<ActivityModel>& activity = context.activity();
  if (!activity.ok()) return activity.status();
  auto cells = compute_revenue(scope, *activity, options.revenue);
  if (!cells.ok()) return cells.status();
  Section s = make_section(revenue_schema());
  auto row = [&](const Value& group, std::string period, bool partial, const RevenueCell& c) {
    const RevenueResult r = revenue_result(c, scope.z);
    Value low, high;
    if (r.repeat_purchase.ci) {
      low = r.repeat_purchase.ci->low;
      high = r.repeat_purchase.ci->high;
    }
    s.rows.push_back({group,
                      std::move(period),
                      partial,
                      r.net_revenue,
                      r.purchase_count,
                      r.purchase_amount,
                      r.refund_count,
                      r.refund_amount,
                      money(r.aov),
                      r.active_customers,
                      money(r.arpu),
                      r.repeat_purchase.denominator,
                      r.repeat_purchase.count,
                      number(r.repeat_purchase.rate),
                      low,
                      high,
                      r.retention_customers,
                      r.retention_base,
                      number(r.nrr),
                      number(r.grr)});
  };
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    const Value group = scope.grouping.cell(g);
    row(group, kWindowLabel, false, cells->window(g));
    for (std::size_t p = 0; p < scope.periods.size(); ++p) {
      row(group, scope.periods[p].label, scope.periods[p].partial, cells->at(g, p));
    }
  }
  s.notes.push_back(
      "Net revenue = purchases − refunds. AOV = purchase amount / purchases. ARPU = net revenue / "
      "customers active during the period. Repeat rate = customers with ≥ 2 purchases / with ≥ 1, "
      "as of the period's end.");
  s.notes.push_back(
      "NRR = revenue now of the customers with net revenue > 0 in the previous period / their "
      "revenue then; GRR caps each customer at the previous period's revenue. Window rows pool "
      "the periods.");
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_cac_sections(const Scope& scope, const ReportOptions& /*options*/,
                          ReportContext& context, std::vector<Section>& out) {
  const CacResult& cac = context.cac();
  Section by_channel = make_section(cac_channels_schema());

  Section summary = make_section(cac_summary_schema());

  auto rows = [&](const std::string& period, bool partial, const CostSpan& span) {
    for (std::size_t k = 0; k < cac.channels.size(); ++k) {
      const ChannelCost& ch = span.channels[k];
      by_channel.rows.push_back(
          {period, partial, channel_cell(cac.channels[k], cac.no_channel == k), ch.new_customers,
           ch.spend, money(ch.cac)});
    }
    summary.rows.push_back({period, partial, span.spend, span.new_customers,
                            money(span.blended_cac), span.paid_new_customers,
                            span.unpaid_new_customers, money(span.paid_cac)});
  };
  rows(kWindowLabel, false, cac.window);
  for (std::size_t p = 0; p < scope.periods.size(); ++p) {
    rows(scope.periods[p].label, scope.periods[p].partial, cac.periods[p]);
  }
  by_channel.notes.push_back(
      "CAC = spend / new customers of the channel: null with spend but no new customer, 0 with "
      "new customers but no spend. \"(none)\" = customers without an acquisition channel.");
  if (scope.group_by.kind != GroupBy::Kind::kNone) {
    by_channel.notes.push_back(
        "CAC is per acquisition channel whatever --by: spend has no other "
        "attribute to split it by.");
  }
  if (scope.store->spend_count() == 0)
    by_channel.notes.push_back("No spend table: every CAC is 0 or null.");
  summary.notes.push_back(
      "Blended CAC = all spend / all new customers. Paid CAC = all spend / new customers whose "
      "channel had spend in the period; unpaid new customers are the others.");
  out.push_back(std::move(by_channel));
  out.push_back(std::move(summary));
  return Status::Ok();
}

Status build_payback_sections(const Scope& scope, const ReportOptions& /*options*/,
                              ReportContext& /*context*/, std::vector<Section>& out) {
  auto payback = compute_payback(scope);
  if (!payback.ok()) return payback.status();
  Section s = make_section(payback_schema());
  for (const Payback& p : payback->rows) {
    const Period& period = payback->cohorts[p.cohort];
    const Value channel =
        p.channel.empty() ? Value(kAllChannels) : channel_cell(p.channel, p.no_channel);
    s.rows.push_back({period.label, period.partial, channel, p.new_customers, p.spend,
                      p.margin_revenue, static_cast<std::int64_t>(p.months_observed),
                      count(p.months)});
  }
  s.notes.push_back(
      "Cohort = calendar month of acquisition, whatever the period. Payback = smallest k ≥ 1 "
      "with m × net revenue of the cohort's customers, each from its acquisition, in the "
      "cohort's first k calendar months ≥ the spend of its month; null while not paid back or "
      "with no spend. " +
      margin_note(scope.margin));
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_clv_sections(const Scope& scope, const ReportOptions& /*options*/,
                          ReportContext& context, std::vector<Section>& out) {
  const Result<HistoricalClv>& historical = context.historical_clv();
  if (!historical.ok()) return historical.status();
  const Result<ActivityModel>& activity = context.activity();
  if (!activity.ok()) return activity.status();
  auto formula = compute_formula_clv(scope, *activity);
  if (!formula.ok()) return formula.status();
  Section s = make_section(clv_schema());
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    const GroupClv& h = historical->groups[g];
    const FormulaClv& f = (*formula)[g];
    s.rows.push_back({scope.grouping.cell(g), h.customers, h.total, money(h.mean),
                      static_cast<std::int64_t>(f.months), money(f.mean_arpu), f.churn.denominator,
                      f.churn.count, number(f.churn.rate), money(f.clv)});
  }
  s.notes.push_back(
      "Historical CLV = m × net revenue from acquisition to the as-of time, over customers "
      "acquired before it. Formula CLV = m × mean monthly ARPU / pooled monthly churn over the "
      "calendar months entirely inside the window; null when churn is 0. " +
      margin_note(scope.margin));
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_clv_cac_sections(const Scope& scope, const ReportOptions& /*options*/,
                              ReportContext& context, std::vector<Section>& out) {
  const Result<HistoricalClv>& historical = context.historical_clv();
  if (!historical.ok()) return historical.status();
  const CacResult& cac = context.cac();
  auto ratios = compute_clv_cac(scope, cac, historical->clv);
  if (!ratios.ok()) return ratios.status();
  Section s = make_section(clv_cac_schema());
  for (const ChannelClvCac& r : *ratios) {
    Value meets;
    if (r.meets_benchmark) meets = *r.meets_benchmark;
    s.rows.push_back({channel_cell(r.channel, r.no_channel), r.new_customers, money(r.mean_clv), money(r.cac), number(r.ratio),
                      kClvCacBenchmark, meets});
  }
  s.notes.push_back(
      "CLV:CAC = mean historical CLV of the channel's new customers in the window / its CAC over "
      "the window (null when CAC is 0 or null); the common benchmark is 3:1. " +
      margin_note(scope.margin));
  out.push_back(std::move(s));
  return Status::Ok();
}

}  // namespace clm::detail
