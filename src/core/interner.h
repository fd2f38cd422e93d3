// Internal: assigns provisional ids to strings while rows arrive, then
// renumbers them in byte order so the built store is independent of row order.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clm/symbols.h"

namespace clm::detail {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class Interner {
 public:
  // Provisional id of s (new strings get the next id).
  std::uint32_t intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(s);
    ids_.emplace(std::string_view(names_.back()), id);
    return id;
  }
  // Provisional id of s, or kNoSymbol.
  std::uint32_t find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? kNoSymbol : it->second;
  }
  std::size_t size() const { return names_.size(); }
  const std::string& name(std::uint32_t id) const { return names_[id]; }

  // Sorts the strings byte-wise: fills `remap` (provisional id → final id)
  // and returns the final table. The interner is left empty.
  SymbolTable freeze(std::vector<std::uint32_t>& remap);

 private:
  // Keys view into names_, whose elements never move (deque).
  std::unordered_map<std::string_view, std::uint32_t, StringHash> ids_;
  std::deque<std::string> names_;
};

// Applies a remap to a column of provisional ids, keeping kNoSymbol.
void apply_remap(std::vector<std::uint32_t>& column, const std::vector<std::uint32_t>& remap);

}  // namespace clm::detail
