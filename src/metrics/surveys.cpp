// NPS, CSAT and CES: results from accumulators, and the single pass that
// fills the accumulators of a scope.
#include "clm/surveys.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "clm/event.h"

namespace clm {

NpsResult nps_result(const NpsAccumulator& acc, double z) {
  NpsResult r;
  r.promoters = acc.promoters;
  r.passives = acc.passives;
  r.detractors = acc.detractors;
  r.n = acc.count();
  if (r.n == 0) return r;
  const double n = static_cast<double>(r.n);
  const double p = static_cast<double>(r.promoters) / n;
  const double d = static_cast<double>(r.detractors) / n;
  r.nps = 100.0 * static_cast<double>(r.promoters - r.detractors) / n;
  // Variance of one answer scored +1/0/−1 is p + d − (p − d)²; rounding may
  // make it a hair below 0 when all answers agree.
  const double variance = std::max(0.0, p + d - (p - d) * (p - d));
  r.margin_of_error = 100.0 * z * std::sqrt(variance / n);
  return r;
}

std::int64_t CsatAccumulator::count() const {
  std::int64_t n = 0;
  for (std::int64_t c : counts) n += c;
  return n;
}

CsatResult csat_result(const CsatAccumulator& acc, double z) {
  CsatResult r;
  r.n = acc.count();
  r.top2 = make_proportion(acc.counts[3] + acc.counts[4], r.n, z);
  if (r.n == 0) return r;
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < acc.counts.size(); ++i) {
    sum += static_cast<std::int64_t>(i + 1) * acc.counts[i];
  }
  r.csat = 100.0 * *r.top2.rate;
  r.mean = static_cast<double>(sum) / static_cast<double>(r.n);
  return r;
}

CesResult ces_result(const CesAccumulator& acc, double z) {
  CesResult r;
  r.n = acc.count();
  r.mean = acc.moments.mean();
  r.stddev = acc.moments.sample_stddev();
  if (r.mean && r.stddev) {
    const double half = z * *r.stddev / std::sqrt(static_cast<double>(r.n));
    r.ci = Interval{*r.mean - half, *r.mean + half};
  }
  r.high = make_proportion(acc.high, r.n, z);
  return r;
}

namespace {

enum Survey : std::size_t { kNpsSurvey, kCsatSurvey, kCesSurvey, kSurveyCount };

std::optional<Survey> survey_of(TypeCode t) {
  if (t == code(EventType::kNps)) return kNpsSurvey;
  if (t == code(EventType::kCsat)) return kCsatSurvey;
  if (t == code(EventType::kCes)) return kCesSurvey;
  return std::nullopt;
}

bool in_range(Survey s, int score) {
  static constexpr int kMin[kSurveyCount] = {0, 1, 1};
  static constexpr int kMax[kSurveyCount] = {10, 5, 7};
  return score >= kMin[s] && score <= kMax[s];
}

// Adds one answer to the window cell or the period cell of group g.
class Sink {
 public:
  explicit Sink(SurveyBreakdown& out) : out_(out) {}

  void add(Survey s, std::size_t g, std::optional<std::size_t> period, int score) {
    switch (s) {
      case kNpsSurvey:
        cell(out_.nps, g, period).add(score);
        break;
      case kCsatSurvey:
        cell(out_.csat, g, period).add(score);
        break;
      case kCesSurvey:
        cell(out_.ces, g, period).add(score);
        break;
      case kSurveyCount:
        break;
    }
  }

 private:
  template <typename Acc>
  static Acc& cell(Breakdown<Acc>& b, std::size_t g, std::optional<std::size_t> period) {
    return period ? b.at(g, *period) : b.window(g);
  }
  SurveyBreakdown& out_;
};

// The latest answer of one survey type seen so far for the current customer,
// in the window and in the current period.
struct Latest {
  int window_score = -1;  // -1: none yet
  std::size_t period = 0;
  int period_score = -1;
};

}  // namespace

SurveyBreakdown compute_surveys(const Scope& scope, const SurveyOptions& options) {
  const std::size_t groups = scope.grouping.size();
  const std::size_t periods = scope.periods.size();
  SurveyBreakdown out{Breakdown<NpsAccumulator>(groups, periods),
                      Breakdown<CsatAccumulator>(groups, periods),
                      Breakdown<CesAccumulator>(groups, periods)};
  if (scope.store == nullptr || periods == 0) return out;
  const EventStore& store = *scope.store;
  const auto times = store.times();
  const auto types = store.types();
  const auto scores = store.scores();
  const Window& w = scope.window;
  Sink sink(out);

  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const std::size_t g = scope.grouping.group_of[c];
    const EventRange r = store.events_of(c);
    // A customer's events are sorted by time: jump to the window's start and
    // walk the periods forward with a cursor instead of a search per event.
    std::size_t i = static_cast<std::size_t>(
        std::lower_bound(times.begin() + static_cast<std::ptrdiff_t>(r.begin),
                         times.begin() + static_cast<std::ptrdiff_t>(r.end), w.from) -
        times.begin());
    std::size_t p = 0;
    Latest latest[kSurveyCount];
    for (; i < r.end && times[i] < w.to; ++i) {
      const std::optional<Survey> s = survey_of(types[i]);
      if (!s) continue;
      const int score = scores[i];
      if (!in_range(*s, score)) continue;
      while (p + 1 < periods && times[i] >= scope.periods[p].end) ++p;
      if (!options.latest_only) {
        sink.add(*s, g, std::nullopt, score);
        sink.add(*s, g, p, score);
        continue;
      }
      Latest& l = latest[*s];
      if (l.period_score >= 0 && l.period != p) sink.add(*s, g, l.period, l.period_score);
      l.window_score = score;
      l.period = p;
      l.period_score = score;
    }
    if (options.latest_only) {
      for (std::size_t k = 0; k < kSurveyCount; ++k) {
        const Latest& l = latest[k];
        if (l.window_score < 0) continue;
        sink.add(static_cast<Survey>(k), g, std::nullopt, l.window_score);
        sink.add(static_cast<Survey>(k), g, l.period, l.period_score);
      }
    }
  }
  return out;
}

}  // namespace clm
