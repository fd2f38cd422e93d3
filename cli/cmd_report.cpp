// `clm report`: every section of the report (or those picked) over one scope.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "clm/report.h"
#include "commands.h"
#include "common.h"

namespace clm::cli {
namespace {

struct ReportArgs {
  InputOptions input;
  ScopeArgs scope;
  OutputOptions output;
  std::vector<std::string> sections;
  double margin = 1.0;  // m for CLV and CAC payback (metrics.md default 1.0)
};

int run_report(const ReportArgs& args) {
  auto scope = parse_scope(args.scope);
  if (!scope.ok()) return report_error(scope.status());
  auto data = load_data(args.input, scope->calendar.tz);
  if (!data.ok()) return report_error(data.status());

  ReportOptions options;
  options.scope = *scope;
  options.sections = args.sections;
  options.payback.margin = options.clv.margin = args.margin;
  auto doc = build_report(data->store, options, data->loads);
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
  add_scope_options(*cmd, args->scope);
  cmd->add_option(
         "--sections", args->sections,
         "Comma-separated section ids to print, in report order (default: all): " + section_list())
      ->delimiter(',')
      ->type_name("ID,...");
  cmd->add_option("--margin", args->margin,
                  "m: gross-margin fraction applied to revenue in CLV and CAC payback")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  add_output_options(*cmd, args->output);
  cmd->footer(R"(Examples:
  clm report --events events.csv --customers customers.csv --spend spend.csv
  clm report --events events.csv --from 2024-01-01 --to 2025-01-01 --period quarter --by country
  clm report --events events.jsonl --tz Europe/Berlin --week-start sunday --period week
  clm report --events events.csv --sections data_quality,nps --format json --output report.json
  cat events.csv | clm report --events - --input-format csv --lenient

Output goes to standard output (or --output FILE); messages go to standard error.
Exit status: 0 ok, 2 usage error, 65 bad input data, 66 an input cannot be opened,
70 internal error, 74 write error.
)");
  cmd->callback([args] { finish(run_report(*args)); });
}

}  // namespace clm::cli
