// The email section of the report: "email".
//
// Like the survey sections: per group (sorted by name), one row for the whole
// window (period "window") and then one row per period, flagged `partial` when
// the period is clipped by the window. Counts are kCount, rates kRate.
#include <optional>
#include <string>
#include <vector>

#include "clm/document.h"
#include "clm/email.h"
#include "clm/report.h"
#include "clm/scope.h"
#include "clm/status.h"
#include "report/schema_columns.h"
#include "report/section_registry.h"

namespace clm::detail {
namespace {

Value rate(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}

std::vector<Value> email_row(const Value& group, const std::string& period, bool partial,
                             const EmailResult& r) {
  return {group,
          period,
          partial,
          r.sent,
          r.delivered,
          r.bounced,
          r.unique_opens,
          r.unique_clicks,
          r.unsubscribed,
          rate(r.delivery_rate),
          rate(r.bounce_rate),
          rate(r.open_rate),
          rate(r.click_rate),
          rate(r.click_to_open),
          rate(r.unsubscribe_rate)};
}

}  // namespace

// Registered in section_registry.cpp, with the builder below.
const SectionSchema& email_schema() {
  static const SectionSchema kSchema = [] {
    SectionSchema s{"email", "Email engagement", period_key_columns(), {}, {}};
    s.columns.insert(
        s.columns.end(),
        {{"sent", "Sent", ColumnKind::kCount},
         {"delivered", "Delivered", ColumnKind::kCount},
         {"bounced", "Bounced", ColumnKind::kCount},
         {"unique_opens", "Opens", ColumnKind::kCount},
         {"unique_clicks", "Clicks", ColumnKind::kCount},
         {"unsubscribed", "Unsubs", ColumnKind::kCount},
         {"delivery_rate",
          "Delivery",
          ColumnKind::kRate,
          2,
          {"email_delivery_rate", "delivered / sent"}},
         {"bounce_rate", "Bounce", ColumnKind::kRate, 2, {"email_bounce_rate", "bounced / sent"}},
         {"open_rate",
          "Open",
          ColumnKind::kRate,
          2,
          {"email_open_rate", "unique opens / delivered"}},
         {"click_rate",
          "CTR",
          ColumnKind::kRate,
          2,
          {"email_click_rate", "unique clicks / delivered"}},
         {"click_to_open", "CTOR", ColumnKind::kRate},
         {"unsubscribe_rate",
          "Unsub rate",
          ColumnKind::kRate,
          2,
          {"email_unsubscribe_rate", "unsubscribes / delivered"}}});
    return s;
  }();
  return kSchema;
}

Status build_email_sections(const Scope& scope, const ReportOptions& options,
                            ReportContext& /*context*/, std::vector<Section>& out) {
  const bool estimate = email_estimates_delivered(*scope.store, options.email);
  const Breakdown<EmailAccumulator> b = compute_email(scope);

  Section s = make_section(email_schema());

  std::int64_t sent = 0;
  for (std::size_t g = 0; g < scope.grouping.size(); ++g) {
    const Value group = scope.grouping.cell(g);
    const EmailResult w = email_result(b.window(g), estimate);
    sent += w.sent;
    s.rows.push_back(email_row(group, "window", false, w));
    for (std::size_t p = 0; p < scope.periods.size(); ++p) {
      const Period& period = scope.periods[p];
      s.rows.push_back(
          email_row(group, period.label, period.partial, email_result(b.at(g, p), estimate)));
    }
  }
  s.notes.push_back(
      "Opens and clicks are unique (customer, campaign) pairs within each row; open, click "
      "and unsubscribe rates are over delivered, delivery and bounce rates over sent, "
      "click-to-open over opens.");
  if (estimate) {
    s.notes.push_back(
        "The data has no email_delivered events: delivered = sent − bounced (at least 0).");
  }
  if (sent == 0) s.notes.push_back("No email_sent events in the window.");
  out.push_back(std::move(s));
  return Status::Ok();
}

}  // namespace clm::detail
