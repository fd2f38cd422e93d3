// Internal: what an Analysis shares between its copies — the store, the
// scope, the settings and the inputs built on first use.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "clm/analysis.h"

namespace clm {

// An input built once, on first use, by whichever thread asks first.
template <typename T>
struct Lazy {
  std::once_flag once;
  std::optional<T> value;
  std::atomic<bool> built{false};

  template <typename Build>
  const T& get(Build build) {
    std::call_once(once, [&] {
      value.emplace(build());
      built.store(true, std::memory_order_release);
    });
    return *value;
  }
};

struct Analysis::State {
  std::shared_ptr<const EventStore> store;
  Scope scope;
  ReportOptions options;
  std::vector<TableLoad> loads;
  // The activity model depends on the window and the acquisition, not on the
  // grouping: the analyses with_group_by() makes share it.
  std::shared_ptr<Lazy<Result<ActivityModel>>> activity =
      std::make_shared<Lazy<Result<ActivityModel>>>();
  Lazy<SurveyBreakdown> surveys;  // with options.surveys
  Lazy<CacResult> cac;
  Lazy<Result<HistoricalClv>> clv;
};

}  // namespace clm
