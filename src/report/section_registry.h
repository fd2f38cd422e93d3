// Internal: the list of report sections, in report order. Each metric area
// adds one entry (id, the shared inputs it reads, a function that builds its
// sections and the schemas of those sections).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activity.h"
#include "clm/analysis.h"
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

// One report's view of the analysis it is built from: the inputs several
// areas read, each built by the Analysis at most once (and not again when the
// analysis already holds it). Thread-safe: every getter may be called from
// any thread. The analysis must outlive the context.
class ReportContext {
 public:
  explicit ReportContext(const Analysis& analysis) : analysis_(analysis) {}

  // Analysis::activity(): options.activity, as of the window's end.
  const Result<ActivityModel>& activity() const { return analysis_.activity(); }
  // compute_surveys with options.surveys.
  const SurveyBreakdown& surveys() const { return survey_input(analysis_); }
  // compute_cac.
  const CacResult& cac() const { return cac_input(analysis_); }
  // compute_historical_clv.
  const Result<HistoricalClv>& historical_clv() const { return historical_clv_input(analysis_); }

  // Computes the inputs named by `needs` (a SharedInput mask) now.
  void prepare(unsigned needs) const;

 private:
  const Analysis& analysis_;
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
