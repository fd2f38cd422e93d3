// RFM: one pass collects (R, F, M) per purchaser; scores count strictly
// smaller (or larger) values with a binary search in a sorted copy, so ties
// share a score.

#include "clm/rfm.h"

#include <algorithm>

namespace clm {

std::string_view rfm_segment_name(RfmSegment s) {
  static constexpr std::array<std::string_view, kRfmSegmentCount> kNames = {
      "champions",      "loyal",          "potential loyalists", "new customers", "promising",
      "need attention", "about to sleep", "cannot lose them",    "at risk",       "hibernating"};
  return kNames[static_cast<std::size_t>(s)];
}

RfmSegment rfm_segment(int r, int f) {
  if (r == 5 && f >= 4) return RfmSegment::kChampions;
  if (r >= 3 && f >= 4) return RfmSegment::kLoyal;  // r is 3 or 4
  if (r >= 4 && f >= 2) return RfmSegment::kPotentialLoyalists;
  if (r == 5) return RfmSegment::kNewCustomers;  // f == 1
  if (r == 4) return RfmSegment::kPromising;     // f == 1
  if (r == 3) return f == 3 ? RfmSegment::kNeedAttention : RfmSegment::kAboutToSleep;
  if (f == 5) return RfmSegment::kCannotLoseThem;  // r is 1 or 2
  if (f >= 3) return RfmSegment::kAtRisk;
  return RfmSegment::kHibernating;
}

namespace {

template <typename T>
int score_below(const std::vector<T>& sorted, T v) {  // 1 + floor(5 × |{x < v}| / n)
  const auto less = std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin();
  return 1 + static_cast<int>(5 * less / static_cast<std::ptrdiff_t>(sorted.size()));
}

}  // namespace

RfmResult compute_rfm(const Scope& scope, const RfmOptions& /*options*/) {
  const EventStore& store = *scope.store;
  const Timestamp as_of = scope.window.to;
  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  RfmResult result;
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    RfmCustomer x;
    x.customer = c;
    Timestamp last = 0;
    const EventRange r = store.events_of(c);
    for (std::size_t i = r.begin; i < r.end && times[i] < as_of; ++i) {
      if (types[i] == code(EventType::kPurchase)) {
        ++x.frequency;
        x.monetary += amounts[i];
        last = times[i];
      } else if (types[i] == code(EventType::kRefund)) {
        x.monetary -= amounts[i];
      }
    }
    if (x.frequency == 0) continue;
    x.recency_days = (as_of - last) / kSecondsPerDay;  // as_of > last: floor
    result.customers.push_back(x);
  }
  // Recency: more recent is better, so count customers with larger R; negate
  // R to reuse the "strictly smaller" count.
  std::vector<std::int64_t> neg_r, f;
  std::vector<Money> m;
  for (const RfmCustomer& x : result.customers) {
    neg_r.push_back(-x.recency_days);
    f.push_back(x.frequency);
    m.push_back(x.monetary);
  }
  std::sort(neg_r.begin(), neg_r.end());
  std::sort(f.begin(), f.end());
  std::sort(m.begin(), m.end());

  result.groups.resize(scope.grouping.size());
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    result.groups[g].label = scope.grouping.labels[g];
    for (std::size_t s = 0; s < kRfmSegmentCount; ++s) {
      result.groups[g].segments.push_back({static_cast<RfmSegment>(s), 0, 0, std::nullopt});
    }
  }
  for (RfmCustomer& x : result.customers) {
    x.r_score = score_below(neg_r, -x.recency_days);
    x.f_score = score_below(f, x.frequency);
    x.m_score = score_below(m, x.monetary);
    x.segment = rfm_segment(x.r_score, x.f_score);
    RfmGroup& g = result.groups[scope.grouping.group_of[x.customer]];
    g.customers += 1;
    g.revenue += x.monetary;
    RfmSegmentRow& row = g.segments[static_cast<std::size_t>(x.segment)];
    row.customers += 1;
    row.revenue += x.monetary;
  }
  for (RfmGroup& g : result.groups) {
    for (RfmSegmentRow& row : g.segments) {
      if (g.revenue != 0)
        row.revenue_share = money_to_double(row.revenue) / money_to_double(g.revenue);
    }
  }
  return result;
}

}  // namespace clm
