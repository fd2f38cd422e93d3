// clm::Analysis: cohorts, survival, stages, activation and RFM on a store small
// enough to work out by hand, and equal to the free functions over the same scope.
#include <catch2/catch.hpp>
#include <memory>

#include "clm/analysis.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// Window 2024-01-01 .. 2024-04-01, months, W = 30 days, A = signup and purchase.
//   a: signup Jan 5, purchase Jan 6 (10)        active (Jan 5, Feb 5]: churns Feb 5
//   b: signup Jan 10, purchases Feb 5 (20), Mar 5 (30)  active (Jan 10, Apr 4]
//   c: signup Feb 15                             active (Feb 15, Mar 16]: churns Mar 16
//   d: signup Mar 20, purchase Mar 21 (5)        active at the as-of time
//   e: signup Mar 25                             active at the as-of time
//   p: a touch only: a prospect
std::shared_ptr<const EventStore> lifecycle_store() {
  return std::make_shared<const EventStore>(make_store({
      {"a", "2024-01-05", "signup"},
      {"a", "2024-01-06", "purchase", M(10)},
      {"b", "2024-01-10", "signup"},
      {"b", "2024-02-05", "purchase", M(20)},
      {"b", "2024-03-05", "purchase", M(30)},
      {"c", "2024-02-15", "signup"},
      {"d", "2024-03-20", "signup"},
      {"d", "2024-03-21", "purchase", M(5)},
      {"e", "2024-03-25", "signup"},
      {"p", "2024-01-20", "touch"},
  }));
}

Analysis lifecycle_analysis() {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-04-01");
  o.activity.inactivity_window_days = 30;
  auto a = Analysis::create(lifecycle_store(), o);
  REQUIRE(a.ok());
  return std::move(a).value();
}

}  // namespace

TEST_CASE("Analysis::cohorts: monthly cohorts by hand", "[analysis][cohorts]") {
  const Analysis a = lifecycle_analysis();
  auto cohorts = a.cohorts();
  REQUIRE(cohorts.ok());
  REQUIRE(cohorts->groups.size() == 1);
  const CohortTable& all = cohorts->groups[0];
  REQUIRE(all.rows.size() == 3);

  // January: a and b. Both active in January and February; in March only b.
  const CohortRow& jan = all.rows[0];
  CHECK(jan.label == "2024-01");
  CHECK(jan.size == 2);
  REQUIRE(jan.cells.size() == 3);
  CHECK(jan.cells[0].active == 2);
  CHECK(jan.cells[1].active == 2);
  CHECK(jan.cells[2].active == 1);
  CHECK(jan.cells[2].retention.rate.value() == Approx(0.5));
  // Revenue 10 in January, 20 in February, 30 in March: 2× and 3× the first month.
  CHECK(jan.cells[0].revenue == M(10));
  CHECK(jan.cells[1].revenue_retention.value() == Approx(2.0));
  CHECK(jan.cells[2].revenue_retention.value() == Approx(3.0));

  // February: c, active into March (until Mar 16); no revenue, so no revenue retention.
  const CohortRow& feb = all.rows[1];
  CHECK(feb.size == 1);
  REQUIRE(feb.cells.size() == 2);
  CHECK(feb.cells[1].active == 1);
  CHECK_FALSE(feb.cells[0].revenue_retention.has_value());

  // March: d and e.
  CHECK(all.rows[2].size == 2);
  CHECK(all.rows[2].cells[0].active == 2);

  // Average: offset 2 exists for January only: 1 / 2.
  CHECK(all.average.cells[0].retention.rate.value() == Approx(1.0));
  CHECK(all.average.cells[1].retention.rate.value() == Approx(1.0));
  CHECK(all.average.cells[2].retention.rate.value() == Approx(0.5));

  // The same as compute_cohorts with the analysis's own activity model.
  const CohortResult direct = compute_cohorts(a.scope(), a.activity().value());
  CHECK(direct.groups[0].rows[0].cells[2].active == jan.cells[2].active);
  CHECK(direct.groups[0].average.cells[2].active == all.average.cells[2].active);
}

TEST_CASE("Analysis::cohorts with options: active in the period or later", "[analysis][cohorts]") {
  // g: signup Jan 1 (active until Jan 31), back with a purchase on Mar 10.
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-04-01");
  o.activity.inactivity_window_days = 30;
  auto a = Analysis::create(std::make_shared<const EventStore>(make_store({
                                {"g", "2024-01-01", "signup"},
                                {"g", "2024-03-10", "purchase", M(1)},
                            })),
                            o);
  REQUIRE(a.ok());
  auto during = a->cohorts();
  REQUIRE(during.ok());
  const CohortRow& jan = during->groups[0].rows[0];
  REQUIRE(jan.cells.size() == 3);
  CHECK(jan.cells[0].active == 1);
  CHECK(jan.cells[1].active == 0);  // inactive through February
  CHECK(jan.cells[2].active == 1);
  CohortOptions later;
  later.active_or_later = true;
  auto or_later = a->cohorts(later);
  REQUIRE(or_later.ok());
  CHECK(or_later->groups[0].rows[0].cells[1].active == 1);  // active again in March
}

TEST_CASE("Analysis::survival: Kaplan-Meier by hand", "[analysis][survival]") {
  const Analysis a = lifecycle_analysis();
  // Lifetimes from acquisition: e 7 days and d 12 days (censored at the as-of
  // time), c 30 days (churned Mar 16), a 31 days (churned Feb 5), b 82 days (censored).
  SurvivalOptions o;
  o.at_days = {30, 31, 60, 90};
  auto survival = a.survival(o);
  REQUIRE(survival.ok());
  REQUIRE(survival->groups.size() == 1);
  const SurvivalCurve& all = survival->groups[0];
  CHECK(all.customers == 5);
  CHECK(all.deaths == 2);
  CHECK(all.censored == 3);
  REQUIRE(all.at.size() == 4);
  CHECK(all.at[0].survival.value() == Approx(2.0 / 3.0));  // 3 at risk at 30 days, 1 churns
  CHECK(all.at[1].survival.value() == Approx(1.0 / 3.0));  // 2 at risk at 31 days, 1 churns
  CHECK(all.at[2].survival.value() == Approx(1.0 / 3.0));  // no event until b's censoring at 82
  CHECK_FALSE(all.at[3].survival.has_value());             // nobody is observed 90 days
  CHECK(all.median_days.value() == Approx(31.0));

  // Without options: the analysis's settings (30, 90, 180, 365 days).
  auto defaults = a.survival();
  REQUIRE(defaults.ok());
  REQUIRE(defaults->groups[0].at.size() == 4);
  CHECK(defaults->groups[0].at[0].survival.value() == Approx(2.0 / 3.0));
  CHECK_FALSE(defaults->groups[0].at[1].survival.has_value());
}

TEST_CASE("Analysis::stages and stages_at: each person's stage at the as-of time",
          "[analysis][stages]") {
  const Analysis a = lifecycle_analysis();
  auto stages = a.stages();
  REQUIRE(stages.ok());
  CHECK(stages->at == T("2024-04-01"));
  const auto& counts = stages->groups[0].counts;
  // p never acquired; a and c inactive; e no purchase; d one; b two (< L = 5).
  CHECK(counts[static_cast<std::size_t>(Stage::kReach)] == 1);
  CHECK(counts[static_cast<std::size_t>(Stage::kAcquisition)] == 1);
  CHECK(counts[static_cast<std::size_t>(Stage::kConversion)] == 1);
  CHECK(counts[static_cast<std::size_t>(Stage::kRetention)] == 1);
  CHECK(counts[static_cast<std::size_t>(Stage::kLoyalty)] == 0);
  CHECK(counts[static_cast<std::size_t>(Stage::kChurned)] == 2);

  // With L = 2, b's two purchases make it loyal.
  StageOptions o;
  o.loyalty_purchases = 2;
  auto loyal = a.stages(o);
  REQUIRE(loyal.ok());
  CHECK(loyal->groups[0].counts[static_cast<std::size_t>(Stage::kLoyalty)] == 1);
  CHECK(loyal->groups[0].counts[static_cast<std::size_t>(Stage::kRetention)] == 0);

  // Per person on February 10: a churned (Feb 5), b active with one purchase, c not yet acquired.
  auto people = a.stages_at(T("2024-02-10"));
  REQUIRE(people.ok());
  REQUIRE(people->size() == a.store().customer_count());
  for (const CustomerStage& s : *people) {
    const std::string_view id = a.store().customer_id(s.customer);
    if (id == "a") CHECK(s.stage == Stage::kChurned);
    if (id == "b") {
      CHECK(s.stage == Stage::kConversion);
      CHECK(s.purchases == 1);
      CHECK(s.active);
    }
    if (id == "c") CHECK(s.stage == Stage::kReach);  // acquired Feb 15
  }
}

TEST_CASE("Analysis::activation: first purchase within D days of acquisition",
          "[analysis][activation]") {
  const Analysis a = lifecycle_analysis();
  auto activation = a.activation();
  REQUIRE(activation.ok());
  // Acquired in the window: a, b, c, d, e. Within 7 days: a (1 day) and d (1 day);
  // b bought after 26 days; c and e never. Purchasers a, b, d: median 1 day.
  const ActivationCell& window = activation->groups[0].window;
  CHECK(window.acquired == 5);
  CHECK(window.activation.count == 2);
  CHECK(window.activation.rate.value() == Approx(0.4));
  CHECK(window.purchasers == 3);
  CHECK(window.median_days_to_first_purchase.value() == Approx(1.0));
  REQUIRE(activation->groups[0].periods.size() == 3);
  CHECK(activation->groups[0].periods[0].acquired == 2);  // January: a, b
  CHECK(activation->groups[0].periods[0].activation.count == 1);
  CHECK(activation->groups[0].periods[1].activation.count == 0);  // February: c

  // D = 30 counts b too.
  ActivationOptions o;
  o.activation_window_days = 30;
  auto wide = a.activation(o);
  REQUIRE(wide.ok());
  CHECK(wide->groups[0].window.activation.count == 3);
  // A negative D is refused.
  o.activation_window_days = -1;
  CHECK(a.activation(o).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("Analysis::rfm: recency, frequency and monetary scores by hand", "[analysis][rfm]") {
  const Analysis a = lifecycle_analysis();
  auto rfm = a.rfm();
  REQUIRE(rfm.ok());
  // Purchasers a, b, d (n = 3) as of Apr 1:
  //   a: R = 86 days (Jan 6), F = 1, M = 10;  b: R = 27, F = 2, M = 50;  d: R = 11, F = 1, M = 5.
  // score_F = 1 + floor(5 × #{F' < F} / 3): a 1, b 4, d 1; score_M: a 2, b 4, d 1;
  // score_R = 1 + floor(5 × #{R' > R} / 3): a 1, b 2, d 4.
  REQUIRE(rfm->customers.size() == 3);
  int seen = 0;
  for (const RfmCustomer& c : rfm->customers) {
    const std::string_view id = a.store().customer_id(c.customer);
    if (id == "a") {
      CHECK(c.recency_days == 86);
      CHECK(c.frequency == 1);
      CHECK(c.monetary == M(10));
      CHECK((c.r_score == 1 && c.f_score == 1 && c.m_score == 2));
      ++seen;
    } else if (id == "b") {
      CHECK(c.recency_days == 27);
      CHECK(c.frequency == 2);
      CHECK(c.monetary == M(50));
      CHECK((c.r_score == 2 && c.f_score == 4 && c.m_score == 4));
      CHECK(c.segment == rfm_segment(2, 4));
      ++seen;
    } else if (id == "d") {
      CHECK(c.recency_days == 11);
      CHECK((c.r_score == 4 && c.f_score == 1 && c.m_score == 1));
      ++seen;
    }
  }
  CHECK(seen == 3);
  REQUIRE(rfm->groups.size() == 1);
  CHECK(rfm->groups[0].customers == 3);
  CHECK(rfm->groups[0].revenue == M(65));
  CHECK(rfm->groups[0].segments.size() == kRfmSegmentCount);
}
