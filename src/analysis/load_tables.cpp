// load_tables: the three input tables into one store.
#include <utility>

#include "clm/analysis.h"

namespace clm {

Result<LoadedTables> load_tables(const TablePaths& paths, const ReadOptions& options) {
  if (paths.events.empty()) return Status::InvalidArgument("load_tables: no events table");
  const int from_stdin = (paths.events == "-") + (paths.customers == "-") + (paths.spend == "-");
  if (from_stdin > 1) {
    return Status::InvalidArgument("only one input can be read from standard input ('-')");
  }
  using Loader = Status (*)(std::string_view, const ReadOptions&, EventStoreBuilder&, TableLoad&);
  const std::pair<const std::string*, Loader> tables[] = {
      {&paths.events, &load_events}, {&paths.customers, &load_customers}, {&paths.spend, &load_spend}};
  EventStoreBuilder builder;
  LoadedTables out;
  for (const auto& [path, loader] : tables) {
    if (path->empty()) continue;
    TableLoad load;
    if (Status s = loader(*path, options, builder, load); !s.ok()) return s;
    out.loads.push_back(std::move(load));
  }
  auto store = builder.build();
  if (!store.ok()) return store.status();
  out.store = std::make_shared<const EventStore>(std::move(store).value());
  return out;
}

}  // namespace clm
