// clm/surveys.h — NPS, CSAT and CES from survey answers (docs/metrics.md, "Surveys").
//
// Answers are `nps` (0–10), `csat` (1–5) and `ces` (1–7) events with a time in
// the report window. Each metric has a mergeable accumulator of exact integer
// counts (add one answer, merge two cells) and a function that turns it into a
// plain result whose undefined values are nullopt. compute_surveys() fills the
// accumulators of every (group, period) cell and of every group's window in one
// pass over the store.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "clm/grouping.h"
#include "clm/scope.h"
#include "clm/stats.h"

namespace clm {

struct SurveyOptions {
  // false: every answer in a cell counts (docs/metrics.md). true: only each
  // customer's latest answer of each survey type within the cell counts (the
  // latest in the window for window rows, the latest in the period for period rows).
  bool latest_only = false;
};

// --- NPS ------------------------------------------------------------------

// Counts of NPS answers: promoters 9–10, passives 7–8, detractors 0–6.
struct NpsAccumulator {
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;

  // `score` must be in 0..10.
  void add(int score) {
    if (score >= 9) {
      ++promoters;
    } else if (score >= 7) {
      ++passives;
    } else {
      ++detractors;
    }
  }
  void merge(const NpsAccumulator& o) {
    promoters += o.promoters;
    passives += o.passives;
    detractors += o.detractors;
  }
  std::int64_t count() const { return promoters + passives + detractors; }
};

struct NpsResult {
  std::int64_t n = 0;
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;
  // 100 × (promoters − detractors) / n, in [−100, 100]; nullopt when n == 0.
  std::optional<double> nps;
  // 95 % margin of error in NPS points: 100 × z × sqrt((p + d − (p − d)²) / n),
  // p and d the promoter and detractor shares; nullopt when n == 0.
  std::optional<double> margin_of_error;
};
NpsResult nps_result(const NpsAccumulator& acc, double z = kZ95);

// --- CSAT -----------------------------------------------------------------

// Counts of CSAT answers per score 1..5 (index score − 1).
struct CsatAccumulator {
  std::array<std::int64_t, 5> counts{};

  // `score` must be in 1..5.
  void add(int score) { ++counts[static_cast<std::size_t>(score - 1)]; }
  void merge(const CsatAccumulator& o) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += o.counts[i];
  }
  std::int64_t count() const;
};

struct CsatResult {
  std::int64_t n = 0;
  // Answers 4 or 5 over all answers, with the Wilson interval (rate, ci null when n == 0).
  Proportion top2;
  // 100 × top2.rate (0..100); nullopt when n == 0.
  std::optional<double> csat;
  // Mean answer (1..5); nullopt when n == 0.
  std::optional<double> mean;
};
CsatResult csat_result(const CsatAccumulator& acc, double z = kZ95);

// --- CES ------------------------------------------------------------------

// Exact moments of CES answers and the count of answers 5–7.
struct CesAccumulator {
  IntMoments moments;
  std::int64_t high = 0;  // answers 5, 6 or 7

  // `score` must be in 1..7.
  void add(int score) {
    moments.add(score);
    if (score >= 5) ++high;
  }
  void merge(const CesAccumulator& o) {
    moments.merge(o.moments);
    high += o.high;
  }
  std::int64_t count() const { return moments.count(); }
};

struct CesResult {
  std::int64_t n = 0;
  std::optional<double> mean;    // mean answer (1..7); nullopt when n == 0
  std::optional<double> stddev;  // sample standard deviation; nullopt when n < 2
  // mean ± z × stddev / √n; nullopt when n < 2.
  std::optional<Interval> ci;
  Proportion high;  // share of answers 5–7, with the Wilson interval
};
CesResult ces_result(const CesAccumulator& acc, double z = kZ95);

// --- over a scope -----------------------------------------------------------

// Survey accumulators for every group over the window and every (group, period) cell.
struct SurveyBreakdown {
  Breakdown<NpsAccumulator> nps;
  Breakdown<CsatAccumulator> csat;
  Breakdown<CesAccumulator> ces;
};

// One pass over the store: every nps/csat/ces answer with time in
// scope.window goes to its customer's group (scope.grouping) in the window
// cell and in the cell of its period (scope.periods). Answers whose score is
// missing or out of range (which a built store never holds) are skipped.
SurveyBreakdown compute_surveys(const Scope& scope, const SurveyOptions& options = {});

}  // namespace clm
