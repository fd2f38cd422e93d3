// The quick ratio, (new + reactivated) / churned: per period and pooled over
// the window, null when no one churned, in the churn section, as a goal metric
// and on the HTML headline. Every expected value is worked out by hand below.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "clm/churn.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "clm/reporters.h"
#include "test_lifecycle_util.h"

using namespace clm;
using namespace clm::testing;

namespace {

// W = 30 days, window [Jan 1, Apr 15) 2024: Jan, Feb, Mar and a partial Apr.
// Boundaries t0 = Jan 1, t1 = Feb 1, t2 = Mar 1, t3 = Apr 1, t4 = Apr 15.
EventStore quick_store() {
  return make_store({
      // k: subscription open since Dec 15 2023: active at every boundary.
      {"k", "2023-11-01", "signup"},
      {"k", "2023-12-15", "subscription_start"},
      // a: (Dec 20, Jan 19]: active at t0 only — churns in Jan.
      {"a", "2023-12-20", "signup"},
      // b: new in Jan, (Jan 10, Feb 9]: active at t1 only — churns in Feb.
      {"b", "2024-01-10", "signup"},
      // c: new in Jan, (Jan 20, Feb 19] ∪ (Feb 15, Mar 16]: active at t1, t2 — churns in Mar.
      {"c", "2024-01-20", "signup"},
      {"c", "2024-02-15", "purchase", M(10)},
      // d: acquired Oct 2023, (Oct 1, Oct 31] ∪ (Feb 10, Mar 11]: reactivated in
      //    Feb (in E \ S, acquired before Feb 1), active at t2 — churns in Mar.
      {"d", "2023-10-01", "signup"},
      {"d", "2024-02-10", "purchase", M(10)},
      // e: new in Feb, (Feb 20, Mar 21]: active at t2 — churns in Mar.
      {"e", "2024-02-20", "signup"},
  });
}

// Active at: t0 {k, a}; t1 {k, b, c}; t2 {k, c, d, e}; t3 {k}; t4 {k}.
//   Jan: churned {a} = 1, new {b, c} = 2, reactivated 0 → (2 + 0) / 1 = 2
//   Feb: churned {b} = 1, new {e} = 1, reactivated {d} = 1 → (1 + 1) / 1 = 2
//   Mar: churned {c, d, e} = 3, new 0, reactivated 0 → 0 / 3 = 0
//   Apr: churned 0 → null
//   Window: Σ (new + reactivated) = 4, Σ churned = 5 → 0.8
ReportOptions quick_options() {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-04-15");
  o.activity.inactivity_window_days = 30;
  o.sections = {"churn"};
  return o;
}

}  // namespace

TEST_CASE("quick ratio: per period, pooled, null without churn", "[lifecycle][churn]") {
  const auto store = std::make_shared<const EventStore>(quick_store());
  const ReportOptions o = quick_options();
  const Scope scope = *make_scope(store, o.scope);
  const ActivityModel model =
      *ActivityModel::build(store, scope.acquisition, scope.window.to, o.activity);
  const ChurnResult r = compute_churn(scope, model);
  REQUIRE(r.groups.size() == 1);
  const ChurnGroup& g = r.groups[0];
  REQUIRE(g.periods.size() == 4);
  CHECK(g.periods[0].churned == 1);
  CHECK(g.periods[1].reactivated == 1);
  CHECK(g.periods[2].churned == 3);
  CHECK(*g.periods[0].quick_ratio == Approx(2.0));
  CHECK(*g.periods[1].quick_ratio == Approx(2.0));
  CHECK(*g.periods[2].quick_ratio == 0.0);
  CHECK(g.periods[3].churned == 0);
  CHECK_FALSE(g.periods[3].quick_ratio.has_value());
  CHECK(*g.window.quick_ratio == Approx(0.8));
}

TEST_CASE("quick ratio: churn section column, goal and headline card", "[lifecycle][churn]") {
  auto doc = build_report(std::make_shared<const EventStore>(quick_store()), quick_options());
  REQUIRE(doc.ok());
  const Section* churn = nullptr;
  for (const Section& s : doc->sections) {
    if (s.id == "churn") churn = &s;
  }
  REQUIRE(churn != nullptr);
  const std::size_t col = churn->columns.size() - 1;
  CHECK(churn->columns[col].key == "quick_ratio");
  CHECK(churn->columns[col].kind == ColumnKind::kNumber);
  REQUIRE(churn->rows.size() == 5);  // window, Jan, Feb, Mar, Apr
  CHECK(std::get<double>(churn->rows[0][col]) == Approx(0.8));
  CHECK(std::get<double>(churn->rows[1][col]) == Approx(2.0));
  CHECK(std::get<double>(churn->rows[3][col]) == 0.0);
  CHECK(std::holds_alternative<std::monostate>(churn->rows[4][col]));

  GoalSpec each;
  each.metric = "quick_ratio";
  each.period = GoalPeriod::kEach;
  each.min = 1.0;
  auto check = check_goals({each}, {&*doc});
  REQUIRE(check.ok());
  REQUIRE(check->results.size() == 4);
  CHECK(check->results[0].verdict == Verdict::kPass);  // Jan 2 >= 1
  CHECK(check->results[1].verdict == Verdict::kPass);  // Feb 2 >= 1
  CHECK(check->results[2].verdict == Verdict::kFail);  // Mar 0 < 1
  CHECK(check->results[3].verdict == Verdict::kNull);  // Apr: no one churned
  GoalSpec window = each;
  window.period = GoalPeriod::kWindow;
  window.min = std::nullopt;
  window.max = 0.8;
  check = check_goals({window}, {&*doc});
  REQUIRE(check.ok());
  REQUIRE(check->results.size() == 1);
  CHECK(*check->results[0].value == Approx(0.8));
  CHECK(check->results[0].verdict == Verdict::kPass);  // 0.8 <= 0.8

  std::ostringstream html;
  REQUIRE(write_report(html, *doc, Format::kHtml).ok());
  CHECK(html.str().find("<dt>Quick ratio</dt><dd class=\"value\">0.80</dd>") != std::string::npos);
}

TEST_CASE("quick ratio: the card says why it is undefined", "[lifecycle][churn]") {
  // One customer active throughout: no one churns in the window.
  const auto store = std::make_shared<const EventStore>(
      make_store({{"k", "2023-11-01", "signup"}, {"k", "2023-12-15", "subscription_start"}}));
  auto doc = build_report(store, quick_options());
  REQUIRE(doc.ok());
  std::ostringstream html;
  REQUIRE(write_report(html, *doc, Format::kHtml).ok());
  CHECK(html.str().find("<dt>Quick ratio</dt><dd class=\"value null\">—</dd><dd "
                        "class=\"note\">undefined: no customer churned</dd>") != std::string::npos);
}
