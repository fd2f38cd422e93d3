// The value sections of the report: ids, stable column keys, null cells and
// the margin setting, on a small store whose numbers are worked out by hand.
#include <catch2/catch.hpp>
#include <string>
#include <variant>

#include "clm/report.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// Window [2024-01-01, 2024-02-01), one month.
//   a (ads): signup 01-02, purchase 100 on 01-03.   ads spend 40 → CAC 40.
//   tv: spend 25, no customer → CAC null, spend shown.
EventStore section_store() {
  return make_store(
      {{"a", "2024-01-02", "signup", std::nullopt, "ads"}, {"a", "2024-01-03", "purchase", M(100)}},
      {}, {{"2024-01-05", "ads", M(40)}, {"2024-01-06", "tv", M(25)}});
}

Document report(const EventStore& store, std::vector<std::string> sections, double margin = 1.0) {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-02-01");
  o.sections = std::move(sections);
  o.scope.margin = margin;
  auto doc = build_report(std::make_shared<const EventStore>(store), o);
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

const Section& section(const Document& d, const std::string& id) {
  for (const Section& s : d.sections) {
    if (s.id == id) return s;
  }
  FAIL("no section " << id);
  return d.sections.front();
}

std::size_t column(const Section& s, const std::string& key) {
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    if (s.columns[c].key == key) return c;
  }
  FAIL("no column " << key);
  return 0;
}

}  // namespace

TEST_CASE("cac sections: a channel with spend and no customer keeps its spend and a null CAC",
          "[value][sections]") {
  const EventStore store = section_store();
  const Document d = report(store, {"cac"});
  REQUIRE(d.sections.size() == 2);
  const Section& s = section(d, "cac_channels");
  CHECK(s.columns[column(s, "spend")].kind == ColumnKind::kMoney);
  // Rows: window (ads, tv), then 2024-01 (ads, tv).
  REQUIRE(s.rows.size() == 4);
  const auto& tv = s.rows[1];
  CHECK(std::get<std::string>(tv[column(s, "channel")]) == "tv");
  CHECK(std::get<std::int64_t>(tv[column(s, "spend")]) == M(25));
  CHECK(std::holds_alternative<std::monostate>(tv[column(s, "cac")]));
  CHECK(std::get<std::int64_t>(s.rows[0][column(s, "cac")]) == M(40));

  // Blended = 65 / 1; paid = 65 / 1 (ads had spend); no unpaid customer.
  const Section& sum = section(d, "cac_summary");
  CHECK(std::get<std::int64_t>(sum.rows[0][column(sum, "blended_cac")]) == M(65));
  CHECK(std::get<std::int64_t>(sum.rows[0][column(sum, "paid_cac")]) == M(65));
  CHECK(std::get<std::int64_t>(sum.rows[0][column(sum, "unpaid_new_customers")]) == 0);
}

TEST_CASE("clv and payback sections apply the margin", "[value][sections]") {
  const EventStore store = section_store();
  const Document d = report(store, {"cac_payback", "clv", "clv_cac"}, 0.5);
  // Payback (all): spend 65, m × revenue in month 1 = 50 < 65 → null.
  const Section& p = section(d, "cac_payback");
  REQUIRE(p.rows.size() == 3);  // all, ads, tv
  CHECK(std::get<std::string>(p.rows[0][column(p, "channel")]) == "all");
  CHECK(std::get<std::int64_t>(p.rows[0][column(p, "margin_revenue")]) == M(50));
  CHECK(std::holds_alternative<std::monostate>(p.rows[0][column(p, "payback_months")]));
  // ads alone: spend 40 ≤ 50 → month 1.
  CHECK(std::get<std::int64_t>(p.rows[1][column(p, "payback_months")]) == 1);

  // Historical CLV of a = 0.5 × 100 = 50. Nobody is active at the start of January
  // (a is acquired on 01-02): churn has no denominator → formula CLV null.
  const Section& c = section(d, "clv");
  CHECK(std::get<std::int64_t>(c.rows[0][column(c, "historical_clv_mean")]) == M(50));
  CHECK(std::holds_alternative<std::monostate>(c.rows[0][column(c, "formula_clv")]));

  // CLV:CAC of ads = 50 / 40 = 1.25, below the 3:1 benchmark.
  const Section& r = section(d, "clv_cac");
  CHECK(std::get<double>(r.rows[0][column(r, "clv_cac")]) == Approx(1.25));
  CHECK(std::get<bool>(r.rows[0][column(r, "meets_benchmark")]) == false);
  CHECK(std::get<double>(r.rows[0][column(r, "benchmark")]) == 3.0);
}

TEST_CASE("a margin outside 0..1 fails the report", "[value][sections]") {
  const EventStore store = section_store();
  ReportOptions o;
  o.sections = {"clv"};
  o.scope.margin = 1.2;
  CHECK(build_report(std::make_shared<const EventStore>(store), o).status().code() ==
        Status::Code::kInvalidArgument);
}
