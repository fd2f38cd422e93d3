// Customers with no attribute value or no channel form a group (a channel) of
// their own, never merged with a real value "(none)"; JSON writes it null and
// the text formats "(none)", escaping a real "(none)".
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <variant>

#include "clm/acquisition_cost.h"
#include "clm/report.h"
#include "clm/reporters.h"
#include "test_value_util.h"

using namespace clm;
using namespace clm::value_test;

namespace {

// Window [2024-01-01, 2024-02-01), one month; every customer signs up, then buys.
//   n: no plan, no channel          purchase 10
//   r: plan "(none)", channel "(none)" (real values)   purchase 20; "(none)" spend 30
//   s: plan "\x", channel ads       purchase 80
//   p: plan "pro", channel ads      purchase 40;                   ads spend 60
EventStore absent_store() {
  return make_store(
      {
          {"n", "2024-01-02", "signup"},
          {"n", "2024-01-03", "purchase", M(10)},
          {"r", "2024-01-04", "signup"},
          {"r", "2024-01-05", "purchase", M(20)},
          {"s", "2024-01-06", "signup"},
          {"s", "2024-01-07", "purchase", M(80)},
          {"p", "2024-01-08", "signup"},
          {"p", "2024-01-09", "purchase", M(40)},
      },
      {{"n", "", "", ""},
       {"r", "", "(none)", "(none)"},
       {"s", "", "ads", "\\x"},
       {"p", "", "ads", "pro"}},
      {{"2024-01-05", "(none)", M(30)}, {"2024-01-06", "ads", M(60)}});
}

Document report(const EventStore& store, const std::string& by) {
  ReportOptions o;
  o.scope.from = T("2024-01-01");
  o.scope.to = T("2024-02-01");
  o.scope.group_by = GroupBy::parse(by);
  o.sections = {"revenue", "cac", "cac_payback", "clv_cac"};
  auto doc = build_report(std::make_shared<const EventStore>(store), o);
  INFO(doc.status().message());
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

std::string write(const Document& d, Format f) {
  std::ostringstream out;
  REQUIRE(write_report(out, d, f).ok());
  return out.str();
}

bool is_null(const Value& v) {
  return std::holds_alternative<std::monostate>(v);
}

}  // namespace

TEST_CASE("grouping keeps customers without a value apart from a real value (none)",
          "[grouping][absent]") {
  const EventStore store = absent_store();
  const Scope scope = make_test_scope(store, "2024-01-01", "2024-02-01", "plan");
  // Byte order, the absent group just before the real "(none)"; '\' (0x5C) < 'p'.
  REQUIRE(scope.grouping.labels == std::vector<std::string>{"(none)", "(none)", "\\x", "pro"});
  REQUIRE(scope.grouping.absent == std::optional<std::size_t>(0));
  CHECK(scope.grouping.group_of[*store.find_customer("n")] == 0);
  CHECK(scope.grouping.group_of[*store.find_customer("r")] == 1);
  CHECK(scope.grouping.is_absent(0));
  CHECK_FALSE(scope.grouping.is_absent(1));
}

TEST_CASE("a real group (none) is its own row: null in JSON, escaped in the text formats",
          "[report][absent]") {
  const Document d = report(absent_store(), "plan");
  const Section& rev = section(d, "revenue");
  const std::size_t group = column(rev, "group"), period = column(rev, "period"),
                    net = column(rev, "net_revenue");
  // Window rows per group, in group order: absent (n) 10, "(none)" (r) 20, "\x" (s) 80, pro 40.
  std::vector<const std::vector<Value>*> window;
  for (const auto& row : rev.rows) {
    if (std::get<std::string>(row[period]) == "window") window.push_back(&row);
  }
  REQUIRE(window.size() == 4);
  CHECK(is_null((*window[0])[group]));
  CHECK(std::get<std::int64_t>((*window[0])[net]) == M(10));
  CHECK(std::get<std::string>((*window[1])[group]) == "(none)");
  CHECK(std::get<std::int64_t>((*window[1])[net]) == M(20));
  CHECK(std::get<std::string>((*window[2])[group]) == "\\x");
  CHECK(std::get<std::int64_t>((*window[3])[net]) == M(40));

  const std::string json = write(d, Format::kJson);
  CHECK(json.find(
            R"({"group": null, "period": "window", "partial": false, "net_revenue": 10.000000)") !=
        std::string::npos);
  const std::string real_none =
      R"j({"group": "(none)", "period": "window", "partial": false, "net_revenue": 20.000000)j";
  CHECK(json.find(real_none) != std::string::npos);
  CHECK(json.find(R"({"group": "\\x", "period": "window")") != std::string::npos);

  const std::string csv = write(d, Format::kCsv);
  CHECK(csv.find("\nrevenue,(none),window,false,10.000000,") != std::string::npos);
  CHECK(csv.find("\nrevenue,\\(none),window,false,20.000000,") != std::string::npos);
  CHECK(csv.find("\nrevenue,\\\\x,window,false,80.000000,") != std::string::npos);

  for (const Format f : {Format::kTable, Format::kMarkdown, Format::kHtml}) {
    const std::string text = write(d, f);
    INFO(text);
    CHECK(text.find("\\(none)") != std::string::npos);
    CHECK(text.find("\\\\x") != std::string::npos);
  }
}

TEST_CASE("a real channel (none) has its own CAC and CLV:CAC rows", "[value][absent]") {
  const Document d = report(absent_store(), "channel");
  const Section& cac = section(d, "cac_channels");
  const std::size_t channel = column(cac, "channel"), period = column(cac, "period"),
                    customers = column(cac, "new_customers"), spend = column(cac, "spend"),
                    cost = column(cac, "cac");
  // Window rows: no channel (n): 1 new customer, no spend, CAC 0; the channel
  // "(none)" (r): 1, spend 30, CAC 30; ads (s, p): 2, spend 60, CAC 30.
  std::vector<const std::vector<Value>*> window;
  for (const auto& row : cac.rows) {
    if (std::get<std::string>(row[period]) == "window") window.push_back(&row);
  }
  REQUIRE(window.size() == 3);
  CHECK(is_null((*window[0])[channel]));
  CHECK(std::get<std::int64_t>((*window[0])[customers]) == 1);
  CHECK(std::get<std::int64_t>((*window[0])[spend]) == 0);
  CHECK(std::get<std::string>((*window[1])[channel]) == "(none)");
  CHECK(std::get<std::int64_t>((*window[1])[customers]) == 1);
  CHECK(std::get<std::int64_t>((*window[1])[cost]) == M(30));
  CHECK(std::get<std::string>((*window[2])[channel]) == "ads");
  CHECK(std::get<std::int64_t>((*window[2])[cost]) == M(30));

  // CLV:CAC: no channel: mean CLV 10, CAC 0 → ratio null; "(none)": 20 / 30;
  // ads: (80 + 40) / 2 = 60 over 30 = 2.
  const Section& ratio = section(d, "clv_cac");
  const std::size_t ch = column(ratio, "channel"), clv = column(ratio, "mean_clv"),
                    r = column(ratio, "clv_cac");
  REQUIRE(ratio.rows.size() == 3);
  CHECK(is_null(ratio.rows[0][ch]));
  CHECK(std::get<std::int64_t>(ratio.rows[0][clv]) == M(10));
  CHECK(is_null(ratio.rows[0][r]));
  CHECK(std::get<std::string>(ratio.rows[1][ch]) == "(none)");
  CHECK(std::get<std::int64_t>(ratio.rows[1][clv]) == M(20));
  CHECK(std::get<double>(ratio.rows[1][r]) == Approx(20.0 / 30.0));
  CHECK(std::get<std::int64_t>(ratio.rows[2][clv]) == M(60));
  CHECK(std::get<double>(ratio.rows[2][r]) == Approx(2.0));

  // Payback rows of the 2024-01 cohort: all channels, then no channel, "(none)", ads.
  const Section& payback = section(d, "cac_payback");
  const std::size_t pc = column(payback, "channel"), ps = column(payback, "spend");
  REQUIRE(payback.rows.size() == 4);
  CHECK(std::get<std::string>(payback.rows[0][pc]) == "all");
  CHECK(is_null(payback.rows[1][pc]));
  CHECK(std::get<std::int64_t>(payback.rows[1][ps]) == 0);
  CHECK(std::get<std::string>(payback.rows[2][pc]) == "(none)");
  CHECK(std::get<std::int64_t>(payback.rows[2][ps]) == M(30));

  const std::string csv = write(d, Format::kCsv);
  CHECK(csv.find("\ncac_channels,window,false,(none),1,0.000000,0.000000\n") != std::string::npos);
  CHECK(csv.find("\ncac_channels,window,false,\\(none),1,30.000000,30.000000\n") !=
        std::string::npos);
  // The revenue groups by channel follow the same rule.
  CHECK(csv.find("\nrevenue,(none),window,false,10.000000,") != std::string::npos);
  CHECK(csv.find("\nrevenue,\\(none),window,false,20.000000,") != std::string::npos);
}
