// Reading settings and goals files; their content is parsed by the library
// (clm/settings.h). The command-line side is in settings_options.cpp.
#include "settings.h"

#include <fstream>
#include <iterator>

namespace clm::cli {

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
  return parse_goals_file(text, path);
}

}  // namespace clm::cli
