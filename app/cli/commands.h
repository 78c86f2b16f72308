// The subcommands of the kabiscope CLI. Each registers its options on the CLI11 app and returns
// the function that runs it; main() owns parsing and turns errors into exit codes.
#pragma once

#include <functional>
#include <stdexcept>

#include <CLI/CLI.hpp>

namespace kabiscope::cli {

// Exit codes, the libabigail/STG convention.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitChanged = 4;

using CommandRunner = std::function<int()>;

// A command line that parses but makes no sense ("--only-changes" without "--against", SVG to a
// terminal): main() prints it with the command's name and exits kExitUsage.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

CommandRunner addVersionsCommand(CLI::App& app);
CommandRunner addDiffCommand(CLI::App& app);
CommandRunner addExplainCommand(CLI::App& app);
CommandRunner addGraphCommand(CLI::App& app);
CommandRunner addCheckModulesCommand(CLI::App& app);
CommandRunner addReferenceCommand(CLI::App& app);
CommandRunner addTeachCommand(CLI::App& app);

}  // namespace kabiscope::cli
