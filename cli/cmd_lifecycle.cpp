// `clm stages` and `clm rfm`: per-customer lifecycle exports (one row per
// customer, for a CRM), in any output format (CSV by --output x.csv).
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/customer_reports.h"
#include "clm/document.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct LifecycleArgs {
  InputOptions input;
  SettingsOptions settings;  // scope, W, A, L
  OutputOptions output;
  std::string at;  // stage time; "" = as-of
};

// The analysis of the settings over the loaded tables.
Result<Analysis> prepare(const LifecycleArgs& args) {
  auto settings = args.settings.resolve();
  if (!settings.ok()) return settings.status();
  if (Status s = check_outputs_apart(input_paths(args.input, {args.settings.file()}),
                                     {args.output.output});
      !s.ok()) {
    return s;
  }
  auto options = report_options(*settings);
  if (!options.ok()) return options.status();
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, *settings, progress);
  if (!data.ok()) return data.status();
  progress.finish();
  return Analysis::create(std::move(data).value(), *options);
}

int run_stages(const LifecycleArgs& args) {
  auto analysis = prepare(args);
  if (!analysis.ok()) return report_error(analysis.status());
  if (const auto& model = analysis->activity(); !model.ok()) return report_error(model.status());
  const Scope& scope = analysis->scope();
  Timestamp t = scope.window.to;
  if (!args.at.empty()) {
    auto parsed = parse_timestamp(args.at, scope.calendar.tz);
    if (!parsed.ok())
      return report_error(Status::InvalidArgument("--at: " + parsed.status().message()));
    t = *parsed;
  }
  auto stages = analysis->stages_at(t);
  if (!stages.ok()) return report_error(stages.status());
  const Document doc = customer_stages_report(scope, *stages, t);
  if (Status st = write_output(doc, args.output); !st.ok()) return report_error(st);
  return kExitOk;
}

int run_rfm(const LifecycleArgs& args) {
  auto analysis = prepare(args);
  if (!analysis.ok()) return report_error(analysis.status());
  auto rfm = analysis->rfm();
  if (!rfm.ok()) return report_error(rfm.status());
  const Document doc = customer_rfm_report(analysis->scope(), *rfm);
  if (Status st = write_output(doc, args.output); !st.ok()) return report_error(st);
  return kExitOk;
}

}  // namespace

void add_stages_command(CLI::App& app) {
  auto args = std::make_shared<LifecycleArgs>();
  CLI::App* cmd = app.add_subcommand(
      "stages", "Export each customer's lifecycle stage at a time, with the facts that decided it");
  add_input_options(*cmd, args->input);
  args->settings.add_file(*cmd);
  args->settings.add_rename(*cmd);
  args->settings.add_scope(*cmd);
  args->settings.add_activity(*cmd);
  args->settings.add_loyalty(*cmd);
  cmd->add_option("--at", args->at, "Time of the stages (default: the as-of time)");
  add_output_options(*cmd, args->output);
  cmd->footer(
      "Example:\n  clm stages --events events.csv --customers customers.csv -o stages.csv\n");
  cmd->callback([args] { finish(run_stages(*args)); });
}

void add_rfm_command(CLI::App& app) {
  auto args = std::make_shared<LifecycleArgs>();
  CLI::App* cmd =
      app.add_subcommand("rfm", "Export each purchaser's R, F, M, scores and RFM segment");
  add_input_options(*cmd, args->input);
  args->settings.add_file(*cmd);
  args->settings.add_rename(*cmd);
  args->settings.add_scope(*cmd);
  add_output_options(*cmd, args->output);
  cmd->footer("Example:\n  clm rfm --events events.csv -o rfm.csv\n");
  cmd->callback([args] { finish(run_rfm(*args)); });
}

}  // namespace clm::cli
