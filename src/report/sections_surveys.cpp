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
#include "report/section_registry.h"

namespace clm::detail {
namespace {

constexpr const char* kWindowLabel = "window";

Value number(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}

// The first three columns of every survey row: group, period, partial.
void add_row_key_columns(Section& s) {
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("period", "Period", ColumnKind::kText);
  s.add_column("partial", "Partial", ColumnKind::kFlag);
}

// Calls row(group, period label, partial, accumulator) for every group's
// window and then each of its periods.
template <typename Acc, typename RowFn>
void for_each_cell(const Scope& scope, const Breakdown<Acc>& b, RowFn row) {
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    const std::string& group = scope.grouping.labels[g];
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

}  // namespace

// The builders below are registered in section_registry.cpp.

Status build_nps_sections(const Scope& scope, const ReportOptions& options, ReportContext& context,
                          std::vector<Section>& out) {
  const SurveyOptions& o = options.surveys;
  const SurveyBreakdown& b = context.surveys();
  Section s;
  s.id = "nps";
  s.title = "Net Promoter Score";
  add_row_key_columns(s);
  s.add_column("n", "Answers", ColumnKind::kCount);
  s.add_column("promoters", "Promoters", ColumnKind::kCount);
  s.add_column("passives", "Passives", ColumnKind::kCount);
  s.add_column("detractors", "Detractors", ColumnKind::kCount);
  s.add_column("nps", "NPS", ColumnKind::kNumber, 1);
  s.add_column("nps_moe", "± (95%)", ColumnKind::kNumber, 1);
  for_each_cell(
      scope, b.nps,
      [&](const std::string& group, std::string period, bool partial, const NpsAccumulator& acc) {
        const NpsResult r = nps_result(acc, o.z);
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
  Section s;
  s.id = "csat";
  s.title = "Customer Satisfaction (CSAT)";
  add_row_key_columns(s);
  s.add_column("n", "Answers", ColumnKind::kCount);
  s.add_column("satisfied", "Satisfied (4–5)", ColumnKind::kCount);
  s.add_column("csat", "CSAT", ColumnKind::kNumber, 1);
  s.add_column("csat_low", "CSAT low", ColumnKind::kNumber, 1);
  s.add_column("csat_high", "CSAT high", ColumnKind::kNumber, 1);
  s.add_column("mean", "Mean", ColumnKind::kNumber, 2);
  for_each_cell(
      scope, b.csat,
      [&](const std::string& group, std::string period, bool partial, const CsatAccumulator& acc) {
        const CsatResult r = csat_result(acc, o.z);
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
  Section s;
  s.id = "ces";
  s.title = "Customer Effort Score (CES)";
  add_row_key_columns(s);
  s.add_column("n", "Answers", ColumnKind::kCount);
  s.add_column("ces", "CES", ColumnKind::kNumber, 2);
  s.add_column("ces_sd", "SD", ColumnKind::kNumber, 2);
  s.add_column("ces_low", "CES low", ColumnKind::kNumber, 2);
  s.add_column("ces_high", "CES high", ColumnKind::kNumber, 2);
  s.add_column("easy", "Easy (5–7)", ColumnKind::kCount);
  s.add_column("easy_rate", "Easy share", ColumnKind::kRate);
  s.add_column("easy_rate_low", "Easy low", ColumnKind::kRate);
  s.add_column("easy_rate_high", "Easy high", ColumnKind::kRate);
  for_each_cell(
      scope, b.ces,
      [&](const std::string& group, std::string period, bool partial, const CesAccumulator& acc) {
        const CesResult r = ces_result(acc, o.z);
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
