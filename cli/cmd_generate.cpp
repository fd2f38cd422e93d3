// `clm generate`: deterministic, realistic sample data (events, customers,
// spend) for trying clm out, benchmarks and scale tests.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "clm/generate.h"
#include "clm/time.h"
#include "commands.h"
#include "common.h"

namespace clm::cli {
namespace {

struct GenerateArgs {
  std::int64_t customers = 10'000;
  std::int64_t events = 0;  // 0 = by --customers
  std::uint64_t seed = 1;
  std::string format = "csv";
  std::string out = ".";
  std::string start = "2023-01-01";
  int months = 24;
};

// "YYYY-MM-DD" with day 1..28 (so every month of the span has that day).
Result<CivilDate> parse_start(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 28) {
    return Status::InvalidArgument("--start: expected a date YYYY-MM-DD with day 1..28, got '" +
                                   text + "'");
  }
  return CivilDate{y, m, d};
}

int run_generate(const GenerateArgs& args) {
  GenerateOptions o;
  o.seed = args.seed;
  o.people = args.customers;
  if (args.events > 0) o.events = args.events;
  o.months = args.months;
  auto format = parse_generate_format(args.format);
  if (!format.ok()) return report_error(format.status());
  o.format = *format;
  auto start = parse_start(args.start);
  if (!start.ok()) return report_error(start.status());
  o.start = *start;

  const auto t0 = std::chrono::steady_clock::now();
  auto stats = generate_files(o, args.out);
  if (!stats.ok()) return report_error(stats.status());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double mb =
      static_cast<double>(stats->events_bytes + stats->customers_bytes + stats->spend_bytes) / 1e6;
  const std::string ext(generate_extension(o.format));
  std::fprintf(stderr,
               "clm: wrote %lld events of %lld people, %lld customers, %lld spend rows "
               "(%.1f MB in %.2f s, %.0f MB/s) to %s/{events,customers,spend}.%s\n",
               static_cast<long long>(stats->events), static_cast<long long>(stats->people),
               static_cast<long long>(stats->customer_rows),
               static_cast<long long>(stats->spend_rows), mb, s, s > 0 ? mb / s : 0.0,
               args.out.c_str(), ext.c_str());
  return kExitOk;
}

// A count given on the command line: a whole number of at least 1.
const CLI::Validator kPositive(
    [](std::string& s) {
      const bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
      return digits && s.find_first_not_of('0') != std::string::npos
                 ? std::string()
                 : "expected a whole number of at least 1, got '" + s + "'";
    },
    "N");

}  // namespace

void add_generate_command(CLI::App& app) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write deterministic, realistic sample data: events, customers and spend");
  auto* customers = cmd->add_option("--customers", args->customers,
                                    "People to simulate (prospects and customers; default 10000)")
                        ->check(kPositive);
  // 0 would silently mean "by --customers": a count given must be one.
  cmd->add_option("--events", args->events,
                  "Write exactly this many events instead (about 33 per person)")
      ->excludes(customers)
      ->check(kPositive);
  cmd->add_option("--seed", args->seed, "Random seed; the same seed gives the same bytes (1)");
  cmd->add_option("--format", args->format, "csv or jsonl (csv)");
  cmd->add_option("--out", args->out, "Directory to write into, created if missing (.)")
      ->check(not_empty("give a directory, or leave the option out for '.'"));
  cmd->add_option("--start", args->start, "First day of the data, YYYY-MM-DD (2023-01-01)");
  cmd->add_option("--months", args->months, "Length of the data in months (24)")
      ->check(CLI::Range(1, 600));
  cmd->footer(R"(Examples:
  clm generate --customers 1000 --out demo
  clm generate --events 10000000 --format jsonl --seed 7 --out /tmp/clm-10m
  clm report --events demo/events.csv --customers demo/customers.csv --spend demo/spend.csv

Files are written as <out>/events.<ext>, customers.<ext> and spend.<ext>.
Exit status: 0 ok, 2 usage error, 74 write error.)");
  cmd->callback([args] { finish(run_generate(*args)); });
}

}  // namespace clm::cli
