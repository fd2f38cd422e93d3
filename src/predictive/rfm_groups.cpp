#include "predictive/rfm_groups.h"

#include <algorithm>
#include <tuple>

namespace clm::detail {

RfmGroups group_by_rft(std::span<const PurchaseRow> rows) {
  std::vector<RfmGroup> keys;
  keys.reserve(rows.size());
  for (const PurchaseRow& r : rows) keys.push_back({static_cast<double>(r.x), r.t_x, r.T, 1.0});
  std::sort(keys.begin(), keys.end(), [](const RfmGroup& l, const RfmGroup& r) {
    return std::tie(l.x, l.T, l.t_x) < std::tie(r.x, r.T, r.t_x);
  });
  RfmGroups out;
  for (const RfmGroup& k : keys) {
    if (!out.rows.empty() && out.rows.back().x == k.x && out.rows.back().T == k.T &&
        out.rows.back().t_x == k.t_x) {
      out.rows.back().weight += 1;
    } else {
      out.rows.push_back(k);
      out.times.push_back(k.t_x);
      out.times.push_back(k.T);
    }
  }
  std::sort(out.times.begin(), out.times.end());
  out.times.erase(std::unique(out.times.begin(), out.times.end()), out.times.end());
  auto index_of = [&](double v) {
    return static_cast<std::uint32_t>(std::lower_bound(out.times.begin(), out.times.end(), v) -
                                      out.times.begin());
  };
  for (RfmGroup& g : out.rows) {
    g.t_x_index = index_of(g.t_x);
    g.T_index = index_of(g.T);
  }
  return out;
}

std::vector<SpendGroup> group_spend(std::span<const PurchaseRow> rows) {
  std::vector<SpendGroup> keys;
  for (const PurchaseRow& r : rows) {
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
