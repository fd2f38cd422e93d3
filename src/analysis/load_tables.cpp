// load_tables: the three input tables into one store, and the text of what
// lenient loading rejected.
#include <fmt/format.h>

#include <utility>

#include "clm/analysis.h"

namespace clm {

Result<LoadedTables> load_tables(const TablePaths& paths, const ReadOptions& options,
                                 const LoadObserver& observer) {
  if (paths.events.empty()) return Status::InvalidArgument("load_tables: no events table");
  const int from_stdin = (paths.events == "-") + (paths.customers == "-") + (paths.spend == "-");
  if (from_stdin > 1) {
    return Status::InvalidArgument("only one input can be read from standard input ('-')");
  }
  using Loader = Status (*)(std::string_view, const ReadOptions&, EventStoreBuilder&, TableLoad&);
  const std::pair<const std::string*, Loader> tables[] = {{&paths.events, &load_events},
                                                          {&paths.customers, &load_customers},
                                                          {&paths.spend, &load_spend}};
  EventStoreBuilder builder;
  LoadedTables out;
  for (const auto& [path, loader] : tables) {
    if (path->empty()) continue;
    if (observer.reading) observer.reading(*path);
    TableLoad load;
    if (Status s = loader(*path, options, builder, load); !s.ok()) return s;
    if (observer.read) observer.read(load);
    out.loads.push_back(std::move(load));
  }
  if (observer.building) observer.building(out.loads);
  auto store = builder.build();
  if (!store.ok()) return store.status();
  out.store = std::make_shared<const EventStore>(std::move(store).value());
  return out;
}

std::vector<std::string> rejected_rows_text(const std::vector<TableLoad>& loads,
                                            std::size_t examples) {
  std::vector<std::string> out;
  for (const TableLoad& load : loads) {
    if (load.rows_rejected() == 0) continue;
    std::string text = fmt::format("{}: {} of {} {} rows rejected\n", load.source,
                                   load.rows_rejected(), load.rows_read, load.table);
    for (const auto& [reason, rows] : load.rejected_by_reason) {
      text += fmt::format("  {} × {}\n", rows, reason);
    }
    std::size_t shown = 0;
    for (const RowRejection& r : load.examples) {
      if (shown == examples) break;
      ++shown;
      text += "  " + r.location + ": ";
      if (!r.column.empty()) text += "column '" + r.column + "': ";
      text += r.reason;
      if (!r.value.empty()) text += " (value '" + r.value + "')";
      text += "\n";
    }
    const auto listed = static_cast<std::int64_t>(shown);
    if (load.rows_rejected() > listed) {
      text += fmt::format("  ... and {} more\n", load.rows_rejected() - listed);
    }
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace clm
