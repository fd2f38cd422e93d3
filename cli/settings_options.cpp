// The command-line options of the settings: each binds to a field of a
// scratch Settings; after parsing, the fields of the options actually given
// are copied over the defaults and the --settings file.
#include <CLI/CLI.hpp>
#include <algorithm>

#include "common.h"
#include "settings.h"

namespace clm::cli {

template <typename T>
CLI::Option* SettingsOptions::bind(CLI::App& cmd, const std::string& name, T Settings::*field,
                                   const std::string& help) {
  CLI::Option* o = cmd.add_option(name, given_.*field, help);
  bound_.emplace_back(o, [field](Settings& dst, const Settings& src) { dst.*field = src.*field; });
  return o;
}

void SettingsOptions::add_file(CLI::App& cmd) {
  cmd.add_option("--settings", file_,
                 "Read settings from this JSON file (options given on the command line win); "
                 "see 'clm config --print'")
      ->check(not_empty("give a file name, or leave the option out"))
      ->type_name("FILE");
}

void SettingsOptions::add_rename(CLI::App& cmd) {
  bind(cmd, "--rename", &Settings::renames,
       "Read input column OLD as contract column NEW, e.g. --rename user=customer_id "
       "(repeatable)")
      ->type_name("OLD=NEW");
}

void SettingsOptions::add_scope(CLI::App& cmd) {
  bind(cmd, "--from", &Settings::from,
       "Window start (inclusive), e.g. 2024-01-01 or 2024-01-01T00:00:00Z; default: midnight "
       "before the first event")
      ->type_name("TIME");
  bind(cmd, "--to", &Settings::to,
       "Window end and as-of time (exclusive); default: first midnight after the last event")
      ->type_name("TIME");
  bind(cmd, "--period", &Settings::period, "Period of the time series and of cohorts")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->type_name("UNIT")
      ->capture_default_str();
  bind(cmd, "--by", &Settings::by,
       "Group customers by a customers-table attribute (e.g. country), 'channel' or 'cohort'")
      ->check(not_empty("give an attribute name, or leave the option out for no grouping"))
      ->type_name("ATTR");
  add_tz(cmd);
  bind(cmd, "--week-start", &Settings::week_start, "First day of a week period")
      ->type_name("DAY")
      ->capture_default_str();
}

void SettingsOptions::add_tz(CLI::App& cmd) {
  bind(cmd, "--tz", &Settings::tz,
       "IANA time zone in which days and periods are cut and local times are read")
      ->type_name("ZONE")
      ->capture_default_str();
}

void SettingsOptions::add_margin(CLI::App& cmd) {
  bind(cmd, "--margin", &Settings::margin,
       "m: gross-margin fraction applied to revenue in CLV and CAC payback")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

void SettingsOptions::add_activity(CLI::App& cmd) {
  bind(cmd, "--inactivity-days", &Settings::inactivity_days,
       "W: days an activity event keeps a customer active")
      ->capture_default_str();
  bind(cmd, "--activity-types", &Settings::activity_types,
       "A: event types that count as activity: built-in types, or custom types of the "
       "events (spaces around a name are removed)")
      ->delimiter(',')
      ->transform(CLI::Validator(
          [](std::string& name) {
            // "signup, purchase" means the types signup and purchase.
            name.erase(0, std::min(name.find_first_not_of(" \t"), name.size()));
            name.erase(name.find_last_not_of(" \t") + 1);
            return std::string();
          },
          "", "TRIM"))
      ->type_name("TYPE,...")
      ->capture_default_str();
}

void SettingsOptions::add_loyalty(CLI::App& cmd) {
  bind(cmd, "--loyalty-purchases", &Settings::loyalty_purchases,
       "L: purchases that make a customer loyal")
      ->capture_default_str();
}

void SettingsOptions::add_report_settings(CLI::App& cmd) {
  add_file(cmd);
  add_rename(cmd);
  add_scope(cmd);
  add_margin(cmd);
  add_activity(cmd);
  add_loyalty(cmd);
  add_report_extras(cmd);
}

void SettingsOptions::add_report_extras(CLI::App& cmd) {
  bind(cmd, "--activation-days", &Settings::activation_days,
       "D: a first purchase within D days of acquisition activates the customer")
      ->capture_default_str();
  CLI::Option* latest = cmd.add_flag("--latest-answers", given_.latest_answers,
                                     "Surveys: count only each customer's latest answer of "
                                     "each survey type per window or period");
  bound_.emplace_back(latest,
                      [](Settings& d, const Settings& s) { d.latest_answers = s.latest_answers; });
  bind(cmd, "--email-delivered", &Settings::email_delivered,
       "Email delivered count: auto (events, or sent - bounced when the data has no "
       "email_delivered), events, sent_minus_bounced")
      ->check(CLI::IsMember({"auto", "events", "sent_minus_bounced"}))
      ->capture_default_str();
  CLI::Option* later =
      cmd.add_flag("--cohort-active-or-later", given_.cohort_active_or_later,
                   "Cohorts: count a customer in cell k when active in C+k or any later period");
  bound_.emplace_back(later, [](Settings& d, const Settings& s) {
    d.cohort_active_or_later = s.cohort_active_or_later;
  });
}

void SettingsOptions::add_predictive(CLI::App& cmd) {
  bind(cmd, "--horizon", &Settings::horizon_months, "CLV horizon in months")->capture_default_str();
  bind(cmd, "--discount", &Settings::discount_rate, "Yearly discount rate, applied monthly")
      ->capture_default_str();
}

void SettingsOptions::add_null_fails(CLI::App& cmd) {
  CLI::Option* o = cmd.add_flag("--null-fails", given_.null_fails,
                                "A goal whose value is undefined (null) fails the check "
                                "(default: shown as NULL, not failed)");
  bound_.emplace_back(o, [](Settings& d, const Settings& s) { d.null_fails = s.null_fails; });
}

Result<Settings> SettingsOptions::resolve() const {
  Settings s;
  if (!file_.empty()) {
    auto loaded = load_settings(file_);
    if (!loaded.ok()) return loaded.status();
    s = std::move(loaded).value();
  }
  for (const auto& [option, copy] : bound_) {
    if (option->count() > 0) copy(s, given_);
  }
  if (Status st = validate_settings(s); !st.ok()) return st;
  return s;
}

}  // namespace clm::cli
