// Internal: assigns provisional ids to strings while rows arrive, then
// renumbers them in byte order so the built store is independent of row order.
//
// An open-addressing table of (stored hash, id) slots over one byte arena: a
// lookup touches one slot and, on a hash match, the arena; a new string costs
// no allocation of its own. Interning is the hottest step of ingest (one to
// four lookups per event), so it matters that a hit costs no more than a hash.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "clm/symbols.h"

namespace clm::detail {

// A 64-bit hash of a byte string, 8 bytes at a time with a 128-bit multiply
// fold (the wyhash mixing step). Not cryptographic; only spreads ids well.
std::uint64_t hash_bytes(std::string_view s);

class Interner {
 public:
  // Provisional id of s (new strings get the next id).
  std::uint32_t intern(std::string_view s) {
    const std::uint64_t h = hash_bytes(s);
    std::size_t i = h & mask_;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (; slots_[i].id != 0; i = (i + 1) & mask_) {
      if (slots_[i].tag == tag && equals(slots_[i].id - 1, s)) return slots_[i].id - 1;
    }
    return insert_at(i, tag, s);
  }
  // Provisional id of s, or kNoSymbol.
  std::uint32_t find(std::string_view s) const;
  std::size_t size() const { return lengths_.size(); }
  std::string_view name(std::uint32_t id) const {
    return {arena_.data() + begins_[id], lengths_[id]};
  }

  // Sorts the strings byte-wise: fills `remap` (provisional id → final id)
  // and returns the final table. The interner is left empty.
  SymbolTable freeze(std::vector<std::uint32_t>& remap);

 private:
  struct Slot {
    std::uint32_t tag = 0;  // high half of the hash
    std::uint32_t id = 0;   // provisional id + 1; 0 = empty slot
  };

  bool equals(std::uint32_t id, std::string_view s) const {
    return lengths_[id] == s.size() &&
           (s.empty() || std::memcmp(arena_.data() + begins_[id], s.data(), s.size()) == 0);
  }
  std::uint32_t insert_at(std::size_t slot, std::uint32_t tag, std::string_view s);
  void grow();

  std::vector<Slot> slots_ = std::vector<Slot>(16);  // power of two, at most half full
  std::size_t mask_ = 15;
  std::vector<char> arena_;             // every string's bytes, back to back
  std::vector<std::uint64_t> begins_;   // per id: offset in arena_
  std::vector<std::uint32_t> lengths_;  // per id: byte length (ids are at most 1 KiB)
};

// Applies a remap to a column of provisional ids, keeping kNoSymbol.
void apply_remap(std::vector<std::uint32_t>& column, const std::vector<std::uint32_t>& remap);

}  // namespace clm::detail
