// Reading settings and goals files; their content is parsed by the library
// (clm/settings.h). The command-line side is in settings_options.cpp.
#include "settings.h"

#include "text_file.h"

namespace clm::cli {

Result<Settings> load_settings(const std::string& path, Settings base) {
  auto text = read_text_file(path, "settings file");
  if (!text.ok()) return text.status();
  return parse_settings(*text, path, std::move(base));
}

Result<GoalsFile> load_goals(const std::string& path) {
  auto text = read_text_file(path, "goals file");
  if (!text.ok()) return text.status();
  return parse_goals_file(*text, path);
}

}  // namespace clm::cli
