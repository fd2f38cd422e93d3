// `clm stages` and `clm rfm`: per-customer lifecycle exports (one row per
// customer, for a CRM), in any output format (CSV by --output x.csv).
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clm/activity.h"
#include "clm/customer_reports.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/stages.h"
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

struct Prepared {
  Settings settings;
  LoadedData data;
  Scope scope;
};

Result<Prepared> prepare(const LifecycleArgs& args) {
  auto settings = args.settings.resolve();
  if (!settings.ok()) return settings.status();
  if (Status s = check_outputs_apart(input_paths(args.input, {args.settings.file()}),
                                     {args.output.output});
      !s.ok()) {
    return s;
  }
  auto so = parse_scope(*settings);
  if (!so.ok()) return so.status();
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, settings->renames, so->calendar.tz, progress);
  if (!data.ok()) return data.status();
  progress.finish();
  Prepared p{std::move(settings).value(), std::move(data).value(), {}};
  auto scope = make_scope(p.data.store, *so);
  if (!scope.ok()) return scope.status();
  p.scope = std::move(scope).value();
  return p;
}

int run_stages(const LifecycleArgs& args) {
  auto p = prepare(args);
  if (!p.ok()) return report_error(p.status());
  const Scope& scope = p->scope;
  auto options = report_options(p->settings);
  if (!options.ok()) return report_error(options.status());
  auto model =
      ActivityModel::build(scope.store, scope.acquisition, scope.window.to, options->activity);
  if (!model.ok()) return report_error(model.status());
  Timestamp t = scope.window.to;
  if (!args.at.empty()) {
    auto parsed = parse_timestamp(args.at, scope.calendar.tz);
    if (!parsed.ok())
      return report_error(Status::InvalidArgument("--at: " + parsed.status().message()));
    t = *parsed;
  }
  const Document doc =
      customer_stages_report(scope, stages_at(*model, t, options->stages.loyalty_purchases), t);
  if (Status st = write_output(doc, args.output); !st.ok()) return report_error(st);
  return kExitOk;
}

int run_rfm(const LifecycleArgs& args) {
  auto p = prepare(args);
  if (!p.ok()) return report_error(p.status());
  const Scope& scope = p->scope;
  const RfmResult r = compute_rfm(scope);
  const Document doc = customer_rfm_report(scope, r);
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
