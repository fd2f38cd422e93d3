// clm/symbols.h — interned strings (ids, channels, campaigns, attribute values).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clm {

// Dense index of an interned string. In a built EventStore the ids of a table
// are numbered in byte order of their strings, so comparing ids compares the
// strings and output order never depends on input order.
using SymbolId = std::uint32_t;
inline constexpr SymbolId kNoSymbol = 0xFFFF'FFFFu;  // value absent

// An immutable, sorted string table: id i names the i-th string in byte order.
class SymbolTable {
 public:
  SymbolTable() = default;
  explicit SymbolTable(std::vector<std::string> sorted_unique);

  std::size_t size() const { return strings_.size(); }
  // The string of `id`; `id` must be < size().
  std::string_view name(SymbolId id) const { return strings_[id]; }
  // The id of `s`, or kNoSymbol if absent. O(log n).
  SymbolId find(std::string_view s) const;

 private:
  std::vector<std::string> strings_;
};

}  // namespace clm
