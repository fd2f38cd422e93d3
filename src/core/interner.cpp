#include "core/interner.h"

#include <algorithm>
#include <numeric>

namespace clm::detail {

SymbolTable Interner::freeze(std::vector<std::uint32_t>& remap) {
  std::vector<std::uint32_t> order(names_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return names_[a] < names_[b]; });
  remap.assign(names_.size(), 0);
  std::vector<std::string> sorted;
  sorted.reserve(names_.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank]] = rank;
    sorted.push_back(std::move(names_[order[rank]]));
  }
  ids_.clear();
  names_.clear();
  return SymbolTable(std::move(sorted));
}

void apply_remap(std::vector<std::uint32_t>& column, const std::vector<std::uint32_t>& remap) {
  for (auto& v : column) {
    if (v != kNoSymbol) v = remap[v];
  }
}

}  // namespace clm::detail
