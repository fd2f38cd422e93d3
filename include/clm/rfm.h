// clm/rfm.h — recency, frequency, monetary scores and named segments
// (docs/metrics.md, "RFM"), over the customers with >= 1 purchase before the as-of time.
//
// R = whole days (floor) from the last purchase to the as-of time; F = number
// of purchases; M = net revenue of all history before the as-of time.
// Tie-aware scores with n customers:
//   score_F(c) = 1 + floor(5 × |{c′ : F(c′) < F(c)}| / n), the same for M,
//   score_R(c) = 1 + floor(5 × |{c′ : R(c′) > R(c)}| / n).
// Segments come from (R, F) scores by the table in rfm_segment(). Cost: one
// pass over the store plus three sorts of the purchasers.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/money.h"
#include "clm/scope.h"

namespace clm {

enum class RfmSegment {
  kChampions = 0,
  kLoyal,
  kPotentialLoyalists,
  kNewCustomers,
  kPromising,
  kNeedAttention,
  kAboutToSleep,
  kCannotLoseThem,
  kAtRisk,
  kHibernating,
};
inline constexpr std::size_t kRfmSegmentCount = 10;

// "champions", "loyal", "potential loyalists", "new customers", "promising",
// "need attention", "about to sleep", "cannot lose them", "at risk", "hibernating".
std::string_view rfm_segment_name(RfmSegment s);
// The segment of scores r, f in 1..5 (every pair maps; see the table in docs/metrics.md, "RFM").
RfmSegment rfm_segment(int r, int f);

struct RfmOptions {};  // no settings: RFM uses the as-of time of the scope

struct RfmCustomer {
  CustomerIndex customer = 0;
  std::int64_t recency_days = 0;  // R
  std::int64_t frequency = 0;     // F
  Money monetary = 0;             // M (may be <= 0)
  int r_score = 0;
  int f_score = 0;
  int m_score = 0;
  RfmSegment segment = RfmSegment::kHibernating;
};

struct RfmSegmentRow {
  RfmSegment segment;
  std::int64_t customers = 0;
  Money revenue = 0;                    // Σ M of the segment
  std::optional<double> revenue_share;  // revenue / Σ M of the group; nullopt when that is 0
};

struct RfmGroup {
  std::string label;
  std::int64_t customers = 0;
  Money revenue = 0;
  std::vector<RfmSegmentRow> segments;  // all ten, in RfmSegment order
};

struct RfmResult {
  // Per purchaser, in customer order. Scores are ranked among all purchasers
  // of the store (not per group).
  std::vector<RfmCustomer> customers;
  std::vector<RfmGroup> groups;  // in the scope's group order
};

RfmResult compute_rfm(const Scope& scope, const RfmOptions& options = {});

}  // namespace clm
