// Shared option parsing, loading and output for the clm subcommands.
#include "common.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

#include "clm/output_file.h"
#include "clm/report.h"
#include "clm/type_lookalikes.h"

namespace clm::cli {
namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

// Type names are exact, so "Purchase" is a custom type: say so, since such
// events silently missing from revenue or activity are a likely mistake.
void print_type_lookalikes(const EventStore& store, const std::string& events) {
  for (const TypeLookalike& l : builtin_lookalikes(store)) {
    const char* how = l.case_differs && l.spaces_around ? "by case and by spaces around it"
                      : l.case_differs                  ? "by case"
                                                        : "by spaces around it";
    std::string shown;
    for (const char c : l.name) shown += c == '\t' ? std::string("\\t") : std::string(1, c);
    std::cerr << "clm: warning: " << (events == "-" ? std::string("<stdin>") : events) << ": "
              << l.events << (l.events == 1 ? " event has" : " events have") << " type '" << shown
              << "', which differs from '" << builtin_type_name(l.builtin) << "' only " << how
              << "; " << (l.events == 1 ? "it is" : "they are")
              << " counted as a custom type (type names are exact)\n";
  }
}

// The format of --output by its extension; table for anything else.
Format format_for_path(std::string_view path) {
  const auto dot = path.find_last_of('.');
  const auto slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Format::kTable;
  }
  const std::string ext = lower(path.substr(dot + 1));
  if (ext == "json") return Format::kJson;
  if (ext == "csv") return Format::kCsv;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm") return Format::kHtml;
  return Format::kTable;
}

}  // namespace

CLI::Validator not_empty(std::string instead) {
  return CLI::Validator(
      [instead = std::move(instead)](std::string& value) {
        return value.empty() ? "the value is empty; " + instead : std::string();
      },
      "", "NOT_EMPTY");
}

std::string version_text() {
  return "clm " + std::string(version());
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("--events", o.events, "Events table: .csv, .jsonl/.ndjson or .json (- = stdin)")
      ->required()
      ->check(not_empty("give a file name, or '-' for standard input"))
      ->type_name("FILE");
  cmd.add_option("--customers", o.customers,
                 "Customers table (id, acquired_at, channel, attributes)")
      ->check(not_empty("give a file name, or leave the option out"))
      ->type_name("FILE");
  cmd.add_option("--spend", o.spend, "Spend table (date, channel, amount), needed for CAC")
      ->check(not_empty("give a file name, or leave the option out"))
      ->type_name("FILE");
  cmd.add_option("--input-format", o.input_format,
                 "Format of all inputs instead of by extension (needed for - = stdin)")
      ->check(CLI::IsMember({"auto", "csv", "jsonl", "ndjson", "json"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  cmd.add_flag("--lenient", o.lenient,
               "Skip bad rows (counted by reason, listed on stderr and in the data-quality "
               "section) instead of failing with exit 65");
  cmd.add_flag("--quiet,-q", o.quiet,
               "No progress display (shown only when standard error is a terminal)");
  cmd.add_option("--threads", o.threads,
                 "Threads for reading and computing (0 = all cores); the output is the same "
                 "byte for byte whatever the number")
      ->type_name("N")
      ->capture_default_str();
}

void add_output_options(CLI::App& cmd, OutputOptions& o) {
  cmd.add_option("--format", o.format,
                 "Output format; default: by --output's extension (.json, .csv, .md, .html), "
                 "else table")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown", "md", "html"}))
      ->type_name("FORMAT");
  cmd.add_option("--output,-o", o.output,
                 "Write to FILE (atomically: all or nothing) instead of standard output")
      ->check(not_empty("give a file name, or '-' (or no --output) for standard output"))
      ->type_name("FILE");
}

// Size of an input for the progress display; 0 for standard input or unknown.
std::int64_t file_size(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<std::int64_t>(st.st_size);
}

Result<LoadedTables> load_data(const InputOptions& in, const Settings& settings,
                               Progress& progress) {
  auto format = parse_input_format(in.input_format);
  if (!format.ok()) return format.status();
  auto ro = read_options(settings);
  if (!ro.ok()) return ro.status();
  ro->format = *format;
  ro->lenient = in.lenient;
  ro->threads = in.threads;
  ro->progress_bytes = progress.parsed_bytes();
  LoadObserver show;
  show.reading = [&progress](const std::string& path) {
    progress.phase("reading " + (path == "-" ? std::string("<stdin>") : path), file_size(path));
  };
  show.read = [&progress](const TableLoad& load) { progress.add_rows(load.rows_read); };
  show.building = [&](const std::vector<TableLoad>& loads) {
    if (in.lenient) {
      progress.finish();  // the summary must not share a line with the progress
      for (const std::string& text : rejected_rows_text(loads)) {
        std::cerr << "clm: warning: " << text;
      }
    }
    progress.phase("building store");
  };
  auto tables = load_tables({in.events, in.customers, in.spend}, *ro, show);
  if (!tables.ok()) {
    progress.finish();
    return tables;
  }
  if (!builtin_lookalikes(*tables->store).empty()) {
    progress.finish();  // the warnings must not share a line with the progress
    print_type_lookalikes(*tables->store, in.events);
  }
  return tables;
}

Status write_output(const Document& doc, const OutputOptions& out) {
  const bool to_stdout = out.output.empty() || out.output == "-";
  Format format = to_stdout ? Format::kTable : format_for_path(out.output);
  if (!out.format.empty()) {
    auto f = parse_format(out.format);
    if (!f.ok()) return f.status();
    format = *f;
  }
  ReporterOptions ro;
  ro.color = to_stdout && format == Format::kTable && color_on_stdout();

  std::ostringstream text;
  if (Status s = write_report(text, doc, format, ro); !s.ok()) return s;
  const std::string bytes = std::move(text).str();
  if (!to_stdout) return write_file(out.output, bytes);
  return write_stdout(bytes);
}

Status write_stdout(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::IoError(std::string("cannot write to standard output: ") +
                             std::strerror(n < 0 ? errno : EIO));
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

bool color_on_stdout() {
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

std::vector<std::string> input_paths(const InputOptions& in, std::vector<std::string> more) {
  more.insert(more.end(), {in.events, in.customers, in.spend});
  return more;
}

Status check_outputs_apart(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& outputs) {
  for (const std::string& out : outputs) {
    struct stat o {};
    if (out.empty() || out == "-" || ::stat(out.c_str(), &o) != 0 || !S_ISREG(o.st_mode)) continue;
    for (const std::string& in : inputs) {
      struct stat i {};
      if (in.empty() || in == "-" || ::stat(in.c_str(), &i) != 0) continue;
      if (i.st_dev == o.st_dev && i.st_ino == o.st_ino) {
        return Status::InvalidArgument("the output '" + out + "' is the input '" + in +
                                       "': writing it would destroy the data being read");
      }
    }
  }
  return Status::Ok();
}

int exit_code(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidArgument:
      return kExitUsage;
    case Status::Code::kDataError:
      return kExitDataError;
    case Status::Code::kNotConverged:
      return kExitDataError;
    case Status::Code::kNoInput:
      return kExitNoInput;
    case Status::Code::kIoError:
      return kExitIoError;
    case Status::Code::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int report_error(const Status& s) {
  std::cerr << "clm: error: " << s.message() << "\n";
  return exit_code(s);
}

void finish(int exit_code) {
  if (exit_code != kExitOk) throw CLI::RuntimeError(exit_code);
}

}  // namespace clm::cli
