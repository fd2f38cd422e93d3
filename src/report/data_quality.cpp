// The data-quality sections: what ingest read, kept and rejected per table
// (docs/input.md, "Bad input": rows read = rows kept + rows rejected, always),
// and how much of the store lies outside the report window.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/load_summary.h"
#include "clm/scope.h"

namespace clm::detail {
namespace {

// "events.csv:17 (amount '-3')"; the column and the value only when known (a
// row too long or not a JSON object has neither).
std::string rejection_place(const RowRejection& r) {
  if (r.column.empty()) return r.value.empty() ? r.location : r.location + " ('" + r.value + "')";
  return r.location + " (" + r.column + (r.value.empty() ? "" : " '" + r.value + "'") + ")";
}

// Rows of the store outside the window [from, to): before `from` (events there
// still count for look-back) and at or after the as-of time `to` (ignored, and
// with them the people who appear only then).
struct Outside {
  std::int64_t events_before = 0;
  std::int64_t events_after = 0;
  std::int64_t spend_before = 0;
  std::int64_t spend_after = 0;
  std::int64_t people_after = 0;         // people unknown at the as-of time
  std::int64_t customer_rows_after = 0;  // of them, listed in the customers table
};

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

Outside count_outside(const Scope& scope) {
  const EventStore& store = *scope.store;
  const Window& w = scope.window;
  Outside o;
  for (Timestamp t : store.times()) {
    o.events_before += t < w.from ? 1 : 0;
    o.events_after += t >= w.to ? 1 : 0;
  }
  for (Timestamp t : store.spend_dates()) {
    o.spend_before += t < w.from ? 1 : 0;
    o.spend_after += t >= w.to ? 1 : 0;
  }
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (scope.acquisition.is_known(c)) continue;
    ++o.people_after;
    if (store.in_customers_table(c)) ++o.customer_rows_after;
  }
  return o;
}

}  // namespace

void add_data_quality_sections(const Scope& scope, const std::vector<TableLoad>& loads,
                               std::vector<Section>& out) {
  const EventStore& store = *scope.store;
  const Outside outside = count_outside(scope);
  Section dq;
  dq.id = "data_quality";
  dq.title = "Data quality";
  dq.add_column("table", "Table", ColumnKind::kText);
  dq.add_column("source", "Source", ColumnKind::kText);
  dq.add_column("rows_read", "Rows read", ColumnKind::kCount);
  dq.add_column("rows_kept", "Rows kept", ColumnKind::kCount);
  dq.add_column("rows_rejected", "Rows rejected", ColumnKind::kCount);
  dq.add_column("before_window", "Before window", ColumnKind::kCount);
  dq.add_column("after_as_of", "At/after as-of", ColumnKind::kCount);
  std::int64_t rejected = 0;
  for (const TableLoad& load : loads) {
    // Kept rows dated before `from` and at or after `to`; for the customers
    // table, the rows of people who appear only at or after `to` (a customer
    // row has no date before the window).
    Value before, after;
    if (load.table == "events") {
      before = outside.events_before;
      after = outside.events_after;
    } else if (load.table == "spend") {
      before = outside.spend_before;
      after = outside.spend_after;
    } else if (load.table == "customers") {
      after = outside.customer_rows_after;
    }
    dq.rows.push_back({load.table, load.source, load.rows_read, load.rows_kept,
                       load.rows_rejected(), before, after});
    rejected += load.rows_rejected();
  }
  if (loads.empty()) {
    dq.notes.push_back("The store was built in code: no ingest counts.");
  }
  dq.notes.push_back(fmt::format("{} people ({} events, {} spend rows) in the store.",
                                 store.customer_count(), store.event_count(),
                                 store.spend_count()));
  dq.notes.push_back(fmt::format(
      "Outside the window: {}, {} and {} at or after the as-of time (ignored: those people "
      "appear only then); {} and {} before its start (events there count only for look-back).",
      counted(outside.people_after, "person", "people"),
      counted(outside.events_after, "event", "events"),
      counted(outside.spend_after, "spend row", "spend rows"),
      counted(outside.events_before, "event", "events"),
      counted(outside.spend_before, "spend row", "spend rows")));
  if (rejected > 0) {
    dq.notes.push_back("Rejected rows were skipped (--lenient); see \"Rejected rows\".");
  }
  out.push_back(std::move(dq));
  if (rejected == 0) return;

  // One row per (table, reason), with the first rejected row of that reason.
  Section rr;
  rr.id = "rejected_rows";
  rr.title = "Rejected rows";
  rr.add_column("table", "Table", ColumnKind::kText);
  rr.add_column("reason", "Reason", ColumnKind::kText);
  rr.add_column("rows", "Rows", ColumnKind::kCount);
  rr.add_column("example", "First at", ColumnKind::kText);
  for (const TableLoad& load : loads) {
    for (const auto& [reason, rows] : load.rejected_by_reason) {
      Value example;  // null when the load was filled in code without its first rows
      if (const auto it = load.first_by_reason.find(reason); it != load.first_by_reason.end()) {
        example = rejection_place(it->second);
      }
      rr.rows.push_back({load.table, reason, rows, example});
    }
  }
  out.push_back(std::move(rr));
}

}  // namespace clm::detail
