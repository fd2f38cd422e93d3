// The subcommands of `clm`.
//
// How to add a subcommand `clm foo`:
//   1. Create cli/cmd_foo.cpp defining `void add_foo_command(CLI::App& app)`. It
//      calls app.add_subcommand("foo", "..."), declares its options into a
//      std::shared_ptr'd options struct (common.h has the shared input, scope
//      and output options), and sets a callback that runs the command and ends
//      with `finish(status_code)` (common.h).
//   2. Declare it below and add one line to the list in main.cpp.
// The glob in cli/CMakeLists.txt picks the new file up; nothing else to edit.
#pragma once

namespace CLI {
class App;
}

namespace clm::cli {

void add_report_command(CLI::App& app);
void add_clv_command(CLI::App& app);
void add_stages_command(CLI::App& app);
void add_rfm_command(CLI::App& app);
void add_value_commands(CLI::App& app);  // `clm value` and `clm cac`
void add_generate_command(CLI::App& app);
void add_check_command(CLI::App& app);   // `clm check`: goals
void add_config_command(CLI::App& app);  // `clm config --print`

}  // namespace clm::cli
