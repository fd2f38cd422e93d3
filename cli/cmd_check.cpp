// `clm check`: computes the report sections the goals need and prints each
// goal's value and verdict; exit status 1 when a goal fails, for CI gates.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct CheckArgs {
  InputOptions input;
  SettingsOptions settings;
  OutputOptions output;
  std::string goals_file;  // "" = the settings file's goals
  bool null_fails = false;
};

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
  // Bad goals are reported before the data is read.
  if (auto plan = goal_reports(goals); !plan.ok()) return report_error(plan.status());
  if (Status s = check_outputs_apart(
          input_paths(args.input, {args.settings.file(), args.goals_file}), {args.output.output});
      !s.ok()) {
    return report_error(s);
  }
  auto options = report_options(*settings);
  if (!options.ok()) return report_error(options.status());
  options->threads = args.input.threads;
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, *settings, progress);
  if (!data.ok()) return report_error(data.status());

  progress.phase("computing report");
  // Each report the goals read has its own grouping: the analysis has none.
  options->scope.group_by = GroupBy{};
  auto analysis = Analysis::create(std::move(data).value(), *options);
  GoalCheckOptions co;
  co.null_fails = null_fails;
  auto check =
      analysis.ok() ? check_goals(*analysis, goals, co) : Result<GoalCheck>(analysis.status());
  progress.finish();
  if (!check.ok()) return report_error(check.status());

  const bool table = args.output.format.empty() || args.output.format == "table";
  const bool to_stdout = args.output.output.empty() || args.output.output == "-";
  Status written;
  if (table && to_stdout) {
    written = write_stdout(goal_check_text(*check, color_on_stdout()));
  } else {
    written = write_output(goal_check_document(*check), args.output);
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
      ->check(not_empty("give a file name, or leave the option out"))
      ->type_name("FILE");
  // Not bound to the settings: given here, it wins over the goals file too.
  const SettingField& null_fails = *find_setting_field("null_fails");
  cmd->add_flag(std::string(null_fails.option), args->null_fails, std::string(null_fails.help));
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
