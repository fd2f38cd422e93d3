// The settings table: the keys written are the table's, in its order, and
// default settings give exactly the default report options (the defaults
// live in the option structs alone).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clm/report.h"
#include "clm/settings.h"

TEST_CASE("Settings table: written keys are the table's, in order", "[settings]") {
  const std::string json = clm::settings_to_json(clm::Settings{});
  std::size_t at = 0;
  for (const clm::SettingField& f : clm::setting_fields()) {
    INFO(f.key);
    const std::size_t found = json.find("\n  \"" + std::string(f.key) + "\":", at);
    REQUIRE(found != std::string::npos);
    at = found + 1;
  }
  // And nothing else at the top level: one line per key, plus the braces.
  std::size_t top_level = 0;
  for (std::size_t i = json.find("\n  \""); i != std::string::npos; i = json.find("\n  \"", i + 1))
    ++top_level;
  CHECK(top_level == clm::setting_fields().size());
}

TEST_CASE("Settings table: default settings give the default report options", "[settings]") {
  auto o = clm::report_options(clm::Settings{});
  REQUIRE(o.ok());
  const clm::ReportOptions d;
  CHECK(o->scope.period == d.scope.period);
  CHECK(o->scope.calendar.tz.name() == d.scope.calendar.tz.name());
  CHECK(o->scope.calendar.week_start == d.scope.calendar.week_start);
  CHECK(o->activity.inactivity_window_days == d.activity.inactivity_window_days);
  CHECK(o->activity.activity_types == d.activity.activity_types);
  CHECK(o->stages.loyalty_purchases == d.stages.loyalty_purchases);
  CHECK(o->activation.activation_window_days == d.activation.activation_window_days);
  CHECK(o->surveys.latest_only == d.surveys.latest_only);
  CHECK(o->email.delivered == d.email.delivered);
  CHECK(o->cohorts.active_or_later == d.cohorts.active_or_later);
  CHECK(o->scope.margin == d.scope.margin);
  // The documented defaults (docs of `clm config --print`).
  const clm::Settings s;
  CHECK(s.period == "month");
  CHECK(s.tz == "UTC");
  CHECK(s.week_start == "monday");
  CHECK(s.inactivity_days == 90);
  CHECK(s.email_delivered == "auto");
  CHECK(s.discount_rate == 0.10);
  CHECK(s.horizon_months == 36);
}

TEST_CASE("Settings table: each option is named once, with its help", "[settings]") {
  std::vector<std::string> options;
  for (const clm::SettingField& f : clm::setting_fields()) {
    INFO(f.key);
    CHECK(clm::find_setting_field(f.key) == &f);
    if (f.option.empty()) {
      CHECK(f.help.empty());  // nothing to show without an option
      continue;
    }
    CHECK(f.option.substr(0, 2) == "--");
    CHECK_FALSE(f.help.empty());
    for (const std::string& seen : options) CHECK(seen != f.option);
    options.emplace_back(f.option);
  }
  CHECK(clm::find_setting_field("margin")->option == "--margin");
  CHECK(clm::find_setting_field("discount_rate")->option == "--discount");
  CHECK(clm::find_setting_field("renames")->value_name == "OLD=NEW");
  CHECK(clm::find_setting_field("comment") == nullptr);  // allowed in a file, not a field
}
