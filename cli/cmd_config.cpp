// `clm config --print`: the effective settings (defaults < --settings FILE <
// options) as JSON, itself a valid settings file.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct ConfigArgs {
  SettingsOptions settings;
  bool print = false;
};

int run_config(const ConfigArgs& args) {
  if (!args.print) {
    return report_error(Status::InvalidArgument("config: nothing to do (use --print)"));
  }
  auto settings = args.settings.resolve();
  if (!settings.ok()) return report_error(settings.status());
  if (Status s = write_stdout(settings_to_json(*settings)); !s.ok()) return report_error(s);
  return kExitOk;
}

}  // namespace

void add_config_command(CLI::App& app) {
  auto args = std::make_shared<ConfigArgs>();
  CLI::App* cmd = app.add_subcommand(
      "config", "Print the effective settings (defaults, --settings file, options) as JSON");
  cmd->add_flag("--print", args->print, "Print the effective settings as a settings file");
  args->settings.add_report_settings(*cmd);
  args->settings.add_predictive(*cmd);
  args->settings.add_null_fails(*cmd);
  cmd->footer(R"(Examples:
  clm config --print > settings.json            # every setting with its default
  clm config --print --settings team.json --period week

The output is a valid settings file: edit it and pass it with --settings FILE to any
command that computes metrics. Options given on the command line override the file.)");
  cmd->callback([args] { finish(run_config(*args)); });
}

}  // namespace clm::cli
