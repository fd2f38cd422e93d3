// EventStore queries. The builder is in event_store_builder.cpp.
#include "clm/event_store.h"

#include <algorithm>

namespace clm {

std::optional<CustomerIndex> EventStore::find_customer(std::string_view id) const {
  const SymbolId s = customer_ids_.find(id);
  if (s == kNoSymbol) return std::nullopt;
  return static_cast<CustomerIndex>(s);
}

std::optional<std::size_t> EventStore::find_attribute(std::string_view name) const {
  auto it = std::lower_bound(attribute_names_.begin(), attribute_names_.end(), name,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  if (it == attribute_names_.end() || *it != name) return std::nullopt;
  return static_cast<std::size_t>(it - attribute_names_.begin());
}

std::string_view EventStore::type_name(TypeCode t) const {
  if (t < kFirstCustomType) return builtin_type_name(static_cast<EventType>(t));
  return custom_types_.name(t - kFirstCustomType);
}

std::optional<TypeCode> EventStore::find_type(std::string_view name) const {
  if (auto b = builtin_type(name)) return code(*b);
  const SymbolId s = custom_types_.find(name);
  if (s == kNoSymbol) return std::nullopt;
  return static_cast<TypeCode>(kFirstCustomType + s);
}

std::int64_t EventStore::count_of_type(TypeCode t) const {
  return t < type_counts_.size() ? type_counts_[t] : 0;
}

std::size_t EventStore::memory_bytes() const {
  std::size_t bytes = 0;
  bytes += times_.capacity() * sizeof(Timestamp) + types_.capacity() * sizeof(TypeCode);
  bytes += amounts_.capacity() * sizeof(Money) + scores_.capacity();
  bytes += (event_channels_.capacity() + campaigns_.capacity()) * sizeof(SymbolId);
  bytes += offsets_.capacity() * sizeof(std::size_t);
  bytes += declared_acquired_at_.capacity() * sizeof(Timestamp);
  bytes += declared_channel_.capacity() * sizeof(SymbolId) + listed_.capacity();
  for (std::size_t c = 0; c < customer_ids_.size(); ++c) bytes += 32 + customer_ids_.name(c).size();
  for (const auto& col : attribute_columns_) bytes += col.capacity() * sizeof(SymbolId);
  bytes += spend_dates_.capacity() * (sizeof(Timestamp) + sizeof(SymbolId) + sizeof(Money));
  return bytes;
}

}  // namespace clm
