// clm::Analysis: the scope and the inputs several metrics share, each built
// once on first use (std::call_once), and every metric finished from them.
// Analysis::report() is defined with the report (src/report/report.cpp): the
// report uses the analysis, never the reverse.
#include "clm/analysis.h"

#include <mutex>
#include <optional>
#include <utility>

#include "analysis/state.h"

namespace clm {
namespace {

// Finishes a Breakdown of accumulators into per-group series.
template <typename R, typename Acc, typename Finish>
std::vector<GroupSeries<R>> finish_all(const Scope& scope, const Breakdown<Acc>& b,
                                       Finish finish) {
  std::vector<GroupSeries<R>> out(b.groups());
  for (std::size_t g = 0; g < b.groups(); ++g) {
    out[g].group = scope.grouping.labels[g];
    out[g].absent = scope.grouping.is_absent(g);
    out[g].window = finish(b.window(g));
    out[g].periods.reserve(b.periods());
    for (std::size_t p = 0; p < b.periods(); ++p) out[g].periods.push_back(finish(b.at(g, p)));
  }
  return out;
}

SurveyResults finish_surveys(const Scope& scope, const SurveyBreakdown& b) {
  const double z = scope.z;
  SurveyResults r;
  r.nps = finish_all<NpsResult>(scope, b.nps, [z](const auto& a) { return nps_result(a, z); });
  r.csat = finish_all<CsatResult>(scope, b.csat, [z](const auto& a) { return csat_result(a, z); });
  r.ces = finish_all<CesResult>(scope, b.ces, [z](const auto& a) { return ces_result(a, z); });
  return r;
}

}  // namespace

Result<Analysis> Analysis::create(std::shared_ptr<const EventStore> store,
                                  const ReportOptions& options, std::vector<TableLoad> loads) {
  if (store == nullptr) return Status::InvalidArgument("Analysis::create: no store");
  auto scope = make_scope(store, options.scope);
  if (!scope.ok()) return scope.status();
  auto state = std::make_shared<State>();
  state->store = std::move(store);
  state->scope = std::move(scope).value();
  state->options = options;
  state->loads = std::move(loads);
  return Analysis(std::move(state));
}

Result<Analysis> Analysis::create(LoadedTables tables, const ReportOptions& options) {
  return create(std::move(tables.store), options, std::move(tables.loads));
}

Result<Analysis> Analysis::load(const TablePaths& paths, const ReportOptions& options,
                                const ReadOptions& read) {
  ReadOptions r = read;
  r.tz = options.scope.calendar.tz;
  auto tables = load_tables(paths, r);
  if (!tables.ok()) return tables.status();
  return create(std::move(tables).value(), options);
}

const EventStore& Analysis::store() const {
  return *state_->store;
}
const std::shared_ptr<const EventStore>& Analysis::shared_store() const {
  return state_->store;
}
const Scope& Analysis::scope() const {
  return state_->scope;
}
const ReportOptions& Analysis::options() const {
  return state_->options;
}
const std::vector<TableLoad>& Analysis::loads() const {
  return state_->loads;
}

Result<Analysis> Analysis::with_group_by(const GroupBy& group_by) const {
  const State& s = *state_;
  auto grouping = make_grouping(*s.store, group_by, s.scope.acquisition, s.scope.calendar,
                                s.options.scope.period);
  if (!grouping.ok()) return grouping.status();
  auto state = std::make_shared<State>();
  state->store = s.store;
  state->scope = s.scope;
  state->scope.group_by = group_by;
  state->scope.grouping = std::move(grouping).value();
  state->options = s.options;
  state->options.scope.group_by = group_by;
  state->loads = s.loads;
  state->activity = s.activity;
  return Analysis(std::move(state));
}

const Result<ActivityModel>& Analysis::activity() const {
  const State& s = *state_;
  return s.activity->get([&s] {
    return ActivityModel::build(s.store, s.scope.acquisition, s.scope.window.to,
                                s.options.activity);
  });
}

int Analysis::inputs_built() const {
  const State& s = *state_;
  int n = 0;
  for (bool built : {s.activity->built.load(std::memory_order_acquire),
                     s.surveys.built.load(std::memory_order_acquire),
                     s.cac.built.load(std::memory_order_acquire),
                     s.clv.built.load(std::memory_order_acquire)}) {
    n += built ? 1 : 0;
  }
  return n;
}

const SurveyBreakdown& detail::survey_input(const Analysis& a) {
  Analysis::State& s = *a.state_;
  return s.surveys.get([&s] { return compute_surveys(s.scope, s.options.surveys); });
}

const CacResult& detail::cac_input(const Analysis& a) {
  Analysis::State& s = *a.state_;
  return s.cac.get([&s] { return compute_cac(s.scope); });
}

const Result<HistoricalClv>& detail::historical_clv_input(const Analysis& a) {
  Analysis::State& s = *a.state_;
  return s.clv.get([&s] { return compute_historical_clv(s.scope); });
}

// --- lifecycle ---------------------------------------------------------------

Result<ChurnResult> Analysis::churn() const {
  return churn(options().churn);
}
Result<ChurnResult> Analysis::churn(const ChurnOptions& options) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return compute_churn(scope(), *model, options);
}

Result<CohortResult> Analysis::cohorts() const {
  return cohorts(options().cohorts);
}
Result<CohortResult> Analysis::cohorts(const CohortOptions& options) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return compute_cohorts(scope(), *model, options);
}

Result<SurvivalResult> Analysis::survival() const {
  return survival(options().survival);
}
Result<SurvivalResult> Analysis::survival(const SurvivalOptions& options) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return compute_survival(scope(), *model, options);
}

Result<StageResult> Analysis::stages() const {
  return stages(options().stages);
}
Result<StageResult> Analysis::stages(const StageOptions& options) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return compute_stages(scope(), *model, options);
}

Result<std::vector<CustomerStage>> Analysis::stages_at(Timestamp t) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return clm::stages_at(*model, t, options().stages.loyalty_purchases);
}

Result<ActivationResult> Analysis::activation() const {
  return activation(options().activation);
}
Result<ActivationResult> Analysis::activation(const ActivationOptions& options) const {
  return compute_activation(scope(), options);
}

Result<RfmResult> Analysis::rfm() const {
  return rfm(options().rfm);
}
Result<RfmResult> Analysis::rfm(const RfmOptions& options) const {
  return compute_rfm(scope(), options);
}

// --- surveys and email -----------------------------------------------------------

Result<SurveyResults> Analysis::surveys() const {
  return finish_surveys(scope(), detail::survey_input(*this));
}
Result<SurveyResults> Analysis::surveys(const SurveyOptions& options) const {
  if (options.latest_only == this->options().surveys.latest_only) return surveys();
  return finish_surveys(scope(), compute_surveys(scope(), options));
}

Result<EmailResults> Analysis::email() const {
  return email(options().email);
}
Result<EmailResults> Analysis::email(const EmailOptions& options) const {
  EmailResults r;
  r.delivered_estimated = email_estimates_delivered(store(), options);
  const bool estimate = r.delivered_estimated;
  r.groups = finish_all<EmailResult>(scope(), compute_email(scope()), [estimate](const auto& a) {
    return email_result(a, estimate);
  });
  return r;
}

// --- value -------------------------------------------------------------------------

Result<std::vector<GroupSeries<RevenueResult>>> Analysis::revenue() const {
  return revenue(options().revenue);
}
Result<std::vector<GroupSeries<RevenueResult>>> Analysis::revenue(
    const RevenueOptions& options) const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  auto cells = compute_revenue(scope(), *model, options);
  if (!cells.ok()) return cells.status();
  const double z = scope().z;
  return finish_all<RevenueResult>(scope(), *cells,
                                   [z](const auto& c) { return revenue_result(c, z); });
}

Result<CacResult> Analysis::cac() const {
  return detail::cac_input(*this);
}

Result<PaybackResult> Analysis::payback() const {
  return compute_payback(scope());
}

Result<HistoricalClv> Analysis::historical_clv() const {
  return detail::historical_clv_input(*this);
}

Result<std::vector<FormulaClv>> Analysis::formula_clv() const {
  const auto& model = activity();
  if (!model.ok()) return model.status();
  return compute_formula_clv(scope(), *model);
}

Result<std::vector<ChannelClvCac>> Analysis::clv_cac() const {
  const auto& clv = detail::historical_clv_input(*this);
  if (!clv.ok()) return clv.status();
  return compute_clv_cac(scope(), detail::cac_input(*this), clv->clv);
}

}  // namespace clm
