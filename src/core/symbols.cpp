#include "clm/symbols.h"

#include <algorithm>

namespace clm {

SymbolTable::SymbolTable(std::vector<std::string> sorted_unique) : strings_(std::move(sorted_unique)) {}

SymbolId SymbolTable::find(std::string_view s) const {
  auto it = std::lower_bound(strings_.begin(), strings_.end(), s,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  if (it == strings_.end() || std::string_view(*it) != s) return kNoSymbol;
  return static_cast<SymbolId>(it - strings_.begin());
}

}  // namespace clm
