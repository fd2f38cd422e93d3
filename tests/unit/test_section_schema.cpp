// The section schemas: every chart, card and goal names a column its own
// section declares, the goal catalogue derived from them reads the sections
// and columns listed here by hand, and the sections a report builds carry the
// columns and schema they declare.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "clm/event_store.h"
#include "clm/goals.h"
#include "clm/report.h"
#include "clm/section_schema.h"

namespace {

bool declares(const clm::SectionSchema& s, const std::string& key) {
  return std::any_of(s.columns.begin(), s.columns.end(),
                     [&](const clm::ColumnSpec& c) { return c.key == key; });
}

}  // namespace

TEST_CASE("Section schemas: charts, cards and goals name declared columns", "[schema]") {
  std::set<std::string> ids;
  for (const clm::SectionSchema* s : clm::section_schemas()) {
    INFO("section " << s->id);
    CHECK(ids.insert(s->id).second);
    const clm::ChartSpec& chart = s->chart;
    if (chart.kind != clm::ChartKind::kNone) {
      if (!chart.x.empty()) CHECK(declares(*s, chart.x));
      if (!chart.offset.empty()) CHECK(declares(*s, chart.offset));
      for (const clm::ChartSeries& m : chart.series) {
        CHECK(declares(*s, m.y));
        for (const std::string& k : {m.low, m.high, m.margin}) {
          if (!k.empty()) CHECK(declares(*s, k));
        }
      }
    }
    for (const clm::CardSpec& card : s->cards) {
      CHECK(declares(*s, card.column));
      if (!card.flag.empty()) CHECK(declares(*s, card.flag));
      if (!card.empty_column.empty()) CHECK(declares(*s, card.empty_column));
    }
    for (const clm::ColumnSpec& c : s->columns) {
      // A per-channel goal column sits in a section keyed by channel.
      if (c.goal.per_channel) CHECK(declares(*s, "channel"));
    }
  }
}

TEST_CASE("Section schemas: the goal catalogue reads these sections and columns", "[schema]") {
  // name, section, column, per-channel section, per-channel column.
  using Entry = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  const std::set<Entry> expected = {
      {"nps", "nps", "nps", "", ""},
      {"csat", "csat", "csat", "", ""},
      {"csat_mean", "csat", "mean", "", ""},
      {"ces", "ces", "ces", "", ""},
      {"ces_easy_rate", "ces", "easy_rate", "", ""},
      {"churn_rate", "churn", "churn_rate", "", ""},
      {"retention_rate", "churn", "retention_rate", "", ""},
      {"quick_ratio", "churn", "quick_ratio", "", ""},
      {"active_customers", "revenue", "active_customers", "", ""},
      {"net_revenue", "revenue", "net_revenue", "", ""},
      {"arpu", "revenue", "arpu", "", ""},
      {"aov", "revenue", "aov", "", ""},
      {"repeat_purchase_rate", "revenue", "repeat_rate", "", ""},
      {"nrr", "revenue", "nrr", "", ""},
      {"grr", "revenue", "grr", "", ""},
      {"new_customers", "cac_summary", "new_customers", "cac_channels", "new_customers"},
      {"cac", "cac_summary", "blended_cac", "cac_channels", "cac"},
      {"paid_cac", "cac_summary", "paid_cac", "", ""},
      {"clv", "clv", "historical_clv_mean", "clv_cac", "mean_clv"},
      {"formula_clv", "clv", "formula_clv", "", ""},
      {"clv_cac", "", "", "clv_cac", "clv_cac"},
      {"activation_rate", "activation", "activation_rate", "", ""},
      {"median_days_to_first_purchase", "activation", "median_days_to_first_purchase", "", ""},
      {"median_lifetime_days", "survival", "median_days", "", ""},
      {"email_delivery_rate", "email", "delivery_rate", "", ""},
      {"email_bounce_rate", "email", "bounce_rate", "", ""},
      {"email_open_rate", "email", "open_rate", "", ""},
      {"email_click_rate", "email", "click_rate", "", ""},
      {"email_unsubscribe_rate", "email", "unsubscribe_rate", "", ""},
  };
  std::set<Entry> got;
  for (const clm::GoalMetric& m : clm::goal_metrics()) {
    INFO("metric " << m.name);
    CHECK_FALSE(m.description.empty());
    got.insert({std::string(m.name), std::string(m.section), std::string(m.column),
                std::string(m.channel_section), std::string(m.channel_column)});
  }
  CHECK(got.size() == clm::goal_metrics().size());  // each name once
  CHECK(got == expected);
}

TEST_CASE("Section schemas: built sections carry their schema and its columns", "[schema]") {
  clm::EventStoreBuilder b;
  clm::EventInput e;
  e.customer_id = "a";
  e.time = clm::parse_timestamp("2024-01-05T09:00:00Z", clm::TimeZone::utc()).value();
  e.type = "signup";
  REQUIRE(b.add_event(e).ok());
  auto store = b.build();
  REQUIRE(store.ok());
  auto doc = clm::build_report(std::make_shared<const clm::EventStore>(std::move(*store)), {});
  REQUIRE(doc.ok());
  std::size_t with_schema = 0;
  for (const clm::Section& s : doc->sections) {
    if (s.schema == nullptr) continue;
    INFO("section " << s.id);
    ++with_schema;
    CHECK(s.id == s.schema->id);
    REQUIRE(s.columns.size() >= s.schema->columns.size());
    for (std::size_t i = 0; i < s.schema->columns.size(); ++i) {
      CHECK(s.columns[i].key == s.schema->columns[i].key);
      CHECK(s.columns[i].title == s.schema->columns[i].title);
    }
  }
  // Every section but data quality.
  CHECK(with_schema == doc->sections.size() - 1);
  CHECK(with_schema == clm::section_schemas().size());
}
