// clm/email.h — email engagement (docs/metrics.md, "Email engagement").
//
// Counts `email_*` events with a time in the report window. Sent, delivered,
// bounced and unsubscribed are event counts; opens and clicks are unique
// (customer, campaign) pairs within a cell (an event without a campaign counts
// under "no campaign" as one more campaign value).
#pragma once

#include <cstdint>
#include <optional>

#include "clm/grouping.h"
#include "clm/scope.h"

namespace clm {

struct EmailOptions {
  enum class Delivered {
    kAuto,    // email_delivered events; sent − bounced if the store has none (docs/metrics.md)
    kEvents,  // always count email_delivered events
    kSentMinusBounced  // always estimate delivered as sent − bounced
  };
  Delivered delivered = Delivered::kAuto;  // docs/metrics.md: the fallback only when the table has none
};

// Counts of one cell. Unique opens and clicks are counted per customer before
// they are added, so merge() is exact for cells over disjoint sets of
// customers (e.g. two groups) but would double-count a (customer, campaign)
// pair that occurs in both operands (e.g. two periods of one customer).
struct EmailAccumulator {
  std::int64_t sent = 0;
  std::int64_t delivered = 0;  // email_delivered events
  std::int64_t bounced = 0;
  std::int64_t unsubscribed = 0;
  std::int64_t unique_opens = 0;   // distinct (customer, campaign) pairs opened
  std::int64_t unique_clicks = 0;  // distinct (customer, campaign) pairs clicked

  void merge(const EmailAccumulator& o) {
    sent += o.sent;
    delivered += o.delivered;
    bounced += o.bounced;
    unsubscribed += o.unsubscribed;
    unique_opens += o.unique_opens;
    unique_clicks += o.unique_clicks;
  }
};

struct EmailResult {
  std::int64_t sent = 0;
  // email_delivered events, or max(0, sent − bounced) when `delivered_estimated`.
  std::int64_t delivered = 0;
  bool delivered_estimated = false;
  std::int64_t bounced = 0;
  std::int64_t unique_opens = 0;
  std::int64_t unique_clicks = 0;
  std::int64_t unsubscribed = 0;
  // Each rate is nullopt when its denominator is 0.
  std::optional<double> delivery_rate;     // delivered / sent
  std::optional<double> bounce_rate;       // bounced / sent
  std::optional<double> open_rate;         // unique opens / delivered
  std::optional<double> click_rate;        // unique clicks / delivered (click-through rate)
  std::optional<double> click_to_open;     // unique clicks / unique opens
  std::optional<double> unsubscribe_rate;  // unsubscribes / delivered
};

// The result of a cell. `estimate_delivered`: use max(0, sent − bounced)
// instead of the delivered events (see email_estimates_delivered()).
EmailResult email_result(const EmailAccumulator& acc, bool estimate_delivered);

// Whether delivered is estimated as sent − bounced for this store: always for
// kSentMinusBounced, never for kEvents, and for kAuto when the whole events
// table (not just the window) has no email_delivered event.
bool email_estimates_delivered(const EventStore& store, const EmailOptions& options);

// One pass over the store: every email_* event with time in scope.window goes
// to its customer's group (scope.grouping), in the window cell and in the cell
// of its period (scope.periods).
Breakdown<EmailAccumulator> compute_email(const Scope& scope);

}  // namespace clm
