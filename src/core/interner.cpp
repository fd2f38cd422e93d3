#include "core/interner.h"

#include <algorithm>
#include <numeric>

namespace clm::detail {
namespace {

__extension__ using U128 = unsigned __int128;

inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const U128 r = static_cast<U128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

inline std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

constexpr std::uint64_t kP0 = 0xa0761d6478bd642full;
constexpr std::uint64_t kP1 = 0xe7037ed1a0b428dbull;

}  // namespace

std::uint64_t hash_bytes(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = kP0 ^ (n * kP1);
  while (n >= 8) {
    h = mix(h ^ load8(p), kP1);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = mix(h ^ tail, kP0);
  }
  return mix(h, kP1 ^ 0x8ebc6af09c88c6e3ull);
}

std::uint32_t Interner::find(std::string_view s) const {
  const std::uint64_t h = hash_bytes(s);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t i = h & mask_; slots_[i].id != 0; i = (i + 1) & mask_) {
    if (slots_[i].tag == tag && equals(slots_[i].id - 1, s)) return slots_[i].id - 1;
  }
  return kNoSymbol;
}

std::uint32_t Interner::insert_at(std::size_t slot, std::uint32_t tag, std::string_view s) {
  const auto id = static_cast<std::uint32_t>(lengths_.size());
  begins_.push_back(arena_.size());
  lengths_.push_back(static_cast<std::uint32_t>(s.size()));
  arena_.insert(arena_.end(), s.begin(), s.end());
  slots_[slot] = Slot{tag, id + 1};
  if (2 * lengths_.size() > slots_.size()) grow();
  return id;
}

void Interner::grow() {
  std::vector<Slot> bigger(slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& s : slots_) {
    if (s.id == 0) continue;
    // The slot keeps only the high half of the hash: rehash the string.
    std::size_t i = hash_bytes(name(s.id - 1)) & mask;
    while (bigger[i].id != 0) i = (i + 1) & mask;
    bigger[i] = s;
  }
  slots_ = std::move(bigger);
  mask_ = mask;
}

SymbolTable Interner::freeze(std::vector<std::uint32_t>& remap) {
  const std::size_t n = size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return name(a) < name(b); });
  remap.assign(n, 0);
  std::vector<std::string> sorted;
  sorted.reserve(n);
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank]] = rank;
    sorted.emplace_back(name(order[rank]));
  }
  *this = Interner();
  return SymbolTable(std::move(sorted));
}

void apply_remap(std::vector<std::uint32_t>& column, const std::vector<std::uint32_t>& remap) {
  for (auto& v : column) {
    if (v != kNoSymbol) v = remap[v];
  }
}

}  // namespace clm::detail
