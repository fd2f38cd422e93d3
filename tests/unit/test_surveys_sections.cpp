// The nps, csat, ces and email report sections: row layout (a window row,
// then one row per period, per group), partial flags, nulls and values.
#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/report.h"
#include "clm/time.h"

namespace {

clm::EventStore sections_store() {
  clm::EventStoreBuilder b;
  const auto add = [&](const char* customer, const char* time, const char* type, int score) {
    clm::EventInput e;
    e.customer_id = customer;
    e.time = clm::parse_timestamp(time, clm::TimeZone::utc()).value();
    e.type = type;
    e.score = score;
    REQUIRE(b.add_event(e).ok());
  };
  add("a", "2024-01-20T00:00:00Z", "nps", 10);
  add("b", "2024-02-03T00:00:00Z", "nps", 4);
  add("b", "2024-02-04T00:00:00Z", "ces", 6);
  auto store = b.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

const clm::Section& find_section(const clm::Document& doc, const std::string& id) {
  for (const clm::Section& s : doc.sections) {
    if (s.id == id) return s;
  }
  FAIL("no section " << id);
  return doc.sections.front();
}

std::size_t column(const clm::Section& s, const std::string& key) {
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].key == key) return i;
  }
  FAIL("no column " << key << " in " << s.id);
  return 0;
}

double as_double(const clm::Value& v) {
  REQUIRE(std::holds_alternative<double>(v));
  return std::get<double>(v);
}

bool is_null(const clm::Value& v) {
  return std::holds_alternative<std::monostate>(v);
}

}  // namespace

TEST_CASE("Survey and email sections: a window row, then one row per period", "[surveys][report]") {
  const clm::EventStore store = sections_store();
  clm::ReportOptions options;
  // [2024-01-15, 2024-03-01): January is clipped (partial), February whole.
  options.scope.from = clm::parse_timestamp("2024-01-15", clm::TimeZone::utc()).value();
  options.scope.to = clm::parse_timestamp("2024-03-01", clm::TimeZone::utc()).value();
  options.sections = {"nps", "csat", "ces", "email"};
  const auto doc = clm::build_report(std::make_shared<const clm::EventStore>(store), options);
  REQUIRE(doc.ok());

  const clm::Section& nps = find_section(*doc, "nps");
  REQUIRE(nps.rows.size() == 3);  // 1 group × (window + 2 months)
  const std::size_t period = column(nps, "period");
  const std::size_t partial = column(nps, "partial");
  const std::size_t score = column(nps, "nps");
  const std::size_t moe = column(nps, "nps_moe");
  CHECK(std::get<std::string>(nps.rows[0][column(nps, "group")]) == "all");
  CHECK(std::get<std::string>(nps.rows[0][period]) == "window");
  CHECK(std::get<std::string>(nps.rows[1][period]) == "2024-01");
  CHECK(std::get<std::string>(nps.rows[2][period]) == "2024-02");
  CHECK(std::get<bool>(nps.rows[1][partial]));
  CHECK_FALSE(std::get<bool>(nps.rows[2][partial]));
  // Window: 10 and 4 → 100 × (1 − 1) / 2 = 0; p = d = 0.5: 1 − 0 = 1,
  // 196 × sqrt(1 / 2) = 138.5929.
  CHECK(std::get<std::int64_t>(nps.rows[0][column(nps, "n")]) == 2);
  CHECK(as_double(nps.rows[0][score]) == Approx(0.0).margin(1e-12));
  CHECK(as_double(nps.rows[0][moe]) == Approx(138.5929).epsilon(1e-6));
  CHECK(as_double(nps.rows[1][score]) == Approx(100.0));
  CHECK(as_double(nps.rows[2][score]) == Approx(-100.0));

  // No CSAT answers: every score and bound null, counts 0, with a note.
  const clm::Section& csat = find_section(*doc, "csat");
  REQUIRE(csat.rows.size() == 3);
  for (const auto& row : csat.rows) {
    CHECK(std::get<std::int64_t>(row[column(csat, "n")]) == 0);
    CHECK(is_null(row[column(csat, "csat")]));
    CHECK(is_null(row[column(csat, "csat_low")]));
    CHECK(is_null(row[column(csat, "mean")]));
  }
  CHECK_FALSE(csat.notes.empty());

  // One CES answer (6): mean 6, SD and interval null, easy share 1 / 1.
  const clm::Section& ces = find_section(*doc, "ces");
  CHECK(as_double(ces.rows[0][column(ces, "ces")]) == Approx(6.0));
  CHECK(is_null(ces.rows[0][column(ces, "ces_sd")]));
  CHECK(is_null(ces.rows[0][column(ces, "ces_low")]));
  CHECK(as_double(ces.rows[0][column(ces, "easy_rate")]) == Approx(1.0));
  CHECK(is_null(ces.rows[1][column(ces, "ces")]));  // nothing in January

  // No email events: counts 0 and every rate null.
  const clm::Section& email = find_section(*doc, "email");
  REQUIRE(email.rows.size() == 3);
  CHECK(std::get<std::int64_t>(email.rows[0][column(email, "sent")]) == 0);
  CHECK(is_null(email.rows[0][column(email, "delivery_rate")]));
  CHECK(is_null(email.rows[0][column(email, "open_rate")]));
  CHECK(email.columns[column(email, "open_rate")].kind == clm::ColumnKind::kRate);
}
