// clv_bench — how fast clm fits BG/NBD + Gamma–Gamma and forecasts every
// customer: on the CDNOW sample (from the raw transactions) and on 1,000,000
// synthetic customers drawn deterministically from BG/NBD and Gamma–Gamma.
//
//   clv_bench [--cdnow PATH] [--customers N] [--repeat K]
//
// Then fits both purchase models once on the worst cases for their cost.
//
// Prints the median of K runs of each step, and customers per second.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "clm/bgnbd.h"
#include "clm/gamma_gamma.h"
#include "clm/pareto_nbd.h"
#include "clm/predictive_clv.h"
#include "predictive/cdnow_sample.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Fits both models and forecasts every row; returns the step times in ms.
struct Times {
  double fit = 0, forecast = 0;
  double total() const { return fit + forecast; }
};

bool run_once(const clm::PurchaseSummary& s, Times& t, clm::ClvModel* out) {
  // fit_clv_model runs the BG/NBD and Gamma-Gamma fits on two threads.
  auto t0 = Clock::now();
  auto model = clm::fit_clv_model(s, clm::PurchaseModel::kBgNbd);
  t.fit = ms_since(t0);
  if (!model.ok() || !model->spend) {
    std::fprintf(stderr, "fit: %s\n", model.status().message().c_str());
    return false;
  }
  t0 = Clock::now();
  auto f = clm::forecast_customers(s, *model);
  t.forecast = ms_since(t0);
  if (!f.ok()) return false;
  if (out) *out = *model;
  return true;
}

void report(const char* name, const clm::PurchaseSummary& s, int repeat) {
  std::vector<double> fp, fc, tot;
  clm::ClvModel model;
  for (int i = 0; i < repeat; ++i) {
    Times t;
    if (!run_once(s, t, &model)) std::exit(1);
    fp.push_back(t.fit);
    fc.push_back(t.forecast);
    tot.push_back(t.total());
  }
  const auto& p = std::get<clm::BgNbdParams>(model.purchases);
  const double n = static_cast<double>(s.rows.size());
  std::printf("%s: %.0f customers\n", name, n);
  std::printf("  BG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f; Gamma-Gamma p=%.4f q=%.4f gamma=%.4f\n",
              p.r, p.alpha, p.a, p.b, model.spend->p, model.spend->q, model.spend->gamma);
  std::printf("  fit BG/NBD + Gamma-Gamma %8.2f ms | forecast + CLV %8.2f ms\n", median(fp),
              median(fc));
  std::printf("  total      %8.2f ms (median of %d) = %.2f M customers/s\n", median(tot), repeat,
              n / median(tot) / 1e3);
}

// Customers drawn from BG/NBD (r, α per week; a, b) with first purchases
// spread over 12 weeks, calibration 39 weeks, purchases merged per day, and
// transaction values from Gamma–Gamma (p, q, γ) — like CDNOW.
clm::PurchaseSummary synthetic(std::size_t n, std::uint64_t seed) {
  const double r = 0.243, alpha = 4.414, a = 0.793, b = 2.426;
  const double gp = 6.25, gq = 3.74, gg = 15.44;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unif(0.0, 1.0);
  std::gamma_distribution<double> lambda_dist(r, 1.0 / alpha);
  std::gamma_distribution<double> pa(a, 1.0), pb(b, 1.0);
  std::gamma_distribution<double> nu_dist(gq, 1.0 / gg);
  clm::PurchaseSummary s;
  s.unit = clm::TimeUnit::kWeek;
  s.rows.reserve(n);
  const int cal_end = 272;
  for (std::size_t i = 0; i < n; ++i) {
    const int first = static_cast<int>(unif(rng) * 84);
    const double lambda = lambda_dist(rng) / 7.0;  // per day
    const double ga = pa(rng), gb = pb(rng);
    const double p = ga / (ga + gb);
    const double nu = nu_dist(rng);
    std::gamma_distribution<double> value(gp, 1.0 / nu);
    double t = first;
    int last_day = first, x = 0;
    double spend = 0;
    // Purchases at rate λ; after each repeat purchase the customer drops out
    // with probability p (FHL 2005: no drop-out at the first purchase).
    for (bool alive = true; alive;) {
      t += -std::log(1.0 - unif(rng)) / lambda;
      if (!(t < cal_end + 1)) break;  // also catches λ so small that t overflows
      const int d = static_cast<int>(t);
      if (d == last_day) {
        // Same day: merged into the same transaction (as the summary does).
        continue;
      }
      last_day = d;
      ++x;
      spend += value(rng);
      alive = unif(rng) >= p;
    }
    clm::PurchaseRow row;
    row.customer = static_cast<clm::CustomerIndex>(i);
    row.x = x;
    row.t_x = (last_day - first) / 7.0;
    row.T = (cal_end - first) / 7.0;
    row.monetary = x > 0 ? spend / x : 0.0;
    s.rows.push_back(row);
  }
  return s;
}

// The worst cases for the fits' cost: Pareto/NBD (numeric gradient, and the
// fixed-rule integral wherever its series is slow) and BG/NBD on data that
// push parameters to the edge of the search box. Each must end within the
// fit's budget (FitOptions: 3,000 evaluations, 30 s); printed, not asserted.
void worst_cases(const clm::PurchaseSummary& cdnow) {
  auto rows = [](std::initializer_list<std::array<double, 3>> l) {
    std::vector<clm::PurchaseRow> out;
    for (const auto& v : l) {
      clm::PurchaseRow r;
      r.x = static_cast<std::int32_t>(v[0]);
      r.t_x = v[1];
      r.T = v[2];
      out.push_back(r);
    }
    return out;
  };
  std::vector<clm::PurchaseRow> long_t;
  for (int i = 0; i < 2000; ++i) {
    clm::PurchaseRow r;
    r.x = i % 7;
    r.t_x = (i % 7) * 11.0 + (i % 13);
    r.T = 73000.0 - i;  // 200 years in days
    long_t.push_back(r);
  }
  struct Case {
    const char* name;
    std::vector<clm::PurchaseRow> rows;
    clm::TimeUnit unit;
  };
  const std::vector<Case> cases = {
      {"three rows (c1 twice a week apart, c2 once)", rows({{1, 1, 1}, {0, 0, 1}}),
       clm::TimeUnit::kWeek},
      {"one customer, 10,000 purchase days", rows({{9999, 9999, 10000}}), clm::TimeUnit::kDay},
      {"2,000 customers, T of 200 years (days)", long_t, clm::TimeUnit::kDay},
      {"CDNOW in days", {}, clm::TimeUnit::kDay},
  };
  std::printf("worst cases (one run each; budget 3,000 evaluations and 30 s per fit):\n");
  for (const Case& c : cases) {
    std::vector<clm::PurchaseRow> data = c.rows;
    if (data.empty()) {
      for (clm::PurchaseRow r : cdnow.rows) {
        r.t_x *= 7;
        r.T *= 7;
        data.push_back(r);
      }
    }
    auto t0 = Clock::now();
    auto bg = clm::fit_bgnbd(data, c.unit);
    const double bg_ms = ms_since(t0);
    t0 = Clock::now();
    auto pn = clm::fit_pareto_nbd(data, c.unit);
    const double pn_ms = ms_since(t0);
    auto what = [](const auto& fit) {
      return fit.ok() ? std::to_string(fit->quality.iterations) + " evaluations"
                      : fit.status().message();
    };
    std::printf("  %-45s BG/NBD %9.1f ms (%s) | Pareto/NBD %9.1f ms (%s)\n", c.name, bg_ms,
                what(bg).c_str(), pn_ms, what(pn).c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string cdnow = std::string(CLM_TEST_DATA_DIR) + "/cdnow/CDNOW_sample.txt";
  std::size_t customers = 1'000'000;
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--cdnow"))
      cdnow = argv[i + 1];
    else if (!std::strcmp(argv[i], "--customers"))
      customers = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--repeat"))
      repeat = std::atoi(argv[i + 1]);
  }

  auto t0 = Clock::now();
  auto store = clm::detail::read_cdnow_sample(cdnow);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  const double read_ms = ms_since(t0);
  clm::SummaryOptions o;
  o.calibration_end = {1997, 9, 30};
  t0 = Clock::now();
  auto s = clm::summarize_purchases(*store, o);
  const double summary_ms = ms_since(t0);
  if (!s.ok()) return 1;
  std::printf("CDNOW: read %.2f ms, summary %.2f ms\n", read_ms, summary_ms);
  report("CDNOW sample", *s, std::max(repeat, 20));
  worst_cases(*s);

  t0 = Clock::now();
  const clm::PurchaseSummary syn = synthetic(customers, 20240601);
  std::printf("synthetic: generated in %.0f ms\n", ms_since(t0));
  report("synthetic BG/NBD", syn, repeat);
  return 0;
}
