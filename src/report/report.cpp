// The report of an Analysis: its meta, the data-quality section, then every
// registered section in report order, each read from the analysis's shared
// inputs. build_report is the same over a store and options.
#include "clm/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "clm/analysis.h"
#include "clm/period.h"
#include "report/section_registry.h"

#ifndef CLM_VERSION
#define CLM_VERSION "0.1.0"
#endif

namespace clm {
namespace detail {
void add_data_quality_sections(const Scope& scope, const std::vector<TableLoad>& loads,
                               std::vector<Section>& out);
}  // namespace detail

namespace {

constexpr std::string_view kDataQualityId = "data_quality";

std::string_view weekday_name(Weekday d) {
  static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                "thursday", "friday", "saturday"};
  return kNames[static_cast<int>(d)];
}

bool selected(const std::vector<std::string>& picked, std::string_view id) {
  return picked.empty() || std::find(picked.begin(), picked.end(), id) != picked.end();
}

// The report's settings as ordered key/value text (Document::meta).
std::vector<std::pair<std::string, std::string>> make_meta(const EventStore& store,
                                                           const Scope& scope) {
  const TimeZone& tz = scope.calendar.tz;
  std::string group_by = scope.group_by.name();
  return {
      {"from", format_timestamp(scope.window.from, tz)},
      {"to", format_timestamp(scope.window.to, tz)},
      {"as_of", format_timestamp(scope.window.to, tz)},
      {"time_zone", tz.name()},
      {"period", std::string(period_unit_name(scope.periods.unit()))},
      {"week_start", std::string(weekday_name(scope.calendar.week_start))},
      {"group_by", group_by.empty() ? "none" : group_by},
      {"people", fmt::to_string(store.customer_count())},
      {"events", fmt::to_string(store.event_count())},
      {"spend_rows", fmt::to_string(store.spend_count())},
  };
}

}  // namespace

std::string_view version() {
  return CLM_VERSION;
}

std::vector<std::string> report_section_ids() {
  std::vector<std::string> ids{std::string(kDataQualityId)};
  for (const auto& spec : detail::section_registry()) ids.push_back(spec.id);
  return ids;
}

Status check_report_sections(const std::vector<std::string>& sections) {
  const std::vector<std::string> known = report_section_ids();
  for (const std::string& id : sections) {
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::InvalidArgument("unknown section '" + id + "' (valid: " + list + ")");
    }
  }
  return Status::Ok();
}

Result<Document> Analysis::report() const {
  return report(options().sections);
}

Result<Document> Analysis::report(const std::vector<std::string>& sections) const {
  if (Status s = check_report_sections(sections); !s.ok()) return s;
  const Scope& scope = this->scope();
  const ReportOptions& options = this->options();
  Document doc;
  doc.meta = make_meta(store(), scope);
  // The areas are independent reads of the same scope: build them on
  // `threads` threads, each into its own list, then join the lists in report
  // order. The inputs several areas share are computed first, each once (or
  // taken from the analysis when it holds them already), while the areas that
  // need none of them run beside; an area whose input is still being computed
  // waits for it.
  std::vector<const detail::SectionSpec*> specs;
  unsigned needs = 0;
  for (const auto& spec : detail::section_registry()) {
    if (!selected(sections, spec.id)) continue;
    specs.push_back(&spec);
    needs |= spec.needs;
  }
  const bool data_quality = selected(sections, kDataQualityId);
  detail::ReportContext context(*this);
  std::vector<std::vector<Section>> built(specs.size());
  std::vector<Status> status(specs.size());
  std::vector<Section> quality;
  std::vector<std::function<void()>> tasks;
  for (unsigned input : {detail::kNeedsActivity, detail::kNeedsSurveys, detail::kNeedsCac,
                         detail::kNeedsHistoricalClv}) {
    if (needs & input) tasks.emplace_back([&context, input] { context.prepare(input); });
  }
  if (data_quality) {
    tasks.emplace_back([&] { detail::add_data_quality_sections(scope, loads(), quality); });
  }
  for (bool with_needs : {false, true}) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if ((specs[i]->needs != 0) != with_needs) continue;
      tasks.emplace_back(
          [&, i] { status[i] = specs[i]->build(scope, options, context, built[i]); });
    }
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < tasks.size();) tasks[i]();
  };
  const unsigned wanted =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads =
      std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(1, tasks.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (Section& section : quality) doc.sections.push_back(std::move(section));
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (!status[i].ok()) return status[i];
    for (Section& section : built[i]) doc.sections.push_back(std::move(section));
  }
  return doc;
}

Result<Document> build_report(std::shared_ptr<const EventStore> store, const ReportOptions& options,
                              const std::vector<TableLoad>& loads) {
  if (store == nullptr) return Status::InvalidArgument("build_report: no store");
  // An unknown section is reported before a bad scope, as the report always has.
  if (Status s = check_report_sections(options.sections); !s.ok()) return s;
  auto analysis = Analysis::create(std::move(store), options, loads);
  if (!analysis.ok()) return analysis.status();
  return analysis->report();
}

}  // namespace clm
