// a(c) and ch(c) per docs/metrics.md, from one pass over each customer's events.
#include "clm/acquisition.h"

namespace clm {

Acquisition compute_acquisition(const EventStore& store, Timestamp as_of) {
  const std::size_t n = store.customer_count();
  Acquisition acq;
  acq.acquired_at.assign(n, kNever);
  acq.channel.assign(n, kNoSymbol);
  acq.known.assign(n, 0);
  const auto times = store.times();
  const auto types = store.types();
  const auto channels = store.event_channels();
  constexpr TypeCode kSignup = code(EventType::kSignup);
  constexpr TypeCode kPurchase = code(EventType::kPurchase);
  constexpr TypeCode kTouch = code(EventType::kTouch);

  for (CustomerIndex c = 0; c < n; ++c) {
    const EventRange r = store.events_of(c);
    Timestamp first_signup = kNever, first_purchase = kNever;
    SymbolId signup_channel = kNoSymbol;
    // Events are sorted by (time, type, channel): the first signup with a
    // channel is the earliest, and at equal times the smallest channel.
    for (std::size_t i = r.begin; i < r.end && times[i] < as_of; ++i) {
      if (types[i] == kSignup) {
        if (first_signup == kNever) first_signup = times[i];
        if (signup_channel == kNoSymbol) signup_channel = channels[i];
      } else if (types[i] == kPurchase && first_purchase == kNever) {
        first_purchase = times[i];
      }
    }
    const Timestamp declared = store.declared_acquired_at(c);
    // Events ascend in time, so the first one decides whether any is before as_of.
    const bool dated = !r.empty() || declared != kNever;
    const bool seen_before = (!r.empty() && times[r.begin] < as_of) || declared < as_of;
    acq.known[c] = !dated || seen_before ? 1 : 0;
    const Timestamp a = declared != kNever ? declared : first_signup != kNever ? first_signup : first_purchase;
    acq.acquired_at[c] = a;

    SymbolId ch = store.declared_channel(c);
    if (ch == kNoSymbol) ch = signup_channel;
    if (ch == kNoSymbol) {
      // Last touch with a channel at or before a(c); at equal times the
      // smallest channel, which comes first in the sort order.
      Timestamp best = 0;
      for (std::size_t i = r.begin; i < r.end && times[i] < as_of && times[i] <= a; ++i) {
        if (types[i] != kTouch || channels[i] == kNoSymbol) continue;
        if (ch == kNoSymbol || times[i] > best) {
          best = times[i];
          ch = channels[i];
        }
      }
    }
    acq.channel[c] = ch;
  }
  return acq;
}

}  // namespace clm
