// Internal: the rows an EventStoreBuilder has accumulated, with provisional
// (arrival-order) ids that build() renumbers.
#pragma once

#include <string>
#include <vector>

#include "clm/event_store.h"
#include "core/interner.h"

namespace clm {

struct EventStoreBuilder::Impl {
  detail::Interner customers, channels, campaigns, custom_types;
  std::vector<detail::Interner> attribute_values;
  std::vector<std::string> attribute_names;

  // Per provisional customer.
  std::vector<Timestamp> declared_acquired_at;
  std::vector<SymbolId> declared_channel;
  std::vector<std::uint8_t> listed;
  std::vector<std::vector<SymbolId>> attributes;  // [attribute][customer]

  // Events, provisional ids.
  std::vector<std::uint32_t> ev_customer;
  std::vector<Timestamp> ev_time;
  std::vector<TypeCode> ev_type;  // custom: kFirstCustomType + provisional custom id
  std::vector<Money> ev_amount;
  std::vector<std::int8_t> ev_score;
  std::vector<SymbolId> ev_channel, ev_campaign;

  std::vector<Timestamp> sp_date;
  std::vector<SymbolId> sp_channel;
  std::vector<Money> sp_amount;

  std::uint32_t customer(std::string_view id) {
    const std::uint32_t c = customers.intern(id);
    if (c == declared_acquired_at.size()) {
      declared_acquired_at.push_back(kNever);
      declared_channel.push_back(kNoSymbol);
      listed.push_back(0);
      for (auto& col : attributes) col.push_back(kNoSymbol);
    }
    return c;
  }
  SymbolId optional_symbol(detail::Interner& table, std::string_view s) {
    return s.empty() ? kNoSymbol : table.intern(s);
  }
};

}  // namespace clm
