// clm/settings.h — every setting of a report in one struct, read from a JSON
// settings file, validated, written back as one, and turned into the options
// of the metrics (docs/metrics.md).
//
// One table of fields (setting_fields()) drives reading (with a did-you-mean
// on unknown keys), validation, writing, the options each field fills and the
// command-line option that sets it (name and help). The
// defaults are the option structs' own (ScopeOptions, ActivityOptions, ForecastOptions, ...):
// Settings{} holds them, so a default is stated once, where it is used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/goals.h"
#include "clm/ingest.h"
#include "clm/scope.h"
#include "clm/status.h"

namespace clm {

struct ReportOptions;  // clm/report.h

namespace detail {
// The defaults of the option structs, as settings values (settings_defaults.cpp).
std::string default_period();
std::string default_tz();
std::string default_week_start();
double default_margin();
std::int64_t default_inactivity_days();
std::vector<std::string> default_activity_types();
std::int64_t default_loyalty_purchases();
std::int64_t default_activation_days();
bool default_latest_answers();
std::string default_email_delivered();
bool default_cohort_active_or_later();
double default_discount_rate();
std::int64_t default_horizon_months();
}  // namespace detail

// The settings. JSON keys are the field names.
struct Settings {
  // Scope.
  std::string from;  // window start; "" (JSON null) = midnight before the first event
  std::string to;    // window end and as-of; "" (JSON null) = midnight after the last event
  std::string period = detail::default_period();          // day, week, month, quarter, year
  std::string by;                                         // grouping; "" (JSON null) = none
  std::string tz = detail::default_tz();                  // IANA zone
  std::string week_start = detail::default_week_start();  // first day of a week period
  // Metrics.
  double margin = detail::default_margin();                                    // m, in [0, 1]
  std::int64_t inactivity_days = detail::default_inactivity_days();            // W
  std::vector<std::string> activity_types = detail::default_activity_types();  // A
  std::int64_t loyalty_purchases = detail::default_loyalty_purchases();        // L
  std::int64_t activation_days = detail::default_activation_days();            // D
  bool latest_answers = detail::default_latest_answers();  // surveys: latest answer per cell
  std::string email_delivered =
      detail::default_email_delivered();  // auto, events, sent_minus_bounced
  bool cohort_active_or_later = detail::default_cohort_active_or_later();
  double discount_rate = detail::default_discount_rate();          // predictive CLV, per year
  std::int64_t horizon_months = detail::default_horizon_months();  // predictive CLV
  // Input.
  std::vector<std::string> renames;  // "OLD=NEW"; JSON: {"OLD": "NEW", ...}
  // Goals (clm check).
  std::vector<GoalSpec> goals;
  bool null_fails = false;  // a goal on a null value fails (default: shown, not failed)
};

// One field of a settings file, in the order `clm config --print` writes
// them: its key, and the command-line option that sets it ("" for none) with
// that option's help and the name of its value in the help ("" = the type's).
struct SettingField {
  std::string_view key;
  std::string_view option;
  std::string_view help;
  std::string_view value_name;
};
const std::vector<SettingField>& setting_fields();
// The field of `key`; nullptr for a key the table does not hold.
const SettingField* find_setting_field(std::string_view key);

// Parses a settings file's text over `base` (keys absent keep base's value).
// InvalidArgument naming `source`, the key and the problem: an unknown key
// (with a did-you-mean), a wrong type, a bad goal. "comment" is ignored.
Result<Settings> parse_settings(std::string_view text, std::string_view source, Settings base = {});

// A goals file: {"goals": [...], "null_fails": bool} ("comment" is ignored).
// `null_fails` is unset when the file does not say. InvalidArgument naming
// `source` for bad content.
struct GoalsFile {
  std::vector<GoalSpec> goals;
  std::optional<bool> null_fails;
};
Result<GoalsFile> parse_goals_file(std::string_view text, std::string_view source);

// Checks value ranges and names (margin in [0, 1], W >= 0, known zone, ...),
// naming the setting and its option. InvalidArgument on the first problem.
Status validate_settings(const Settings& s);

// The settings as pretty JSON (every key, defaults filled in), a valid settings file.
std::string settings_to_json(const Settings& s);

// Turns the scope settings into ScopeOptions (InvalidArgument for a bad
// zone, period, week day or timestamp).
Result<ScopeOptions> parse_scope(const Settings& s);

// The report options the settings give (validated; scope parsed).
Result<ReportOptions> report_options(const Settings& s);

// How the settings read the input tables: timestamps without an offset in
// the zone `tz`, columns renamed by `renames` ("OLD=NEW"); the other fields
// of ReadOptions keep their defaults. InvalidArgument "--tz: ..." for an
// unknown zone, "--rename: expected OLD=NEW, got '...'" for a bad rename.
Result<ReadOptions> read_options(const Settings& s);

}  // namespace clm
