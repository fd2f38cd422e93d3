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

#include "clm/report.h"

namespace clm::cli {
namespace {

// Rejected rows listed per table on stderr in lenient mode.
constexpr std::size_t kShownRejections = 5;

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

void print_rejections(const std::vector<TableLoad>& loads) {
  for (const TableLoad& load : loads) {
    if (load.rows_rejected() == 0) continue;
    std::cerr << "clm: warning: " << load.source << ": " << load.rows_rejected() << " of "
              << load.rows_read << " " << load.table << " rows rejected\n";
    for (const auto& [reason, rows] : load.rejected_by_reason) {
      std::cerr << "  " << rows << " × " << reason << "\n";
    }
    std::size_t shown = 0;
    for (const RowRejection& r : load.examples) {
      if (shown++ == kShownRejections) break;
      std::cerr << "  " << r.location << ": column '" << r.column << "': " << r.reason
                << " (value '" << r.value << "')\n";
    }
    const auto listed = static_cast<std::int64_t>(shown);
    if (load.rows_rejected() > listed) {
      std::cerr << "  ... and " << (load.rows_rejected() - listed) << " more\n";
    }
  }
}

// Writes all of `data` to fd, retrying short writes and EINTR.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Status io_error(const std::string& what) {
  return Status::IoError(what + ": " + std::strerror(errno));
}

// Writes `data` to `path` through a temporary file in the same directory and a
// rename, so a reader never sees a half-written report and a failed run
// leaves the previous file (or nothing) behind.
Status write_file_atomically(const std::string& path, std::string_view data) {
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = dir + (dir.back() == '/' ? "" : "/") + "." + base + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return io_error("cannot write '" + path + "'");
  // mkstemp creates 0600; give the report the permissions a plain create would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666) & ~mask);
  bool ok = write_all(fd, data) && ::fsync(fd) == 0;
  int saved = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    errno = saved;
    return io_error("cannot write '" + path + "'");
  }
  return Status::Ok();
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

bool no_color_requested() {
  const char* v = std::getenv("NO_COLOR");
  return v != nullptr && *v != '\0';
}

}  // namespace

std::string version_text() {
  return "clm " + std::string(version());
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("--events", o.events, "Events table: .csv, .jsonl/.ndjson or .json (- = stdin)")
      ->required()
      ->type_name("FILE");
  cmd.add_option("--customers", o.customers,
                 "Customers table (id, acquired_at, channel, attributes)")
      ->type_name("FILE");
  cmd.add_option("--spend", o.spend, "Spend table (date, channel, amount), needed for CAC")
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
      ->type_name("FILE");
}

// Size of an input for the progress display; 0 for standard input or unknown.
std::int64_t file_size(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<std::int64_t>(st.st_size);
}

Result<LoadedData> load_data(const InputOptions& in, const std::vector<std::string>& renames,
                             const TimeZone& tz, Progress& progress) {
  ReadOptions ro;
  auto format = parse_input_format(in.input_format);
  if (!format.ok()) return format.status();
  ro.format = *format;
  ro.lenient = in.lenient;
  ro.threads = in.threads;
  ro.progress_bytes = progress.parsed_bytes();
  ro.tz = tz;
  for (const std::string& r : renames) {
    const auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      return Status::InvalidArgument("--rename: expected OLD=NEW, got '" + r + "'");
    }
    ro.renames.emplace_back(r.substr(0, eq), r.substr(eq + 1));
  }
  int from_stdin = (in.events == "-") + (in.customers == "-") + (in.spend == "-");
  if (from_stdin > 1) {
    return Status::InvalidArgument("only one input can be read from standard input ('-')");
  }

  EventStoreBuilder builder;
  LoadedData data;
  using Loader = Status (*)(std::string_view, const ReadOptions&, EventStoreBuilder&, TableLoad&);
  const std::pair<const std::string*, Loader> tables[] = {
      {&in.events, &load_events}, {&in.customers, &load_customers}, {&in.spend, &load_spend}};
  for (const auto& [path, loader] : tables) {
    if (path->empty()) continue;
    progress.phase("reading " + (*path == "-" ? std::string("<stdin>") : *path), file_size(*path));
    TableLoad load;
    if (Status s = loader(*path, ro, builder, load); !s.ok()) {
      progress.finish();
      return s;
    }
    progress.add_rows(load.rows_read);
    data.loads.push_back(std::move(load));
  }
  if (in.lenient) {
    progress.finish();  // the summary must not share a line with the progress
    print_rejections(data.loads);
  }
  progress.phase("building store");
  auto store = builder.build();
  if (!store.ok()) {
    progress.finish();
    return store.status();
  }
  data.store = std::move(store).value();
  return data;
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
  ro.color = to_stdout && format == Format::kTable && ::isatty(STDOUT_FILENO) == 1 &&
             !no_color_requested();

  std::ostringstream text;
  if (Status s = write_report(text, doc, format, ro); !s.ok()) return s;
  const std::string bytes = std::move(text).str();
  if (!to_stdout) return write_file_atomically(out.output, bytes);
  if (!write_all(STDOUT_FILENO, bytes)) return io_error("cannot write to standard output");
  return Status::Ok();
}

int report_error(const Status& s) {
  std::cerr << "clm: error: " << s.message() << "\n";
  return s.exit_code();
}

void finish(int exit_code) {
  if (exit_code != kExitOk) throw CLI::RuntimeError(exit_code);
}

}  // namespace clm::cli
