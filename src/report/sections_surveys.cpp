// The survey sections of the report: "nps", "csat" and "ces".
//
// Each section has, per group (sorted by name), one row for the whole window
// (period "window") and then one row per period of the series (flagged
// `partial` when the period is clipped by the window). Scores are kNumber in
// their own units (NPS −100..100, CSAT 0..100, CES 1..7); shares are kRate.
#include <optional>
#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/report.h"
#include "clm/scope.h"
#include "clm/status.h"
#include "clm/surveys.h"
#include "report/schema_columns.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

constexpr const char* kWindowLabel = "window";

Value number(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}

// Calls row(group, period label, partial, accumulator) for every group's
// window and then each of its periods.
template <typename Acc, typename RowFn>
void for_each_cell(const Scope& scope, const Breakdown<Acc>& b, RowFn row) {
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    const Value group = scope.grouping.cell(g);
    row(group, std::string(kWindowLabel), false, b.window(g));
    for (std::size_t p = 0; p < scope.periods.size(); ++p) {
      const Period& period = scope.periods[p];
      row(group, period.label, period.partial, b.at(g, p));
    }
  }
}

// A note when a section has no answer at all in the window.
template <typename Acc>
void note_if_empty(const Scope& scope, const Breakdown<Acc>& b, const char* type, Section& s) {
  std::int64_t n = 0;
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) n += b.window(g).count();
  if (n == 0) s.notes.push_back(std::string("No ") + type + " answers in the window.");
}

void add_latest_note(const SurveyOptions& o, Section& s) {
  if (o.latest_only) {
    s.notes.push_back("Only each customer's latest answer in each window or period counts.");
  }
}

// A survey score's headline card: the score over the window, with its answers.
CardSpec score_card(int rank, std::string label, std::string column) {
  CardSpec c;
  c.rank = rank;
  c.label = std::move(label);
  c.column = std::move(column);
  c.note = "{n} answers";
  c.empty_column = "n";
  c.empty_note = "undefined: no answers in the window";
  return c;
}

}  // namespace

const SectionSchema& nps_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"nps", "Net Promoter Score", period_key_columns(), {}, {}};
    s.columns.insert(
        s.columns.end(),
        {{"n", "Answers", ColumnKind::kCount},
         {"promoters", "Promoters", ColumnKind::kCount},
         {"passives", "Passives", ColumnKind::kCount},
         {"detractors", "Detractors", ColumnKind::kCount},
         {"nps", "NPS", ColumnKind::kNumber, 1, {"nps", "Net Promoter Score, -100..100"}},
         {"nps_moe", "± (95%)", ColumnKind::kNumber, 1}});
    s.chart = {.kind = ChartKind::kPeriodLines,
               .title = "NPS per period",
               .caption = "NPS per period with its 95% margin of error.",
               .series = {{.y = "nps", .margin = "nps_moe"}},
               .format = ColumnKind::kNumber,
               .decimals = 0,
               .y_min = -100,
               .y_max = 100};
    s.cards = {score_card(40, "NPS", "nps")};
    return s;
  }();
  return kSchema;
}

const SectionSchema& csat_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"csat", "Customer Satisfaction (CSAT)", period_key_columns(), {}, {}};
    s.columns.insert(
        s.columns.end(),
        {{"n", "Answers", ColumnKind::kCount},
         {"satisfied", "Satisfied (4–5)", ColumnKind::kCount},
         {"csat",
          "CSAT",
          ColumnKind::kNumber,
          1,
          {"csat", "CSAT: percent of answers 4 or 5, 0..100"}},
         {"csat_low", "CSAT low", ColumnKind::kNumber, 1},
         {"csat_high", "CSAT high", ColumnKind::kNumber, 1},
         {"mean", "Mean", ColumnKind::kNumber, 2, {"csat_mean", "mean CSAT answer, 1..5"}}});
    s.chart = {.kind = ChartKind::kPeriodLines,
               .title = "CSAT per period",
               .caption = "CSAT per period with its 95% Wilson interval.",
               .series = {{.y = "csat", .low = "csat_low", .high = "csat_high"}},
               .format = ColumnKind::kNumber,
               .decimals = 0,
               .y_min = 0,
               .y_max = 100};
    s.cards = {score_card(50, "CSAT", "csat")};
    return s;
  }();
  return kSchema;
}

const SectionSchema& ces_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"ces", "Customer Effort Score (CES)", period_key_columns(), {}, {}};
    s.columns.insert(
        s.columns.end(),
        {{"n", "Answers", ColumnKind::kCount},
         {"ces", "CES", ColumnKind::kNumber, 2, {"ces", "mean CES answer, 1..7 (7 = easiest)"}},
         {"ces_sd", "SD", ColumnKind::kNumber, 2},
         {"ces_low", "CES low", ColumnKind::kNumber, 2},
         {"ces_high", "CES high", ColumnKind::kNumber, 2},
         {"easy", "Easy (5–7)", ColumnKind::kCount},
         {"easy_rate",
          "Easy share",
          ColumnKind::kRate,
          2,
          {"ces_easy_rate", "share of CES answers 5..7"}},
         {"easy_rate_low", "Easy low", ColumnKind::kRate},
         {"easy_rate_high", "Easy high", ColumnKind::kRate}});
    s.chart = {.kind = ChartKind::kPeriodLines,
               .title = "CES per period",
               .caption = "Mean CES per period (1–7 scale) with its 95% interval.",
               .series = {{.y = "ces", .low = "ces_low", .high = "ces_high"}},
               .format = ColumnKind::kNumber,
               .decimals = 1,
               .y_min = 1,
               .y_max = 7};
    s.cards = {score_card(60, "CES", "ces")};
    return s;
  }();
  return kSchema;
}

// The builders below are registered in section_registry.cpp.

Status build_nps_sections(const Scope& scope, const ReportOptions& options, ReportContext& context,
                          std::vector<Section>& out) {
  const SurveyOptions& o = options.surveys;
  const SurveyBreakdown& b = context.surveys();
  Section s = make_section(nps_schema());
  for_each_cell(
      scope, b.nps,
      [&](const Value& group, std::string period, bool partial, const NpsAccumulator& acc) {
        const NpsResult r = nps_result(acc, scope.z);
        s.rows.push_back({group, std::move(period), partial, r.n, r.promoters, r.passives,
                          r.detractors, number(r.nps), number(r.margin_of_error)});
      });
  s.notes.push_back(
      "NPS = 100 × (promoters − detractors) / answers; promoters 9–10, passives 7–8, detractors "
      "0–6. ± is the 95% margin of error in NPS points.");
  add_latest_note(o, s);
  note_if_empty(scope, b.nps, "nps", s);
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_csat_sections(const Scope& scope, const ReportOptions& options, ReportContext& context,
                           std::vector<Section>& out) {
  const SurveyOptions& o = options.surveys;
  const SurveyBreakdown& b = context.surveys();
  Section s = make_section(csat_schema());
  for_each_cell(
      scope, b.csat,
      [&](const Value& group, std::string period, bool partial, const CsatAccumulator& acc) {
        const CsatResult r = csat_result(acc, scope.z);
        Value low, high;
        if (r.top2.ci) {
          low = 100.0 * r.top2.ci->low;
          high = 100.0 * r.top2.ci->high;
        }
        s.rows.push_back({group, std::move(period), partial, r.n, r.top2.count, number(r.csat), low,
                          high, number(r.mean)});
      });
  s.notes.push_back(
      "CSAT = 100 × share of answers 4 or 5 (1–5 scale), with its 95% Wilson interval (low, "
      "high); mean = mean answer.");
  add_latest_note(o, s);
  note_if_empty(scope, b.csat, "csat", s);
  out.push_back(std::move(s));
  return Status::Ok();
}

Status build_ces_sections(const Scope& scope, const ReportOptions& options, ReportContext& context,
                          std::vector<Section>& out) {
  const SurveyOptions& o = options.surveys;
  const SurveyBreakdown& b = context.surveys();
  Section s = make_section(ces_schema());
  for_each_cell(
      scope, b.ces,
      [&](const Value& group, std::string period, bool partial, const CesAccumulator& acc) {
        const CesResult r = ces_result(acc, scope.z);
        Value low, high, easy_low, easy_high;
        if (r.ci) {
          low = r.ci->low;
          high = r.ci->high;
        }
        if (r.high.ci) {
          easy_low = r.high.ci->low;
          easy_high = r.high.ci->high;
        }
        s.rows.push_back({group, std::move(period), partial, r.n, number(r.mean), number(r.stddev),
                          low, high, r.high.count, number(r.high.rate), easy_low, easy_high});
      });
  s.notes.push_back(
      "CES = mean answer (1–7, 7 = easiest); interval mean ± 1.96 × SD / √n (null for fewer "
      "than 2 answers); easy share = answers 5–7, with its 95% Wilson interval.");
  add_latest_note(o, s);
  note_if_empty(scope, b.ces, "ces", s);
  out.push_back(std::move(s));
  return Status::Ok();
}

}  // namespace clm::detail
