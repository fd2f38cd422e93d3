// Reading the small files the CLI takes besides the tables: settings, goals
// and a fitted model.
#pragma once

#include <string>
#include <string_view>

#include "clm/status.h"

namespace clm::cli {

// The whole content of a small file (settings, goals, a model). NoInput
// "cannot open WHAT 'PATH': <reason>" when it cannot be opened or read (a
// directory included).
Result<std::string> read_text_file(const std::string& path, std::string_view what);

}  // namespace clm::cli
