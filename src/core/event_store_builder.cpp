// EventStoreBuilder: validates rows as they arrive, then sorts and interns
// them into the columnar EventStore.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "clm/event_store.h"
#include "core/builder_impl.h"

namespace clm {
namespace {

constexpr std::size_t kMaxIdBytes = 1024;

Status check_id(std::string_view column, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) return Status::DataError(fmt::format("{}: {} is empty", column, column));
    return Status::Ok();
  }
  if (value.size() > kMaxIdBytes) {
    return Status::DataError(fmt::format("{}: longer than {} bytes", column, kMaxIdBytes));
  }
  return Status::Ok();
}

// The same range and reason as parse_timestamp, for instants given in code.
Status out_of_range(std::string_view column) {
  return Status::DataError(fmt::format("{}: instant outside the years 0000-9999 in UTC", column));
}

}  // namespace

EventStoreBuilder::EventStoreBuilder() : impl_(std::make_unique<Impl>()) {}
EventStoreBuilder::~EventStoreBuilder() = default;
EventStoreBuilder::EventStoreBuilder(EventStoreBuilder&&) noexcept = default;
EventStoreBuilder& EventStoreBuilder::operator=(EventStoreBuilder&&) noexcept = default;

std::size_t EventStoreBuilder::event_count() const {
  return impl_->ev_time.size();
}

void EventStoreBuilder::reserve_events(std::size_t n) {
  Impl& m = *impl_;
  m.ev_customer.reserve(n);
  m.ev_time.reserve(n);
  m.ev_type.reserve(n);
  m.ev_amount.reserve(n);
  m.ev_score.reserve(n);
  m.ev_channel.reserve(n);
  m.ev_campaign.reserve(n);
}

void EventStoreBuilder::set_attribute_names(std::vector<std::string> names) {
  Impl& m = *impl_;
  m.attribute_names = std::move(names);
  m.attribute_values.assign(m.attribute_names.size(), detail::Interner());
  m.attributes.assign(m.attribute_names.size(),
                      std::vector<SymbolId>(m.declared_acquired_at.size(), kNoSymbol));
}

Status EventStoreBuilder::add_event(const EventInput& e) {
  if (Status s = check_id("customer_id", e.customer_id, true); !s.ok()) return s;
  if (e.type.empty()) return Status::DataError("type: type is empty");
  if (e.type.size() > kMaxIdBytes) return Status::DataError("type: longer than 1024 bytes");
  if (Status s = check_id("channel", e.channel, false); !s.ok()) return s;
  if (Status s = check_id("campaign", e.campaign, false); !s.ok()) return s;
  if (!in_year_range(e.time)) return out_of_range("timestamp");

  Impl& m = *impl_;
  const std::optional<EventType> builtin = detail::find_builtin_type(e.type);
  Money amount = 0;
  std::int8_t score = kNoScore;
  if (builtin == EventType::kPurchase) {
    if (!e.amount) return Status::DataError("amount: purchase needs an amount");
    if (*e.amount <= 0) return Status::DataError("amount: purchase needs a positive amount");
    amount = *e.amount;
  } else if (builtin == EventType::kRefund) {
    if (!e.amount) return Status::DataError("amount: refund needs an amount");
    if (*e.amount < 0) return Status::DataError("amount: refund amount is negative");
    amount = *e.amount;
  } else if (builtin) {
    if (const auto range = detail::find_score_range(*builtin)) {
      const std::string_view name = builtin_type_name(*builtin);
      if (!e.score) return Status::DataError(fmt::format("score: {} needs a score", name));
      if (*e.score < range->min || *e.score > range->max) {
        return Status::DataError(
            fmt::format("score: {} score must be {} to {}", name, range->min, range->max));
      }
      score = static_cast<std::int8_t>(*e.score);
    }
  }
  // Amounts and scores on other types carry no meaning in the contract and are not kept.

  const TypeCode type =
      builtin ? code(*builtin)
              : static_cast<TypeCode>(kFirstCustomType + m.custom_types.intern(e.type));
  if (!builtin && m.custom_types.size() > 0xFFFFu - kFirstCustomType) {
    return Status::DataError("type: more than 65519 distinct custom event types");
  }
  m.ev_customer.push_back(m.customer(e.customer_id));
  m.ev_time.push_back(e.time);
  m.ev_type.push_back(type);
  m.ev_amount.push_back(amount);
  m.ev_score.push_back(score);
  m.ev_channel.push_back(m.optional_symbol(m.channels, e.channel));
  m.ev_campaign.push_back(m.optional_symbol(m.campaigns, e.campaign));
  return Status::Ok();
}

Status EventStoreBuilder::add_customer(const CustomerInput& c) {
  if (Status s = check_id("customer_id", c.customer_id, true); !s.ok()) return s;
  if (Status s = check_id("channel", c.channel, false); !s.ok()) return s;
  if (c.acquired_at && !in_year_range(*c.acquired_at)) return out_of_range("acquired_at");
  Impl& m = *impl_;
  if (c.attributes.size() != m.attribute_names.size()) {
    return Status::Internal(
        fmt::format("customer row has {} attribute values for {} attribute columns",
                    c.attributes.size(), m.attribute_names.size()));
  }
  for (std::size_t a = 0; a < c.attributes.size(); ++a) {
    if (Status s = check_id(m.attribute_names[a], c.attributes[a], false); !s.ok()) return s;
  }
  const std::uint32_t idx = m.customer(c.customer_id);
  if (m.listed[idx]) {
    return Status::DataError(fmt::format("customer_id: duplicate customer_id '{}'", c.customer_id));
  }
  m.listed[idx] = 1;
  m.declared_acquired_at[idx] = c.acquired_at.value_or(kNever);
  m.declared_channel[idx] = m.optional_symbol(m.channels, c.channel);
  for (std::size_t a = 0; a < c.attributes.size(); ++a) {
    m.attributes[a][idx] = m.optional_symbol(m.attribute_values[a], c.attributes[a]);
  }
  return Status::Ok();
}

void EventStoreBuilder::set_sources(std::string events, std::string spend) {
  if (!events.empty()) impl_->events_source = std::move(events);
  if (!spend.empty()) impl_->spend_source = std::move(spend);
}

std::size_t EventStoreBuilder::custom_type_count() const {
  return impl_->custom_types.size();
}

namespace {

// Interns every string of `from` into `into`: the map from `from`'s ids to `into`'s.
std::vector<std::uint32_t> merge_symbols(detail::Interner& into, const detail::Interner& from) {
  std::vector<std::uint32_t> map(from.size());
  for (std::uint32_t i = 0; i < from.size(); ++i) map[i] = into.intern(from.name(i));
  return map;
}

template <typename T>
void append_column(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty() && to.capacity() <= from.capacity()) {
    to.swap(from);
  } else {
    to.insert(to.end(), from.begin(), from.end());
  }
  from = std::vector<T>();
}

// Appends map(v) for every v of `from` to `to`, then frees `from`.
template <typename T, typename Map>
void append_mapped(std::vector<T>& to, std::vector<T>& from, Map map) {
  const std::size_t at = to.size();
  to.resize(at + from.size());
  T* out = to.data() + at;
  for (std::size_t i = 0; i < from.size(); ++i) out[i] = map(from[i]);
  from = std::vector<T>();
}

}  // namespace

Status EventStoreBuilder::append(EventStoreBuilder&& other) {
  Impl& m = *impl_;
  Impl& o = *other.impl_;
  if (o.attribute_names != m.attribute_names && !o.attribute_names.empty()) {
    return Status::Internal("appended builder has other attribute columns");
  }
  // Into an empty builder (the first chunk of a parallel read): take the
  // rows as they are, without re-interning or copying them.
  const bool empty = m.customers.size() == 0 && m.ev_time.empty() && m.sp_date.empty() &&
                     m.channels.size() == 0 && m.campaigns.size() == 0 &&
                     m.custom_types.size() == 0 && m.attribute_names.empty() &&
                     o.attribute_names.empty();
  if (empty) {
    std::swap(m, o);
    std::swap(m.events_source, o.events_source);  // the names stay with this builder
    std::swap(m.spend_source, o.spend_source);
    o = Impl();
    return Status::Ok();
  }
  // Check everything that can fail before changing anything.
  std::size_t new_types = 0;
  for (std::uint32_t t = 0; t < o.custom_types.size(); ++t) {
    new_types += m.custom_types.find(o.custom_types.name(t)) == kNoSymbol ? 1 : 0;
  }
  if (m.custom_types.size() + new_types > 0xFFFFu - kFirstCustomType) {
    return Status::DataError("type: more than 65519 distinct custom event types");
  }
  for (std::uint32_t c = 0; c < o.customers.size(); ++c) {
    if (!o.listed[c]) continue;
    const std::uint32_t mine = m.customers.find(o.customers.name(c));
    if (mine != kNoSymbol && m.listed[mine]) {
      return Status::DataError(
          fmt::format("customer_id: duplicate customer_id '{}'", o.customers.name(c)));
    }
  }

  // The small symbol tables first; then the customers are interned on one
  // thread while the other copies the event columns that do not need them
  // (about half the bytes each: the copies are mostly page faults).
  const std::vector<std::uint32_t> channel_map = merge_symbols(m.channels, o.channels);
  const std::vector<std::uint32_t> campaign_map = merge_symbols(m.campaigns, o.campaigns);
  const std::vector<std::uint32_t> type_map = merge_symbols(m.custom_types, o.custom_types);
  std::vector<std::uint32_t> customer_map(o.customers.size());
  detail::parallel_pair(
      [&] {
        for (std::uint32_t c = 0; c < o.customers.size(); ++c) {
          customer_map[c] = m.customer(o.customers.name(c));
        }
        append_mapped(m.ev_customer, o.ev_customer,
                      [&customer_map](std::uint32_t c) { return customer_map[c]; });
        append_column(m.ev_amount, o.ev_amount);
        append_column(m.ev_score, o.ev_score);
      },
      [&] {
        append_column(m.ev_time, o.ev_time);
        append_mapped(m.ev_type, o.ev_type, [&type_map](TypeCode t) {
          return t >= kFirstCustomType
                     ? static_cast<TypeCode>(kFirstCustomType + type_map[t - kFirstCustomType])
                     : t;
        });
        append_mapped(m.ev_channel, o.ev_channel, [&channel_map](SymbolId v) {
          return v == kNoSymbol ? kNoSymbol : channel_map[v];
        });
        append_mapped(m.ev_campaign, o.ev_campaign, [&campaign_map](SymbolId v) {
          return v == kNoSymbol ? kNoSymbol : campaign_map[v];
        });
      });

  for (std::uint32_t c = 0; c < o.customers.size(); ++c) {
    if (!o.listed[c]) continue;
    const std::uint32_t idx = customer_map[c];
    m.listed[idx] = 1;
    m.declared_acquired_at[idx] = o.declared_acquired_at[c];
    m.declared_channel[idx] =
        o.declared_channel[c] == kNoSymbol ? kNoSymbol : channel_map[o.declared_channel[c]];
    for (std::size_t a = 0; a < o.attributes.size(); ++a) {
      const SymbolId v = o.attributes[a][c];
      m.attributes[a][idx] =
          v == kNoSymbol ? kNoSymbol : m.attribute_values[a].intern(o.attribute_values[a].name(v));
    }
  }

  detail::apply_remap(o.sp_channel, channel_map);
  append_column(m.sp_date, o.sp_date);
  append_column(m.sp_channel, o.sp_channel);
  append_column(m.sp_amount, o.sp_amount);
  *other.impl_ = Impl();
  return Status::Ok();
}

Status EventStoreBuilder::add_spend(const SpendInput& s) {
  if (Status st = check_id("channel", s.channel, true); !st.ok()) return st;
  if (s.amount < 0) return Status::DataError("amount: spend amount is negative");
  if (!in_year_range(s.date)) return out_of_range("date");
  Impl& m = *impl_;
  m.sp_date.push_back(s.date);
  m.sp_channel.push_back(m.channels.intern(s.channel));
  m.sp_amount.push_back(s.amount);
  return Status::Ok();
}

}  // namespace clm
