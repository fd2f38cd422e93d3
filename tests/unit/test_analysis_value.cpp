// clm::Analysis: surveys, email, CAC payback and CLV:CAC on stores small
// enough to work out by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "clm/analysis.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

ReportOptions two_months() {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-03-01");
  return o;
}

Analysis analysis_of(EventStore store, const ReportOptions& options = two_months()) {
  auto a = Analysis::create(std::make_shared<const EventStore>(std::move(store)), options);
  REQUIRE(a.ok());
  return std::move(a).value();
}

// x, y, z answer surveys in January and February 2024.
EventStore survey_store() {
  return make_store({
      {"x", "2024-01-10", "nps", {}, {}, 10},
      {"y", "2024-01-12", "nps", {}, {}, 9},
      {"z", "2024-02-03", "nps", {}, {}, 3},
      {"x", "2024-02-20", "nps", {}, {}, 7},
      {"x", "2024-01-10", "csat", {}, {}, 5},
      {"y", "2024-01-12", "csat", {}, {}, 4},
      {"z", "2024-02-03", "csat", {}, {}, 2},
      {"x", "2024-01-10", "ces", {}, {}, 7},
      {"y", "2024-02-12", "ces", {}, {}, 5},
  });
}

}  // namespace

TEST_CASE("Analysis::surveys: NPS, CSAT and CES by hand", "[analysis][surveys]") {
  const Analysis a = analysis_of(survey_store());
  auto surveys = a.surveys();
  REQUIRE(surveys.ok());
  REQUIRE(surveys->nps.size() == 1);
  CHECK(surveys->nps[0].group == "all");

  // NPS over the window: answers 10, 9, 3, 7 → 2 promoters, 1 passive, 1 detractor.
  const NpsResult& nps = surveys->nps[0].window;
  CHECK(nps.n == 4);
  CHECK(nps.promoters == 2);
  CHECK(nps.passives == 1);
  CHECK(nps.detractors == 1);
  CHECK(nps.nps.value() == Approx(25.0));
  // 100 × 1.96 × sqrt((0.5 + 0.25 − 0.25²) / 4)
  CHECK(nps.margin_of_error.value() == Approx(100 * 1.96 * std::sqrt(0.6875 / 4)));
  REQUIRE(surveys->nps[0].periods.size() == 2);
  CHECK(surveys->nps[0].periods[0].nps.value() == Approx(100.0));  // January: 10, 9
  CHECK(surveys->nps[0].periods[1].nps.value() == Approx(-50.0));  // February: 3, 7

  // CSAT: answers 5, 4, 2 → two of three satisfied, mean 11 / 3.
  const CsatResult& csat = surveys->csat[0].window;
  CHECK(csat.n == 3);
  CHECK(csat.csat.value() == Approx(200.0 / 3.0));
  CHECK(csat.mean.value() == Approx(11.0 / 3.0));

  // CES: answers 7, 5 → mean 6, sample deviation sqrt(2), both easy.
  const CesResult& ces = surveys->ces[0].window;
  CHECK(ces.n == 2);
  CHECK(ces.mean.value() == Approx(6.0));
  CHECK(ces.stddev.value() == Approx(std::sqrt(2.0)));
  CHECK(ces.high.count == 2);
}

TEST_CASE("Analysis::surveys with options: each customer's latest answer", "[analysis][surveys]") {
  const Analysis a = analysis_of(survey_store());
  SurveyOptions o;
  o.latest_only = true;
  auto latest = a.surveys(o);
  REQUIRE(latest.ok());
  // x's latest NPS answer in the window is 7: 1 promoter (y), 1 passive (x), 1 detractor (z).
  const NpsResult& nps = latest->nps[0].window;
  CHECK(nps.n == 3);
  CHECK(nps.passives == 1);
  CHECK(nps.nps.value() == Approx(0.0));
  // The analysis's own settings are unchanged.
  CHECK(a.surveys()->nps[0].window.n == 4);
}

TEST_CASE("Analysis::email: counts and rates by hand", "[analysis][email]") {
  // No email_delivered event: delivered is estimated as sent − bounced = 3.
  const Analysis a = analysis_of(make_store({
      {"x", "2024-01-05", "email_sent"},
      {"x", "2024-01-06", "email_sent"},
      {"y", "2024-01-05", "email_sent"},
      {"y", "2024-01-06", "email_sent"},
      {"x", "2024-01-06", "email_bounced"},
      {"x", "2024-01-07", "email_opened"},
      {"x", "2024-01-08", "email_opened"},
      {"y", "2024-01-07", "email_opened"},
      {"y", "2024-01-07", "email_clicked"},
      {"y", "2024-01-09", "email_unsubscribed"},
  }));
  auto email = a.email();
  REQUIRE(email.ok());
  CHECK(email->delivered_estimated);
  REQUIRE(email->groups.size() == 1);
  const EmailResult& w = email->groups[0].window;
  CHECK(w.sent == 4);
  CHECK(w.delivered == 3);
  CHECK(w.bounced == 1);
  CHECK(w.unique_opens == 2);  // x twice counts once
  CHECK(w.unique_clicks == 1);
  CHECK(w.delivery_rate.value() == Approx(0.75));
  CHECK(w.bounce_rate.value() == Approx(0.25));
  CHECK(w.open_rate.value() == Approx(2.0 / 3.0));
  CHECK(w.click_rate.value() == Approx(1.0 / 3.0));
  CHECK(w.click_to_open.value() == Approx(0.5));
  CHECK(w.unsubscribe_rate.value() == Approx(1.0 / 3.0));
  REQUIRE(email->groups[0].periods.size() == 2);
  CHECK(email->groups[0].periods[1].sent == 0);
  CHECK_FALSE(email->groups[0].periods[1].delivery_rate.has_value());

  // Counting only email_delivered events: none, so the open rate is undefined.
  EmailOptions events;
  events.delivered = EmailOptions::Delivered::kEvents;
  auto counted = a.email(events);
  REQUIRE(counted.ok());
  CHECK_FALSE(counted->delivered_estimated);
  CHECK(counted->groups[0].window.delivered == 0);
  CHECK_FALSE(counted->groups[0].window.open_rate.has_value());
}

namespace {

// Margin 0.5. x (ads, Jan 5) buys 60 on Jan 10 and 60 on Feb 10; y (ads, Jan 20)
// buys 40 on Jan 25; z (organic, Feb 3) buys 30 on Feb 5. Ads spend 60 in
// January and 50 in February.
Analysis acquisition_analysis() {
  ReportOptions o = two_months();
  o.scope.margin = 0.5;
  return analysis_of(make_store(
                         {
                             {"x", "2024-01-10", "purchase", M(60)},
                             {"x", "2024-02-10", "purchase", M(60)},
                             {"y", "2024-01-25", "purchase", M(40)},
                             {"z", "2024-02-05", "purchase", M(30)},
                         },
                         {
                             {"x", "2024-01-05", "ads"},
                             {"y", "2024-01-20", "ads"},
                             {"z", "2024-02-03", "organic"},
                         },
                         {
                             {"2024-01-01", "ads", M(60)},
                             {"2024-02-01", "ads", M(50)},
                         }),
                     o);
}

}  // namespace

TEST_CASE("Analysis::payback: months until a cohort's margin revenue covers its spend",
          "[analysis][payback]") {
  const Analysis a = acquisition_analysis();
  auto payback = a.payback();
  REQUIRE(payback.ok());
  // Rows: January all, January ads; February all, February ads, February organic.
  REQUIRE(payback->rows.size() == 5);
  const Payback& jan = payback->rows[0];
  CHECK(jan.cohort == 0);
  CHECK(jan.channel.empty());
  CHECK(jan.new_customers == 2);
  CHECK(jan.spend == M(60));
  CHECK(jan.margin_revenue == M(80));  // 0.5 × (60 + 40 + 60), all after acquisition
  CHECK(jan.months_observed == 2);
  // Month 1: 0.5 × 100 = 50 < 60; months 1–2: 0.5 × 160 = 80 >= 60.
  CHECK(jan.months == 2);
  CHECK(payback->rows[1].channel == "ads");
  CHECK(payback->rows[1].months == 2);

  const Payback& feb = payback->rows[2];
  CHECK(feb.cohort == 1);
  CHECK(feb.new_customers == 1);
  CHECK(feb.spend == M(50));
  CHECK(feb.margin_revenue == M(15));  // z: 0.5 × 30
  CHECK_FALSE(feb.months.has_value());
  CHECK(payback->rows[3].channel == "ads");
  CHECK(payback->rows[3].new_customers == 0);
  CHECK(payback->rows[4].channel == "organic");
  CHECK_FALSE(payback->rows[4].months.has_value());  // no spend: nothing to pay back

  // The same as compute_payback over the analysis's own scope.
  auto direct = compute_payback(a.scope());
  REQUIRE(direct.ok());
  REQUIRE(direct->rows.size() == payback->rows.size());
  CHECK(direct->rows[0].margin_revenue == jan.margin_revenue);
}

TEST_CASE("Analysis::clv_cac: mean historical CLV of a channel over its CAC", "[analysis][clv]") {
  const Analysis a = acquisition_analysis();
  auto ratios = a.clv_cac();
  REQUIRE(ratios.ok());
  REQUIRE(ratios->size() == 2);
  // ads: CLV x = 0.5 × 120 = 60, y = 0.5 × 40 = 20, mean 40; CAC = 110 / 2 = 55.
  const ChannelClvCac& ads = (*ratios)[0];
  CHECK(ads.channel == "ads");
  CHECK(ads.new_customers == 2);
  CHECK(ads.mean_clv == M(40));
  CHECK(ads.cac == M(55));
  CHECK(ads.ratio.value() == Approx(40.0 / 55.0));
  CHECK(ads.meets_benchmark == false);
  // organic: CLV 15, but no spend: CAC 0 and no ratio.
  const ChannelClvCac& organic = (*ratios)[1];
  CHECK(organic.channel == "organic");
  CHECK(organic.mean_clv == M(15));
  CHECK(organic.cac == M(0));
  CHECK_FALSE(organic.ratio.has_value());
  CHECK_FALSE(organic.meets_benchmark.has_value());

  // The same as compute_clv_cac over the analysis's historical CLV and CAC.
  auto direct = compute_clv_cac(a.scope(), a.cac().value(), a.historical_clv().value().clv);
  REQUIRE(direct.ok());
  CHECK((*direct)[0].ratio == ads.ratio);
}
