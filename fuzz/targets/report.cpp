// Fuzz target: the whole path bytes → readers → store → every report section
// → every output format, in strict and in lenient mode.
//
// Checks, beyond "no crash, no sanitizer report, no hang":
//  - readers and report fail only with DataError / InvalidArgument /
//    NotConverged, never Internal;
//  - lenient loads account for every row (read == kept + rejected);
//  - every cell has the type its column declares and no double is NaN or
//    infinite (undefined values are null, document.h);
//  - every format writes without error, the same bytes twice, and the JSON
//    is valid JSON (so no NaN/Infinity literal);
//  - when strict mode succeeds, lenient mode prints the same JSON.
//
// Input: one configuration byte — bits 0-1 input format (csv, jsonl, json,
// csv), bits 2-4 period (day, week, month, quarter, year; 5-7 month), bit 5
// time zone Europe/Berlin instead of UTC, bits 6-7 grouping (none, channel,
// cohort, attribute "country") — then the events table, optionally followed by
// the customers and the spend tables, each after an ASCII RS byte (0x1E).
#include "clm/report.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/reporters.h"
#include "fuzz_util.h"
#include "reader_check.h"

namespace {

using namespace clm;

constexpr Format kFormats[] = {Format::kTable, Format::kJson, Format::kCsv, Format::kMarkdown,
                               Format::kHtml};

// A report's size grows with the data's time span: the cohort section alone
// has about periods² / 2 rows per group (91 events over 217 weeks and 6
// channels give 142 000 rows, 34 MB of JSON). Such a report is legitimate but
// costs seconds under the sanitizers, so the fuzzer skips spans of more
// periods than this and spends its time on the code, not on output.
constexpr std::int64_t kMaxPeriods = 60;

bool acceptable_failure(const Status& s) {
  return s.code() == Status::Code::kDataError || s.code() == Status::Code::kInvalidArgument ||
         s.code() == Status::Code::kNotConverged;
}

void check_cell(const Value& v, ColumnKind kind) {
  if (std::holds_alternative<std::monostate>(v)) return;  // null: undefined
  switch (kind) {
    case ColumnKind::kText:
      CLM_FUZZ_CHECK(std::holds_alternative<std::string>(v));
      break;
    case ColumnKind::kCount:
    case ColumnKind::kMoney:
      CLM_FUZZ_CHECK(std::holds_alternative<std::int64_t>(v));
      break;
    case ColumnKind::kRate:
    case ColumnKind::kNumber:
      CLM_FUZZ_CHECK(std::holds_alternative<double>(v));
      CLM_FUZZ_CHECK(std::isfinite(std::get<double>(v)));
      break;
    case ColumnKind::kFlag:
      CLM_FUZZ_CHECK(std::holds_alternative<bool>(v));
      break;
  }
}

void check_document(const Document& doc) {
  for (const Section& s : doc.sections) {
    CLM_FUZZ_CHECK(!s.id.empty());
    for (const auto& row : s.rows) {
      CLM_FUZZ_CHECK(row.size() == s.columns.size());
      for (std::size_t i = 0; i < row.size(); ++i) check_cell(row[i], s.columns[i].kind);
    }
  }
}

// Writes `doc` in every format and checks each; returns the JSON text.
std::string write_all_formats(const Document& doc) {
  std::string json;
  for (const Format f : kFormats) {
    std::ostringstream first;
    std::ostringstream second;
    CLM_FUZZ_CHECK(write_report(first, doc, f).ok());
    CLM_FUZZ_CHECK(write_report(second, doc, f).ok());
    CLM_FUZZ_CHECK(first.str() == second.str());
    if (f == Format::kJson) {
      json = first.str();
      CLM_FUZZ_CHECK(!nlohmann::json::parse(json, nullptr, false).is_discarded());
    }
  }
  return json;
}

std::int64_t approximate_periods(const EventStore& store, PeriodUnit unit) {
  if (store.event_count() == 0) return 0;
  std::int64_t days = 1;
  switch (unit) {
    case PeriodUnit::kDay:
      days = 1;
      break;
    case PeriodUnit::kWeek:
      days = 7;
      break;
    case PeriodUnit::kMonth:
      days = 28;
      break;
    case PeriodUnit::kQuarter:
      days = 89;
      break;
    case PeriodUnit::kYear:
      days = 365;
      break;
  }
  return (store.max_event_time() - store.min_event_time()) / (days * kSecondsPerDay) + 2;
}

struct Config {
  InputFormat format;
  PeriodUnit period;
  bool berlin;
  GroupBy group_by;
};

Config parse_config(std::uint8_t c) {
  static constexpr InputFormat kInputFormats[] = {InputFormat::kCsv, InputFormat::kJsonLines,
                                                  InputFormat::kJson, InputFormat::kCsv};
  static constexpr PeriodUnit kUnits[] = {
      PeriodUnit::kDay,  PeriodUnit::kWeek,  PeriodUnit::kMonth, PeriodUnit::kQuarter,
      PeriodUnit::kYear, PeriodUnit::kMonth, PeriodUnit::kMonth, PeriodUnit::kMonth};
  static constexpr std::string_view kGroupings[] = {"", "channel", "cohort", "country"};
  return {kInputFormats[c & 3], kUnits[(c >> 2) & 7], (c & 32) != 0,
          GroupBy::parse(kGroupings[(c >> 6) & 3])};
}

// One run in one mode; the JSON text of the report, if there is one.
std::optional<std::string> run(const Config& config, const std::vector<std::string_view>& tables,
                               bool lenient) {
  ReadOptions read;
  read.lenient = lenient;
  read.tz = fuzz::fuzz_zone(config.berlin);
  EventStoreBuilder builder;
  std::vector<TableLoad> loads(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    Status s;
    if (t == 0) s = read_events(tables[t], "events", config.format, read, builder, loads[t]);
    if (t == 1) s = read_customers(tables[t], "customers", config.format, read, builder, loads[t]);
    if (t == 2) s = read_spend(tables[t], "spend", config.format, read, builder, loads[t]);
    if (!s.ok()) {
      CLM_FUZZ_CHECK(acceptable_failure(s));
      return std::nullopt;
    }
    CLM_FUZZ_CHECK(loads[t].rows_read == loads[t].rows_kept + loads[t].rows_rejected());
    if (!lenient) CLM_FUZZ_CHECK(loads[t].rows_rejected() == 0);
  }
  Result<EventStore> store = builder.build();
  if (!store.ok()) {
    CLM_FUZZ_CHECK(store.status().code() == Status::Code::kDataError);
    return std::nullopt;
  }
  fuzz::check_store(*store);
  if (approximate_periods(*store, config.period) > kMaxPeriods) return std::nullopt;

  ReportOptions options;
  options.scope.calendar.tz = read.tz;
  options.scope.period = config.period;
  options.scope.group_by = config.group_by;
  Result<Document> doc =
      build_report(std::make_shared<const EventStore>(std::move(*store)), options, loads);
  if (!doc.ok()) {
    CLM_FUZZ_CHECK(acceptable_failure(doc.status()));
    return std::nullopt;
  }
  check_document(*doc);
  return write_all_formats(*doc);
}

}  // namespace

int clm_fuzz_report(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  const Config config = parse_config(fuzz::take_config(text));
  const std::vector<std::string_view> tables = fuzz::split_parts(text, fuzz::kTableSeparator, 3);
  const std::optional<std::string> strict = run(config, tables, false);
  const std::optional<std::string> lenient = run(config, tables, true);
  if (strict) CLM_FUZZ_CHECK(lenient && *lenient == *strict);
  return 0;
}
