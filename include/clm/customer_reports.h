// clm/customer_reports.h — the per-customer lifecycle exports (one row per
// customer, for a CRM) as report Documents that every reporter prints: what
// `clm stages` and `clm rfm` write.
#pragma once

#include <vector>

#include "clm/document.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/stages.h"
#include "clm/time.h"

namespace clm {

// Title "clm stages", meta "at", and one section "customer_stages": per
// customer its id, group (of `scope`), stage at `at`, acquisition time (null
// for a prospect), whether active, purchases, latest NPS and referrals.
// `stages` comes from stages_at() at `at` over a model of scope.store; people
// unknown at the scope's as-of time are left out.
Document customer_stages_report(const Scope& scope, const std::vector<CustomerStage>& stages,
                                Timestamp at);

// Title "clm rfm" and one section "customer_rfm": per purchaser its id,
// group, R (days), F, M, the three scores and the segment, from
// compute_rfm(scope).
Document customer_rfm_report(const Scope& scope, const RfmResult& rfm);

}  // namespace clm
