#include "clm/type_lookalikes.h"

#include <optional>
#include <string_view>

namespace clm {

std::vector<TypeLookalike> builtin_lookalikes(const EventStore& store) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  std::vector<TypeLookalike> out;
  for (std::size_t i = 0; i < store.custom_type_count(); ++i) {
    const auto t = static_cast<TypeCode>(kFirstCustomType + i);
    const std::string_view name = store.type_name(t);
    const std::size_t begin = name.find_first_not_of(" \t");
    if (begin == std::string_view::npos) continue;
    const std::string_view core = name.substr(begin, name.find_last_not_of(" \t") + 1 - begin);
    std::string folded(core);
    for (char& c : folded) c = lower(c);
    const std::optional<EventType> builtin = builtin_type(folded);
    if (!builtin) continue;
    out.push_back({std::string(name), *builtin, folded != core, core.size() != name.size(),
                   store.count_of_type(t)});
  }
  return out;
}

}  // namespace clm
