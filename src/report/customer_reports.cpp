// The per-customer lifecycle exports of `clm stages` and `clm rfm`.
#include "clm/customer_reports.h"

#include <optional>
#include <string>

#include "clm/section_schema.h"

namespace clm {
namespace {

Value opt_int(std::optional<int> v) {
  if (!v) return std::monostate{};
  return static_cast<std::int64_t>(*v);
}

Value group_of(const Scope& scope, CustomerIndex c) {
  return scope.grouping.cell(scope.grouping.group_of[c]);
}

const SectionSchema& customer_stages_schema() {
  static const SectionSchema kSchema = {"customer_stages",
                                        "Lifecycle stage per customer",
                                        {{"customer_id", "Customer", ColumnKind::kText},
                                         {"group", "Group", ColumnKind::kText},
                                         {"stage", "Stage", ColumnKind::kText},
                                         {"acquired_at", "Acquired at", ColumnKind::kText},
                                         {"active", "Active", ColumnKind::kFlag},
                                         {"purchases", "Purchases", ColumnKind::kCount},
                                         {"latest_nps", "Latest NPS", ColumnKind::kCount},
                                         {"referrals", "Referrals", ColumnKind::kCount}}};
  return kSchema;
}

const SectionSchema& customer_rfm_schema() {
  static const SectionSchema kSchema = {"customer_rfm",
                                        "RFM per customer",
                                        {{"customer_id", "Customer", ColumnKind::kText},
                                         {"group", "Group", ColumnKind::kText},
                                         {"recency_days", "R (days)", ColumnKind::kCount},
                                         {"frequency", "F", ColumnKind::kCount},
                                         {"monetary", "M", ColumnKind::kMoney},
                                         {"r_score", "R score", ColumnKind::kCount},
                                         {"f_score", "F score", ColumnKind::kCount},
                                         {"m_score", "M score", ColumnKind::kCount},
                                         {"segment", "Segment", ColumnKind::kText}}};
  return kSchema;
}

}  // namespace

Document customer_stages_report(const Scope& scope, const std::vector<CustomerStage>& stages,
                                Timestamp at) {
  Document doc;
  doc.title = "clm stages";
  doc.meta.push_back({"at", format_timestamp(at, scope.calendar.tz)});
  Section s = make_section(customer_stages_schema());
  for (const CustomerStage& c : stages) {
    if (!scope.grouping.includes(c.customer)) continue;  // unknown at the as-of time
    s.rows.push_back({std::string(scope.store->customer_id(c.customer)),
                      group_of(scope, c.customer), std::string(stage_name(c.stage)),
                      c.acquired_at == kNever
                          ? Value(std::monostate{})
                          : Value(format_timestamp(c.acquired_at, scope.calendar.tz)),
                      c.active, c.purchases, opt_int(c.latest_nps), c.referrals});
  }
  doc.sections.push_back(std::move(s));
  return doc;
}

Document customer_rfm_report(const Scope& scope, const RfmResult& rfm) {
  Document doc;
  doc.title = "clm rfm";
  Section s = make_section(customer_rfm_schema());
  for (const RfmCustomer& c : rfm.customers) {
    s.rows.push_back({std::string(scope.store->customer_id(c.customer)),
                      group_of(scope, c.customer), c.recency_days, c.frequency, c.monetary,
                      static_cast<std::int64_t>(c.r_score), static_cast<std::int64_t>(c.f_score),
                      static_cast<std::int64_t>(c.m_score),
                      std::string(rfm_segment_name(c.segment))});
  }
  doc.sections.push_back(std::move(s));
  return doc;
}

}  // namespace clm
