#include "clm/scope.h"

namespace clm {

Result<Scope> make_scope(std::shared_ptr<const EventStore> store, const ScopeOptions& options) {
  if (store == nullptr) return Status::InvalidArgument("make_scope: no store");
  Result<Window> window = resolve_window(*store, options.calendar, options.from, options.to);
  if (!window.ok()) return window.status();
  Scope s;
  s.calendar = options.calendar;
  s.window = *window;
  s.periods = PeriodSeries(s.window, options.period, s.calendar);
  s.acquisition = compute_acquisition(*store, s.window.to);
  s.group_by = options.group_by;
  s.z = options.z;
  s.margin = options.margin;
  Result<Grouping> grouping =
      make_grouping(*store, options.group_by, s.acquisition, s.calendar, options.period);
  if (!grouping.ok()) return grouping.status();
  s.grouping = std::move(*grouping);
  s.store = std::move(store);
  return s;
}

}  // namespace clm
