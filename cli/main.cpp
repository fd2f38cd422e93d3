// clm — customer-lifecycle metrics from the command line.
//
// main() only registers the subcommands and turns exceptions (CLI11's parse
// errors, and anything unexpected) into exit statuses; the library itself
// reports errors through Status.
#include <CLI/CLI.hpp>
#include <csignal>
#include <exception>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "signals.h"

int main(int argc, char** argv) {
  // A closed pipe must surface as EPIPE on write (exit 74), not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  clm::cli::install_signal_handlers();

  CLI::App app{"clm — customer-lifecycle metrics (CAC, CLV, churn, retention, cohorts, NPS, ...)",
               "clm"};
  app.set_version_flag("--version", clm::cli::version_text());
  app.require_subcommand(1);
  app.fallthrough(false);

  // One line per subcommand (see commands.h).
  clm::cli::add_report_command(app);
  clm::cli::add_stages_command(app);
  clm::cli::add_rfm_command(app);
  clm::cli::add_clv_command(app);
  clm::cli::add_value_commands(app);
  clm::cli::add_generate_command(app);
  clm::cli::add_check_command(app);
  clm::cli::add_config_command(app);
  // Set after the subcommands: CLI11 copies the footer into subcommands created later,
  // and each subcommand's help should end with its own options.
  app.footer(R"(Examples:
  clm report --events events.csv --customers customers.csv --spend spend.csv
  clm report --events events.jsonl --period week --tz Europe/Berlin --format json
  clm check --events events.csv --customers customers.csv --spend spend.csv --goals goals.json
  clm config --print > settings.json
  clm report --help

Exit status: 0 ok, 1 a goal check failed, 2 usage error, 65 bad input data,
66 an input cannot be opened, 70 internal error, 74 write error.
)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own exit status (finish())
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "clm: error: " << e.what() << "\nRun 'clm --help' for usage.\n";
    return clm::cli::kExitUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "clm: error: out of memory\n";
    return clm::cli::kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "clm: error: internal error: " << e.what() << "\n";
    return clm::cli::kExitInternal;
  }
  return clm::cli::kExitOk;
}
