// clm_bench — how fast clm reads data and computes the report, by size.
//
//   clm_bench [--sizes 1m,10m,50m] [--format csv|jsonl|both] [--runs N]
//             [--cache DIR] [--out FILE] [--clm PATH] [--seed S] [--smoke]
//
// For each size it generates the data once into the cache folder
// ($CLM_BENCH_CACHE, else <build>/bench-data), then measures, each over N runs
// (median): ingest (read the three files and build the store), every report
// section alone (build_report with one section selected), the whole report
// in memory, and the whole `clm report` process end to end. Every measurement
// runs in its own child process, so its peak RSS (getrusage) is its own.
// Results go to stdout as a table and to --out as JSON. --smoke: 100 k events,
// one run, both formats — a check that everything runs, not a timing.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench_process.h"
#include "clm/event_store.h"
#include "clm/generate.h"
#include "clm/ingest.h"
#include "clm/report.h"
#include "clm/reporters.h"

namespace {

using clm::bench::ChildResult;
using clm::bench::Clock;
using clm::bench::seconds_since;

struct Args {
  std::vector<std::string> sizes{"1m", "10m"};
  std::vector<clm::GenerateFormat> formats{clm::GenerateFormat::kCsv};
  int runs = 3;
  std::string cache;
  std::string out = "clm_bench.json";
  std::string clm = CLM_BENCH_CLI;
  std::uint64_t seed = 1;
  bool smoke = false;
};

struct Dataset {
  std::string label;
  clm::GenerateFormat format;
  std::string dir;
  std::int64_t events = 0;
  std::int64_t people = 0;
  std::int64_t bytes = 0;  // of the three files
  double generate_s = -1;  // -1: taken from the cache
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::int64_t parse_size(const std::string& s) {
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  const std::string unit(end);
  const double scale = unit == "k" ? 1e3 : unit == "m" ? 1e6 : unit.empty() ? 1 : -1;
  if (scale < 0 || x <= 0) return -1;
  return static_cast<std::int64_t>(x * scale);
}

std::string path_of(const Dataset& d, const char* table) {
  return d.dir + "/" + table + "." + std::string(clm::generate_extension(d.format));
}

// Generates the data set unless the cache holds it (stats.txt is written last).
bool prepare(const Args& args, Dataset& d) {
  const std::int64_t events = parse_size(d.label);
  d.dir = fmt::format("{}/{}-{}-seed{}", args.cache, d.label, clm::generate_extension(d.format),
                      args.seed);
  const std::string stats_path = d.dir + "/stats.txt";
  if (std::ifstream in(stats_path); in >> d.events >> d.people >> d.bytes) return true;
  clm::GenerateOptions o;
  o.seed = args.seed;
  o.events = events;
  o.format = d.format;
  fmt::print(stderr, "generating {} events ({}) into {} ...\n", events,
             clm::generate_extension(d.format), d.dir);
  const auto t0 = Clock::now();
  auto stats = clm::generate_files(o, d.dir);
  d.generate_s = seconds_since(t0);
  if (!stats.ok()) {
    fmt::print(stderr, "clm_bench: {}\n", stats.status().message());
    return false;
  }
  d.events = stats->events;
  d.people = stats->people;
  d.bytes = stats->events_bytes + stats->customers_bytes + stats->spend_bytes;
  std::ofstream(stats_path) << d.events << ' ' << d.people << ' ' << d.bytes << '\n';
  return true;
}

// Loads the three tables as `clm report` does.
clm::Status load(const Dataset& d, clm::EventStore& store, std::vector<clm::TableLoad>& loads) {
  clm::EventStoreBuilder builder;
  clm::ReadOptions ro;
  loads.assign(3, {});
  if (auto s = clm::load_events(path_of(d, "events"), ro, builder, loads[0]); !s.ok()) return s;
  if (auto s = clm::load_customers(path_of(d, "customers"), ro, builder, loads[1]); !s.ok())
    return s;
  if (auto s = clm::load_spend(path_of(d, "spend"), ro, builder, loads[2]); !s.ok()) return s;
  auto built = builder.build();
  if (!built.ok()) return built.status();
  store = std::move(*built);
  return clm::Status::Ok();
}

// Parses the "name value" lines a child sent back.
std::map<std::string, std::vector<double>> parse_lines(const std::string& text) {
  std::map<std::string, std::vector<double>> out;
  std::istringstream in(text);
  std::string name;
  double value = 0;
  while (in >> name >> value) out[name].push_back(value);
  return out;
}

// One JSON object of a timed step; `seconds` are the runs.
std::string timing_json(const std::vector<double>& seconds, const Dataset& d, double rss_mb) {
  const double m = median(seconds);
  std::string runs;
  for (double s : seconds) runs += fmt::format("{}{:.6f}", runs.empty() ? "" : ", ", s);
  return fmt::format(
      R"({{"median_s": {:.6f}, "runs_s": [{}], "mb_per_s": {:.1f}, "events_per_s": {:.0f}, "peak_rss_mb": {:.1f}}})",
      m, runs, m > 0 ? static_cast<double>(d.bytes) / 1e6 / m : 0,
      m > 0 ? static_cast<double>(d.events) / m : 0, rss_mb);
}

// Measures one data set; returns its JSON object, or sets `failure`.
std::string measure(const Args& args, const Dataset& d, std::string& failure) {
  const int runs = args.runs;
  std::string json = fmt::format(
      R"({{"size": "{}", "format": "{}", "events": {}, "people": {}, "input_bytes": {}, "generate": {}, )",
      d.label, clm::generate_extension(d.format), d.events, d.people, d.bytes,
      d.generate_s < 0 ? std::string("null")
                       : fmt::format(R"({{"seconds": {:.3f}, "mb_per_s": {:.1f}}})", d.generate_s,
                                     static_cast<double>(d.bytes) / 1e6 / d.generate_s));
  fmt::print("\n{} events, {} ({:.1f} MB, {} people)\n", d.events,
             clm::generate_extension(d.format), static_cast<double>(d.bytes) / 1e6, d.people);
  fmt::print("  {:<24} {:>10} {:>9} {:>12} {:>9}\n", "step", "median s", "MB/s", "events/s",
             "peak MB");
  std::fflush(stdout);
  auto row = [&](const std::string& name, const std::vector<double>& s, double rss) {
    const double m = median(s);
    fmt::print("  {:<24} {:>10.4f} {:>9.1f} {:>12.0f} {:>9.1f}\n", name, m,
               static_cast<double>(d.bytes) / 1e6 / m, static_cast<double>(d.events) / m, rss);
    std::fflush(stdout);  // keep the table in order with the progress lines on stderr
  };

  // 1. Ingest: a fresh child per run (cold allocator, its own peak RSS).
  std::vector<double> ingest_s;
  double ingest_rss = 0;
  double store_bytes = 0;
  for (int r = 0; r < runs; ++r) {
    ChildResult c = clm::bench::run_in_child([&](std::FILE* out) {
      clm::EventStore store;
      std::vector<clm::TableLoad> loads;
      const auto t0 = Clock::now();
      if (clm::Status s = load(d, store, loads); !s.ok()) {
        fmt::print(stderr, "clm_bench: {}\n", s.message());
        return 1;
      }
      fmt::print(out, "ingest {:.6f}\nstore_bytes {}\n", seconds_since(t0), store.memory_bytes());
      return 0;
    });
    if (c.exit_status != 0) {
      failure = "ingest failed";
      return {};
    }
    auto v = parse_lines(c.output);
    ingest_s.push_back(v["ingest"].at(0));
    store_bytes = v["store_bytes"].at(0);
    ingest_rss = std::max(ingest_rss, c.peak_rss_mb);
  }
  row("ingest", ingest_s, ingest_rss);
  json += fmt::format(R"("ingest": {}, "store_bytes": {:.0f}, "store_bytes_per_event": {:.1f}, )",
                      timing_json(ingest_s, d, ingest_rss), store_bytes,
                      store_bytes / static_cast<double>(d.events));

  // 2. Each section alone, then the whole report in memory and its writing
  //    (table format), on one store loaded once.
  const std::vector<std::string> ids = clm::report_section_ids();
  ChildResult c = clm::bench::run_in_child([&](std::FILE* out) {
    clm::EventStore store;
    std::vector<clm::TableLoad> loads;
    if (clm::Status s = load(d, store, loads); !s.ok()) return 1;
    const auto shared = std::make_shared<const clm::EventStore>(std::move(store));
    for (int r = 0; r < runs; ++r) {
      for (const std::string& id : ids) {
        clm::ReportOptions options;
        options.sections = {id};
        const auto t0 = Clock::now();
        auto doc = clm::build_report(shared, options, loads);
        if (!doc.ok()) {
          fmt::print(stderr, "clm_bench: section {}: {}\n", id, doc.status().message());
          return 1;
        }
        fmt::print(out, "section:{} {:.6f}\n", id, seconds_since(t0));
      }
      const auto t0 = Clock::now();
      auto doc = clm::build_report(shared, clm::ReportOptions{}, loads);
      if (!doc.ok()) return 1;
      fmt::print(out, "report_all {:.6f}\n", seconds_since(t0));
      const auto t1 = Clock::now();
      std::ostringstream text;
      if (!clm::write_report(text, *doc, clm::Format::kTable).ok()) return 1;
      fmt::print(out, "write_table {:.6f}\n", seconds_since(t1));
    }
    return 0;
  });
  if (c.exit_status != 0) {
    failure = "report sections failed";
    return {};
  }
  auto v = parse_lines(c.output);
  json += R"("sections": {)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& s = v["section:" + ids[i]];
    row("  " + ids[i], s, c.peak_rss_mb);
    json += fmt::format(R"({}"{}": {})", i ? ", " : "", ids[i], timing_json(s, d, c.peak_rss_mb));
  }
  row("report (all, in memory)", v["report_all"], c.peak_rss_mb);
  row("write (table)", v["write_table"], c.peak_rss_mb);
  json += fmt::format(R"(}}, "report_all": {}, "write_table": {}, )",
                      timing_json(v["report_all"], d, c.peak_rss_mb),
                      timing_json(v["write_table"], d, c.peak_rss_mb));

  // 3. The whole `clm report` process, end to end.
  std::vector<double> whole_s;
  double whole_rss = 0;
  const bool exec = !args.clm.empty() && access(args.clm.c_str(), X_OK) == 0;
  for (int r = 0; r < runs; ++r) {
    ChildResult w;
    if (exec) {
      w = clm::bench::run_program({args.clm, "report", "--events", path_of(d, "events"),
                                   "--customers", path_of(d, "customers"), "--spend",
                                   path_of(d, "spend")});
    } else {
      w = clm::bench::run_in_child([&](std::FILE*) {
        clm::EventStore store;
        std::vector<clm::TableLoad> loads;
        if (!load(d, store, loads).ok()) return 1;
        auto doc = clm::build_report(std::make_shared<const clm::EventStore>(std::move(store)),
                                     clm::ReportOptions{}, loads);
        if (!doc.ok()) return 1;
        std::ofstream null("/dev/null");
        return clm::write_report(null, *doc, clm::Format::kTable).ok() ? 0 : 1;
      });
    }
    if (w.exit_status != 0) {
      failure = fmt::format("whole run exited with status {}", w.exit_status);
      return {};
    }
    whole_s.push_back(w.wall_s);
    whole_rss = std::max(whole_rss, w.peak_rss_mb);
  }
  row(exec ? "clm report (process)" : "whole run (in-process)", whole_s, whole_rss);
  json += fmt::format(R"("whole_process": {{"mode": "{}", "timing": {}}}}})",
                      exec ? "exec" : "in-process", timing_json(whole_s, d, whole_rss));
  return json;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (static_cast<unsigned char>(ch) >= 0x20) out += ch;
  }
  return out;
}

int usage(const char* msg) {
  fmt::print(stderr,
             "clm_bench: {}\nusage: clm_bench [--sizes 1m,10m,50m] [--format csv|jsonl|both] "
             "[--runs N] [--cache DIR] [--out FILE] [--clm PATH] [--seed S] [--smoke]\n",
             msg);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (const char* env = std::getenv("CLM_BENCH_CACHE"); env != nullptr && *env != '\0')
    args.cache = env;
  else
    args.cache = CLM_BENCH_DEFAULT_CACHE;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--smoke") {
      args.smoke = true;
      args.sizes = {"100k"};
      args.runs = 1;
      args.formats = {clm::GenerateFormat::kCsv, clm::GenerateFormat::kJsonLines};
    } else if (a == "--sizes") {
      args.sizes.clear();
      std::istringstream in(value());
      for (std::string s; std::getline(in, s, ',');) {
        if (parse_size(s) <= 0) return usage(("bad size '" + s + "'").c_str());
        args.sizes.push_back(s);
      }
    } else if (a == "--format") {
      const std::string f = value();
      if (f == "both") {
        args.formats = {clm::GenerateFormat::kCsv, clm::GenerateFormat::kJsonLines};
      } else if (auto g = clm::parse_generate_format(f); g.ok()) {
        args.formats = {*g};
      } else {
        return usage("bad --format");
      }
    } else if (a == "--runs") {
      args.runs = std::atoi(value().c_str());
      if (args.runs < 1) return usage("--runs must be at least 1");
    } else if (a == "--cache") {
      args.cache = value();
    } else if (a == "--out") {
      args.out = value();
    } else if (a == "--clm") {
      args.clm = value();
    } else if (a == "--seed") {
      args.seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--help" || a == "-h") {
      usage("measure ingest, each report section and the whole run");
      return 0;
    } else {
      return usage(("unknown argument '" + a + "'").c_str());
    }
  }
  if (args.sizes.empty()) return usage("no sizes");

  const clm::bench::Machine machine = clm::bench::describe_machine();
  fmt::print("clm {} ({} build) on {} cores, {}, {:.1f} GB RAM; median of {} run(s)\n",
             clm::version(), CLM_BENCH_BUILD_TYPE, machine.cores, machine.cpu, machine.ram_gb,
             args.runs);
  std::string json = fmt::format(
      R"({{"clm_version": "{}", "build_type": "{}", "smoke": {}, "runs": {}, "seed": {},)"
      R"( "machine": {{"cores": {}, "cpu": "{}", "ram_gb": {:.1f}}}, "datasets": [)",
      clm::version(), CLM_BENCH_BUILD_TYPE, args.smoke, args.runs, args.seed, machine.cores,
      json_escape(machine.cpu), machine.ram_gb);
  bool first = true;
  for (const std::string& size : args.sizes) {
    for (clm::GenerateFormat format : args.formats) {
      Dataset d{size, format, "", 0, 0, 0, -1};
      if (!prepare(args, d)) return 1;
      std::string failure;
      const std::string part = measure(args, d, failure);
      if (!failure.empty()) {
        fmt::print(stderr, "clm_bench: {} {}: {}\n", size, clm::generate_extension(format),
                   failure);
        return 1;
      }
      json += (first ? "" : ", ") + part;
      first = false;
    }
  }
  json += "]}\n";
  std::ofstream out(args.out);
  out << json;
  if (!out.flush()) {
    fmt::print(stderr, "clm_bench: cannot write '{}'\n", args.out);
    return 74;
  }
  fmt::print("\nresults: {}\n", args.out);
  return 0;
}
