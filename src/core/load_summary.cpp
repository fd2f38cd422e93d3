#include "clm/load_summary.h"

namespace clm {

std::int64_t TableLoad::rows_rejected() const {
  std::int64_t n = 0;
  for (const auto& [reason, rows] : rejected_by_reason) n += rows;
  return n;
}

}  // namespace clm
