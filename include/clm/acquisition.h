// clm/acquisition.h — when and through which channel each customer was acquired.
#pragma once

#include <cstdint>
#include <vector>

#include "clm/event_store.h"
#include "clm/symbols.h"
#include "clm/time.h"

namespace clm {

// Per-customer acquisition facts (docs/metrics.md, "Customers, acquisition, activity"),
// indexed by CustomerIndex.
struct Acquisition {
  // a(c): customers.acquired_at; else the first signup; else the first
  // purchase; kNever for a prospect.
  std::vector<Timestamp> acquired_at;
  // ch(c): customers.channel; else the channel of the first signup with one;
  // else the channel of the last touch at or before a(c); kNoSymbol = "(none)".
  // Ties in the same second go to the byte-wise smallest channel.
  std::vector<SymbolId> channel;
  // Whether the person exists at the as-of time: 0 when every dated fact about
  // them (their events and customers.acquired_at) is at or after it. A
  // customers-table row with neither (a prospect known only from the table)
  // exists. People who do not exist are left out of every metric.
  std::vector<std::uint8_t> known;

  bool is_prospect(CustomerIndex c) const { return acquired_at[c] == kNever; }
  bool is_known(CustomerIndex c) const { return known[c] != 0; }
};

// Acquisition of every customer from the events strictly before `as_of`
// (events at or after the as-of time are ignored for everything, including
// who exists).
Acquisition compute_acquisition(const EventStore& store, Timestamp as_of);

}  // namespace clm
