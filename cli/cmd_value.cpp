// `clm value` and `clm cac`: the value sections of the report (revenue, CAC,
// CAC payback, CLV, CLV:CAC) with the margin setting, and a per-customer CSV
// export of historical CLV.
#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "clm/analysis.h"
#include "clm/clv_export.h"
#include "clm/output_file.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct ValueArgs {
  InputOptions input;
  SettingsOptions settings;  // scope, m, W, A
  OutputOptions output;
  std::string clv_csv;  // "" = no per-customer export
};

void add_value_options(CLI::App& cmd, ValueArgs& a) {
  a.settings.add_file(cmd);
  a.settings.add_rename(cmd);
  a.settings.add_scope(cmd);
  a.settings.add_margin(cmd);
  a.settings.add_activity(cmd);
}

// Writes the historical CLV of every customer acquired before the as-of time
// to `path` (through clm::OutputFile, like --output).
Status export_clv(const Analysis& analysis, const std::string& path) {
  auto clv = analysis.historical_clv();
  if (!clv.ok()) return clv.status();
  std::ostringstream csv;
  if (Status s = write_historical_clv_csv(csv, analysis.scope(), *clv); !s.ok()) return s;
  if (Status s = write_file(path, std::move(csv).str()); !s.ok()) {
    return Status::IoError("--clv-csv: " + s.message());
  }
  return Status::Ok();
}

int run_value(const ValueArgs& args, std::vector<std::string> sections, const char* title) {
  auto settings = args.settings.resolve();
  if (!settings.ok()) return report_error(settings.status());
  if (Status s = check_outputs_apart(input_paths(args.input, {args.settings.file()}),
                                     {args.output.output, args.clv_csv});
      !s.ok()) {
    return report_error(s);
  }
  auto options = report_options(*settings);
  if (!options.ok()) return report_error(options.status());
  options->threads = args.input.threads;
  options->sections = std::move(sections);
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, *settings, progress);
  if (!data.ok()) return report_error(data.status());

  progress.phase("computing report");
  auto analysis = Analysis::create(std::move(data).value(), *options);
  auto doc = analysis.ok() ? analysis->report() : Result<Document>(analysis.status());
  progress.finish();
  if (!doc.ok()) return report_error(doc.status());
  doc->title = title;
  if (!args.clv_csv.empty()) {
    if (Status s = export_clv(*analysis, args.clv_csv); !s.ok()) return report_error(s);
  }
  if (Status s = write_output(*doc, args.output); !s.ok()) return report_error(s);
  return kExitOk;
}

}  // namespace

void add_value_commands(CLI::App& app) {
  auto value = std::make_shared<ValueArgs>();
  CLI::App* cmd = app.add_subcommand(
      "value", "Revenue, CAC, CAC payback, historical and formula CLV, and CLV:CAC");
  add_input_options(*cmd, value->input);
  add_value_options(*cmd, *value);
  cmd->add_option("--clv-csv", value->clv_csv,
                  "Also write each customer's historical CLV to FILE (CSV: customer_id, group, "
                  "acquired_at, channel, net_revenue, clv)")
      ->check(not_empty("give a file name, or leave the option out"))
      ->type_name("FILE");
  add_output_options(*cmd, value->output);
  cmd->footer(R"(Examples:
  clm value --events events.csv --customers customers.csv --spend spend.csv --margin 0.6
  clm value --events events.csv --spend spend.csv --by channel --period quarter --format json
  clm value --events events.csv --clv-csv clv.csv --output value.md

Exit status: 0 ok, 2 usage error, 65 bad input data, 66 an input cannot be opened,
70 internal error, 74 write error.)");
  cmd->callback([value] {
    finish(run_value(*value, {"revenue", "cac", "cac_payback", "clv", "clv_cac"}, "clm value"));
  });

  auto cac = std::make_shared<ValueArgs>();
  CLI::App* cac_cmd = app.add_subcommand(
      "cac", "New customers, spend and CAC per channel, blended and paid CAC, payback, CLV:CAC");
  add_input_options(*cac_cmd, cac->input);
  add_value_options(*cac_cmd, *cac);
  add_output_options(*cac_cmd, cac->output);
  cac_cmd->footer(R"(Examples:
  clm cac --events events.csv --customers customers.csv --spend spend.csv
  clm cac --events events.csv --spend spend.csv --period quarter --margin 0.6 --format md

Exit status: 0 ok, 2 usage error, 65 bad input data, 66 an input cannot be opened,
70 internal error, 74 write error.)");
  cac_cmd->callback([cac] {
    finish(run_value(*cac, {"cac", "cac_payback", "clv_cac"}, "clm cac"));
  });
}

}  // namespace clm::cli
