// The command-line options of the settings: each binds to a field of a
// scratch Settings; after parsing, the fields of the options actually given
// are copied over the defaults and the --settings file. An option's name and
// help are its field's in the settings table (clm::setting_fields()); only
// what CLI11 checks and shows of its value is said here.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

const SettingField& field(std::string_view key) {
  const SettingField* f = find_setting_field(key);
  if (f == nullptr || f->option.empty()) {
    // A key without an option here is a bug in clm, found by any run of clm.
    std::fprintf(stderr, "clm: internal error: no option for setting '%.*s'\n",
                 static_cast<int>(key.size()), key.data());
    std::abort();
  }
  return *f;
}

}  // namespace

template <typename T>
CLI::Option* SettingsOptions::bind(CLI::App& cmd, std::string_view key, T Settings::*member) {
  const SettingField& f = field(key);
  CLI::Option* o = nullptr;
  if constexpr (std::is_same_v<T, bool>) {
    o = cmd.add_flag(std::string(f.option), given_.*member, std::string(f.help));
  } else {
    o = cmd.add_option(std::string(f.option), given_.*member, std::string(f.help));
  }
  if (!f.value_name.empty()) o->type_name(std::string(f.value_name));
  bound_.emplace_back(o,
                      [member](Settings& dst, const Settings& src) { dst.*member = src.*member; });
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
  bind(cmd, "renames", &Settings::renames);
}

void SettingsOptions::add_scope(CLI::App& cmd) {
  bind(cmd, "from", &Settings::from);
  bind(cmd, "to", &Settings::to);
  bind(cmd, "period", &Settings::period)
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  bind(cmd, "by", &Settings::by)
      ->check(not_empty("give an attribute name, or leave the option out for no grouping"));
  add_tz(cmd);
  bind(cmd, "week_start", &Settings::week_start)->capture_default_str();
}

void SettingsOptions::add_tz(CLI::App& cmd) {
  bind(cmd, "tz", &Settings::tz)->capture_default_str();
}

void SettingsOptions::add_margin(CLI::App& cmd) {
  bind(cmd, "margin", &Settings::margin)->check(CLI::Range(0.0, 1.0))->capture_default_str();
}

void SettingsOptions::add_activity(CLI::App& cmd) {
  bind(cmd, "inactivity_days", &Settings::inactivity_days)->capture_default_str();
  bind(cmd, "activity_types", &Settings::activity_types)
      ->delimiter(',')
      ->transform(CLI::Validator(
          [](std::string& name) {
            // "signup, purchase" means the types signup and purchase.
            name.erase(0, std::min(name.find_first_not_of(" \t"), name.size()));
            name.erase(name.find_last_not_of(" \t") + 1);
            return std::string();
          },
          "", "TRIM"))
      ->capture_default_str();
}

void SettingsOptions::add_loyalty(CLI::App& cmd) {
  bind(cmd, "loyalty_purchases", &Settings::loyalty_purchases)->capture_default_str();
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
  bind(cmd, "activation_days", &Settings::activation_days)->capture_default_str();
  bind(cmd, "latest_answers", &Settings::latest_answers);
  bind(cmd, "email_delivered", &Settings::email_delivered)
      ->check(CLI::IsMember({"auto", "events", "sent_minus_bounced"}))
      ->capture_default_str();
  bind(cmd, "cohort_active_or_later", &Settings::cohort_active_or_later);
}

void SettingsOptions::add_predictive(CLI::App& cmd) {
  bind(cmd, "horizon_months", &Settings::horizon_months)->capture_default_str();
  bind(cmd, "discount_rate", &Settings::discount_rate)->capture_default_str();
}

void SettingsOptions::add_null_fails(CLI::App& cmd) {
  bind(cmd, "null_fails", &Settings::null_fails);
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
