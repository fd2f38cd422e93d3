// Settings files: every key read, defaults kept for absent keys, unknown keys
// and wrong types named, value ranges checked, the printed settings read
// back to the same settings, and the report options they give. Also the
// progress line formatter (a pure function of its snapshot).
#include <catch2/catch.hpp>
#include <string>

#include "clm/progress_line.h"
#include "clm/report.h"
#include "clm/settings.h"

namespace {

std::string error_of(const std::string& text) {
  auto s = clm::parse_settings(text, "team.json");
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == clm::Status::Code::kInvalidArgument);
  return s.status().message();
}

}  // namespace

TEST_CASE("Settings file: keys set their settings, absent keys keep the defaults", "[settings]") {
  auto s = clm::parse_settings(R"({
    "comment": "team defaults",
    "margin": 0.6, "inactivity_days": 30, "activity_types": ["purchase", "login"],
    "loyalty_purchases": 3, "activation_days": 14, "period": "week", "tz": "Europe/Berlin",
    "week_start": "sunday", "from": "2024-01-01", "to": null, "by": "country",
    "latest_answers": true, "email_delivered": "events", "cohort_active_or_later": true,
    "discount_rate": 0.08, "horizon_months": 24, "renames": {"user": "customer_id"},
    "goals": [{"metric": "nps", "min": 30}, {"metric": "churn_rate", "period": "each",
               "max": 0.05, "per": "channel", "on_null": "fail"}],
    "null_fails": true})",
                               "team.json");
  REQUIRE(s.ok());
  CHECK(s->margin == 0.6);
  CHECK(s->inactivity_days == 30);
  CHECK(s->activity_types == std::vector<std::string>{"purchase", "login"});
  CHECK(s->loyalty_purchases == 3);
  CHECK(s->activation_days == 14);
  CHECK(s->period == "week");
  CHECK(s->tz == "Europe/Berlin");
  CHECK(s->week_start == "sunday");
  CHECK(s->from == "2024-01-01");
  CHECK(s->to.empty());
  CHECK(s->by == "country");
  CHECK(s->latest_answers);
  CHECK(s->email_delivered == "events");
  CHECK(s->cohort_active_or_later);
  CHECK(s->discount_rate == 0.08);
  CHECK(s->horizon_months == 24);
  CHECK(s->renames == std::vector<std::string>{"user=customer_id"});
  REQUIRE(s->goals.size() == 2);
  CHECK(s->goals[0].metric == "nps");
  CHECK(*s->goals[0].min == 30);
  CHECK_FALSE(s->goals[0].max.has_value());
  CHECK_FALSE(s->goals[0].null_fails.has_value());
  CHECK(s->goals[1].period == clm::GoalPeriod::kEach);
  CHECK(s->goals[1].per == "channel");
  CHECK(*s->goals[1].null_fails);
  CHECK(s->null_fails);
  CHECK(clm::validate_settings(*s).ok());

  auto empty = clm::parse_settings("{}", "empty.json");
  REQUIRE(empty.ok());
  CHECK(empty->margin == 1.0);  // docs/metrics.md defaults
  CHECK(empty->inactivity_days == 90);
  CHECK(empty->activity_types == std::vector<std::string>{"signup", "purchase"});
  CHECK(empty->loyalty_purchases == 5);
  CHECK(empty->activation_days == 7);
  CHECK(empty->discount_rate == 0.10);
  CHECK(empty->horizon_months == 36);
  CHECK(empty->period == "month");
  CHECK(empty->tz == "UTC");
}

TEST_CASE("Settings file: unknown keys and wrong types are named", "[settings]") {
  CHECK(error_of(R"({"margn": 0.5})") == "team.json: unknown key 'margn' (did you mean 'margin'?)");
  CHECK(error_of(R"({"zzzzzzzz": 1})") == "team.json: unknown key 'zzzzzzzz'");
  CHECK(error_of(R"({"margin": "0.5"})") == "team.json: 'margin' must be a number, not a string");
  CHECK(error_of(R"({"inactivity_days": 30.5})") ==
        "team.json: 'inactivity_days' must be an integer, not a number");
  CHECK(error_of(R"({"activity_types": "purchase"})") ==
        "team.json: 'activity_types' must be an array of strings, not a string");
  CHECK(error_of(R"({"latest_answers": 1})") ==
        "team.json: 'latest_answers' must be true or false, not an integer");
  CHECK(error_of(R"({"renames": {"user": 1}})") ==
        "team.json: 'renames.user' must be a string (the contract column), not an integer");
  CHECK(error_of(R"({"goals": [{"metric": "nps", "mn": 30}]})") ==
        "team.json: goals[0]: unknown key 'mn' (did you mean 'min'?)");
  CHECK(error_of(R"({"goals": [{"min": 30}]})") == "team.json: goals[0]: 'metric' is missing");
  CHECK(error_of(R"({"goals": [{"metric": "nps", "min": 30, "on_null": "maybe"}]})")
            .find("'on_null' must be \"fail\" or \"ignore\"") != std::string::npos);
  CHECK(error_of(R"({"goals": [{"metric": "nps"}]})").find("needs a target") != std::string::npos);
  CHECK(error_of("[1, 2]") == "team.json: a settings file is a JSON object {\"key\": value}");
  CHECK(error_of("{\"margin\": ").find("team.json: not valid JSON") == 0);
}

TEST_CASE("Settings: values out of range name the setting and its option", "[settings]") {
  clm::Settings s;
  s.margin = 1.5;
  CHECK(clm::validate_settings(s).message().find("margin (--margin)") == 0);
  s = {};
  s.inactivity_days = -1;
  CHECK(clm::validate_settings(s).message().find("inactivity_days") == 0);
  s = {};
  s.activity_types.clear();
  CHECK_FALSE(clm::validate_settings(s).ok());
  s = {};
  s.email_delivered = "sometimes";
  CHECK_FALSE(clm::validate_settings(s).ok());
  s = {};
  s.tz = "Mars/Olympus";
  CHECK(clm::validate_settings(s).message().find("--tz") == 0);
  s = {};
  s.renames = {"user"};
  CHECK_FALSE(clm::validate_settings(s).ok());
  CHECK(clm::validate_settings(clm::Settings{}).ok());
}

TEST_CASE("Settings: the printed settings read back to the same settings", "[settings]") {
  clm::Settings s;
  s.margin = 0.25;
  s.by = "channel";
  s.to = "2024-07-01";
  s.activity_types = {"login"};
  s.renames = {"ts=timestamp", "user=customer_id"};
  clm::GoalSpec g;
  g.metric = "clv_cac";
  g.per = "channel";
  g.min = 3;
  g.null_fails = false;
  s.goals = {g};
  const std::string printed = clm::settings_to_json(s);
  auto back = clm::parse_settings(printed, "printed.json");
  REQUIRE(back.ok());
  CHECK(clm::settings_to_json(*back) == printed);
  CHECK(back->margin == 0.25);
  CHECK(back->from.empty());  // null in the file
  CHECK(back->to == "2024-07-01");
  CHECK(back->renames == s.renames);
  REQUIRE(back->goals.size() == 1);
  CHECK(back->goals[0].null_fails == std::optional<bool>(false));
  // The defaults print every key, with null for the defaulted window and grouping.
  const std::string defaults = clm::settings_to_json({});
  CHECK(defaults.find("\"from\": null") != std::string::npos);
  CHECK(defaults.find("\"inactivity_days\": 90") != std::string::npos);
  CHECK(defaults.find("\"horizon_months\": 36") != std::string::npos);
}

TEST_CASE("Settings: report options carry every metric setting", "[settings]") {
  clm::Settings s;
  s.margin = 0.5;
  s.inactivity_days = 30;
  s.activity_types = {"login"};
  s.loyalty_purchases = 3;
  s.activation_days = 2;
  s.latest_answers = true;
  s.email_delivered = "sent_minus_bounced";
  s.cohort_active_or_later = true;
  s.period = "quarter";
  s.week_start = "sun";
  s.from = "2024-01-01";
  auto o = clm::report_options(s);
  REQUIRE(o.ok());
  CHECK(o->scope.margin == 0.5);
  CHECK(o->activity.inactivity_window_days == 30);
  CHECK(o->activity.activity_types == std::vector<std::string>{"login"});
  CHECK(o->stages.loyalty_purchases == 3);
  CHECK(o->activation.activation_window_days == 2);
  CHECK(o->surveys.latest_only);
  CHECK(o->email.delivered == clm::EmailOptions::Delivered::kSentMinusBounced);
  CHECK(o->cohorts.active_or_later);
  CHECK(o->scope.period == clm::PeriodUnit::kQuarter);
  CHECK(o->scope.calendar.week_start == clm::Weekday::kSunday);
  // 2024-01-01T00:00:00Z = 19723 days × 86 400 s after the epoch.
  CHECK(*o->scope.from == clm::Timestamp{19723LL * 86400});
  CHECK_FALSE(o->scope.to.has_value());
}

TEST_CASE("Progress line: bytes of the total, rate, rows and elapsed time", "[progress]") {
  clm::ProgressSnapshot reading;
  reading.phase = "reading events.csv";
  reading.bytes = 12'345'678;
  reading.total = 45'600'000;
  reading.seconds = 2.0;
  // 12.345678 MB of 45.6 MB = 27.07 % (floor 27); 12.345678 / 2 = 6.17 MB/s.
  CHECK(clm::format_progress(reading) == "reading events.csv: 12.3/45.6 MB (27%), 6.2 MB/s, 2.0 s");
  reading.bytes = 50'000'000;  // more than the file (other reads): capped at the total
  CHECK(clm::format_progress(reading) ==
        "reading events.csv: 45.6/45.6 MB (100%), 22.8 MB/s, 2.0 s");
  clm::ProgressSnapshot stdin_read;
  stdin_read.phase = "reading <stdin>";
  stdin_read.bytes = 1'500'000;
  stdin_read.seconds = 0;  // no rate before time has passed
  CHECK(clm::format_progress(stdin_read) == "reading <stdin>: 1.5 MB, 0.0 s");
  clm::ProgressSnapshot computing;
  computing.phase = "computing report";
  computing.rows = 1'234'567;
  computing.seconds = 3.45;
  CHECK(clm::format_progress(computing) == "computing report: 1,234,567 rows, 3.5 s");
}
