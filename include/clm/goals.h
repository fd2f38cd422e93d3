// clm/goals.h — goals ("NPS >= 30", "monthly churn <= 5 %", "CLV:CAC >= 3 per
// channel") checked against the values of a report Document.
//
// A goal names a metric of the catalog below, the scope it applies to (the
// whole window, the last period or every period; overall, per group or per
// acquisition channel) and a target (min and/or max, both inclusive). Values
// are read from the report's sections, in the report's units: NPS −100..100,
// CSAT and the other survey scores as printed (CSAT 0..100, CES 1..7), rates
// as fractions (0.05 = 5 %), money in currency units, counts as numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/document.h"
#include "clm/load_summary.h"
#include "clm/status.h"

namespace clm {

class Analysis;  // clm/analysis.h (not included: goals need no metric header)

// Which rows of a per-period section a goal reads.
enum class GoalPeriod {
  kWindow,        // the row over the whole window (default)
  kLast,          // the last period of the series (it may be partial)
  kLastComplete,  // the last period that is not partial
  kEach,          // every period: one result per period
};

// "window", "last", "last_complete", "each".
std::string_view goal_period_name(GoalPeriod p);
// InvalidArgument naming the accepted words for anything else.
Result<GoalPeriod> parse_goal_period(std::string_view text);

struct GoalSpec {
  std::string metric;                       // a name of goal_metrics(), e.g. "churn_rate"
  GoalPeriod period = GoalPeriod::kWindow;  // rows read from a per-period section
  // "" = overall (the report's single group "all"); "channel" = each
  // acquisition channel; any other grouping of the report (--by) = each group.
  std::string per;
  std::optional<double> min;  // the value must be >= min (inclusive)
  std::optional<double> max;  // the value must be <= max (inclusive)
  // Whether an undefined (null) value fails this goal; unset = the check's default.
  std::optional<bool> null_fails;
};

// One metric goals can name: where its value lives in the report.
struct GoalMetric {
  std::string_view name;             // "churn_rate"
  std::string_view section;          // report section read overall / per group: "churn"
  std::string_view column;           // its column: "churn_rate"; "" = only per channel
  std::string_view channel_section;  // section of its per-channel rows; "" = none
  std::string_view channel_column;
  std::string_view description;  // one line for the documentation and --help
};

// Every metric a goal can name, in documentation order.
const std::vector<GoalMetric>& goal_metrics();

// The report a goal reads: its section and the grouping (--by) of the report,
// "" for an ungrouped report. InvalidArgument for an unknown metric (naming
// the closest known one), no target, min > max, or a scope the metric lacks.
struct GoalSource {
  std::string section;
  std::string group_by;
};
Result<GoalSource> goal_source(const GoalSpec& goal);

enum class Verdict { kPass, kFail, kNull };
std::string_view verdict_name(Verdict v);  // "PASS", "FAIL", "NULL"

struct GoalResult {
  std::size_t goal = 0;  // index of the goal in the list checked
  std::string metric;
  std::string scope;            // "all", "channel=email", "country=DE"
  std::string period;           // "window" or the period label ("2024-06")
  std::optional<double> value;  // nullopt: undefined in the report (or no row)
  std::optional<double> min;
  std::optional<double> max;
  Verdict verdict = Verdict::kNull;
  bool failed = false;  // kFail, or kNull when null values fail this goal
};

struct GoalCheckOptions {
  bool null_fails = false;  // default for goals without null_fails: null is shown, not failed
};

struct GoalCheck {
  std::vector<GoalResult> results;  // goals in order, their rows in report order
  std::int64_t passed = 0;
  std::int64_t failed = 0;  // results with failed == true
  std::int64_t nulls = 0;   // results with verdict kNull (failing or not)
  bool ok() const { return failed == 0; }
};

// Checks each goal against `reports`, the report documents built for them:
// the goal reads the first document whose meta "group_by" matches the
// grouping goal_source() names ("none" for ""). InvalidArgument for a bad goal
// or when no document holds the goal's section with that grouping.
Result<GoalCheck> check_goals(const std::vector<GoalSpec>& goals,
                              const std::vector<const Document*>& reports,
                              const GoalCheckOptions& options = {});

// The reports a list of goals reads: one per grouping ("" = none), each with
// only the report sections (ids of report_section_ids()) its goals read, in
// grouping order. InvalidArgument for a bad goal, as goal_source().
struct GoalReport {
  std::string group_by;
  std::vector<std::string> sections;
};
Result<std::vector<GoalReport>> goal_reports(const std::vector<GoalSpec>& goals);

// Builds the reports of goal_reports() from `analysis` and checks the goals
// against them: each report with only the sections its goals read, grouped
// as goal_reports() says — whatever the analysis's own grouping (a report of
// another grouping comes from analysis.with_group_by(), which shares the
// activity model). Errors as goal_reports(), Analysis::with_group_by(),
// Analysis::report() and check_goals() above.
Result<GoalCheck> check_goals(const Analysis& analysis, const std::vector<GoalSpec>& goals,
                              const GoalCheckOptions& options = {});

// The check as a report Document: meta (results, passed, failed, null, ok)
// and one "goals" section with a row per result, for any reporter.
Document goal_check_document(const GoalCheck& check);

// The check as plain text: one line per result, verdict first (ANSI-coloured
// when `color`), then a summary line.
std::string goal_check_text(const GoalCheck& check, bool color);

}  // namespace clm
