// Reading, checking and printing settings files (JSON). The command-line side
// (SettingsOptions) is in settings_options.cpp.
#include "settings.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "clm/report.h"

namespace clm::cli {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

constexpr std::string_view kSettingKeys[] = {"from",
                                             "to",
                                             "period",
                                             "by",
                                             "tz",
                                             "week_start",
                                             "margin",
                                             "inactivity_days",
                                             "activity_types",
                                             "loyalty_purchases",
                                             "activation_days",
                                             "latest_answers",
                                             "email_delivered",
                                             "cohort_active_or_later",
                                             "discount_rate",
                                             "horizon_months",
                                             "renames",
                                             "goals",
                                             "null_fails",
                                             "comment"};
constexpr std::string_view kGoalKeys[] = {"metric", "min",     "max",    "period",
                                          "per",    "on_null", "comment"};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

template <std::size_t N>
Status unknown_key(const std::string& where, const std::string& key,
                   const std::string_view (&known)[N]) {
  std::string msg = where + ": unknown key '" + key + "'";
  std::string_view best;
  std::size_t best_distance = 4;
  for (std::string_view k : known) {
    const std::size_t d = edit_distance(key, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  if (!best.empty()) msg += " (did you mean '" + std::string(best) + "'?)";
  return Status::InvalidArgument(msg);
}

std::string type_of(const json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return "an integer";
  if (v.is_number()) return "a number";
  return std::string(v.is_object()  ? "an object"
                     : v.is_array() ? "an array"
                                    : "a ") +
         (v.is_object() || v.is_array() ? "" : v.type_name());
}

Status wrong_type(const std::string& where, const std::string& key, const char* expected,
                  const json& v) {
  return Status::InvalidArgument(where + ": '" + key + "' must be " + expected + ", not " +
                                 type_of(v));
}

// Readers of one key: each returns an error naming the key on a wrong type.
Status read(const std::string& where, const std::string& key, const json& v, std::string& out,
            bool nullable) {
  if (nullable && v.is_null()) {
    out.clear();
    return Status::Ok();
  }
  if (!v.is_string()) return wrong_type(where, key, nullable ? "a string or null" : "a string", v);
  out = v.get<std::string>();
  return Status::Ok();
}

Status read(const std::string& where, const std::string& key, const json& v, double& out) {
  if (!v.is_number()) return wrong_type(where, key, "a number", v);
  out = v.get<double>();
  return Status::Ok();
}

Status read(const std::string& where, const std::string& key, const json& v, std::int64_t& out) {
  if (v.is_number_integer() || v.is_number_unsigned()) {
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX) {
      return Status::InvalidArgument(where + ": '" + key + "' is too large");
    }
    out = v.get<std::int64_t>();
    return Status::Ok();
  }
  return wrong_type(where, key, "an integer", v);
}

Status read(const std::string& where, const std::string& key, const json& v, bool& out) {
  if (!v.is_boolean()) return wrong_type(where, key, "true or false", v);
  out = v.get<bool>();
  return Status::Ok();
}

Status read_strings(const std::string& where, const std::string& key, const json& v,
                    std::vector<std::string>& out) {
  if (!v.is_array()) return wrong_type(where, key, "an array of strings", v);
  std::vector<std::string> r;
  for (const json& e : v) {
    if (!e.is_string()) return wrong_type(where, key, "an array of strings", e);
    r.push_back(e.get<std::string>());
  }
  out = std::move(r);
  return Status::Ok();
}

Status read_renames(const std::string& where, const json& v, std::vector<std::string>& out) {
  if (!v.is_object()) return wrong_type(where, "renames", "an object {\"OLD\": \"NEW\"}", v);
  std::vector<std::string> r;
  for (const auto& [old_name, new_name] : v.items()) {
    if (!new_name.is_string()) {
      return wrong_type(where, "renames." + old_name, "a string (the contract column)", new_name);
    }
    r.push_back(old_name + "=" + new_name.get<std::string>());
  }
  out = std::move(r);
  return Status::Ok();
}

Status read_goal(const std::string& where, const json& v, GoalSpec& g) {
  if (!v.is_object()) return wrong_type(where, "goal", "an object", v);
  if (!v.contains("metric")) return Status::InvalidArgument(where + ": 'metric' is missing");
  for (const auto& [key, value] : v.items()) {
    if (std::find(std::begin(kGoalKeys), std::end(kGoalKeys), key) == std::end(kGoalKeys)) {
      return unknown_key(where, key, kGoalKeys);
    }
    Status s;
    if (key == "metric") {
      s = read(where, key, value, g.metric, false);
    } else if (key == "min" || key == "max") {
      double d = 0;
      s = read(where, key, value, d);
      (key == "min" ? g.min : g.max) = d;
    } else if (key == "period") {
      std::string text;
      s = read(where, key, value, text, false);
      if (s.ok()) {
        auto p = parse_goal_period(text);
        if (!p.ok()) return Status::InvalidArgument(where + ": 'period': " + p.status().message());
        g.period = *p;
      }
    } else if (key == "per") {
      s = read(where, key, value, g.per, true);
    } else if (key == "on_null") {
      std::string text;
      s = read(where, key, value, text, false);
      if (s.ok() && text != "fail" && text != "ignore") {
        return Status::InvalidArgument(where + ": 'on_null' must be \"fail\" or \"ignore\", not '" +
                                       text + "'");
      }
      g.null_fails = text == "fail";
    }
    if (!s.ok()) return s;
  }
  if (auto source = goal_source(g); !source.ok()) {
    return Status::InvalidArgument(where + ": " + source.status().message());
  }
  return Status::Ok();
}

Status read_goals(const std::string& where, const json& v, std::vector<GoalSpec>& out) {
  if (!v.is_array()) return wrong_type(where, "goals", "an array of goal objects", v);
  std::vector<GoalSpec> goals;
  for (std::size_t i = 0; i < v.size(); ++i) {
    GoalSpec g;
    if (Status s = read_goal(where + ": goals[" + std::to_string(i) + "]", v[i], g); !s.ok()) {
      return s;
    }
    goals.push_back(std::move(g));
  }
  out = std::move(goals);
  return Status::Ok();
}

Status read_key(const std::string& where, const std::string& key, const json& v, Settings& s) {
  if (key == "from") return read(where, key, v, s.from, true);
  if (key == "to") return read(where, key, v, s.to, true);
  if (key == "period") return read(where, key, v, s.period, false);
  if (key == "by") return read(where, key, v, s.by, true);
  if (key == "tz") return read(where, key, v, s.tz, false);
  if (key == "week_start") return read(where, key, v, s.week_start, false);
  if (key == "margin") return read(where, key, v, s.margin);
  if (key == "inactivity_days") return read(where, key, v, s.inactivity_days);
  if (key == "activity_types") return read_strings(where, key, v, s.activity_types);
  if (key == "loyalty_purchases") return read(where, key, v, s.loyalty_purchases);
  if (key == "activation_days") return read(where, key, v, s.activation_days);
  if (key == "latest_answers") return read(where, key, v, s.latest_answers);
  if (key == "email_delivered") return read(where, key, v, s.email_delivered, false);
  if (key == "cohort_active_or_later") return read(where, key, v, s.cohort_active_or_later);
  if (key == "discount_rate") return read(where, key, v, s.discount_rate);
  if (key == "horizon_months") return read(where, key, v, s.horizon_months);
  if (key == "renames") return read_renames(where, v, s.renames);
  if (key == "goals") return read_goals(where, v, s.goals);
  if (key == "null_fails") return read(where, key, v, s.null_fails);
  if (key == "comment") return Status::Ok();  // free text for people
  return unknown_key(where, key, kSettingKeys);
}

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

}  // namespace

Result<Settings> parse_settings(std::string_view text, std::string_view source, Settings base) {
  const std::string where(source);
  json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    // Parse again with exceptions only to get the position of the error.
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
      return Status::InvalidArgument(where + ": not valid JSON (byte " + std::to_string(e.byte) +
                                     ")");
    }
  }
  if (!root.is_object()) {
    return Status::InvalidArgument(where + ": a settings file is a JSON object {\"key\": value}");
  }
  for (const auto& [key, value] : root.items()) {
    if (Status s = read_key(where, key, value, base); !s.ok()) return s;
  }
  return base;
}

Result<Settings> load_settings(const std::string& path, Settings base) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput("cannot open settings file '" + path + "'");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::NoInput("cannot read settings file '" + path + "'");
  return parse_settings(text, path, std::move(base));
}

Result<GoalsFile> load_goals(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput("cannot open goals file '" + path + "'");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
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
  auto bad = [](const char* key, const std::string& why) {
    return Status::InvalidArgument(std::string(key) + ": " + why);
  };
  if (!(s.margin >= 0 && s.margin <= 1)) {
    return bad("margin (--margin)", "must be in [0, 1], got " + std::to_string(s.margin));
  }
  if (s.inactivity_days < 0) return bad("inactivity_days (--inactivity-days)", "must be >= 0");
  if (s.activity_types.empty()) return bad("activity_types (--activity-types)", "is empty");
  for (const std::string& t : s.activity_types) {
    if (t.empty()) return bad("activity_types (--activity-types)", "has an empty type name");
  }
  if (s.loyalty_purchases < 1)
    return bad("loyalty_purchases (--loyalty-purchases)", "must be >= 1");
  if (s.activation_days < 0) return bad("activation_days (--activation-days)", "must be >= 0");
  if (s.email_delivered != "auto" && s.email_delivered != "events" &&
      s.email_delivered != "sent_minus_bounced") {
    return bad("email_delivered (--email-delivered)",
               "must be auto, events or sent_minus_bounced, got '" + s.email_delivered + "'");
  }
  if (!(s.discount_rate >= 0 && s.discount_rate < 10)) {
    return bad("discount_rate (--discount)", "must be a yearly rate in [0, 10)");
  }
  if (s.horizon_months < 1 || s.horizon_months > 1200) {
    return bad("horizon_months (--horizon)", "must be 1..1200 months");
  }
  for (const std::string& r : s.renames) {
    const auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      return bad("renames (--rename)", "expected OLD=NEW, got '" + r + "'");
    }
  }
  for (const GoalSpec& g : s.goals) {
    if (auto source = goal_source(g); !source.ok()) return source.status();
  }
  auto scope = parse_scope(s);
  return scope.ok() ? Status::Ok() : scope.status();
}

std::string settings_to_json(const Settings& s) {
  ordered o;
  o["from"] = nullable(s.from);
  o["to"] = nullable(s.to);
  o["period"] = s.period;
  o["by"] = nullable(s.by);
  o["tz"] = s.tz;
  o["week_start"] = s.week_start;
  o["margin"] = s.margin;
  o["inactivity_days"] = s.inactivity_days;
  o["activity_types"] = s.activity_types;
  o["loyalty_purchases"] = s.loyalty_purchases;
  o["activation_days"] = s.activation_days;
  o["latest_answers"] = s.latest_answers;
  o["email_delivered"] = s.email_delivered;
  o["cohort_active_or_later"] = s.cohort_active_or_later;
  o["discount_rate"] = s.discount_rate;
  o["horizon_months"] = s.horizon_months;
  ordered renames = ordered::object();
  for (const std::string& r : s.renames) {
    const auto eq = r.find('=');
    renames[r.substr(0, eq)] = eq == std::string::npos ? "" : r.substr(eq + 1);
  }
  o["renames"] = renames;
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
  o["null_fails"] = s.null_fails;
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
  o.payback.margin = o.clv.margin = s.margin;
  o.activity.inactivity_window_days = s.inactivity_days;
  o.activity.activity_types = s.activity_types;
  o.stages.loyalty_purchases = s.loyalty_purchases;
  o.activation.activation_window_days = s.activation_days;
  o.surveys.latest_only = s.latest_answers;
  o.email.delivered = s.email_delivered == "events" ? EmailOptions::Delivered::kEvents
                      : s.email_delivered == "sent_minus_bounced"
                          ? EmailOptions::Delivered::kSentMinusBounced
                          : EmailOptions::Delivered::kAuto;
  o.cohorts.active_or_later = s.cohort_active_or_later;
  return o;
}

}  // namespace clm::cli
