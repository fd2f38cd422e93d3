// Internal: where each customer's acquisition channel sits in a CacResult's
// channel list, so per-customer passes can add to per-channel arrays.
#pragma once

#include <cstddef>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/event_store.h"

namespace clm::detail {

class ChannelPositions {
 public:
  ChannelPositions(const EventStore& store, const CacResult& cac)
      : none_(store.channels().size()), position_(none_ + 1, cac.channels.size()) {
    // Channel labels are channel names, except at cac.no_channel (customers
    // without one), which has a row apart from a channel named like its label.
    for (std::size_t k = 0; k < cac.channels.size(); ++k) {
      if (cac.no_channel == k) {
        position_[none_] = k;
        continue;
      }
      const SymbolId s = store.channels().find(cac.channels[k]);
      if (s != kNoSymbol) position_[s] = k;
    }
  }

  // Position of channel symbol `s` (kNoSymbol = "(none)"), or the channel
  // count when the CAC result does not list it.
  std::size_t of(SymbolId s) const { return position_[s == kNoSymbol ? none_ : s]; }

 private:
  std::size_t none_;
  std::vector<std::size_t> position_;
};

}  // namespace clm::detail
