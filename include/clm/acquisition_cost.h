// clm/acquisition_cost.h — new customers and spend per channel, CAC (per
// channel, blended, paid) and CAC payback (docs/metrics.md, "Revenue, CAC and CLV").
//
// New customers N(P, ch) are the customers with a(c) in P and ch(c) = ch
// (scope.acquisition); Spend(P, ch) the spend rows dated in P. Channels are
// the union of the spend channels and the new customers' channels, sorted
// byte-wise; customers without a channel form a channel of their own, labelled
// "(none)" (kNoChannelLabel) but apart from a real channel of that name. CAC is
// per channel whatever the report's grouping: spend carries no customer
// attribute to split it by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clm/money.h"
#include "clm/scope.h"

namespace clm {

// Label of the customers whose acquisition channel is unknown.
inline constexpr const char* kNoChannelLabel = "(none)";

// One channel in one span (a period or the window).
struct ChannelCost {
  std::int64_t new_customers = 0;
  Money spend = 0;
  // spend / new customers; 0 with customers but no spend; nullopt with no
  // new customers (even when there is spend).
  std::optional<Money> cac;
};

// All channels in one span.
struct CostSpan {
  std::vector<ChannelCost> channels;  // parallel to CacResult::channels
  Money spend = 0;                    // all spend in the span
  std::int64_t new_customers = 0;     // all new customers, "(none)" included
  std::optional<Money> blended_cac;   // spend / new_customers; nullopt with none
  // New customers whose channel had spend > 0 in the span, and the rest.
  std::int64_t paid_new_customers = 0;
  std::int64_t unpaid_new_customers = 0;
  std::optional<Money> paid_cac;  // spend / paid_new_customers; nullopt with none
};

struct CacResult {
  // Byte-wise sorted labels; the customers without a channel (if any) are
  // labelled kNoChannelLabel, just before a real channel of that name.
  std::vector<std::string> channels;
  std::optional<std::size_t> no_channel;  // their position in `channels`
  CostSpan window;                    // over scope.window
  std::vector<CostSpan> periods;      // per period of scope.periods
};

// One pass over the customers and one over the spend rows.
CacResult compute_cac(const Scope& scope);

// Payback of one cohort (the customers acquired in one calendar month of the
// window), over all its customers or those of one channel.
struct Payback {
  std::size_t cohort = 0;  // index into PaybackResult::cohorts
  std::string channel;     // a channel label, or "" for all channels
  bool no_channel = false;  // the customers without a channel (CacResult::no_channel)
  std::int64_t new_customers = 0;
  Money spend = 0;  // spend dated in the cohort's (clipped) month: that channel's, or all
  // m × net revenue of the cohort's customers, each from its acquisition a(c)
  // to the as-of time.
  Money margin_revenue = 0;
  // Calendar months begun between the cohort's calendar month start and the as-of time.
  int months_observed = 0;
  // Smallest k >= 1 with m × net revenue in [a(c), month start + k months),
  // summed over the cohort, >= spend; nullopt while not paid back or when spend is 0.
  std::optional<int> months;
};

struct PaybackResult {
  // The cohorts: the calendar months (in the report's time zone) that
  // intersect the window, clipped to it, whatever scope.periods' unit.
  PeriodSeries cohorts;
  // Per cohort in time order: the all-channel row, then one row per channel
  // that has new customers or spend in the cohort (channels as in CacResult).
  std::vector<Payback> rows;
};

// One pass over the customers and the spend (new customers and spend per
// month, as compute_cac over the monthly cohorts) and one over their money
// events. A customer's revenue counts from a(c), which lies in the window, so
// never before the window's start nor before the acquisition; revenue at or
// after the as-of time is ignored; m is scope.margin. InvalidArgument for a
// margin outside [0, 1].
Result<PaybackResult> compute_payback(const Scope& scope);

// The instant k calendar months after `start` in cal.tz: the same local
// day of the month (clamped to the month's last day) at local midnight.
Timestamp add_calendar_months(Timestamp start, int k, const Calendar& cal);

}  // namespace clm
