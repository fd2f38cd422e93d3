// The per-customer CSV export of historical CLV.
#include <ostream>
#include <string>
#include <string_view>

#include "clm/acquisition_cost.h"
#include "clm/clv_export.h"
#include "report/cells.h"

namespace clm {

using detail::csv_field;

Status write_historical_clv_csv(std::ostream& out, const Scope& scope, const HistoricalClv& clv) {
  const EventStore& store = *scope.store;
  if (clv.covered.size() != store.customer_count()) {
    return Status::InvalidArgument("CLV export: the CLV was computed for another store");
  }
  out << "customer_id,group,acquired_at,channel,net_revenue,clv\n";
  for (CustomerIndex c = 0; c < store.customer_count(); ++c) {
    if (!clv.covered[c]) continue;
    const SymbolId ch = scope.acquisition.channel[c];
    const std::uint32_t g = scope.grouping.group_of[c];
    // Group and channel as in the report's CSV: "(none)" for none, a real
    // value "(none)" escaped (label_text).
    out << csv_field(store.customer_id(c)) << ','
        << csv_field(scope.grouping.is_absent(g) ? std::string(kAbsentLabel)
                                                 : label_text(scope.grouping.labels[g]))
        << ',' << format_timestamp(scope.acquisition.acquired_at[c], scope.calendar.tz) << ','
        << csv_field(ch == kNoSymbol ? std::string(kAbsentLabel)
                                     : label_text(store.channels().name(ch)))
        << ',' << format_money(clv.net_revenue[c], 6) << ',' << format_money(clv.clv[c], 6) << '\n';
  }
  if (!out) return Status::IoError("cannot write the CLV export");
  return Status::Ok();
}

}  // namespace clm
