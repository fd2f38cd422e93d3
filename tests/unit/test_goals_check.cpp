// Goals checked against report documents: pass, fail and null verdicts, the
// window / last / last_complete / each rows, per-channel and per-group scopes,
// money in currency units, and the errors of a bad goal. Expected values are
// worked out by hand in the comments.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "clm/time.h"

namespace {

clm::GoalSpec goal(std::string metric, std::optional<double> min, std::optional<double> max,
                   clm::GoalPeriod period = clm::GoalPeriod::kWindow, std::string per = "") {
  clm::GoalSpec g;
  g.metric = std::move(metric);
  g.min = min;
  g.max = max;
  g.period = period;
  g.per = std::move(per);
  return g;
}

// Three NPS answers: a 10 on 2024-01-20, b 4 on 2024-02-03, c 8 on 2024-02-10,
// after the signups of a and b in early January.
clm::EventStore nps_store() {
  clm::EventStoreBuilder b;
  const auto add = [&](const char* customer, const char* time, const char* type, int score) {
    clm::EventInput e;
    e.customer_id = customer;
    e.time = clm::parse_timestamp(time, clm::TimeZone::utc()).value();
    e.type = type;
    if (score >= 0) e.score = score;
    REQUIRE(b.add_event(e).ok());
  };
  add("a", "2024-01-05T09:00:00Z", "signup", -1);
  add("b", "2024-01-10T09:00:00Z", "signup", -1);
  add("a", "2024-01-20T00:00:00Z", "nps", 10);
  add("b", "2024-02-03T00:00:00Z", "nps", 4);
  add("c", "2024-02-10T00:00:00Z", "nps", 8);
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

clm::Document nps_report() {
  static const clm::EventStore store = nps_store();
  clm::ReportOptions options;
  options.sections = {"nps", "csat"};
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), options);
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

}  // namespace

TEST_CASE("Goals on NPS: window, each, last and last_complete rows", "[goals]") {
  const clm::Document doc = nps_report();
  // Window [2024-01-05, 2024-02-11): n = 3, promoters 1 (10), passives 1 (8),
  // detractors 1 (4): NPS = 100 × (1 − 1) / 3 = 0. January (partial, window
  // starts on the 5th): the 10 alone, NPS 100. February (partial, window ends
  // on the 11th): 4 and 8, NPS = 100 × (0 − 1) / 2 = −50.
  const std::vector<clm::GoalSpec> goals = {
      goal("nps", 0.0, std::nullopt),                                  // 0 >= 0: pass
      goal("nps", 0.0, std::nullopt, clm::GoalPeriod::kEach),          // 100 pass, −50 fail
      goal("nps", std::nullopt, -50.0, clm::GoalPeriod::kLast),        // −50 <= −50: pass
      goal("nps", 0.0, std::nullopt, clm::GoalPeriod::kLastComplete),  // no complete period
      goal("csat", 80.0, std::nullopt),                                // no CSAT answer: null
  };
  auto check = clm::check_goals(goals, {&doc});
  REQUIRE(check.ok());
  const auto& r = check->results;
  REQUIRE(r.size() == 6);
  CHECK(r[0].scope == "all");
  CHECK(r[0].period == "window");
  CHECK(*r[0].value == Approx(0.0));
  CHECK(r[0].verdict == clm::Verdict::kPass);
  CHECK(r[1].period == "2024-01");
  CHECK(*r[1].value == Approx(100.0));
  CHECK(r[1].verdict == clm::Verdict::kPass);
  CHECK(r[2].period == "2024-02");
  CHECK(*r[2].value == Approx(-50.0));
  CHECK(r[2].verdict == clm::Verdict::kFail);
  CHECK(r[2].failed);
  CHECK(r[3].goal == 2);
  CHECK(r[3].period == "2024-02");
  CHECK(r[3].verdict == clm::Verdict::kPass);
  CHECK(r[4].goal == 3);
  CHECK_FALSE(r[4].value.has_value());
  CHECK(r[4].verdict == clm::Verdict::kNull);
  CHECK_FALSE(r[4].failed);  // null does not fail by default
  CHECK(r[5].metric == "csat");
  CHECK(r[5].verdict == clm::Verdict::kNull);
  CHECK(check->passed == 3);
  CHECK(check->failed == 1);
  CHECK(check->nulls == 2);
  CHECK_FALSE(check->ok());
}

TEST_CASE("Goals: null fails only when asked, globally or per goal", "[goals]") {
  const clm::Document doc = nps_report();
  std::vector<clm::GoalSpec> goals = {goal("csat", 80.0, std::nullopt),
                                      goal("nps", 0.0, std::nullopt)};
  auto lenient = clm::check_goals(goals, {&doc});
  REQUIRE(lenient.ok());
  CHECK(lenient->ok());
  CHECK(lenient->nulls == 1);

  clm::GoalCheckOptions strict;
  strict.null_fails = true;
  auto global = clm::check_goals(goals, {&doc}, strict);
  REQUIRE(global.ok());
  CHECK(global->failed == 1);
  CHECK(global->results[0].failed);

  goals[0].null_fails = false;  // the goal's own setting wins over the global one
  auto own = clm::check_goals(goals, {&doc}, strict);
  REQUIRE(own.ok());
  CHECK(own->ok());
  goals[0].null_fails = true;
  auto own_fail = clm::check_goals(goals, {&doc});
  REQUIRE(own_fail.ok());
  CHECK(own_fail->failed == 1);
}

TEST_CASE("Goals per channel read the channel rows; money is in currency units", "[goals]") {
  clm::Document doc;
  doc.meta = {{"group_by", "none"}};
  clm::Section ratio;
  ratio.id = "clv_cac";
  ratio.add_column("channel", "Channel", clm::ColumnKind::kText);
  ratio.add_column("mean_clv", "Mean CLV", clm::ColumnKind::kMoney);
  ratio.add_column("clv_cac", "CLV:CAC", clm::ColumnKind::kNumber);
  ratio.rows = {{std::string("email"), std::int64_t{120'000'000}, 4.0},
                {std::string("paid"), std::int64_t{50'000'000}, 2.5},
                {std::string("organic"), std::int64_t{80'000'000}, std::monostate{}}};
  clm::Section summary;
  summary.id = "cac_summary";
  summary.add_column("period", "Period", clm::ColumnKind::kText);
  summary.add_column("blended_cac", "Blended CAC", clm::ColumnKind::kMoney);
  summary.rows = {{std::string("window"), std::int64_t{12'500'000}},
                  {std::string("2024-01"), std::int64_t{10'000'000}}};
  doc.sections = {ratio, summary};

  const std::vector<clm::GoalSpec> goals = {
      goal("clv_cac", 3.0, std::nullopt, clm::GoalPeriod::kWindow, "channel"),
      goal("clv", 60.0, 200.0, clm::GoalPeriod::kWindow, "channel"),
      goal("cac", std::nullopt, 12.5),  // 12 500 000 millionths = 12.50 <= 12.5
  };
  auto check = clm::check_goals(goals, {&doc});
  REQUIRE(check.ok());
  const auto& r = check->results;
  REQUIRE(r.size() == 7);
  CHECK(r[0].scope == "channel=email");
  CHECK(r[0].verdict == clm::Verdict::kPass);  // 4 >= 3
  CHECK(r[1].scope == "channel=paid");
  CHECK(r[1].verdict == clm::Verdict::kFail);  // 2.5 < 3
  CHECK(r[2].scope == "channel=organic");
  CHECK(r[2].verdict == clm::Verdict::kNull);
  CHECK(*r[3].value == Approx(120.0));
  CHECK(r[3].verdict == clm::Verdict::kPass);
  CHECK(*r[4].value == Approx(50.0));
  CHECK(r[4].verdict == clm::Verdict::kFail);  // 50 < 60
  CHECK(r[5].verdict == clm::Verdict::kPass);  // 80 in [60, 200]
  CHECK(*r[6].value == Approx(12.5));
  CHECK(r[6].verdict == clm::Verdict::kPass);
  CHECK(check->failed == 2);
}

TEST_CASE("Goals per group read the report grouped that way", "[goals]") {
  clm::Document grouped;
  grouped.meta = {{"group_by", "country"}};
  clm::Section churn;
  churn.id = "churn";
  churn.add_column("group", "Group", clm::ColumnKind::kText);
  churn.add_column("period", "Period", clm::ColumnKind::kText);
  churn.add_column("partial", "Partial", clm::ColumnKind::kFlag);
  churn.add_column("churn_rate", "Churn rate", clm::ColumnKind::kRate);
  churn.rows = {{std::string("DE"), std::string("window"), false, 0.04},
                {std::string("DE"), std::string("2024-01"), false, 0.03},
                {std::string("DE"), std::string("2024-02"), true, 0.10},
                {std::string("FR"), std::string("window"), false, 0.06},
                {std::string("FR"), std::string("2024-01"), false, 0.07},
                {std::string("FR"), std::string("2024-02"), true, 0.01}};
  grouped.sections = {churn};
  clm::Document plain;  // an ungrouped report without the churn section
  plain.meta = {{"group_by", "none"}};

  auto last_complete = clm::check_goals(
      {goal("churn_rate", std::nullopt, 0.05, clm::GoalPeriod::kLastComplete, "country")},
      {&plain, &grouped});
  REQUIRE(last_complete.ok());
  const auto& r = last_complete->results;
  REQUIRE(r.size() == 2);
  CHECK(r[0].scope == "country=DE");
  CHECK(r[0].period == "2024-01");
  CHECK(r[0].verdict == clm::Verdict::kPass);  // 0.03 <= 0.05 (the partial 0.10 is skipped)
  CHECK(r[1].scope == "country=FR");
  CHECK(r[1].verdict == clm::Verdict::kFail);  // 0.07 > 0.05

  auto missing = clm::check_goals({goal("churn_rate", std::nullopt, 0.05)}, {&grouped});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("grouped by none") != std::string::npos);
}

TEST_CASE("Goals: a bad goal is an invalid argument naming what is wrong", "[goals]") {
  const clm::Document doc;
  auto typo = clm::goal_source(goal("churn_rat", std::nullopt, 0.05));
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().code() == clm::Status::Code::kInvalidArgument);
  CHECK(typo.status().message().find("did you mean 'churn_rate'") != std::string::npos);

  auto no_target = clm::goal_source(goal("nps", std::nullopt, std::nullopt));
  REQUIRE_FALSE(no_target.ok());
  CHECK(no_target.status().message().find("needs a target") != std::string::npos);

  CHECK_FALSE(clm::goal_source(goal("nps", 5.0, 1.0)).ok());  // min > max
  auto overall_ratio = clm::goal_source(goal("clv_cac", 3.0, std::nullopt));
  REQUIRE_FALSE(overall_ratio.ok());
  CHECK(overall_ratio.status().message().find("per channel only") != std::string::npos);

  auto source =
      clm::goal_source(goal("cac", std::nullopt, 100.0, clm::GoalPeriod::kWindow, "channel"));
  REQUIRE(source.ok());
  CHECK(source->section == "cac_channels");
  CHECK(source->group_by.empty());
  CHECK(clm::parse_goal_period("last_complete").value() == clm::GoalPeriod::kLastComplete);
  CHECK_FALSE(clm::parse_goal_period("latest").ok());
}

TEST_CASE("Goals: a section without periods refuses a per-period goal", "[goals]") {
  clm::Document doc;
  doc.meta = {{"group_by", "none"}};
  clm::Section clv;
  clv.id = "clv";
  clv.add_column("group", "Group", clm::ColumnKind::kText);
  clv.add_column("historical_clv_mean", "Mean CLV", clm::ColumnKind::kMoney);
  clv.rows = {{std::string("all"), std::int64_t{1'000'000}}};
  doc.sections = {clv};
  auto each = clm::check_goals({goal("clv", 1.0, std::nullopt, clm::GoalPeriod::kEach)}, {&doc});
  REQUIRE_FALSE(each.ok());
  CHECK(each.status().message().find("no per-period series") != std::string::npos);
  auto window = clm::check_goals({goal("clv", 1.0, std::nullopt)}, {&doc});
  REQUIRE(window.ok());
  CHECK(window->results[0].verdict == clm::Verdict::kPass);  // 1.00 >= 1
}
