// The settings (clm/settings.h) on the command line: a JSON settings file
// (--settings FILE) overridden by the options given: defaults < settings
// file < command line.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clm/settings.h"
#include "clm/status.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace clm::cli {

// Reads a settings file and parses it over `base` (clm::parse_settings).
// NoInput when it cannot be read.
Result<Settings> load_settings(const std::string& path, Settings base = {});

// Reads a goals file (clm::parse_goals_file). NoInput when it cannot be read.
Result<GoalsFile> load_goals(const std::string& path);

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
  // The --settings file; "" when not given.
  const std::string& file() const { return file_; }

 private:
  // Registers the option of the settings field `key` (its name and help from
  // the settings table) to set `member`.
  template <typename T>
  CLI::Option* bind(CLI::App& cmd, std::string_view key, T Settings::*member);

  std::string file_;
  Settings given_;  // values of the options as parsed (defaults when not given)
  std::vector<std::pair<const CLI::Option*, std::function<void(Settings&, const Settings&)>>>
      bound_;
};

}  // namespace clm::cli
