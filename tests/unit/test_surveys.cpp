// NPS, CSAT and CES: results from hand-counted accumulators, and
// compute_surveys() over small stores (window and period boundaries, latest
// answers, groups, a non-UTC zone). Every expected value is worked out in the
// comment beside it.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clm/event_store.h"
#include "clm/scope.h"
#include "clm/surveys.h"
#include "clm/time.h"

namespace {

clm::Timestamp utc(std::string_view text) {
  auto t = clm::parse_timestamp(text, clm::TimeZone::utc());
  REQUIRE(t.ok());
  return *t;
}

struct Answer {
  std::string customer;
  std::string time;  // ISO text, UTC
  std::string type;  // nps, csat, ces
  int score;
};

struct Customer {
  std::string id;
  std::string plan;  // attribute "plan"; empty = absent
};

clm::EventStore make_store(const std::vector<Answer>& answers,
                           const std::vector<Customer>& customers = {},
                           const std::vector<Answer>& signups = {}) {
  clm::EventStoreBuilder b;
  b.set_attribute_names({"plan"});
  for (const Customer& c : customers) {
    clm::CustomerInput in;
    in.customer_id = c.id;
    in.attributes = {c.plan};
    REQUIRE(b.add_customer(in).ok());
  }
  for (const Answer& a : answers) {
    clm::EventInput e;
    e.customer_id = a.customer;
    e.time = utc(a.time);
    e.type = a.type;
    e.score = a.score;
    REQUIRE(b.add_event(e).ok());
  }
  // Signups carry the channel in `type`'s place: {customer, time, channel, _}.
  for (const Answer& s : signups) {
    clm::EventInput e;
    e.customer_id = s.customer;
    e.time = utc(s.time);
    e.type = "signup";
    e.channel = s.type;
    REQUIRE(b.add_event(e).ok());
  }
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

clm::Scope make_test_scope(const clm::EventStore& store, std::string_view from, std::string_view to,
                           std::string_view by = "", clm::Calendar cal = {}) {
  clm::ScopeOptions o;
  o.calendar = cal;
  o.from = clm::parse_timestamp(from, cal.tz).value();
  o.to = clm::parse_timestamp(to, cal.tz).value();
  o.period = clm::PeriodUnit::kMonth;
  o.group_by = clm::GroupBy::parse(by);
  auto scope = clm::make_scope(std::make_shared<const clm::EventStore>(store), o);
  REQUIRE(scope.ok());
  return std::move(scope).value();
}

std::size_t group_index(const clm::Scope& scope, std::string_view label) {
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    if (scope.grouping.labels[g] == label) return g;
  }
  FAIL("no group " << label);
  return 0;
}

}  // namespace

TEST_CASE("NPS counts, score and margin of error", "[surveys][nps]") {
  clm::NpsAccumulator acc;
  // promoters 10, 9, 9, 10 (4); passives 8, 7 (2); detractors 6, 3, 0, 5 (4).
  for (int s : {10, 9, 9, 8, 7, 6, 3, 0, 10, 5}) acc.add(s);
  const clm::NpsResult r = clm::nps_result(acc);
  CHECK(r.n == 10);
  CHECK(r.promoters == 4);
  CHECK(r.passives == 2);
  CHECK(r.detractors == 4);
  // 100 × (4 − 4) / 10 = 0.
  REQUIRE(r.nps);
  CHECK(*r.nps == Approx(0.0).margin(1e-12));
  // p = d = 0.4: p + d − (p − d)² = 0.8; 100 × 1.96 × sqrt(0.8 / 10)
  // = 196 × 0.2828427 = 55.43717.
  REQUIRE(r.margin_of_error);
  CHECK(*r.margin_of_error == Approx(55.43717).epsilon(1e-6));
}

TEST_CASE("NPS of an uneven split", "[surveys][nps]") {
  clm::NpsAccumulator acc;
  for (int s : {9, 10, 7, 6}) acc.add(s);
  const clm::NpsResult r = clm::nps_result(acc);
  // 100 × (2 − 1) / 4 = 25.
  CHECK(*r.nps == Approx(25.0));
  // p = 0.5, d = 0.25: 0.75 − 0.0625 = 0.6875; 196 × sqrt(0.6875 / 4)
  // = 196 × 0.4145781 = 81.25731.
  CHECK(*r.margin_of_error == Approx(81.25731).epsilon(1e-6));
}

TEST_CASE("NPS edge cases: no answers, unanimous answers, score boundaries", "[surveys][nps]") {
  const clm::NpsResult empty = clm::nps_result(clm::NpsAccumulator{});
  CHECK(empty.n == 0);
  CHECK_FALSE(empty.nps);
  CHECK_FALSE(empty.margin_of_error);

  clm::NpsAccumulator all_promoters;
  for (int s : {9, 10, 9}) all_promoters.add(s);
  const clm::NpsResult r = clm::nps_result(all_promoters);
  // 100 × 3 / 3 = 100; p = 1, d = 0: 1 − 1 = 0 → margin 0.
  CHECK(*r.nps == Approx(100.0));
  CHECK(*r.margin_of_error == Approx(0.0).margin(1e-9));

  // 6 is a detractor, 7 and 8 passives, 9 a promoter.
  clm::NpsAccumulator edges;
  for (int s : {6, 7, 8, 9}) edges.add(s);
  CHECK(edges.detractors == 1);
  CHECK(edges.passives == 2);
  CHECK(edges.promoters == 1);

  // merge adds the counts: 3 + 1 promoters, 0 + 2 passives, 0 + 1 detractors.
  all_promoters.merge(edges);
  CHECK(all_promoters.promoters == 4);
  CHECK(all_promoters.passives == 2);
  CHECK(all_promoters.detractors == 1);
}

TEST_CASE("CSAT top-2-box with Wilson interval and mean", "[surveys][csat]") {
  clm::CsatAccumulator acc;
  for (int s : {5, 5, 4, 3, 1}) acc.add(s);
  const clm::CsatResult r = clm::csat_result(acc);
  CHECK(r.n == 5);
  CHECK(r.top2.count == 3);
  CHECK(r.top2.denominator == 5);
  CHECK(*r.top2.rate == Approx(0.6));
  CHECK(*r.csat == Approx(60.0));
  // (5 + 5 + 4 + 3 + 1) / 5 = 18 / 5 = 3.6.
  CHECK(*r.mean == Approx(3.6));
  // Wilson, k = 3, n = 5, z = 1.96: z² = 3.8416, denom = 1 + 3.8416/5 = 1.76832,
  // centre = (0.6 + 3.8416/10) / 1.76832 = 0.98416 / 1.76832 = 0.5565514,
  // half = 1.96 × sqrt(0.24/5 + 3.8416/100) / 1.76832 = 1.96 × 0.2939660 / 1.76832
  //      = 0.3258315 → [0.2307199, 0.8823829].
  REQUIRE(r.top2.ci);
  CHECK(r.top2.ci->low == Approx(0.2307199).epsilon(1e-5));
  CHECK(r.top2.ci->high == Approx(0.8823818).epsilon(1e-5));
}

TEST_CASE("CSAT with no answers is null throughout", "[surveys][csat]") {
  const clm::CsatResult r = clm::csat_result(clm::CsatAccumulator{});
  CHECK(r.n == 0);
  CHECK(r.top2.denominator == 0);
  CHECK_FALSE(r.top2.rate);
  CHECK_FALSE(r.top2.ci);
  CHECK_FALSE(r.csat);
  CHECK_FALSE(r.mean);
}

TEST_CASE("CES mean, sample deviation, interval and share 5-7", "[surveys][ces]") {
  clm::CesAccumulator acc;
  for (int s : {7, 5, 3, 1}) acc.add(s);
  const clm::CesResult r = clm::ces_result(acc);
  CHECK(r.n == 4);
  // mean (7 + 5 + 3 + 1) / 4 = 4; squared deviations 9 + 1 + 1 + 9 = 20;
  // s = sqrt(20 / 3) = 2.5819889.
  CHECK(*r.mean == Approx(4.0));
  CHECK(*r.stddev == Approx(2.5819889).epsilon(1e-6));
  // half = 1.96 × 2.5819889 / sqrt(4) = 2.5303491 → [1.4696509, 6.5303491].
  REQUIRE(r.ci);
  CHECK(r.ci->low == Approx(1.4696509).epsilon(1e-6));
  CHECK(r.ci->high == Approx(6.5303491).epsilon(1e-6));
  // answers 7 and 5 are in 5–7: 2 / 4. Wilson k = 2, n = 4: denom = 1.9604,
  // centre 0.5, half = 1.96 × sqrt(0.0625 + 3.8416/64) / 1.9604 = 0.3499643.
  CHECK(r.high.count == 2);
  CHECK(*r.high.rate == Approx(0.5));
  CHECK(r.high.ci->low == Approx(0.1500357).epsilon(1e-5));
  CHECK(r.high.ci->high == Approx(0.8499643).epsilon(1e-5));
}

TEST_CASE("CES with one answer has no deviation or interval; with none, nothing",
          "[surveys][ces]") {
  clm::CesAccumulator one;
  one.add(6);
  const clm::CesResult r = clm::ces_result(one);
  CHECK(r.n == 1);
  CHECK(*r.mean == Approx(6.0));
  CHECK_FALSE(r.stddev);
  CHECK_FALSE(r.ci);
  CHECK(r.high.count == 1);
  CHECK(*r.high.rate == Approx(1.0));

  const clm::CesResult none = clm::ces_result(clm::CesAccumulator{});
  CHECK(none.n == 0);
  CHECK_FALSE(none.mean);
  CHECK_FALSE(none.stddev);
  CHECK_FALSE(none.ci);
  CHECK_FALSE(none.high.rate);
  CHECK_FALSE(none.high.ci);

  // 4 is not in 5–7.
  clm::CesAccumulator four;
  four.add(4);
  CHECK(four.high == 0);
}

TEST_CASE("Surveys count answers from the start up to the end into their months", "[surveys]") {
  const clm::EventStore store = make_store({
      {"a", "2023-12-31T23:59:59Z", "nps", 5},   // before from: ignored
      {"a", "2024-01-31T23:59:59Z", "nps", 10},  // last second of January
      {"a", "2024-02-01T00:00:00Z", "nps", 0},   // first second of February
      {"b", "2024-03-15T12:00:00Z", "nps", 8},
      {"b", "2024-04-01T00:00:00Z", "nps", 9},  // at window.to: ignored
      {"b", "2024-03-31T23:59:59Z", "csat", 4},
      {"a", "2024-01-10T00:00:00Z", "ces", 2},
  });
  const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-04-01");
  REQUIRE(scope.periods.size() == 3);
  const clm::SurveyBreakdown s = clm::compute_surveys(scope);

  // Window: 10 (promoter), 0 (detractor), 8 (passive): NPS 100 × 0 / 3 = 0.
  const clm::NpsResult w = clm::nps_result(s.nps.window(0));
  CHECK(w.n == 3);
  CHECK(w.promoters == 1);
  CHECK(w.passives == 1);
  CHECK(w.detractors == 1);
  CHECK(*w.nps == Approx(0.0).margin(1e-12));
  // January: one promoter → 100; February: one detractor → −100; March: one passive → 0.
  CHECK(*clm::nps_result(s.nps.at(0, 0)).nps == Approx(100.0));
  CHECK(*clm::nps_result(s.nps.at(0, 1)).nps == Approx(-100.0));
  CHECK(clm::nps_result(s.nps.at(0, 2)).passives == 1);

  // CSAT only in March; CES only in January; other months are null.
  CHECK(s.csat.window(0).count() == 1);
  CHECK(s.csat.at(0, 2).counts[3] == 1);
  CHECK_FALSE(clm::csat_result(s.csat.at(0, 0)).csat);
  CHECK(*clm::ces_result(s.ces.at(0, 0)).mean == Approx(2.0));
  CHECK_FALSE(clm::ces_result(s.ces.at(0, 1)).mean);
}

TEST_CASE("latest_only keeps each customer's latest answer per cell", "[surveys]") {
  const clm::EventStore store = make_store({
      {"a", "2024-01-05T00:00:00Z", "nps", 3},
      {"a", "2024-01-20T00:00:00Z", "nps", 10},
      {"a", "2024-02-10T00:00:00Z", "nps", 8},
      {"b", "2024-01-07T00:00:00Z", "nps", 9},
      {"b", "2024-01-08T00:00:00Z", "csat", 2},
      {"b", "2024-02-08T00:00:00Z", "csat", 5},
  });
  const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01");

  SECTION("all answers (default)") {
    const clm::SurveyBreakdown s = clm::compute_surveys(scope);
    // 3 (det), 10 (pro), 8 (pas), 9 (pro): 100 × (2 − 1) / 4 = 25.
    CHECK(*clm::nps_result(s.nps.window(0)).nps == Approx(25.0));
    // January: 3, 10, 9 → 100 × (2 − 1) / 3 = 33.333.
    CHECK(*clm::nps_result(s.nps.at(0, 0)).nps == Approx(100.0 / 3.0));
    CHECK(s.csat.window(0).count() == 2);
  }
  SECTION("latest only") {
    clm::SurveyOptions o;
    o.latest_only = true;
    const clm::SurveyBreakdown s = clm::compute_surveys(scope, o);
    // Window: a's latest 8 (passive), b's 9 (promoter): 100 × (1 − 0) / 2 = 50.
    const clm::NpsResult w = clm::nps_result(s.nps.window(0));
    CHECK(w.n == 2);
    CHECK(*w.nps == Approx(50.0));
    // January: a's latest there 10, b's 9 → 100; February: a's 8 → 0.
    CHECK(*clm::nps_result(s.nps.at(0, 0)).nps == Approx(100.0));
    CHECK(clm::nps_result(s.nps.at(0, 0)).n == 2);
    CHECK(clm::nps_result(s.nps.at(0, 1)).passives == 1);
    CHECK(clm::nps_result(s.nps.at(0, 1)).n == 1);
    // CSAT: window keeps b's 5 only (100 %); January b's 2 (0 %); February b's 5.
    CHECK(*clm::csat_result(s.csat.window(0)).csat == Approx(100.0));
    CHECK(*clm::csat_result(s.csat.at(0, 0)).csat == Approx(0.0).margin(1e-12));
    CHECK(clm::csat_result(s.csat.at(0, 1)).n == 1);
  }
}

TEST_CASE("Surveys per attribute, channel and cohort group", "[surveys][groups]") {
  const std::vector<Answer> answers = {
      {"a", "2024-01-10T00:00:00Z", "nps", 10},
      {"b", "2024-01-11T00:00:00Z", "nps", 2},
      {"b", "2024-02-11T00:00:00Z", "nps", 9},
      {"c", "2024-02-12T00:00:00Z", "nps", 7},
  };
  // a: pro, signed up in January via ads; b: basic, February via seo (its
  // January answer comes before its signup); c: no plan, no signup (prospect).
  const std::vector<Customer> customers = {{"a", "pro"}, {"b", "basic"}, {"c", ""}};
  const std::vector<Answer> signups = {{"a", "2024-01-01T00:00:00Z", "ads", 0},
                                       {"b", "2024-02-01T00:00:00Z", "seo", 0}};
  const clm::EventStore store = make_store(answers, customers, signups);

  SECTION("attribute") {
    const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01", "plan");
    const clm::SurveyBreakdown s = clm::compute_surveys(scope);
    REQUIRE(scope.grouping.size() == 3);  // "(none)", "basic", "pro"
    // pro: a's 10 → 100; basic: b's 2 and 9 → 100 × (1 − 1) / 2 = 0; (none): c's 7 → 0.
    CHECK(*clm::nps_result(s.nps.window(group_index(scope, "pro"))).nps == Approx(100.0));
    const clm::NpsResult basic = clm::nps_result(s.nps.window(group_index(scope, "basic")));
    CHECK(basic.n == 2);
    CHECK(*basic.nps == Approx(0.0).margin(1e-12));
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "(none)"))).passives == 1);
    // basic per month: January b's 2 → −100, February b's 9 → 100.
    CHECK(*clm::nps_result(s.nps.at(group_index(scope, "basic"), 0)).nps == Approx(-100.0));
    CHECK(*clm::nps_result(s.nps.at(group_index(scope, "basic"), 1)).nps == Approx(100.0));
    // pro has nothing in February: null.
    CHECK_FALSE(clm::nps_result(s.nps.at(group_index(scope, "pro"), 1)).nps);
  }
  SECTION("channel") {
    const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01", "channel");
    const clm::SurveyBreakdown s = clm::compute_surveys(scope);
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "ads"))).promoters == 1);
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "seo"))).n == 2);
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "(none)"))).n == 1);
  }
  SECTION("cohort") {
    const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01", "cohort");
    const clm::SurveyBreakdown s = clm::compute_surveys(scope);
    // Cohort 2024-01: a (10 → NPS 100); 2024-02: b (2, 9 → 0); c is a prospect.
    CHECK(*clm::nps_result(s.nps.window(group_index(scope, "2024-01"))).nps == Approx(100.0));
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "2024-02"))).n == 2);
    CHECK(clm::nps_result(s.nps.window(group_index(scope, "(prospect)"))).n == 1);
  }
}

TEST_CASE("Surveys cut months in the report's time zone", "[surveys][tz]") {
  auto berlin = clm::TimeZone::locate("Europe/Berlin");
  REQUIRE(berlin.ok());
  clm::Calendar cal;
  cal.tz = *berlin;
  const clm::EventStore store = make_store({
      // 2023-12-31 23:30 UTC = 2024-01-01 00:30 CET: January, inside the window.
      {"a", "2023-12-31T23:30:00Z", "nps", 9},
      // 2024-01-31 23:30 UTC = 2024-02-01 00:30 CET: February.
      {"a", "2024-01-31T23:30:00Z", "nps", 0},
      // 2024-02-29 22:59:59 UTC = 23:59:59 CET: still February.
      {"b", "2024-02-29T22:59:59Z", "nps", 10},
      // 2024-02-29 23:00 UTC = 2024-03-01 00:00 CET = window.to: ignored.
      {"b", "2024-02-29T23:00:00Z", "nps", 0},
  });
  // from/to read in Berlin time: [2024-01-01T00:00+01:00, 2024-03-01T00:00+01:00).
  const clm::Scope scope = make_test_scope(store, "2024-01-01", "2024-03-01", "", cal);
  REQUIRE(scope.periods.size() == 2);
  CHECK(scope.periods[1].label == "2024-02");
  const clm::SurveyBreakdown s = clm::compute_surveys(scope);
  // January: the 9 only → 100. February: 0 and 10 → 100 × (1 − 1) / 2 = 0.
  const clm::NpsResult jan = clm::nps_result(s.nps.at(0, 0));
  CHECK(jan.n == 1);
  CHECK(*jan.nps == Approx(100.0));
  const clm::NpsResult feb = clm::nps_result(s.nps.at(0, 1));
  CHECK(feb.n == 2);
  CHECK(*feb.nps == Approx(0.0).margin(1e-12));
  CHECK(clm::nps_result(s.nps.window(0)).n == 3);
}
