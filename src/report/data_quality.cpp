// The data-quality sections: what ingest read, kept and rejected per table
// (docs/input.md, "Bad input": rows read = rows kept + rows rejected, always).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/load_summary.h"

namespace clm::detail {
namespace {

// "events.csv:17 (amount '-3')"; the column and the value only when known (a
// row too long or not a JSON object has neither).
std::string rejection_place(const RowRejection& r) {
  if (r.column.empty()) return r.value.empty() ? r.location : r.location + " ('" + r.value + "')";
  return r.location + " (" + r.column + (r.value.empty() ? "" : " '" + r.value + "'") + ")";
}

}  // namespace

void add_data_quality_sections(const EventStore& store, const std::vector<TableLoad>& loads,
                               std::vector<Section>& out) {
  Section dq;
  dq.id = "data_quality";
  dq.title = "Data quality";
  dq.add_column("table", "Table", ColumnKind::kText);
  dq.add_column("source", "Source", ColumnKind::kText);
  dq.add_column("rows_read", "Rows read", ColumnKind::kCount);
  dq.add_column("rows_kept", "Rows kept", ColumnKind::kCount);
  dq.add_column("rows_rejected", "Rows rejected", ColumnKind::kCount);
  std::int64_t rejected = 0;
  for (const TableLoad& load : loads) {
    dq.rows.push_back(
        {load.table, load.source, load.rows_read, load.rows_kept, load.rows_rejected()});
    rejected += load.rows_rejected();
  }
  if (loads.empty()) {
    dq.notes.push_back("The store was built in code: no ingest counts.");
  }
  dq.notes.push_back(fmt::format("{} people ({} events, {} spend rows) in the store.",
                                 store.customer_count(), store.event_count(),
                                 store.spend_count()));
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
