// Internal: reading one value of a settings or goals file (nlohmann::json),
// each error naming the file, the key and the problem.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clm/did_you_mean.h"
#include "clm/goals.h"
#include "clm/status.h"

namespace clm::detail {

using json = nlohmann::json;

// InvalidArgument "where: unknown key 'key'", with a did-you-mean among `known`.
template <typename Keys>
Status unknown_key(const std::string& where, const std::string& key, const Keys& known) {
  std::string msg = where + ": unknown key '" + key + "'";
  const std::string_view best = did_you_mean(key, known);
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
