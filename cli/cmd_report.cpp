// `clm report`: every section of the report (or those picked) over one scope.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/report.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct ReportArgs {
  InputOptions input;
  SettingsOptions settings;  // scope and every metric setting
  OutputOptions output;
  std::vector<std::string> sections;
};

int run_report(const ReportArgs& args) {
  auto settings = args.settings.resolve();
  if (!settings.ok()) return report_error(settings.status());
  if (Status s = check_outputs_apart(input_paths(args.input, {args.settings.file()}),
                                     {args.output.output});
      !s.ok()) {
    return report_error(s);
  }
  auto options = report_options(*settings);
  if (!options.ok()) return report_error(options.status());
  options->threads = args.input.threads;
  options->sections = args.sections;
  Progress progress(progress_wanted(args.input.quiet));
  auto data = load_data(args.input, *settings, progress);
  if (!data.ok()) return report_error(data.status());

  progress.phase("computing report");
  if (Status s = check_report_sections(options->sections); !s.ok()) {
    progress.finish();
    return report_error(s);
  }
  auto analysis = Analysis::create(std::move(data).value(), *options);
  auto doc = analysis.ok() ? analysis->report() : Result<Document>(analysis.status());
  progress.finish();
  if (!doc.ok()) return report_error(doc.status());
  if (Status s = write_output(*doc, args.output); !s.ok()) return report_error(s);
  return kExitOk;
}

std::string section_list() {
  std::string list;
  for (const std::string& id : report_section_ids()) list += (list.empty() ? "" : ", ") + id;
  return list;
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Print every metric section (or those picked) for the input data");
  add_input_options(*cmd, args->input);
  cmd->add_option(
         "--sections", args->sections,
         "Comma-separated section ids to print, in report order (default: all): " + section_list())
      ->delimiter(',')
      ->type_name("ID,...");
  args->settings.add_report_settings(*cmd);
  add_output_options(*cmd, args->output);
  cmd->footer(R"(Examples:
  clm report --events events.csv --customers customers.csv --spend spend.csv
  clm report --events events.csv --from 2024-01-01 --to 2025-01-01 --period quarter --by country
  clm report --events events.jsonl --tz Europe/Berlin --week-start sunday --period week
  clm report --events events.csv --sections data_quality,nps --format json --output report.json
  clm report --events events.csv --settings team.json --period week
  cat events.csv | clm report --events - --input-format csv --lenient

Settings: defaults < --settings FILE < options given (clm config --print shows them).
Output goes to standard output (or --output FILE); messages go to standard error.
Exit status: 0 ok, 2 usage error, 65 bad input data, 66 an input cannot be opened,
70 internal error, 74 write error.
)");
  cmd->callback([args] { finish(run_report(*args)); });
}

}  // namespace clm::cli
