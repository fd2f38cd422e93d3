// clm/report.h — the whole default report: every section over one Scope.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clm/acquisition_cost.h"
#include "clm/activation.h"
#include "clm/activity.h"
#include "clm/churn.h"
#include "clm/clv.h"
#include "clm/cohorts.h"
#include "clm/document.h"
#include "clm/email.h"
#include "clm/event_store.h"
#include "clm/load_summary.h"
#include "clm/revenue.h"
#include "clm/rfm.h"
#include "clm/scope.h"
#include "clm/stages.h"
#include "clm/status.h"
#include "clm/surveys.h"
#include "clm/survival.h"

namespace clm {

// Settings of a report. Each metric area keeps its own options struct (with
// the docs/metrics.md defaults) in its header; the report holds one of each.
// The settings every area shares (z, margin) are in `scope`.
struct ReportOptions {
  ScopeOptions scope;                 // window, period, calendar, grouping, z, margin
  std::vector<std::string> sections;  // section ids to print; empty = all
  // Per-area options are added here as areas land, e.g. `SurveyOptions surveys;`.
  SurveyOptions surveys;         // NPS, CSAT, CES (surveys.h)
  EmailOptions email;            // email engagement (email.h)
  ActivityOptions activity;      // W and A for every lifecycle metric (activity.h)
  ChurnOptions churn;            // churn and retention (churn.h)
  CohortOptions cohorts;         // cohort tables (cohorts.h)
  SurvivalOptions survival;      // Kaplan-Meier (survival.h)
  StageOptions stages;           // lifecycle stages, flow, funnel (stages.h)
  ActivationOptions activation;  // activation (activation.h)
  RfmOptions rfm;                // RFM (rfm.h)
  RevenueOptions revenue;        // revenue, ARPU, repeat purchases, NRR/GRR (revenue.h)
  unsigned threads = 0;  // sections computed at once; 0 = all cores. Output never depends on it
};

// The clm version, "0.1.0" (printed by `clm --version` and in JSON reports).
std::string_view version();

// Ids of every section the report can print, in report order.
std::vector<std::string> report_section_ids();

// InvalidArgument naming the valid ids when `sections` holds one that is not
// in report_section_ids().
Status check_report_sections(const std::vector<std::string>& sections);

// The id of report_section_ids() whose area builds the document section
// `section_id` ("cac_summary" is built by "cac"); "" when no area builds it.
std::string report_section_of(std::string_view section_id);

// Computes every selected section: Analysis::create(store, options, loads)
// then Analysis::report() (clm/analysis.h), which a program computing more
// than the report calls itself, so that the report and its other metrics
// share their inputs. `loads` (what ingest did) feeds the data-quality
// section. InvalidArgument for an unknown section id (before the scope is
// made) or a bad scope.
Result<Document> build_report(std::shared_ptr<const EventStore> store, const ReportOptions& options,
                              const std::vector<TableLoad>& loads = {});

}  // namespace clm
