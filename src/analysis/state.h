// Internal: what an Analysis shares between its copies — the store, the
// scope, the settings and the inputs built on first use.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "clm/analysis.h"

namespace clm {

struct Analysis::State {
  std::shared_ptr<const EventStore> store;
  Scope scope;
  ReportOptions options;
  std::vector<TableLoad> loads;
  std::once_flag activity_once, surveys_once, cac_once, clv_once;
  std::optional<Result<ActivityModel>> activity;
  std::optional<SurveyBreakdown> surveys;  // with options.surveys
  std::optional<CacResult> cac;
  std::optional<Result<HistoricalClv>> clv;
};

}  // namespace clm
