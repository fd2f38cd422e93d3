// clm::Analysis: every metric equals the free function's result over the same
// scope, the shared inputs are built once, and moves leave nothing dangling.
#include <catch2/catch.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "clm/analysis.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

std::shared_ptr<const EventStore> churn_store() {
  // a: active Jan only (churns by March with W = 30); b: active throughout.
  return std::make_shared<const EventStore>(make_store({
      {"a", "2024-01-05", "signup"},
      {"a", "2024-01-06", "purchase", M(10)},
      {"b", "2024-01-10", "signup"},
      {"b", "2024-02-10", "purchase", M(20)},
      {"b", "2024-03-10", "purchase", M(30)},
  }));
}

ReportOptions options() {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-04-01");
  o.activity.inactivity_window_days = 30;
  return o;
}

}  // namespace

TEST_CASE("Analysis: churn equals compute_churn over the same scope", "[analysis]") {
  auto a = Analysis::create(churn_store(), options());
  REQUIRE(a.ok());
  auto churn = a->churn();
  REQUIRE(churn.ok());
  const Scope scope = *make_scope(a->shared_store(), options().scope);
  const ActivityModel model =
      *ActivityModel::build(scope.store, scope.acquisition, scope.window.to, options().activity);
  const ChurnResult direct = compute_churn(scope, model);
  REQUIRE(churn->groups.size() == direct.groups.size());
  REQUIRE(churn->groups[0].periods.size() == 3);
  for (std::size_t p = 0; p < 3; ++p) {
    CHECK(churn->groups[0].periods[p].churned == direct.groups[0].periods[p].churned);
    CHECK(churn->groups[0].periods[p].start_active == direct.groups[0].periods[p].start_active);
  }
  // By hand: a is active from Jan 5 until Feb 5 (W = 30 days after Jan 6),
  // so of the two active at March 1 only b remains; February: S = {a, b}, a churns.
  CHECK(churn->groups[0].periods[1].start_active == 2);
  CHECK(churn->groups[0].periods[1].churned == 1);
}

TEST_CASE("Analysis: the activity model is built once and survives moves", "[analysis]") {
  auto created = Analysis::create(churn_store(), options());
  REQUIRE(created.ok());
  Analysis a = std::move(created).value();
  const ActivityModel* first = &a.activity().value();
  std::vector<const ActivityModel*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&a, &seen, i] { seen[i] = &a.activity().value(); });
  }
  for (auto& t : threads) t.join();
  for (const ActivityModel* m : seen) CHECK(m == first);
  Analysis moved = std::move(a);
  CHECK(&moved.activity().value() == first);
  CHECK(moved.scope().store.get() == &moved.store());
}

TEST_CASE("Analysis: revenue and historical CLV are the finished free results", "[analysis]") {
  ReportOptions o = options();
  o.scope.margin = 0.5;
  auto a = Analysis::create(churn_store(), o);
  REQUIRE(a.ok());
  auto revenue = a->revenue();
  REQUIRE(revenue.ok());
  REQUIRE(revenue->size() == 1);
  CHECK((*revenue)[0].group == "all");
  CHECK((*revenue)[0].window.net_revenue == M(60));  // 10 + 20 + 30
  REQUIRE((*revenue)[0].periods.size() == 3);
  CHECK((*revenue)[0].periods[1].net_revenue == M(20));
  auto clv = a->historical_clv();
  REQUIRE(clv.ok());
  CHECK(clv->groups[0].total == M(30));  // 0.5 × 60
}

TEST_CASE("load_tables needs an events table", "[analysis]") {
  CHECK(load_tables({}).status().code() == Status::Code::kInvalidArgument);
  CHECK(Analysis::create(std::shared_ptr<const EventStore>{}).status().code() ==
        Status::Code::kInvalidArgument);
}
