// Acceptance: the published CDNOW results (Fader, Hardie & Lee 2005; Fader &
// Hardie's Pareto/NBD note; FHL 2005 "RFM and CLV") from the raw 1/10 sample,
// through clm's own summary. Data: the MIT-licensed lifetimes copies in
// tests/data/cdnow (see the README there).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "clm/bgnbd.h"
#include "clm/clv_summary.h"
#include "clm/gamma_gamma.h"
#include "clm/pareto_nbd.h"
#include "clm/predictive_clv.h"
#include "predictive/cdnow_sample.h"

namespace {

const std::string kDir = std::string(CLM_TEST_DATA_DIR) + "/cdnow/";

// The store and the week summary at the calibration end 1997-09-30 with the
// holdout to 1998-06-30, built once for all tests.
struct Cdnow {
  clm::EventStore store;
  clm::PurchaseSummary summary;
};

const Cdnow& cdnow() {
  static const Cdnow data = [] {
    Cdnow d;
    auto store = clm::detail::read_cdnow_sample(kDir + "CDNOW_sample.txt");
    REQUIRE(store.ok());
    d.store = std::move(*store);
    clm::SummaryOptions o;
    o.unit = clm::TimeUnit::kWeek;
    o.calibration_end = {1997, 9, 30};
    o.holdout_end = clm::CivilDate{1998, 6, 30};
    auto s = clm::summarize_purchases(d.store, o);
    REQUIRE(s.ok());
    d.summary = std::move(*s);
    return d;
  }();
  return data;
}

const clm::PurchaseRow* row_of(const Cdnow& d, const std::string& id) {
  auto c = d.store.find_customer(id);
  if (!c) return nullptr;
  for (const auto& r : d.summary.rows) {
    if (r.customer == *c) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("CDNOW summary matches lifetimes' cdnow_customers_summary.csv", "[predictive][cdnow]") {
  const Cdnow& d = cdnow();
  REQUIRE(d.summary.rows.size() == 2357);
  std::int64_t sum_x = 0, repeaters = 0, holdout = 0;
  for (const auto& r : d.summary.rows) {
    sum_x += r.x;
    repeaters += r.x > 0;
    holdout += r.holdout_x;
  }
  CHECK(sum_x == 2457);
  CHECK(repeaters == 946);
  CHECK(holdout == 1882);  // repeat transactions in weeks 40–78

  std::ifstream in(kDir + "cdnow_customers_summary.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header ID,frequency,recency,T
  int compared = 0;
  while (std::getline(in, line)) {
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream f(line);
    int id = 0, x = 0;
    double t_x = 0, T = 0;
    REQUIRE(static_cast<bool>(f >> id >> x >> t_x >> T));
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", id);
    const clm::PurchaseRow* r = row_of(d, buf);
    REQUIRE(r != nullptr);
    INFO("customer " << id);
    CHECK(r->x == x);
    CHECK(std::abs(r->t_x - t_x) <= 0.005 + 1e-9);  // the file rounds to 2 decimals
    CHECK(std::abs(r->T - T) <= 0.005 + 1e-9);
    ++compared;
  }
  CHECK(compared == 2357);
}

TEST_CASE("CDNOW mean repeat value matches the zbar column", "[predictive][cdnow]") {
  const Cdnow& d = cdnow();
  std::ifstream in(kDir + "cdnow_customers_summary_with_transactions.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // ID,x,t_x,T,zbar
  int compared = 0;
  while (std::getline(in, line)) {
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream f(line);
    int id = 0, x = 0;
    double t_x = 0, T = 0, zbar = 0;
    REQUIRE(static_cast<bool>(f >> id >> x >> t_x >> T >> zbar));
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", id);
    const clm::PurchaseRow* r = row_of(d, buf);
    REQUIRE(r != nullptr);
    INFO("customer " << id);
    CHECK(std::abs(r->monetary - zbar) <= 0.005 + 1e-9);
    ++compared;
  }
  CHECK(compared == 2357);
}

TEST_CASE("CDNOW BG/NBD reproduces Fader, Hardie & Lee (2005)", "[predictive][cdnow]") {
  auto fit = clm::fit_bgnbd(cdnow().summary);
  REQUIRE(fit.ok());
  const auto& p = fit->params;
  // Published: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
  CHECK(p.r == Approx(0.243).margin(0.0005));
  CHECK(p.alpha == Approx(4.414).margin(0.0005));
  CHECK(p.a == Approx(0.793).margin(0.0005));
  CHECK(p.b == Approx(2.426).margin(0.0005));
  CHECK(fit->quality.log_likelihood == Approx(-9582.4).margin(0.05));
  CHECK(fit->quality.customers == 2357);
  // AIC = 2·4 + 2·9582.4; BIC = 4·ln 2357 + 2·9582.4 (ln 2357 = 7.7651).
  CHECK(fit->quality.aic == Approx(19172.8).margin(0.1));
  CHECK(fit->quality.bic == Approx(19195.86).margin(0.1));
  REQUIRE(fit->quality.std_errors.size() == 4);
  for (const auto& se : fit->quality.std_errors) {
    REQUIRE(se.has_value());
    CHECK(*se > 0);
  }
  // FHL 2005 (section 5): customer with x = 2, t_x = 30.43, T = 38.86 expects
  // 1.226 purchases in the next 39 weeks.
  auto e = clm::bgnbd_expected_purchases(p, 2, 30.43, 38.86, 39);
  REQUIRE(e.has_value());
  CHECK(*e == Approx(1.226).margin(0.0005));
}

TEST_CASE("CDNOW Pareto/NBD reproduces the published estimates", "[predictive][cdnow]") {
  auto fit = clm::fit_pareto_nbd(cdnow().summary);
  REQUIRE(fit.ok());
  const auto& p = fit->params;
  // Published: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
  CHECK(p.r == Approx(0.553).margin(0.0005));
  CHECK(p.alpha == Approx(10.578).margin(0.0005));
  CHECK(p.s == Approx(0.606).margin(0.0005));
  CHECK(p.beta == Approx(11.669).margin(0.0005));
  CHECK(fit->quality.log_likelihood == Approx(-9595.0).margin(0.05));
}

TEST_CASE("CDNOW Gamma-Gamma reproduces FHL (2005) on 946 repeat buyers", "[predictive][cdnow]") {
  auto fit = clm::fit_gamma_gamma(cdnow().summary);
  REQUIRE(fit.ok());
  CHECK(fit->quality.customers == 946);
  // Published: p = 6.25, q = 3.74, γ = 15.44.
  CHECK(fit->params.p == Approx(6.25).margin(0.005));
  CHECK(fit->params.q == Approx(3.74).margin(0.005));
  CHECK(fit->params.gamma == Approx(15.44).margin(0.005));
}
