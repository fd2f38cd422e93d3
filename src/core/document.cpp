#include "clm/document.h"

namespace clm {

bool is_label_column(const Column& c) {
  return c.kind == ColumnKind::kText && (c.key == "group" || c.key == "channel");
}

std::string label_text(std::string_view value) {
  if (value == kAbsentLabel || (!value.empty() && value.front() == '\\')) {
    return "\\" + std::string(value);
  }
  return std::string(value);
}

std::size_t Section::add_column(std::string key, std::string title, ColumnKind kind, int decimals) {
  columns.push_back(Column{std::move(key), std::move(title), kind, decimals});
  return columns.size() - 1;
}

}  // namespace clm
