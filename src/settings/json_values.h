// Internal: reading one value of a settings or goals file (nlohmann::json),
// each error naming the file, the key and the problem.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clm/goals.h"
#include "clm/status.h"

namespace clm::detail {

using json = nlohmann::json;

// InvalidArgument "where: unknown key 'key'", with a did-you-mean among `known`.
std::size_t edit_distance(std::string_view a, std::string_view b);
template <typename Keys>
Status unknown_key(const std::string& where, const std::string& key, const Keys& known) {
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

// Parses a settings or goals file. InvalidArgument naming `where` for text
// that is not JSON (with the byte) and for a number no double can hold (with
// the key it belongs to).
Result<json> parse_json(std::string_view text, const std::string& where);

// Readers of one key's value: an error naming the key on a wrong type.
// `nullable`: JSON null reads as "".
Status read(const std::string& where, const std::string& key, const json& v, std::string& out,
            bool nullable);
Status read(const std::string& where, const std::string& key, const json& v, double& out);
Status read(const std::string& where, const std::string& key, const json& v, std::int64_t& out);
Status read(const std::string& where, const std::string& key, const json& v, bool& out);
Status read_strings(const std::string& where, const std::string& key, const json& v,
                    std::vector<std::string>& out);
// {"OLD": "NEW", ...} as "OLD=NEW" strings.
Status read_renames(const std::string& where, const json& v, std::vector<std::string>& out);
// An array of goal objects, each checked with goal_source().
Status read_goals(const std::string& where, const json& v, std::vector<GoalSpec>& out);

}  // namespace clm::detail
