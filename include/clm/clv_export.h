// clm/clv_export.h — historical CLV per customer as CSV (`clm value --clv-csv`).
// A writer, so it lives with the report code rather than with the metric.
#pragma once

#include <ostream>

#include "clm/clv.h"
#include "clm/scope.h"
#include "clm/status.h"

namespace clm {

// Writes one CSV row per covered customer, in byte order of the ids:
// customer_id,group,acquired_at,channel,net_revenue,clv (acquired_at in the
// scope's zone, money exact with 6 decimals, RFC 4180 quoting). `clv` must
// come from compute_historical_clv(scope). IoError if the stream fails.
Status write_historical_clv_csv(std::ostream& out, const Scope& scope, const HistoricalClv& clv);

}  // namespace clm
