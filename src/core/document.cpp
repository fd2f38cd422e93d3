#include "clm/document.h"

namespace clm {

std::size_t Section::add_column(std::string key, std::string title, ColumnKind kind, int decimals) {
  columns.push_back(Column{std::move(key), std::move(title), kind, decimals});
  return columns.size() - 1;
}

}  // namespace clm
