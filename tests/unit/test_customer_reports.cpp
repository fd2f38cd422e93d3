// The per-customer exports (clm stages, clm rfm) and the predictive-CLV
// validation sections as report Documents: columns, one row per customer with
// the values worked out by hand, and nulls where a value is undefined.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/customer_reports.h"
#include "clm/predictive_report.h"
#include "test_lifecycle_util.h"

using namespace clm;
using namespace clm::testing;

namespace {

// W = 30 days, window [Jan 1, Mar 1) 2024, as-of Mar 1.
// a: signup Jan 5, purchases Jan 10 (10.00) and Feb 20 (30.00): active at Mar 1.
// b: signup Jan 7, purchase Jan 8 (5.00): last activity Jan 8, inactive at Mar 1.
// p: a touch only — a prospect.
EventStore export_store() {
  return make_store({
      {"a", "2024-01-05", "signup"},
      {"a", "2024-01-10", "purchase", M(10)},
      {"a", "2024-02-20", "purchase", M(30)},
      {"b", "2024-01-07", "signup"},
      {"b", "2024-01-08", "purchase", M(5)},
      {"p", "2024-01-09", "touch"},
  });
}

Scope export_scope(const EventStore& store) {
  ScopeOptions o;
  o.from = T("2024-01-01");
  o.to = T("2024-03-01");
  return *make_scope(std::make_shared<const EventStore>(store), o);
}

}  // namespace

TEST_CASE("customer exports: stages per customer", "[report][stages]") {
  const EventStore store = export_store();
  const Scope scope = export_scope(store);
  ActivityOptions a;
  a.inactivity_window_days = 30;
  const auto model = *ActivityModel::build(scope.store, scope.acquisition, scope.window.to, a);
  const Document doc =
      customer_stages_report(scope, stages_at(model, scope.window.to, 5), scope.window.to);
  CHECK(doc.title == "clm stages");
  REQUIRE(doc.meta.size() == 1);
  CHECK(doc.meta[0].first == "at");
  REQUIRE(doc.sections.size() == 1);
  const Section& s = doc.sections[0];
  CHECK(s.id == "customer_stages");
  REQUIRE(s.columns.size() == 8);
  CHECK(s.columns[2].key == "stage");
  REQUIRE(s.rows.size() == 3);  // a, b, p in id order
  // a: active with 2 purchases (< L = 5) → retention. b: inactive → churned.
  // p: never acquired → reach, acquired_at null.
  CHECK(std::get<std::string>(s.rows[0][0]) == "a");
  CHECK(std::get<std::string>(s.rows[0][1]) == "all");
  CHECK(std::get<std::string>(s.rows[0][2]) == "retention");
  CHECK(std::get<bool>(s.rows[0][4]));
  CHECK(std::get<std::int64_t>(s.rows[0][5]) == 2);
  CHECK(std::holds_alternative<std::monostate>(s.rows[0][6]));  // no NPS answer
  CHECK(std::get<std::string>(s.rows[1][2]) == "churned");
  CHECK(std::get<std::string>(s.rows[2][2]) == "reach");
  CHECK(std::holds_alternative<std::monostate>(s.rows[2][3]));
}

TEST_CASE("customer exports: RFM per purchaser", "[report][rfm]") {
  const EventStore store = export_store();
  const Scope scope = export_scope(store);
  const Document doc = customer_rfm_report(scope, compute_rfm(scope));
  CHECK(doc.title == "clm rfm");
  REQUIRE(doc.sections.size() == 1);
  const Section& s = doc.sections[0];
  CHECK(s.id == "customer_rfm");
  REQUIRE(s.columns.size() == 9);
  CHECK(s.columns[4].kind == ColumnKind::kMoney);
  REQUIRE(s.rows.size() == 2);  // the prospect bought nothing
  // a: last purchase Feb 20 → R = 10 days to Mar 1, F = 2, M = 40.00.
  CHECK(std::get<std::string>(s.rows[0][0]) == "a");
  CHECK(std::get<std::int64_t>(s.rows[0][2]) == 10);
  CHECK(std::get<std::int64_t>(s.rows[0][3]) == 2);
  CHECK(std::get<std::int64_t>(s.rows[0][4]) == M(40));
  // b: last purchase Jan 8 → R = 53 days (23 in Jan + 29 in Feb + 1), F = 1, M = 5.00.
  CHECK(std::get<std::int64_t>(s.rows[1][2]) == 53);
  CHECK(std::get<std::int64_t>(s.rows[1][3]) == 1);
  CHECK(std::get<std::int64_t>(s.rows[1][4]) == M(5));
}

TEST_CASE("customer exports: predictive validation sections", "[report][clv]") {
  Validation v;
  v.holdout_length = 13;
  v.customers = 5;
  v.actual_total = 7;
  v.predicted_total = 6.5;
  v.by_frequency = {{0, false, 3, 2, 1.5}, {1, true, 2, 5, 5.0}};
  v.tracking = {{1, 0, 0.5, false}, {2, 3, 2.5, true}};
  const std::vector<Section> out = clv_validation_sections(v, TimeUnit::kWeek);
  REQUIRE(out.size() == 2);
  CHECK(out[0].id == "clv_holdout");
  REQUIRE(out[0].rows.size() == 3);  // two buckets and the total
  CHECK(std::get<std::string>(out[0].rows[1][0]) == "1+");
  CHECK(std::get<std::string>(out[0].rows[2][0]) == "total");
  CHECK(std::get<double>(out[0].rows[2][3]) == 6.5);
  CHECK(out[0].notes == std::vector<std::string>{"holdout length 13 weeks"});
  CHECK(out[1].id == "clv_tracking");
  CHECK(out[1].columns[0].key == "week");
  REQUIRE(out[1].rows.size() == 2);
  CHECK(std::get<bool>(out[1].rows[1][3]));
}

TEST_CASE("customer exports: forecast options from the settings", "[report][clv][settings]") {
  Settings s;
  const ForecastOptions d = forecast_options(s);
  CHECK(d.margin == ForecastOptions{}.margin);
  CHECK(d.horizon_months == ForecastOptions{}.horizon_months);
  CHECK(d.annual_discount == ForecastOptions{}.annual_discount);
  s.margin = 0.3;
  s.horizon_months = 12;
  s.discount_rate = 0.05;
  const ForecastOptions o = forecast_options(s);
  CHECK(o.margin == 0.3);
  CHECK(o.horizon_months == 12);
  CHECK(o.annual_discount == 0.05);
  CHECK_FALSE(o.forecast_units.has_value());
}
