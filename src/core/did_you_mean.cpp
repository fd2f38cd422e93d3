#include "clm/did_you_mean.h"

#include <algorithm>
#include <vector>

namespace clm {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::size_t hint_distance(std::string_view name, std::string_view candidate) {
  if (!name.empty() && name.size() < candidate.size() && candidate.starts_with(name)) return 1;
  return edit_distance(name, candidate);
}

}  // namespace clm
