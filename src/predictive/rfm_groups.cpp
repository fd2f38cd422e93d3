#include "predictive/rfm_groups.h"

#include <algorithm>
#include <tuple>

namespace clm::detail {

std::vector<RfmGroup> group_by_rft(std::span<const RfmRow> rows) {
  std::vector<RfmGroup> keys;
  keys.reserve(rows.size());
  for (const RfmRow& r : rows) keys.push_back({static_cast<double>(r.x), r.t_x, r.T, 1.0});
  std::sort(keys.begin(), keys.end(), [](const RfmGroup& l, const RfmGroup& r) {
    return std::tie(l.x, l.T, l.t_x) < std::tie(r.x, r.T, r.t_x);
  });
  std::vector<RfmGroup> out;
  for (const RfmGroup& k : keys) {
    if (!out.empty() && out.back().x == k.x && out.back().T == k.T && out.back().t_x == k.t_x) {
      out.back().weight += 1;
    } else {
      out.push_back(k);
    }
  }
  return out;
}

std::vector<SpendGroup> group_spend(std::span<const RfmRow> rows) {
  std::vector<SpendGroup> keys;
  for (const RfmRow& r : rows) {
    if (r.x > 0) keys.push_back({static_cast<double>(r.x), r.monetary, 1.0});
  }
  std::sort(keys.begin(), keys.end(), [](const SpendGroup& l, const SpendGroup& r) {
    return std::tie(l.x, l.m) < std::tie(r.x, r.m);
  });
  std::vector<SpendGroup> out;
  for (const SpendGroup& k : keys) {
    if (!out.empty() && out.back().x == k.x && out.back().m == k.m) {
      out.back().weight += 1;
    } else {
      out.push_back(k);
    }
  }
  return out;
}

}  // namespace clm::detail
