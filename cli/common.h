// Shared pieces of the clm subcommands: the common options (inputs, scope,
// output), loading the three tables, writing the output, and exit statuses.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clm/analysis.h"
#include "clm/document.h"
#include "clm/ingest.h"
#include "clm/reporters.h"
#include "clm/settings.h"
#include "clm/status.h"
#include "progress.h"

namespace CLI {
class App;
class Validator;
}

namespace clm::cli {

// Exit statuses (docs/input.md; 70 = EX_SOFTWARE for a bug in clm).
inline constexpr int kExitOk = 0;
inline constexpr int kExitGoalFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitDataError = 65;
inline constexpr int kExitNoInput = 66;
inline constexpr int kExitInternal = 70;
inline constexpr int kExitIoError = 74;

// "clm 0.1.0" for --version.
std::string version_text();

// Refuses an empty value ("--output ''"): it is a mistake, such as a shell
// variable that expanded to nothing, never a request for the default.
// `instead` says what to do instead, e.g. "leave the option out for no grouping".
CLI::Validator not_empty(std::string instead);

// --events/--customers/--spend, --input-format, --lenient, --quiet, --threads. The
// settings (--rename, scope, metric options) are in settings.h.
struct InputOptions {
  std::string events;     // required
  std::string customers;  // "" = none
  std::string spend;      // "" = none
  std::string input_format = "auto";
  bool lenient = false;
  bool quiet = false;    // no progress display
  unsigned threads = 0;  // threads for reading and computing; 0 = all cores
};
void add_input_options(CLI::App& cmd, InputOptions& o);

// --format/--output.
struct OutputOptions {
  std::string format;  // "" = by --output's extension, else table
  std::string output;  // "" or "-" = standard output
};
void add_output_options(CLI::App& cmd, OutputOptions& o);

// Reads the tables named in `in` with clm::load_tables (timestamps without an
// offset in the settings' zone, columns renamed by its renames), showing its
// phases on `progress`. In lenient mode, prints the rejected rows on stderr.
Result<LoadedTables> load_data(const InputOptions& in, const Settings& settings,
                               Progress& progress);

// Writes `doc` to stdout or to --output (through clm::OutputFile: atomically
// for a regular file, in place for a FIFO or device). IoError on failure.
Status write_output(const Document& doc, const OutputOptions& out);

// Writes all of `text` to standard output. IoError on failure (a closed pipe
// included: SIGPIPE is ignored).
Status write_stdout(std::string_view text);

// True when standard output is a terminal and NO_COLOR is unset or empty.
bool color_on_stdout();

// The input tables' paths of `in` ("" for a table not given), then `more`.
std::vector<std::string> input_paths(const InputOptions& in, std::vector<std::string> more = {});

// InvalidArgument when an existing output is the same file (device and inode)
// as an input: writing it would destroy the data being read. "" and "-" are
// never compared.
Status check_outputs_apart(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& outputs);

// The exit status for `s`: 0 OK, 2 InvalidArgument, 65 DataError and
// NotConverged (EX_DATAERR), 66 NoInput, 74 IoError, 70 Internal.
int exit_code(const Status& s);

// Prints "clm: error: <message>" on stderr and returns the exit status of `s`.
int report_error(const Status& s);

// Ends a subcommand's callback with an exit status; main() returns it.
// Returns normally for 0.
void finish(int exit_code);

}  // namespace clm::cli
