// clm/report.h — the whole default report: every section over one Scope.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clm/document.h"
#include "clm/email.h"
#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/scope.h"
#include "clm/status.h"
#include "clm/surveys.h"

namespace clm {

// Settings of a report. Each metric area keeps its own options struct (with
// the metrics.md defaults) in its header; the report holds one of each.
struct ReportOptions {
  ScopeOptions scope;                 // window, period, calendar, grouping
  std::vector<std::string> sections;  // section ids to print; empty = all
  // Per-area options are added here as areas land, e.g. `SurveyOptions surveys;`.
  SurveyOptions surveys;  // NPS, CSAT, CES (surveys.h)
  EmailOptions email;     // email engagement (email.h)
};

// The clm version, "0.1.0" (printed by `clm --version` and in JSON reports).
std::string_view version();

// Ids of every section the report can print, in report order.
std::vector<std::string> report_section_ids();

// Computes every selected section. `loads` (what ingest did) feeds the
// data-quality section. InvalidArgument for an unknown section id or a bad scope.
Result<Document> build_report(const EventStore& store, const ReportOptions& options,
                              const std::vector<TableLoad>& loads = {});

}  // namespace clm
