// Email engagement: rates from counts, and the single pass that counts the
// email events of a scope.
#include "clm/email.h"

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "clm/event.h"
#include "clm/stats.h"

namespace clm {

EmailResult email_result(const EmailAccumulator& acc, bool estimate_delivered) {
  EmailResult r;
  r.sent = acc.sent;
  r.bounced = acc.bounced;
  r.unique_opens = acc.unique_opens;
  r.unique_clicks = acc.unique_clicks;
  r.unsubscribed = acc.unsubscribed;
  r.delivered_estimated = estimate_delivered;
  // A cell may hold bounces of mail sent before the window; never report a
  // negative delivered count.
  r.delivered =
      estimate_delivered ? std::max<std::int64_t>(0, acc.sent - acc.bounced) : acc.delivered;
  const auto d = [](std::int64_t v) { return static_cast<double>(v); };
  r.delivery_rate = ratio(d(r.delivered), d(r.sent));
  r.bounce_rate = ratio(d(r.bounced), d(r.sent));
  r.open_rate = ratio(d(r.unique_opens), d(r.delivered));
  r.click_rate = ratio(d(r.unique_clicks), d(r.delivered));
  r.click_to_open = ratio(d(r.unique_clicks), d(r.unique_opens));
  r.unsubscribe_rate = ratio(d(r.unsubscribed), d(r.delivered));
  return r;
}

bool email_estimates_delivered(const EventStore& store, const EmailOptions& options) {
  switch (options.delivered) {
    case EmailOptions::Delivered::kEvents:
      return false;
    case EmailOptions::Delivered::kSentMinusBounced:
      return true;
    case EmailOptions::Delivered::kAuto:
      break;
  }
  return store.count_of_type(code(EventType::kEmailDelivered)) == 0;
}

namespace {

// Number of distinct values in v (sorts it).
template <typename T>
std::int64_t count_distinct(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  return std::unique(v.begin(), v.end()) - v.begin();
}

// Adds one customer's unique (period, campaign) pairs to the period cells
// and its unique campaigns to the window cell. `pairs` is in period order.
template <typename Field>
void add_unique(std::vector<std::pair<std::size_t, SymbolId>>& pairs,
                std::vector<SymbolId>& campaigns, Breakdown<EmailAccumulator>& out, std::size_t g,
                Field field) {
  if (pairs.empty()) return;
  campaigns.clear();
  for (const auto& [p, campaign] : pairs) campaigns.push_back(campaign);
  out.window(g).*field += count_distinct(campaigns);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [p, campaign] : pairs) ++(out.at(g, p).*field);
  pairs.clear();
}

}  // namespace

Breakdown<EmailAccumulator> compute_email(const Scope& scope) {
  const std::size_t periods = scope.periods.size();
  Breakdown<EmailAccumulator> out(scope.grouping.size(), periods);
  if (scope.store == nullptr || periods == 0) return out;
  const EventStore& store = *scope.store;
  const auto times = store.times();
  const auto types = store.types();
  const auto campaigns = store.campaigns();
  const Window& w = scope.window;

  // Per customer: the (period, campaign) pairs it opened and clicked. A
  // customer is in exactly one group, so counting its distinct pairs before
  // adding them keeps every cell's unique count exact.
  std::vector<std::pair<std::size_t, SymbolId>> opens;
  std::vector<std::pair<std::size_t, SymbolId>> clicks;
  std::vector<SymbolId> scratch;

  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const std::size_t g = scope.grouping.group_of[c];
    const EventRange r = store.events_of(c);
    std::size_t i = static_cast<std::size_t>(
        std::lower_bound(times.begin() + static_cast<std::ptrdiff_t>(r.begin),
                         times.begin() + static_cast<std::ptrdiff_t>(r.end), w.from) -
        times.begin());
    std::size_t p = 0;
    for (; i < r.end && times[i] < w.to; ++i) {
      const TypeCode t = types[i];
      if (t < code(EventType::kEmailSent) || t > code(EventType::kEmailUnsubscribed)) continue;
      while (p + 1 < periods && times[i] >= scope.periods[p].end) ++p;
      std::int64_t EmailAccumulator::*count = nullptr;
      switch (static_cast<EventType>(t)) {
        case EventType::kEmailSent:
          count = &EmailAccumulator::sent;
          break;
        case EventType::kEmailDelivered:
          count = &EmailAccumulator::delivered;
          break;
        case EventType::kEmailBounced:
          count = &EmailAccumulator::bounced;
          break;
        case EventType::kEmailUnsubscribed:
          count = &EmailAccumulator::unsubscribed;
          break;
        case EventType::kEmailOpened:
          opens.emplace_back(p, campaigns[i]);
          break;
        case EventType::kEmailClicked:
          clicks.emplace_back(p, campaigns[i]);
          break;
        default:
          break;
      }
      if (count != nullptr) {
        ++(out.window(g).*count);
        ++(out.at(g, p).*count);
      }
    }
    add_unique(opens, scratch, out, g, &EmailAccumulator::unique_opens);
    add_unique(clicks, scratch, out, g, &EmailAccumulator::unique_clicks);
  }
  return out;
}

}  // namespace clm
