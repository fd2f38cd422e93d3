// `clm check`: computes the report sections the goals need and prints each
// goal's value and verdict; exit status 1 when a goal fails, for CI gates.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "clm/goals.h"
#include "clm/report.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kRed = "\x1b[31m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kReset = "\x1b[0m";

struct CheckArgs {
  InputOptions input;
  SettingsOptions settings;
  OutputOptions output;
  std::string goals_file;  // "" = the settings file's goals
  bool null_fails = false;
};

// The report section id that prints document section `id` ("cac_summary" is
// printed by "cac").
std::string builder_section(const std::string& id) {
  std::string best;
  for (const std::string& s : report_section_ids()) {
    if (s == id) return s;
    if (id.size() > s.size() && id.compare(0, s.size(), s) == 0 && id[s.size()] == '_' &&
        s.size() > best.size()) {
      best = s;
    }
  }
  return best.empty() ? id : best;
}

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string target_text(const GoalResult& r) {
  if (r.min && r.max) return "in [" + number(*r.min) + ", " + number(*r.max) + "]";
  if (r.min) return ">= " + number(*r.min);
  return "<= " + number(*r.max);
}

Value opt_number(const std::optional<double>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}

Document check_document(const GoalCheck& check) {
  Document doc;
  doc.title = "clm check";
  doc.meta = {{"results", std::to_string(check.results.size())},
              {"passed", std::to_string(check.passed)},
              {"failed", std::to_string(check.failed)},
              {"null", std::to_string(check.nulls)},
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

// The plain-text listing: one line per result, verdict first, coloured on a terminal.
std::string check_text(const GoalCheck& check, bool color) {
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
  out += "\n" + std::to_string(check.results.size()) + " checked: " + std::to_string(check.passed) +
         " passed, " + std::to_string(check.failed) + " failed, " + std::to_string(check.nulls) +
         " null" + (check.ok() ? "\n" : " -- goals not met\n");
  return out;
}

Status write_stdout(const std::string& text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, rest.data(), rest.size());
    if (n <= 0) return Status::IoError("cannot write to standard output");
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

int run_check(const CheckArgs& args) {
  auto settings = args.settings.resolve();
  if (!settings.ok()) return report_error(settings.status());
  std::vector<GoalSpec> goals = settings->goals;
  bool null_fails = settings->null_fails;
  if (!args.goals_file.empty()) {
    auto file = load_goals(args.goals_file);
    if (!file.ok()) return report_error(file.status());
    goals = file->goals;
    if (file->null_fails) null_fails = *file->null_fails;
  }
  if (args.null_fails) null_fails = true;
  if (goals.empty()) {
    return report_error(Status::InvalidArgument(
        "no goals: pass --goals FILE or put \"goals\" in the --settings file"));
  }
  // One report per grouping the goals need, with only the sections they read.
  std::map<std::string, std::set<std::string>> needs;
  for (const GoalSpec& g : goals) {
    auto source = goal_source(g);
    if (!source.ok()) return report_error(source.status());
    needs[source->group_by].insert(builder_section(source->section));
  }
  auto options = report_options(*settings);
  if (!options.ok()) return report_error(options.status());
  options->threads = args.input.threads;
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, settings->renames, options->scope.calendar.tz, progress);
  if (!data.ok()) return report_error(data.status());

  progress.phase("computing report");
  std::vector<Document> reports;
  for (const auto& [group_by, sections] : needs) {
    ReportOptions o = *options;
    o.scope.group_by = GroupBy::parse(group_by);
    o.sections.assign(sections.begin(), sections.end());
    auto doc = build_report(data->store, o, data->loads);
    if (!doc.ok()) {
      progress.finish();
      return report_error(doc.status());
    }
    reports.push_back(std::move(doc).value());
  }
  progress.finish();
  std::vector<const Document*> docs;
  for (const Document& d : reports) docs.push_back(&d);
  GoalCheckOptions co;
  co.null_fails = null_fails;
  auto check = check_goals(goals, docs, co);
  if (!check.ok()) return report_error(check.status());

  const bool table = args.output.format.empty() || args.output.format == "table";
  const bool to_stdout = args.output.output.empty() || args.output.output == "-";
  Status written;
  if (table && to_stdout) {
    const char* no_color = std::getenv("NO_COLOR");
    const bool color = ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
    written = write_stdout(check_text(*check, color));
  } else {
    written = write_output(check_document(*check), args.output);
  }
  if (!written.ok()) return report_error(written);
  return check->ok() ? kExitOk : kExitGoalFailed;
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check goals (NPS >= 30, churn <= 5 %, ...) on the data; exit 1 when one fails");
  add_input_options(*cmd, args->input);
  cmd->add_option("--goals", args->goals_file,
                  "Goals file: {\"goals\": [{\"metric\": \"nps\", \"min\": 30}, ...]} "
                  "(default: the \"goals\" of --settings)")
      ->type_name("FILE");
  cmd->add_flag("--null-fails", args->null_fails,
                "A goal whose value is undefined (null) fails (default: shown, not failed)");
  args->settings.add_report_settings(*cmd);
  add_output_options(*cmd, args->output);
  std::string metrics = "Metrics:\n";
  for (const GoalMetric& m : goal_metrics()) {
    metrics += "  " + std::string(m.name) +
               std::string(m.name.size() < 30 ? 30 - m.name.size() : 1, ' ') +
               std::string(m.description) + "\n";
  }
  cmd->footer(metrics + R"(
Each goal: "metric", "min" and/or "max" (inclusive), "period": window (default) | last |
last_complete | each, "per": channel | ATTR | cohort (default: overall), "on_null": fail | ignore.
Values are in report units: NPS -100..100, CSAT 0..100, rates as fractions (0.05).

Examples:
  clm check --events events.csv --customers customers.csv --spend spend.csv --goals goals.json
  clm check --events events.csv --settings team.json --format json

Exit status: 0 every goal met, 1 a goal failed, 2 usage error (a bad goal), 65 bad input data,
66 an input or the goals file cannot be opened, 74 write error.)");
  cmd->callback([args] { finish(run_check(*args)); });
}

}  // namespace clm::cli
