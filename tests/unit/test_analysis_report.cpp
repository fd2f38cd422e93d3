// Analysis::report() and check_goals(analysis, goals): the report reads the
// analysis's shared inputs (built once, whichever asks first), and the goals
// read the reports built from the analysis. Expected values are by hand.
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "clm/reporters.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// a (plan basic): active Jan 5 .. Feb 5 with W = 30, so it churns in February.
// b (plan pro): active from Jan 10, purchases Feb 10 and Mar 10, active to the end.
// No survey answers.
std::shared_ptr<const EventStore> store() {
  return std::make_shared<const EventStore>(make_store(
      {
          {"a", "2024-01-05", "signup"},
          {"a", "2024-01-06", "purchase", M(10)},
          {"b", "2024-01-10", "signup"},
          {"b", "2024-02-10", "purchase", M(20)},
          {"b", "2024-03-10", "purchase", M(30)},
      },
      {{"a", "", "", "basic"}, {"b", "", "", "pro"}}));
}

ReportOptions options() {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-04-01");
  o.activity.inactivity_window_days = 30;
  o.threads = 2;
  return o;
}

std::string json(const Document& doc) {
  std::ostringstream out;
  REQUIRE(write_report(out, doc, Format::kJson).ok());
  return out.str();
}

const Section& section(const Document& doc, const std::string& id) {
  for (const Section& s : doc.sections) {
    if (s.id == id) return s;
  }
  FAIL("no section " << id);
  throw;
}

Value cell(const Section& s, std::size_t row, const std::string& key) {
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].key == key) return s.rows.at(row)[i];
  }
  FAIL("no column " << key);
  throw;
}

GoalSpec churn_goal(std::string per = "") {
  GoalSpec g;
  g.metric = "churn_rate";
  g.period = GoalPeriod::kEach;
  g.per = std::move(per);
  g.max = 0.25;
  return g;
}

const GoalResult& result(const GoalCheck& check, const std::string& scope,
                         const std::string& period) {
  for (const GoalResult& r : check.results) {
    if (r.scope == scope && r.period == period) return r;
  }
  FAIL("no result " << scope << " " << period);
  throw;
}

}  // namespace

TEST_CASE("Analysis::report: the document of build_report, from the analysis's inputs",
          "[analysis][report]") {
  auto a = Analysis::create(store(), options());
  REQUIRE(a.ok());
  CHECK(a->inputs_built() == 0);
  // The activity model the churn call builds is the one the report reads.
  const ActivityModel* model = &a->activity().value();
  REQUIRE(a->churn().ok());
  CHECK(a->inputs_built() == 1);
  auto doc = a->report();
  REQUIRE(doc.ok());
  CHECK(a->inputs_built() == 4);  // + surveys, CAC, historical CLV; activity not again
  CHECK(&a->activity().value() == model);
  auto direct = build_report(store(), options());
  REQUIRE(direct.ok());
  CHECK(json(*doc) == json(*direct));
  // A second report builds nothing more and prints the same.
  auto again = a->report();
  REQUIRE(again.ok());
  CHECK(a->inputs_built() == 4);
  CHECK(json(*again) == json(*doc));

  // By hand: February starts with a and b active and ends with b alone.
  const Section& churn = section(*doc, "churn");
  bool seen = false;
  for (std::size_t r = 0; r < churn.rows.size(); ++r) {
    if (std::get<std::string>(cell(churn, r, "period")) != "2024-02") continue;
    seen = true;
    CHECK(std::get<std::int64_t>(cell(churn, r, "churned")) == 1);
    CHECK(std::get<double>(cell(churn, r, "churn_rate")) == Approx(0.5));
  }
  CHECK(seen);
}

TEST_CASE("Analysis::report: picked sections build only the inputs they read",
          "[analysis][report]") {
  auto a = Analysis::create(store(), options());
  REQUIRE(a.ok());
  auto churn = a->report({"churn"});
  REQUIRE(churn.ok());
  REQUIRE(churn->sections.size() == 1);
  CHECK(churn->sections[0].id == "churn");
  CHECK(a->inputs_built() == 1);  // the activity model alone
  auto nps = a->report({"data_quality", "nps"});
  REQUIRE(nps.ok());
  REQUIRE(nps->sections.size() == 2);
  CHECK(a->inputs_built() == 2);  // + the survey answers
  // No answers: NPS over the window (row 0) is undefined.
  CHECK(std::get<std::int64_t>(cell(section(*nps, "nps"), 0, "n")) == 0);
  CHECK(std::holds_alternative<std::monostate>(cell(section(*nps, "nps"), 0, "nps")));
  auto bad = a->report({"churn", "nope"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
  CHECK(bad.status().message().find("unknown section 'nope'") != std::string::npos);
}

TEST_CASE("Analysis::with_group_by shares the activity model", "[analysis]") {
  auto a = Analysis::create(store(), options());
  REQUIRE(a.ok());
  auto by_plan = a->with_group_by(GroupBy::parse("plan"));
  REQUIRE(by_plan.ok());
  CHECK(by_plan->scope().grouping.labels == std::vector<std::string>{"basic", "pro"});
  CHECK(by_plan->options().scope.group_by.name() == "plan");
  CHECK(&by_plan->activity().value() == &a->activity().value());
  CHECK(a->scope().grouping.labels == std::vector<std::string>{"all"});
  auto unknown = a->with_group_by(GroupBy::parse("country"));
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("check_goals(analysis, goals): churn per month, overall and per plan", "[goals]") {
  // Churn rate by hand, max 0.25: January starts with no one active (null),
  // February 1 of 2 (0.5, FAIL), March 0 of 1 (0, PASS). Per plan: basic
  // 1 of 1 in February (FAIL), nobody in March (null); pro 0 of 1 (PASS) in
  // February and March.
  for (const std::string own : {"", "plan"}) {
    ReportOptions o = options();
    o.scope.group_by = GroupBy::parse(own);  // the goals' groupings replace it
    auto a = Analysis::create(store(), o);
    REQUIRE(a.ok());
    auto check = check_goals(*a, {churn_goal(), churn_goal("plan")});
    REQUIRE(check.ok());
    CHECK(result(*check, "all", "2024-01").verdict == Verdict::kNull);
    CHECK(*result(*check, "all", "2024-02").value == Approx(0.5));
    CHECK(result(*check, "all", "2024-02").verdict == Verdict::kFail);
    CHECK(*result(*check, "all", "2024-03").value == Approx(0.0));
    CHECK(result(*check, "all", "2024-03").verdict == Verdict::kPass);
    CHECK(*result(*check, "plan=basic", "2024-02").value == Approx(1.0));
    CHECK(result(*check, "plan=basic", "2024-02").verdict == Verdict::kFail);
    CHECK(result(*check, "plan=basic", "2024-03").verdict == Verdict::kNull);
    CHECK(result(*check, "plan=pro", "2024-02").verdict == Verdict::kPass);
    CHECK(result(*check, "plan=pro", "2024-03").verdict == Verdict::kPass);
    CHECK(check->results.size() == 9);  // 3 months overall, 3 per plan × 2 plans
    CHECK(check->passed == 3);
    CHECK(check->failed == 2);  // nulls do not fail by default
    CHECK(check->nulls == 4);   // January ×3, basic in March
    CHECK_FALSE(check->ok());
  }
}

TEST_CASE("check_goals(analysis, goals): a bad goal or grouping is InvalidArgument", "[goals]") {
  auto a = Analysis::create(store(), options());
  REQUIRE(a.ok());
  GoalSpec no_target = churn_goal();
  no_target.max.reset();
  CHECK(check_goals(*a, {no_target}).status().code() == Status::Code::kInvalidArgument);
  auto unknown = check_goals(*a, {churn_goal("country")});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kInvalidArgument);
}
