// clm/analysis.h — the front door: one data set, one scope and one set of
// settings, through which every metric is computed the same way.
//
//   clm::ReportOptions options;
//   options.scope.group_by = clm::GroupBy::parse("channel");
//   auto analysis = clm::Analysis::load({"events.csv", "customers.csv"}, options);
//   auto churn = analysis->churn();  // Result<ChurnResult>: monthly churn by channel
//   auto report = analysis->report();  // Result<Document>: every report section
//
// An Analysis shares the store and owns its scope and the inputs several
// metrics read (the activity model, survey answers, CAC, historical CLV).
// Each input is built on first use, once, whichever thread asks first; every
// method is const and may be called from any thread at the same time. Copies
// share the inputs built so far, and a moved-from or copied Analysis leaves
// nothing dangling: results are returned by value, and the references that
// activity() returns stay valid while any copy of the Analysis lives.
//
// Every metric call takes its area's options (clm/<area>.h) and uses the
// analysis's own settings (options().<area>) when called without them. The
// settings every area shares — the scope, z, margin and the activity model's
// W and A — are fixed at creation.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activation.h"
#include "clm/activity.h"
#include "clm/churn.h"
#include "clm/clv.h"
#include "clm/cohorts.h"
#include "clm/document.h"
#include "clm/email.h"
#include "clm/event_store.h"
#include "clm/grouping.h"
#include "clm/ingest.h"
#include "clm/report.h"
#include "clm/revenue.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/stages.h"
#include "clm/status.h"
#include "clm/surveys.h"
#include "clm/survival.h"

namespace clm {

class Analysis;

namespace detail {
// Access to an analysis's shared inputs, built once, for the report code.
const SurveyBreakdown& survey_input(const Analysis& analysis);
const CacResult& cac_input(const Analysis& analysis);
const Result<HistoricalClv>& historical_clv_input(const Analysis& analysis);
}  // namespace detail

// The three input tables; "" for a table not given. `events` is required.
// "-" reads one of them from standard input (ReadOptions::format must then
// name its format). The initializers let a caller name only the tables it has,
// {.events = "e.csv", .spend = "s.csv"}, without -Wmissing-field-initializers.
struct TablePaths {
  std::string events = {};
  std::string customers = {};
  std::string spend = {};
};

// A built store and what ingest did to each table read, in the order
// events, customers, spend.
struct LoadedTables {
  std::shared_ptr<const EventStore> store;
  std::vector<TableLoad> loads;
};

// What load_tables tells a progress display as it goes. Each callback may be
// empty; all run on the calling thread, in this order: reading and read for
// each table given, then building once every table is read.
struct LoadObserver {
  std::function<void(const std::string& path)> reading;               // a table is about to be read
  std::function<void(const TableLoad& load)> read;                    // it has been read
  std::function<void(const std::vector<TableLoad>& loads)> building;  // the store is next
};

// Reads the tables of `paths` into one store (load_events, load_customers,
// load_spend, then EventStoreBuilder::build). InvalidArgument without an
// events path or with more than one table on standard input; otherwise the
// first error of a load or of the build.
Result<LoadedTables> load_tables(const TablePaths& paths, const ReadOptions& options = {},
                                 const LoadObserver& observer = {});

// The rows lenient loads rejected, as text for a person: one block per table
// that rejected any, "<source>: R of N <table> rows rejected", then a line per
// reason with its count and the first `examples` rejected rows with their
// location, column and value ("  ... and K more" for the rest). Each block
// ends with a newline; none for a table that rejected nothing.
std::vector<std::string> rejected_rows_text(const std::vector<TableLoad>& loads,
                                            std::size_t examples = 5);

// One metric's finished results for one group: over the whole window and for
// each period of the scope (same order as Scope::periods).
template <typename R>
struct GroupSeries {
  std::string group;  // label of the scope's grouping ("all" without grouping)
  bool absent = false;  // the customers with no value (labelled "(none)"; Grouping::absent)
  R window;
  std::vector<R> periods;
};

// NPS, CSAT and CES per group (scope grouping order), each finished with Scope::z.
struct SurveyResults {
  std::vector<GroupSeries<NpsResult>> nps;
  std::vector<GroupSeries<CsatResult>> csat;
  std::vector<GroupSeries<CesResult>> ces;
};

// Email engagement per group; `delivered_estimated` says whether delivered
// was estimated as sent − bounced (email_estimates_delivered()).
struct EmailResults {
  bool delivered_estimated = false;
  std::vector<GroupSeries<EmailResult>> groups;
};

class Analysis {
 public:
  // An analysis of `store` with `options` (the store must not be null).
  // `loads` (what ingest did) feeds the report's data-quality section.
  // InvalidArgument as make_scope().
  static Result<Analysis> create(std::shared_ptr<const EventStore> store,
                                 const ReportOptions& options = {},
                                 std::vector<TableLoad> loads = {});
  // The same over loaded tables.
  static Result<Analysis> create(LoadedTables tables, const ReportOptions& options = {});
  // load_tables(paths, read), then create(). Timestamps without an offset
  // are read in the report's zone, options.scope.calendar.tz (read.tz is
  // replaced by it).
  static Result<Analysis> load(const TablePaths& paths, const ReportOptions& options = {},
                               const ReadOptions& read = {});

  const EventStore& store() const;
  const std::shared_ptr<const EventStore>& shared_store() const;
  const Scope& scope() const;
  const ReportOptions& options() const;
  const std::vector<TableLoad>& loads() const;

  // The same data, window and settings grouped by `group_by` instead. The new
  // analysis shares the store and the activity model (which does not depend
  // on the grouping); its other inputs are its own. InvalidArgument for an
  // unknown attribute, as make_scope().
  Result<Analysis> with_group_by(const GroupBy& group_by) const;

  // The activity model (options().activity, as of the window's end), built on
  // the first call. InvalidArgument for bad W or A.
  const Result<ActivityModel>& activity() const;

  // How many of the shared inputs (activity model, survey answers, CAC,
  // historical CLV) have been built so far, 0..4: each is built at most once,
  // by the first metric or report section that reads it.
  int inputs_built() const;

  // --- the report (clm/report.h); defined by the report code, which reads
  // this analysis's shared inputs instead of building its own.
  // Every section of options().sections (all when empty), data quality from
  // loads(), computed on options().threads threads (the document never
  // depends on the number). InvalidArgument for an unknown section id.
  Result<Document> report() const;
  // The same with only `sections` (ids of report_section_ids(); empty = all).
  Result<Document> report(const std::vector<std::string>& sections) const;

  // --- lifecycle (clm/churn.h, cohorts.h, survival.h, stages.h, activation.h, rfm.h)
  Result<ChurnResult> churn() const;
  Result<ChurnResult> churn(const ChurnOptions& options) const;
  Result<CohortResult> cohorts() const;
  Result<CohortResult> cohorts(const CohortOptions& options) const;
  Result<SurvivalResult> survival() const;
  Result<SurvivalResult> survival(const SurvivalOptions& options) const;
  Result<StageResult> stages() const;
  Result<StageResult> stages(const StageOptions& options) const;
  // Each customer's stage at t (stages_at() with options().stages's L).
  Result<std::vector<CustomerStage>> stages_at(Timestamp t) const;
  Result<ActivationResult> activation() const;
  Result<ActivationResult> activation(const ActivationOptions& options) const;
  Result<RfmResult> rfm() const;
  Result<RfmResult> rfm(const RfmOptions& options) const;

  // --- surveys and email (clm/surveys.h, email.h)
  Result<SurveyResults> surveys() const;
  Result<SurveyResults> surveys(const SurveyOptions& options) const;
  Result<EmailResults> email() const;
  Result<EmailResults> email(const EmailOptions& options) const;

  // --- value (clm/revenue.h, acquisition_cost.h, clv.h); margin = Scope::margin
  Result<std::vector<GroupSeries<RevenueResult>>> revenue() const;
  Result<std::vector<GroupSeries<RevenueResult>>> revenue(const RevenueOptions& options) const;
  Result<CacResult> cac() const;
  Result<PaybackResult> payback() const;
  Result<HistoricalClv> historical_clv() const;
  Result<std::vector<FormulaClv>> formula_clv() const;
  // CLV:CAC per channel from the historical CLV.
  Result<std::vector<ChannelClvCac>> clv_cac() const;

  struct State;  // the shared, lazily built inputs (src/analysis)

 private:
  friend const SurveyBreakdown& detail::survey_input(const Analysis&);
  friend const CacResult& detail::cac_input(const Analysis&);
  friend const Result<HistoricalClv>& detail::historical_clv_input(const Analysis&);

  explicit Analysis(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

}  // namespace clm
