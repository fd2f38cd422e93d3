// Internal: the list of report sections, in report order. Each metric area
// adds one entry (id, the shared inputs it reads, a function that builds its
// sections and the schemas of those sections).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activity.h"
#include "clm/clv.h"
#include "clm/document.h"
#include "clm/report.h"
#include "clm/scope.h"
#include "clm/section_schema.h"
#include "clm/status.h"
#include "clm/surveys.h"

namespace clm::detail {

// The inputs several areas read. Each is computed at most once per report, by
// the first area that asks for it; areas built at the same time wait for it.
enum SharedInput : std::uint8_t {
  kNeedsActivity = 1,
  kNeedsSurveys = 2,
  kNeedsCac = 4,
  kNeedsHistoricalClv = 8,
};

// One report's shared inputs over one scope and one set of options (both must
// outlive it). Thread-safe: every getter may be called from any thread.
class ReportContext {
 public:
  ReportContext(const Scope& scope, const ReportOptions& options)
      : scope_(scope), options_(options) {}
  ReportContext(const ReportContext&) = delete;
  ReportContext& operator=(const ReportContext&) = delete;

  // ActivityModel::build with options.activity, as of the window's end.
  const Result<ActivityModel>& activity();
  // compute_surveys with options.surveys.
  const SurveyBreakdown& surveys();
  // compute_cac.
  const CacResult& cac();
  // compute_historical_clv.
  const Result<HistoricalClv>& historical_clv();

  // Computes the inputs named by `needs` (a SharedInput mask) now.
  void prepare(unsigned needs);

 private:
  const Scope& scope_;
  const ReportOptions& options_;
  std::once_flag activity_once_, surveys_once_, cac_once_, clv_once_;
  std::optional<Result<ActivityModel>> activity_;
  std::optional<SurveyBreakdown> surveys_;
  std::optional<CacResult> cac_;
  std::optional<Result<HistoricalClv>> clv_;
};

// Builds the sections of one area and appends them to `out`.
using SectionBuilder = std::function<Status(const Scope& scope, const ReportOptions& options,
                                            ReportContext& context, std::vector<Section>& out)>;

struct SectionSpec {
  std::string id;  // as selected with --sections
  std::string title;
  unsigned needs;  // SharedInput mask: what `build` reads from the context
  SectionBuilder build;
  // The schemas of the sections `build` appends, in their order.
  std::vector<const SectionSchema*> schemas;
};

// All sections in report order (defined in section_registry.cpp).
const std::vector<SectionSpec>& section_registry();

}  // namespace clm::detail
