// Reading, checking and writing settings files (JSON), driven by one table
// of fields: each names its key and option, reads its JSON value, writes it
// back, checks its range and fills the report options.
#include "clm/settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "clm/report.h"
#include "settings/json_values.h"

namespace clm {
namespace {

using ordered = nlohmann::ordered_json;
using namespace detail;  // the JSON value readers

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

Result<Weekday> parse_weekday(std::string_view text) {
  static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                "thursday", "friday", "saturday"};
  const std::string s = lower(text);
  for (int i = 0; i < 7; ++i) {
    // The full name or any prefix of at least three letters ("mon", "tues").
    if (s.size() >= 3 && kNames[i].substr(0, s.size()) == s) return static_cast<Weekday>(i);
  }
  return Status::InvalidArgument("--week-start: unknown day '" + std::string(text) +
                                 "' (expected monday, tuesday, ..., sunday)");
}

Result<Timestamp> parse_bound(std::string_view option, const std::string& text,
                              const TimeZone& tz) {
  auto t = parse_timestamp(text, tz);
  if (!t.ok()) {
    return Status::InvalidArgument(std::string(option) + ": " + t.status().message());
  }
  return *t;
}

ordered nullable(const std::string& s) {
  return s.empty() ? ordered(nullptr) : ordered(s);
}

// A value out of range: "key (--option): why", the option as the table names it.
Status bad(std::string_view key, const std::string& why);

Status ok(const Settings&) {
  return Status::Ok();
}

void no_options(const Settings&, ReportOptions&) {}

// One row of the table.
struct Field {
  SettingField name;
  Status (*read)(const std::string& where, const json& v, Settings& s);
  void (*write)(const Settings& s, ordered& o);
  Status (*check)(const Settings& s);  // the value's range (the scope: parse_scope)
  void (*apply)(const Settings& s, ReportOptions& o);
};

// In `clm config --print` order.
const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {{"from", "--from",
        "Window start (inclusive), e.g. 2024-01-01 or 2024-01-01T00:00:00Z; default: midnight "
        "before the first event",
        "TIME"},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "from", v, s.from, true);
       },
       [](const Settings& s, ordered& o) { o["from"] = nullable(s.from); },
       ok,
       no_options},
      {{"to", "--to",
        "Window end and as-of time (exclusive); default: first midnight after the last event",
        "TIME"},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "to", v, s.to, true);
       },
       [](const Settings& s, ordered& o) { o["to"] = nullable(s.to); },
       ok,
       no_options},
      {{"period", "--period", "Period of the time series and of cohorts", "UNIT"},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "period", v, s.period, false);
       },
       [](const Settings& s, ordered& o) { o["period"] = s.period; },
       ok,
       no_options},
      {{"by", "--by",
        "Group customers by a customers-table attribute (e.g. country), 'channel' or 'cohort'",
        "ATTR"},
       [](const std::string& w, const json& v, Settings& s) {
         if (v.is_string() && v.get<std::string>().empty()) {
           return Status::InvalidArgument(fmt::format(
               "{}: 'by' must be an attribute name, or null for no grouping, not an empty string",
               w));
         }
         return read(w, "by", v, s.by, true);
       },
       [](const Settings& s, ordered& o) { o["by"] = nullable(s.by); },
       ok,
       no_options},
      {{"tz", "--tz", "IANA time zone in which days and periods are cut and local times are read",
        "ZONE"},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "tz", v, s.tz, false);
       },
       [](const Settings& s, ordered& o) { o["tz"] = s.tz; },
       ok,
       no_options},
      {{"week_start", "--week-start", "First day of a week period", "DAY"},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "week_start", v, s.week_start, false);
       },
       [](const Settings& s, ordered& o) { o["week_start"] = s.week_start; },
       ok,
       no_options},
      {{"margin", "--margin", "m: gross-margin fraction applied to revenue in CLV and CAC payback",
        ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "margin", v, s.margin);
       },
       [](const Settings& s, ordered& o) { o["margin"] = s.margin; },
       [](const Settings& s) {
         if (s.margin >= 0 && s.margin <= 1) return Status::Ok();
         return bad("margin", fmt::format("must be in [0, 1], got {:f}", s.margin));
       },
       [](const Settings& s, ReportOptions& o) { o.scope.margin = s.margin; }},
      {{"inactivity_days", "--inactivity-days", "W: days an activity event keeps a customer active",
        ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "inactivity_days", v, s.inactivity_days);
       },
       [](const Settings& s, ordered& o) { o["inactivity_days"] = s.inactivity_days; },
       [](const Settings& s) {
         return s.inactivity_days < 0 ? bad("inactivity_days", "must be >= 0") : Status::Ok();
       },
       [](const Settings& s, ReportOptions& o) {
         o.activity.inactivity_window_days = s.inactivity_days;
       }},
      {{"activity_types", "--activity-types",
        "A: event types that count as activity: built-in types, or custom types of the "
        "events (spaces around a name are removed)",
        "TYPE,..."},
       [](const std::string& w, const json& v, Settings& s) {
         Status st = read_strings(w, "activity_types", v, s.activity_types);
         // Spaces around a name are removed, as in --activity-types 'signup, purchase'.
         for (std::string& name : s.activity_types) {
           name.erase(0, std::min(name.find_first_not_of(" \t"), name.size()));
           name.erase(name.find_last_not_of(" \t") + 1);
         }
         return st;
       },
       [](const Settings& s, ordered& o) { o["activity_types"] = s.activity_types; },
       [](const Settings& s) {
         if (s.activity_types.empty()) return bad("activity_types", "is empty");
         for (const std::string& t : s.activity_types) {
           if (t.empty()) return bad("activity_types", "has an empty type name");
         }
         return Status::Ok();
       },
       [](const Settings& s, ReportOptions& o) { o.activity.activity_types = s.activity_types; }},
      {{"loyalty_purchases", "--loyalty-purchases", "L: purchases that make a customer loyal", ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "loyalty_purchases", v, s.loyalty_purchases);
       },
       [](const Settings& s, ordered& o) { o["loyalty_purchases"] = s.loyalty_purchases; },
       [](const Settings& s) {
         return s.loyalty_purchases < 1 ? bad("loyalty_purchases", "must be >= 1") : Status::Ok();
       },
       [](const Settings& s, ReportOptions& o) {
         o.stages.loyalty_purchases = s.loyalty_purchases;
       }},
      {{"activation_days", "--activation-days",
        "D: a first purchase within D days of acquisition activates the customer", ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "activation_days", v, s.activation_days);
       },
       [](const Settings& s, ordered& o) { o["activation_days"] = s.activation_days; },
       [](const Settings& s) {
         return s.activation_days < 0 ? bad("activation_days", "must be >= 0") : Status::Ok();
       },
       [](const Settings& s, ReportOptions& o) {
         o.activation.activation_window_days = s.activation_days;
       }},
      {{"latest_answers", "--latest-answers",
        "Surveys: count only each customer's latest answer of each survey type per "
        "window or period",
        ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "latest_answers", v, s.latest_answers);
       },
       [](const Settings& s, ordered& o) { o["latest_answers"] = s.latest_answers; },
       ok,
       [](const Settings& s, ReportOptions& o) { o.surveys.latest_only = s.latest_answers; }},
      {{"email_delivered", "--email-delivered",
        "Email delivered count: auto (events, or sent - bounced when the data has no "
        "email_delivered), events, sent_minus_bounced",
        ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "email_delivered", v, s.email_delivered, false);
       },
       [](const Settings& s, ordered& o) { o["email_delivered"] = s.email_delivered; },
       [](const Settings& s) {
         if (s.email_delivered == "auto" || s.email_delivered == "events" ||
             s.email_delivered == "sent_minus_bounced") {
           return Status::Ok();
         }
         return bad("email_delivered",
                    "must be auto, events or sent_minus_bounced, got '" + s.email_delivered + "'");
       },
       [](const Settings& s, ReportOptions& o) {
         o.email.delivered = s.email_delivered == "events" ? EmailOptions::Delivered::kEvents
                             : s.email_delivered == "sent_minus_bounced"
                                 ? EmailOptions::Delivered::kSentMinusBounced
                                 : EmailOptions::Delivered::kAuto;
       }},
      {{"cohort_active_or_later", "--cohort-active-or-later",
        "Cohorts: count a customer in cell k when active in C+k or any later period", ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "cohort_active_or_later", v, s.cohort_active_or_later);
       },
       [](const Settings& s, ordered& o) {
         o["cohort_active_or_later"] = s.cohort_active_or_later;
       },
       ok,
       [](const Settings& s, ReportOptions& o) {
         o.cohorts.active_or_later = s.cohort_active_or_later;
       }},
      // The predictive-CLV settings fill clm clv's forecast options, not a report's.
      {{"discount_rate", "--discount", "Yearly discount rate, applied monthly", ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "discount_rate", v, s.discount_rate);
       },
       [](const Settings& s, ordered& o) { o["discount_rate"] = s.discount_rate; },
       [](const Settings& s) {
         return s.discount_rate >= 0 && s.discount_rate < 10
                    ? Status::Ok()
                    : bad("discount_rate", "must be a yearly rate in [0, 10)");
       },
       no_options},
      {{"horizon_months", "--horizon", "CLV horizon in months", ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "horizon_months", v, s.horizon_months);
       },
       [](const Settings& s, ordered& o) { o["horizon_months"] = s.horizon_months; },
       [](const Settings& s) {
         return s.horizon_months < 1 || s.horizon_months > 1200
                    ? bad("horizon_months", "must be 1..1200 months")
                    : Status::Ok();
       },
       no_options},
      {{"renames", "--rename",
        "Read input column OLD as contract column NEW, e.g. --rename user=customer_id "
        "(repeatable)",
        "OLD=NEW"},
       [](const std::string& w, const json& v, Settings& s) {
         return read_renames(w, v, s.renames);
       },
       [](const Settings& s, ordered& o) {
         ordered renames = ordered::object();
         for (const std::string& r : s.renames) {
           const auto eq = r.find('=');
           renames[r.substr(0, eq)] = eq == std::string::npos ? "" : r.substr(eq + 1);
         }
         o["renames"] = renames;
       },
       [](const Settings& s) {
         for (const std::string& r : s.renames) {
           const auto eq = r.find('=');
           if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
             return bad("renames", "expected OLD=NEW, got '" + r + "'");
           }
         }
         return Status::Ok();
       },
       no_options},
      {{"goals", "", "", ""},
       [](const std::string& w, const json& v, Settings& s) { return read_goals(w, v, s.goals); },
       [](const Settings& s, ordered& o) {
         ordered goals = ordered::array();
         for (const GoalSpec& g : s.goals) {
           ordered j;
           j["metric"] = g.metric;
           if (g.min) j["min"] = *g.min;
           if (g.max) j["max"] = *g.max;
           j["period"] = std::string(goal_period_name(g.period));
           j["per"] = nullable(g.per);
           if (g.null_fails) j["on_null"] = *g.null_fails ? "fail" : "ignore";
           goals.push_back(std::move(j));
         }
         o["goals"] = goals;
       },
       [](const Settings& s) {
         for (const GoalSpec& g : s.goals) {
           if (auto source = goal_source(g); !source.ok()) return source.status();
         }
         return Status::Ok();
       },
       no_options},
      {{"null_fails", "--null-fails",
        "A goal whose value is undefined (null) fails the check (default: shown as NULL, "
        "not failed)",
        ""},
       [](const std::string& w, const json& v, Settings& s) {
         return read(w, "null_fails", v, s.null_fails);
       },
       [](const Settings& s, ordered& o) { o["null_fails"] = s.null_fails; },
       ok,
       no_options},
  };
  return kFields;
}

// The keys a settings file may hold: every field's, and "comment".
const std::vector<std::string_view>& setting_keys() {
  static const std::vector<std::string_view> kKeys = [] {
    std::vector<std::string_view> keys;
    for (const Field& f : fields()) keys.push_back(f.name.key);
    keys.push_back("comment");
    return keys;
  }();
  return kKeys;
}

Status bad(std::string_view key, const std::string& why) {
  std::string name(key);
  for (const Field& f : fields()) {
    if (f.name.key == key && !f.name.option.empty())
      name += " (" + std::string(f.name.option) + ")";
  }
  return Status::InvalidArgument(name + ": " + why);
}

}  // namespace

const SettingField* find_setting_field(std::string_view key) {
  for (const SettingField& f : setting_fields()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const std::vector<SettingField>& setting_fields() {
  static const std::vector<SettingField> kNames = [] {
    std::vector<SettingField> names;
    for (const Field& f : fields()) names.push_back(f.name);
    return names;
  }();
  return kNames;
}

Result<Settings> parse_settings(std::string_view text, std::string_view source, Settings base) {
  const std::string where(source);
  auto parsed = parse_json(text, where);
  if (!parsed.ok()) return parsed.status();
  const json& root = *parsed;
  if (!root.is_object()) {
    return Status::InvalidArgument(where + ": a settings file is a JSON object {\"key\": value}");
  }
  for (const auto& item : root.items()) {
    const std::string& key =
        item.key();  // not a structured binding: Clang 14 cannot capture one in a lambda
    const json& value = item.value();
    if (key == "comment") continue;  // free text for people
    const auto& all = fields();
    const auto f =
        std::find_if(all.begin(), all.end(), [&](const Field& x) { return x.name.key == key; });
    if (f == all.end()) return unknown_key(where, key, setting_keys());
    if (Status st = f->read(where, value, base); !st.ok()) return st;
  }
  return base;
}

Result<GoalsFile> parse_goals_file(std::string_view text, std::string_view source) {
  const std::string path(source);
  auto parsed = parse_json(text, path);
  if (!parsed.ok()) return parsed.status();
  const json& root = *parsed;
  if (!root.is_object()) {
    return Status::InvalidArgument(path + ": a goals file is a JSON object {\"goals\": [...]}");
  }
  static constexpr std::string_view kKeys[] = {"goals", "null_fails", "comment"};
  GoalsFile file;
  for (const auto& [key, value] : root.items()) {
    Status s;
    if (key == "goals") {
      s = read_goals(path, value, file.goals);
    } else if (key == "null_fails") {
      bool b = false;
      s = read(path, key, value, b);
      file.null_fails = b;
    } else if (key != "comment") {
      s = unknown_key(path, key, kKeys);
    }
    if (!s.ok()) return s;
  }
  if (!root.contains("goals")) return Status::InvalidArgument(path + ": 'goals' is missing");
  return file;
}

Status validate_settings(const Settings& s) {
  for (const Field& f : fields()) {
    if (Status st = f.check(s); !st.ok()) return st;
  }
  auto scope = parse_scope(s);
  return scope.ok() ? Status::Ok() : scope.status();
}

std::string settings_to_json(const Settings& s) {
  ordered o;
  for (const Field& f : fields()) f.write(s, o);
  return o.dump(2) + "\n";
}

Result<ScopeOptions> parse_scope(const Settings& s) {
  ScopeOptions so;
  auto tz = TimeZone::locate(s.tz);
  if (!tz.ok()) return Status::InvalidArgument("--tz: " + tz.status().message());
  so.calendar.tz = *tz;
  auto week_start = parse_weekday(s.week_start);
  if (!week_start.ok()) return week_start.status();
  so.calendar.week_start = *week_start;
  auto period = parse_period_unit(s.period);
  if (!period.ok()) return Status::InvalidArgument("--period: " + period.status().message());
  so.period = *period;
  if (!s.from.empty()) {
    auto t = parse_bound("--from", s.from, so.calendar.tz);
    if (!t.ok()) return t.status();
    so.from = *t;
  }
  if (!s.to.empty()) {
    auto t = parse_bound("--to", s.to, so.calendar.tz);
    if (!t.ok()) return t.status();
    so.to = *t;
  }
  so.group_by = GroupBy::parse(s.by);
  return so;
}

Result<ReportOptions> report_options(const Settings& s) {
  if (Status st = validate_settings(s); !st.ok()) return st;
  auto scope = parse_scope(s);
  if (!scope.ok()) return scope.status();
  ReportOptions o;
  o.scope = *scope;
  for (const Field& f : fields()) f.apply(s, o);
  return o;
}

Result<ReadOptions> read_options(const Settings& s) {
  ReadOptions ro;
  auto tz = TimeZone::locate(s.tz);
  if (!tz.ok()) return Status::InvalidArgument("--tz: " + tz.status().message());
  ro.tz = *tz;
  for (const std::string& r : s.renames) {
    const auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      return Status::InvalidArgument("--rename: expected OLD=NEW, got '" + r + "'");
    }
    ro.renames.emplace_back(r.substr(0, eq), r.substr(eq + 1));
  }
  return ro;
}

}  // namespace clm
