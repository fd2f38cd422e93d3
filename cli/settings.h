// Every setting of docs/metrics.md in one struct, read from a JSON settings file
// (--settings FILE) and overridden by the command-line options given:
// defaults < settings file < command line. `clm config --print` writes the
// effective settings back as JSON that is itself a valid settings file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clm/goals.h"
#include "clm/scope.h"
#include "clm/status.h"

namespace clm {
struct ReportOptions;  // clm/report.h (not included: it clashes with predictive_clv.h)
}

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace clm::cli {

// The settings, with the docs/metrics.md defaults. JSON keys are the field names.
struct Settings {
  // Scope.
  std::string from;  // window start; "" (JSON null) = midnight before the first event
  std::string to;    // window end and as-of; "" (JSON null) = midnight after the last event
  std::string period = "month";       // day, week, month, quarter, year
  std::string by;                     // grouping; "" (JSON null) = none
  std::string tz = "UTC";             // IANA zone
  std::string week_start = "monday";  // first day of a week period
  // Metrics.
  double margin = 1.0;                                               // m, in [0, 1]
  std::int64_t inactivity_days = 90;                                 // W
  std::vector<std::string> activity_types = {"signup", "purchase"};  // A
  std::int64_t loyalty_purchases = 5;                                // L
  std::int64_t activation_days = 7;                                  // D
  bool latest_answers = false;           // surveys: only each customer's latest answer per cell
  std::string email_delivered = "auto";  // auto, events, sent_minus_bounced
  bool cohort_active_or_later = false;   // cohorts: count "active in C+k or later"
  double discount_rate = 0.10;           // predictive CLV, per year
  std::int64_t horizon_months = 36;      // predictive CLV
  // Input.
  std::vector<std::string> renames;  // "OLD=NEW"; JSON: {"OLD": "NEW", ...}
  // Goals (clm check).
  std::vector<GoalSpec> goals;
  bool null_fails = false;  // a goal on a null value fails (default: shown, not failed)
};

// Parses a settings file's text over `base` (keys absent keep base's value).
// InvalidArgument naming `source`, the key and the problem: an unknown key
// (with a did-you-mean), a wrong type, a bad goal.
Result<Settings> parse_settings(std::string_view text, std::string_view source, Settings base = {});

// Reads and parses a settings file. NoInput when it cannot be read.
Result<Settings> load_settings(const std::string& path, Settings base = {});

// Reads a goals file: {"goals": [...], "null_fails": bool} ("comment" is
// ignored). `null_fails` is left unset when the file does not say. NoInput
// when the file cannot be read, InvalidArgument for bad content.
struct GoalsFile {
  std::vector<GoalSpec> goals;
  std::optional<bool> null_fails;
};
Result<GoalsFile> load_goals(const std::string& path);

// Checks value ranges and names (margin in [0, 1], W >= 0, known zone, ...),
// naming the setting and its option. InvalidArgument on the first problem.
Status validate_settings(const Settings& s);

// The settings as pretty JSON (every key, defaults filled in), a valid settings file.
std::string settings_to_json(const Settings& s);

// Turns the scope settings into ScopeOptions (InvalidArgument for a bad
// zone, period, week day or timestamp).
Result<ScopeOptions> parse_scope(const Settings& s);

// The report options the settings give (scope parsed: zone, period, bounds).
Result<ReportOptions> report_options(const Settings& s);

// The command-line side: registers --settings and the options of each group
// on a subcommand, and after parsing merges defaults < file < given options.
// Must not move once options are registered (CLI11 keeps pointers into it).
class SettingsOptions {
 public:
  SettingsOptions() = default;
  SettingsOptions(const SettingsOptions&) = delete;
  SettingsOptions& operator=(const SettingsOptions&) = delete;

  void add_file(CLI::App& cmd);           // --settings FILE
  void add_rename(CLI::App& cmd);         // --rename OLD=NEW
  void add_scope(CLI::App& cmd);          // --from --to --period --by --tz --week-start
  void add_tz(CLI::App& cmd);             // --tz alone
  void add_margin(CLI::App& cmd);         // --margin
  void add_activity(CLI::App& cmd);       // --inactivity-days --activity-types
  void add_loyalty(CLI::App& cmd);        // --loyalty-purchases
  void add_report_extras(CLI::App& cmd);  // --activation-days --latest-answers
                                          // --email-delivered --cohort-active-or-later
  void add_predictive(CLI::App& cmd);     // --horizon --discount
  void add_null_fails(CLI::App& cmd);     // --null-fails
  // Everything a whole report reads: file, rename, scope, margin, activity,
  // loyalty and the report extras (clm report, check and config).
  void add_report_settings(CLI::App& cmd);

  // Defaults, then the --settings file, then each option given; validated.
  Result<Settings> resolve() const;

 private:
  template <typename T>
  CLI::Option* bind(CLI::App& cmd, const std::string& name, T Settings::*field,
                    const std::string& help);

  std::string file_;
  Settings given_;  // values of the options as parsed (defaults when not given)
  std::vector<std::pair<const CLI::Option*, std::function<void(Settings&, const Settings&)>>>
      bound_;
};

}  // namespace clm::cli
