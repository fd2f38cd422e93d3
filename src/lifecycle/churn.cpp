// Churn and retention: each customer's active runs over the period boundaries
// t_0 = from, t_1, ..., t_n = to become difference-array updates, so the cost
// does not grow with customers × periods.

#include "clm/churn.h"

namespace clm {
namespace {

struct Diffs {
  std::vector<std::int64_t> start, end, retained, churned, fresh, reactivated;
  explicit Diffs(std::size_t n)
      : start(n + 1), end(n + 1), retained(n + 1), churned(n), fresh(n), reactivated(n) {}
};

// Adds 1 to periods [lo, hi] (inclusive; empty when lo > hi) of a difference array.
void add_range(std::vector<std::int64_t>& d, std::int64_t lo, std::int64_t hi) {
  if (lo > hi) return;
  d[static_cast<std::size_t>(lo)] += 1;
  d[static_cast<std::size_t>(hi) + 1] -= 1;
}

void finish(ChurnCell& cell, double z) {
  cell.retention = make_proportion(cell.retained, cell.start_active, z);
  cell.churn = make_proportion(cell.churned, cell.start_active, z);
  cell.quick_ratio = ratio(static_cast<double>(cell.new_customers + cell.reactivated),
                           static_cast<double>(cell.churned));
}

}  // namespace

ChurnResult compute_churn(const Scope& scope, const ActivityModel& model,
                          const ChurnOptions& /*options*/) {
  const std::size_t n = scope.periods.size();
  const auto ni = static_cast<std::int64_t>(n);
  std::vector<Timestamp> instants;
  instants.reserve(n + 1);
  for (const Period& p : scope.periods) instants.push_back(p.start);
  instants.push_back(scope.window.to);

  std::vector<Diffs> diffs(scope.grouping.size(), Diffs(n));
  std::vector<IndexRun> runs;
  const std::size_t customers = scope.store->customer_count();
  for (CustomerIndex c = 0; c < customers; ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const Timestamp a = model.acquired_at(c);
    if (a == kNever) continue;
    Diffs& d = diffs[scope.grouping.group_of[c]];
    if (auto p = scope.periods.index_of(a)) d.fresh[*p] += 1;
    runs.clear();
    model.active_instant_runs(c, instants, runs);
    for (const IndexRun& r : runs) {
      // Active at t_i for i in [first, last]: in S of periods first..last (< n),
      // in E of periods first−1..last−1, retained in first..last−1.
      const auto f = static_cast<std::int64_t>(r.first);
      const auto l = static_cast<std::int64_t>(r.last);
      add_range(d.start, f, std::min(l, ni - 1));
      add_range(d.end, std::max<std::int64_t>(f - 1, 0), l - 1);
      add_range(d.retained, f, l - 1);
      if (l < ni) d.churned[r.last] += 1;
      // Not active at t_{f−1} but at t_f: in E \ S of period f−1; new ones
      // (acquired in that period) have a(c) >= its p0 and are excluded.
      if (f >= 1 && a < instants[r.first - 1]) d.reactivated[r.first - 1] += 1;
    }
  }

  ChurnResult result;
  result.groups.resize(scope.grouping.size());
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    ChurnGroup& out = result.groups[g];
    out.label = scope.grouping.labels[g];
    out.periods.resize(n);
    const Diffs& d = diffs[g];
    std::int64_t s = 0, e = 0, kept = 0;
    for (std::size_t p = 0; p < n; ++p) {
      s += d.start[p];
      e += d.end[p];
      kept += d.retained[p];
      ChurnCell& cell = out.periods[p];
      cell.start_active = s;
      cell.end_active = e;
      cell.retained = kept;
      cell.churned = d.churned[p];
      cell.new_customers = d.fresh[p];
      cell.reactivated = d.reactivated[p];
      finish(cell, scope.z);
      out.window.start_active += s;
      out.window.end_active += e;
      out.window.retained += kept;
      out.window.churned += cell.churned;
      out.window.new_customers += cell.new_customers;
      out.window.reactivated += cell.reactivated;
    }
    finish(out.window, scope.z);
  }
  return result;
}

}  // namespace clm
