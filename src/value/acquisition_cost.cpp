// New customers, spend and CAC per channel and period: one pass over the
// customers (their a(c) and ch(c) from the scope) and one over the spend rows.
#include "clm/acquisition_cost.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "clm/revenue.h"

namespace clm {
namespace {

// Fills the CAC figures of a span from its counts and sums.
void finish_span(CostSpan& span) {
  for (ChannelCost& ch : span.channels) {
    ch.cac = money_per(ch.spend, ch.new_customers);
    span.spend += ch.spend;
    span.new_customers += ch.new_customers;
    if (ch.spend > 0) {
      span.paid_new_customers += ch.new_customers;
    } else {
      span.unpaid_new_customers += ch.new_customers;
    }
  }
  span.blended_cac = money_per(span.spend, span.new_customers);
  span.paid_cac = money_per(span.spend, span.paid_new_customers);
}

}  // namespace

CacResult compute_cac(const Scope& scope) {
  const EventStore& store = *scope.store;
  const Acquisition& acq = scope.acquisition;
  const Window& w = scope.window;
  const SymbolTable& names = store.channels();
  const SymbolId none = static_cast<SymbolId>(names.size());  // slot of "(none)"

  // Which channels show: those with spend in the window or new customers in it.
  std::vector<std::uint8_t> used(names.size() + 1, 0);
  const auto dates = store.spend_dates();
  const auto spend_channels = store.spend_channels();
  const auto spend_amounts = store.spend_amounts();
  for (std::size_t i = 0; i < store.spend_count(); ++i) {
    if (w.contains(dates[i])) used[spend_channels[i]] = 1;
  }
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (w.contains(acq.acquired_at[c]))
      used[acq.channel[c] == kNoSymbol ? none : acq.channel[c]] = 1;
  }

  // Labels in byte order: channel ids already are; the customers without a
  // channel are merged in by their label, just before a channel of that name.
  CacResult result;
  std::vector<SymbolId> order;
  for (SymbolId s = 0; s <= none; ++s) {
    if (used[s]) order.push_back(s);
  }
  auto label = [&](SymbolId s) {
    return s == none ? std::string_view(kNoChannelLabel) : names.name(s);
  };
  std::sort(order.begin(), order.end(), [&](SymbolId a, SymbolId b) {
    return std::pair(label(a), a != none) < std::pair(label(b), b != none);
  });
  std::vector<std::size_t> position(names.size() + 1, 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    position[order[k]] = k;
    if (order[k] == none) result.no_channel = k;
    result.channels.emplace_back(label(order[k]));
  }

  const std::size_t nc = order.size();
  result.window.channels.assign(nc, ChannelCost{});
  result.periods.assign(scope.periods.size(), CostSpan{});
  for (CostSpan& span : result.periods) span.channels.assign(nc, ChannelCost{});

  for (std::size_t i = 0; i < store.spend_count(); ++i) {
    const auto p = scope.periods.index_of(dates[i]);
    if (!p) continue;
    const std::size_t k = position[spend_channels[i]];
    result.window.channels[k].spend += spend_amounts[i];
    result.periods[*p].channels[k].spend += spend_amounts[i];
  }
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    const auto p = scope.periods.index_of(acq.acquired_at[c]);
    if (!p) continue;
    const std::size_t k = position[acq.channel[c] == kNoSymbol ? none : acq.channel[c]];
    ++result.window.channels[k].new_customers;
    ++result.periods[*p].channels[k].new_customers;
  }

  finish_span(result.window);
  for (CostSpan& span : result.periods) finish_span(span);
  return result;
}

}  // namespace clm
