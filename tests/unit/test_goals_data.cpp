// Goals over data: the reports a goal list needs (grouping and report
// sections), one call that builds and checks them, and the check as a
// Document and as text. Expected values are worked out by hand.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/analysis.h"
#include "clm/event_store.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "clm/time.h"

namespace {

clm::GoalSpec goal(std::string metric, std::optional<double> min, std::string per = "") {
  clm::GoalSpec g;
  g.metric = std::move(metric);
  g.min = min;
  g.per = std::move(per);
  return g;
}

}  // namespace

TEST_CASE("Goals over data: one report per grouping, with the sections it reads", "[goals]") {
  CHECK(clm::report_section_of("cac_summary") == "cac");
  CHECK(clm::report_section_of("cac_channels") == "cac");
  CHECK(clm::report_section_of("survival") == "survival");
  CHECK(clm::report_section_of("funnel") == "stages");
  CHECK(clm::report_section_of("nope").empty());
  // nps and new_customers (section cac_summary, built by "cac") ungrouped;
  // cac per channel reads cac_channels, also ungrouped; churn per country.
  auto plan = clm::goal_reports({goal("nps", 0.0), goal("new_customers", 1.0),
                                 goal("cac", 0.0, "channel"), goal("churn_rate", 0.0, "country")});
  REQUIRE(plan.ok());
  REQUIRE(plan->size() == 2);
  CHECK((*plan)[0].group_by.empty());
  CHECK((*plan)[0].sections == std::vector<std::string>{"cac", "nps"});
  CHECK((*plan)[1].group_by == "country");
  CHECK((*plan)[1].sections == std::vector<std::string>{"churn"});
  auto bad = clm::goal_reports({goal("churn", 0.0)});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("did you mean 'churn_rate'") != std::string::npos);
}

TEST_CASE("Goals over data: built and checked in one call", "[goals]") {
  // NPS answers 10, 4, 8 in the window: promoters 1, detractors 1 → NPS 0.
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
  add("a", "2024-01-20T00:00:00Z", "nps", 10);
  add("b", "2024-02-03T00:00:00Z", "nps", 4);
  add("c", "2024-02-10T00:00:00Z", "nps", 8);
  auto store = b.build();
  REQUIRE(store.ok());
  clm::ReportOptions options;
  options.sections = {"rfm"};  // replaced by the sections the goals read
  clm::GoalCheckOptions co;
  co.null_fails = true;
  auto analysis =
      clm::Analysis::create(std::make_shared<const clm::EventStore>(std::move(*store)), options);
  REQUIRE(analysis.ok());
  auto check = clm::check_goals(*analysis, {goal("nps", 0.0), goal("csat", 80.0)}, co);
  REQUIRE(check.ok());
  REQUIRE(check->results.size() == 2);
  CHECK(*check->results[0].value == Approx(0.0));
  CHECK(check->results[0].verdict == clm::Verdict::kPass);
  CHECK(check->results[1].verdict == clm::Verdict::kNull);  // no CSAT answer
  CHECK(check->results[1].failed);                          // null_fails
  CHECK(check->passed == 1);
  CHECK(check->failed == 1);
  CHECK_FALSE(check->ok());
}

TEST_CASE("Goals over data: the check as a Document and as text", "[goals]") {
  clm::GoalCheck check;
  clm::GoalResult pass;
  pass.goal = 0;
  pass.metric = "nps";
  pass.scope = "all";
  pass.period = "window";
  pass.value = 6.25;
  pass.min = 30;
  pass.verdict = clm::Verdict::kFail;
  pass.failed = true;
  check.results = {pass};
  check.failed = 1;
  const clm::Document doc = clm::goal_check_document(check);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].id == "goals");
  REQUIRE(doc.sections[0].rows.size() == 1);
  CHECK(std::get<std::int64_t>(doc.sections[0].rows[0][0]) == 1);  // goals count from 1
  CHECK(std::get<std::string>(doc.sections[0].rows[0][7]) == "FAIL");
  CHECK(clm::goal_check_text(check, false) ==
        "VERDICT METRIC  SCOPE  PERIOD  VALUE  TARGET\n"
        "FAIL    nps     all    window   6.25  >= 30\n"
        "\n1 checked: 0 passed, 1 failed, 0 null -- goals not met\n");
}
