// clm/event_store.h — the in-memory, columnar store every metric reads.
//
// Layout: customers are dense indices 0..n-1 in byte order of their ids.
// Events are stored column by column, grouped per customer (CSR offsets) and
// sorted within a customer by (time, type, channel, campaign, amount, score),
// so a metric is a single pass over contiguous arrays and the order of input
// rows never shows in any result. About 27 bytes per event plus the strings.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clm/event.h"
#include "clm/money.h"
#include "clm/status.h"
#include "clm/symbols.h"
#include "clm/time.h"

namespace clm {

using CustomerIndex = std::uint32_t;

inline constexpr std::int8_t kNoScore = -1;  // score column value when absent

// Half-open range [begin, end) of event indices.
struct EventRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

class EventStore {
 public:
  EventStore() = default;

  // --- customers --------------------------------------------------------
  std::size_t customer_count() const { return customer_ids_.size(); }
  std::string_view customer_id(CustomerIndex c) const { return customer_ids_.name(c); }
  // The index of a customer id, if present. O(log n).
  std::optional<CustomerIndex> find_customer(std::string_view id) const;
  // customers.acquired_at, or kNever when the customers table did not set it.
  Timestamp declared_acquired_at(CustomerIndex c) const { return declared_acquired_at_[c]; }
  // customers.channel, or kNoSymbol.
  SymbolId declared_channel(CustomerIndex c) const { return declared_channel_[c]; }
  // True if the customer was listed in the customers table.
  bool in_customers_table(CustomerIndex c) const { return listed_[c] != 0; }

  // Attribute columns of the customers table (any column beyond id,
  // acquired_at, channel), in byte order of their names.
  const std::vector<std::string>& attribute_names() const { return attribute_names_; }
  std::optional<std::size_t> find_attribute(std::string_view name) const;
  // Value of attribute `a` for customer c, kNoSymbol when absent.
  SymbolId attribute(std::size_t a, CustomerIndex c) const { return attribute_columns_[a][c]; }
  const SymbolTable& attribute_values(std::size_t a) const { return attribute_values_[a]; }

  // --- events -------------------------------------------------------------
  std::size_t event_count() const { return times_.size(); }
  EventRange events_of(CustomerIndex c) const { return {offsets_[c], offsets_[c + 1]}; }
  std::span<const Timestamp> times() const { return times_; }
  std::span<const TypeCode> types() const { return types_; }
  // Amount of purchase/refund events (0 for other types).
  std::span<const Money> amounts() const { return amounts_; }
  // Score of survey events, kNoScore for other types.
  std::span<const std::int8_t> scores() const { return scores_; }
  // Channel of the event (kNoSymbol when absent); a symbol of channels().
  std::span<const SymbolId> event_channels() const { return event_channels_; }
  // Campaign of the event (kNoSymbol when absent); a symbol of campaigns().
  std::span<const SymbolId> campaigns() const { return campaigns_; }

  // Name of a type code: the contract name of built-ins or the custom name.
  std::string_view type_name(TypeCode t) const;
  // The code of a type name (built-in or custom seen in the data), if any.
  std::optional<TypeCode> find_type(std::string_view name) const;
  std::size_t custom_type_count() const { return custom_types_.size(); }
  // Number of events of a type (any code < kFirstCustomType + custom_type_count()).
  std::int64_t count_of_type(TypeCode t) const;

  // Earliest and latest event time; kNever / -kNever... only meaningful when event_count() > 0.
  Timestamp min_event_time() const { return min_time_; }
  Timestamp max_event_time() const { return max_time_; }

  // --- shared dictionaries ----------------------------------------------------
  // One channel dictionary for events, customers and spend, so ids join.
  const SymbolTable& channels() const { return channels_; }
  const SymbolTable& campaign_names() const { return campaign_names_; }

  // --- spend ------------------------------------------------------------------
  // Spend rows sorted by (date, channel, amount).
  std::size_t spend_count() const { return spend_dates_.size(); }
  std::span<const Timestamp> spend_dates() const { return spend_dates_; }
  std::span<const SymbolId> spend_channels() const { return spend_channels_; }
  std::span<const Money> spend_amounts() const { return spend_amounts_; }

  // Bytes held by the store's arrays (an estimate, for the memory figure of docs/performance.md).
  std::size_t memory_bytes() const;

 private:
  friend class EventStoreBuilder;

  SymbolTable customer_ids_;
  std::vector<Timestamp> declared_acquired_at_;
  std::vector<SymbolId> declared_channel_;
  std::vector<std::uint8_t> listed_;
  std::vector<std::string> attribute_names_;
  std::vector<std::vector<SymbolId>> attribute_columns_;
  std::vector<SymbolTable> attribute_values_;

  std::vector<std::size_t> offsets_{0};
  std::vector<Timestamp> times_;
  std::vector<TypeCode> types_;
  std::vector<Money> amounts_;
  std::vector<std::int8_t> scores_;
  std::vector<SymbolId> event_channels_;
  std::vector<SymbolId> campaigns_;
  SymbolTable custom_types_;
  std::vector<std::int64_t> type_counts_;
  Timestamp min_time_ = kNever;
  Timestamp max_time_ = -kNever;

  SymbolTable channels_;
  SymbolTable campaign_names_;

  std::vector<Timestamp> spend_dates_;
  std::vector<SymbolId> spend_channels_;
  std::vector<Money> spend_amounts_;
};

// One event as given by a reader or by code building a store directly.
// String views need only live for the duration of the add_event() call.
struct EventInput {
  std::string_view customer_id;
  Timestamp time = 0;
  std::string_view type;
  std::optional<Money> amount;  // required (> 0) for purchase, (>= 0) for refund
  std::optional<int> score;     // required for nps (0–10), csat (1–5), ces (1–7)
  std::string_view channel;     // empty = absent
  std::string_view campaign;    // empty = absent
};

struct CustomerInput {
  std::string_view customer_id;
  std::optional<Timestamp> acquired_at;
  std::string_view channel;  // empty = absent
  // Values of the attribute columns declared with set_attribute_names(), in
  // that order; empty = absent.
  std::vector<std::string_view> attributes;
};

struct SpendInput {
  Timestamp date = 0;
  std::string_view channel;
  Money amount = 0;  // >= 0
};

// Accumulates rows, then builds an immutable EventStore. Each add_* validates
// its row and returns DataError with a message "<column>: <reason>" (the
// column named as in the contract) so readers can add file:line context.
// Instants outside the years 0000–9999 in UTC (in_year_range) are refused, as
// parse_timestamp refuses them in text.
class EventStoreBuilder {
 public:
  EventStoreBuilder();
  ~EventStoreBuilder();
  EventStoreBuilder(EventStoreBuilder&&) noexcept;
  EventStoreBuilder& operator=(EventStoreBuilder&&) noexcept;

  Status add_event(const EventInput& e);
  // DataError "customer_id: duplicate customer_id '<id>'" for a repeated id.
  Status add_customer(const CustomerInput& c);
  Status add_spend(const SpendInput& s);
  // Declares the customers table's attribute columns (call before add_customer).
  void set_attribute_names(std::vector<std::string> names);
  // Reserves room for about n events (optional).
  void reserve_events(std::size_t n);
  // Moves every row of `other` into this builder, as if added here after this
  // builder's own rows (parallel readers fill one builder per chunk). DataError
  // for a customer listed in both or too many custom types; this builder is
  // then unchanged. `other` is left empty.
  Status append(EventStoreBuilder&& other);
  // Names the inputs the events and the spend rows come from (file names) in
  // build()'s messages; an empty name keeps the previous one ("events", "spend").
  void set_sources(std::string events, std::string spend);
  // Distinct custom (non-contract) event types added so far.
  std::size_t custom_type_count() const;

  std::size_t event_count() const;
  // Sorts, interns and freezes the rows. DataError naming the source and
  // column 'amount' if the absolute event amounts, or the absolute spend
  // amounts, add up beyond INT64_MAX millionths (each checked on its own, so
  // no later sum of revenue or of spend can overflow).
  // The builder is left empty.
  Result<EventStore> build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clm
