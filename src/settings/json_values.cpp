// Reading one value of a settings or goals file.
#include "settings/json_values.h"

#include <algorithm>

#include <fmt/format.h>

namespace clm::detail {
namespace {

constexpr std::string_view kGoalKeys[] = {"metric", "min",     "max",    "period",
                                          "per",    "on_null", "comment"};

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

}  // namespace

// Parses a settings or goals file. InvalidArgument naming `where` for text
// that is not JSON (with the byte) and for a number no double can hold (with
// the key it belongs to).
Result<json> parse_json(std::string_view text, const std::string& where) {
  std::string key;  // the latest key read, to name the one an overflow belongs to
  const json::parser_callback_t track = [&key](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key) key = parsed.get<std::string>();
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), track);
  } catch (const json::out_of_range&) {
    return Status::InvalidArgument(where + ": '" + key +
                                   "': the number is out of range (beyond about 1.8e308)");
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(fmt::format("{}: not valid JSON (byte {})", where, e.byte));
  }
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
  // JSON reads an integer beyond 64 bits as a double.
  if (v.is_number_float() && std::abs(v.get<double>()) >= 0x1p63 &&
      std::floor(v.get<double>()) == v.get<double>()) {
    return Status::InvalidArgument(where + ": '" + key + "' is too large");
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

Status read_goals(const std::string& where, const json& v, std::vector<GoalSpec>& out) {
  if (!v.is_array()) return wrong_type(where, "goals", "an array of goal objects", v);
  std::vector<GoalSpec> goals;
  for (std::size_t i = 0; i < v.size(); ++i) {
    GoalSpec g;
    if (Status s = read_goal(fmt::format("{}: goals[{}]", where, i), v[i], g); !s.ok()) {
      return s;
    }
    goals.push_back(std::move(g));
  }
  out = std::move(goals);
  return Status::Ok();
}

}  // namespace clm::detail
