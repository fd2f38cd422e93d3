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

Result<Weekday> parse_weekday(std::string_view text) {
  static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                "thursday", "friday", "saturday"};
  const std::string s = lower(text);
  for (int i = 0; i < 7; ++i) {
    // The full name or any prefix of at least three letters ("mon", "tues").
    if (s.size() >= 3 && kNames[i].substr(0, s.size()) == s) return static_cast<Weekday>(i);
  }
  return Status::InvalidArgument("--week-start: unknown day '" + std::string(text) +
                                 "' (expected monday, tuesday, ..., sunday)");
}

Result<Timestamp> parse_bound(std::string_view option, const std::string& text,
                              const TimeZone& tz) {
  auto t = parse_timestamp(text, tz);
  if (!t.ok()) {
    return Status::InvalidArgument(std::string(option) + ": " + t.status().message());
  }
  return *t;
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
  cmd.add_option("--rename", o.renames,
                 "Read input column OLD as contract column NEW, e.g. --rename user=customer_id "
                 "(repeatable)")
      ->type_name("OLD=NEW");
}

void add_scope_options(CLI::App& cmd, ScopeArgs& o) {
  cmd.add_option("--from", o.from,
                 "Window start (inclusive), e.g. 2024-01-01 or 2024-01-01T00:00:00Z; default: "
                 "midnight before the first event")
      ->type_name("TIME");
  cmd.add_option("--to", o.to,
                 "Window end and as-of time (exclusive); default: first midnight after the last "
                 "event")
      ->type_name("TIME");
  cmd.add_option("--period", o.period, "Period of the time series and of cohorts")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->type_name("UNIT")
      ->capture_default_str();
  cmd.add_option("--by", o.by,
                 "Group customers by a customers-table attribute (e.g. country), 'channel' or "
                 "'cohort'")
      ->type_name("ATTR");
  cmd.add_option("--tz", o.tz,
                 "IANA time zone in which days and periods are cut and local times are read")
      ->type_name("ZONE")
      ->capture_default_str();
  cmd.add_option("--week-start", o.week_start, "First day of a week period")
      ->type_name("DAY")
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

Result<LoadedData> load_data(const InputOptions& in, const TimeZone& tz) {
  ReadOptions ro;
  auto format = parse_input_format(in.input_format);
  if (!format.ok()) return format.status();
  ro.format = *format;
  ro.lenient = in.lenient;
  ro.tz = tz;
  for (const std::string& r : in.renames) {
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
  {
    TableLoad load;
    if (Status s = load_events(in.events, ro, builder, load); !s.ok()) return s;
    data.loads.push_back(std::move(load));
  }
  if (!in.customers.empty()) {
    TableLoad load;
    if (Status s = load_customers(in.customers, ro, builder, load); !s.ok()) return s;
    data.loads.push_back(std::move(load));
  }
  if (!in.spend.empty()) {
    TableLoad load;
    if (Status s = load_spend(in.spend, ro, builder, load); !s.ok()) return s;
    data.loads.push_back(std::move(load));
  }
  if (in.lenient) print_rejections(data.loads);
  auto store = builder.build();
  if (!store.ok()) return store.status();
  data.store = std::move(store).value();
  return data;
}

Result<ScopeOptions> parse_scope(const ScopeArgs& args) {
  ScopeOptions so;
  auto tz = TimeZone::locate(args.tz);
  if (!tz.ok()) return Status::InvalidArgument("--tz: " + tz.status().message());
  so.calendar.tz = *tz;
  auto week_start = parse_weekday(args.week_start);
  if (!week_start.ok()) return week_start.status();
  so.calendar.week_start = *week_start;
  auto period = parse_period_unit(args.period);
  if (!period.ok()) return Status::InvalidArgument("--period: " + period.status().message());
  so.period = *period;
  if (!args.from.empty()) {
    auto t = parse_bound("--from", args.from, so.calendar.tz);
    if (!t.ok()) return t.status();
    so.from = *t;
  }
  if (!args.to.empty()) {
    auto t = parse_bound("--to", args.to, so.calendar.tz);
    if (!t.ok()) return t.status();
    so.to = *t;
  }
  so.group_by = GroupBy::parse(args.by);
  return so;
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
