// Cohort tables: per cohort row a difference array of active counts (one
// update per active run, not per period) and a revenue array.

#include "clm/cohorts.h"

#include <algorithm>

namespace clm {
namespace {

struct RowAcc {
  std::int64_t size = 0;
  std::vector<std::int64_t> diff;  // over offsets, one extra slot
  std::vector<Money> revenue;
};

}  // namespace

CohortResult compute_cohorts(const Scope& scope, const ActivityModel& model,
                             const CohortOptions& options) {
  const std::size_t n = scope.periods.size();
  const std::size_t groups = scope.grouping.size();
  std::vector<std::vector<RowAcc>> acc(groups, std::vector<RowAcc>(n));
  for (auto& rows : acc) {
    for (std::size_t c = 0; c < n; ++c) {
      rows[c].diff.assign(n - c + 1, 0);
      rows[c].revenue.assign(n - c, 0);
    }
  }
  const EventStore& store = *scope.store;
  const auto times = store.times();
  const auto types = store.types();
  const auto amounts = store.amounts();
  const TypeCode kPurchase = code(EventType::kPurchase);
  const TypeCode kRefund = code(EventType::kRefund);
  std::vector<IndexRun> runs;
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const auto cohort = scope.periods.index_of(model.acquired_at(c));
    if (!cohort) continue;
    RowAcc& row = acc[scope.grouping.group_of[c]][*cohort];
    row.size += 1;
    runs.clear();
    model.active_period_runs(c, scope.periods, runs);
    if (options.active_or_later) {
      if (!runs.empty() && runs.back().last >= *cohort) {
        row.diff[0] += 1;
        row.diff[runs.back().last - *cohort + 1] -= 1;
      }
    } else {
      for (const IndexRun& r : runs) {
        // Runs never start before the cohort: a(c) < p1 is part of "active during".
        row.diff[r.first - *cohort] += 1;
        row.diff[r.last - *cohort + 1] -= 1;
      }
    }
    const EventRange er = store.events_of(c);
    auto it = std::lower_bound(times.begin() + static_cast<std::ptrdiff_t>(er.begin),
                               times.begin() + static_cast<std::ptrdiff_t>(er.end),
                               scope.periods[*cohort].start);
    std::size_t p = *cohort;
    for (auto i = static_cast<std::size_t>(it - times.begin());
         i < er.end && times[i] < scope.window.to; ++i) {
      if (types[i] != kPurchase && types[i] != kRefund) continue;
      while (times[i] >= scope.periods[p].end) ++p;  // events ascend: walk periods along
      row.revenue[p - *cohort] += types[i] == kPurchase ? amounts[i] : -amounts[i];
    }
  }

  CohortResult result;
  result.groups.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    CohortTable& table = result.groups[g];
    table.group = scope.grouping.labels[g];
    table.average.label = "average";
    std::vector<std::int64_t> avg_cohorts(n, 0), avg_active(n, 0), avg_size(n, 0), rr_size(n, 0);
    std::vector<double> rr_weighted(n, 0);
    table.average.cells.resize(n);
    for (std::size_t c = 0; c < n; ++c) {
      const RowAcc& a = acc[g][c];
      CohortRow row;
      row.label = scope.periods[c].label;
      row.size = a.size;
      std::int64_t running = 0;
      for (std::size_t k = 0; c + k < n; ++k) {
        running += a.diff[k];
        CohortCell cell;
        cell.offset = k;
        cell.partial = scope.periods[c + k].partial;
        cell.cohorts = a.size > 0 ? 1 : 0;
        cell.size = a.size;
        cell.active = running;
        cell.retention = make_proportion(running, a.size, scope.z);
        cell.revenue = a.revenue[k];
        if (a.revenue[0] > 0) {
          cell.revenue_retention = money_to_double(a.revenue[k]) / money_to_double(a.revenue[0]);
          rr_weighted[k] += static_cast<double>(a.size) * *cell.revenue_retention;
          rr_size[k] += a.size;
        }
        avg_cohorts[k] += cell.cohorts;
        avg_active[k] += running;
        avg_size[k] += a.size;
        CohortCell& avg = table.average.cells[k];
        avg.partial = avg.partial || cell.partial;
        avg.revenue += cell.revenue;
        row.cells.push_back(cell);
      }
      table.rows.push_back(std::move(row));
    }
    for (std::size_t k = 0; k < n; ++k) {
      CohortCell& avg = table.average.cells[k];
      avg.offset = k;
      avg.cohorts = avg_cohorts[k];
      avg.size = avg_size[k];
      avg.active = avg_active[k];
      avg.retention = make_proportion(avg_active[k], avg_size[k], scope.z);
      if (rr_size[k] > 0) avg.revenue_retention = rr_weighted[k] / static_cast<double>(rr_size[k]);
    }
    table.average.size = avg_size.empty() ? 0 : avg_size[0];
  }
  return result;
}

}  // namespace clm
