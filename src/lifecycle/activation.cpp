// Activation: each customer's first purchase is the first purchase event in
// its sorted events, so one look per customer.

#include "clm/activation.h"

namespace clm {
namespace {

struct Acc {
  std::int64_t acquired = 0;
  std::int64_t activated = 0;
  std::vector<double> days;
};

ActivationCell finish(Acc& a, double z) {
  ActivationCell cell;
  cell.acquired = a.acquired;
  cell.purchasers = static_cast<std::int64_t>(a.days.size());
  cell.activation = make_proportion(a.activated, a.acquired, z);
  cell.median_days_to_first_purchase = median(a.days);
  return cell;
}

}  // namespace

Result<ActivationResult> compute_activation(const Scope& scope, const ActivationOptions& options) {
  if (options.activation_window_days < 0 || options.activation_window_days > 1'000'000) {
    return Status::InvalidArgument("activation window D must be between 0 and 1000000 days");
  }
  const Timestamp d = options.activation_window_days * kSecondsPerDay;
  const EventStore& store = *scope.store;
  const auto times = store.times();
  const auto types = store.types();
  const std::size_t n = scope.periods.size();
  Breakdown<Acc> acc(scope.grouping.size(), n);
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!scope.grouping.includes(c)) continue;  // unknown at the as-of time
    const Timestamp a = scope.acquisition.acquired_at[c];
    const auto p = scope.periods.index_of(a);
    if (!p) continue;
    const std::uint32_t g = scope.grouping.group_of[c];
    std::optional<Timestamp> first;
    const EventRange r = store.events_of(c);
    for (std::size_t i = r.begin; i < r.end && times[i] < scope.window.to; ++i) {
      if (types[i] == code(EventType::kPurchase)) {
        first = times[i];
        break;
      }
    }
    for (Acc* cell : {&acc.window(g), &acc.at(g, *p)}) {
      cell->acquired += 1;
      if (!first) continue;
      if (a <= *first && *first - a <= d) cell->activated += 1;
      cell->days.push_back(static_cast<double>(*first - a) / kSecondsPerDay);
    }
  }
  ActivationResult result;
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    ActivationGroup out;
    out.label = scope.grouping.labels[g];
    out.window = finish(acc.window(g), scope.z);
    for (std::size_t p = 0; p < n; ++p) out.periods.push_back(finish(acc.at(g, p), scope.z));
    result.groups.push_back(std::move(out));
  }
  return result;
}

}  // namespace clm
