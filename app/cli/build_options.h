// Options every command that loads builds shares (--stable, --whole-file, --symbols, --rust),
// and loading with a progress line.
#pragma once

#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "cli/progress_reporter.h"
#include "version/build_loader.h"

namespace kabiscope::cli {

struct BuildArguments {
    bool stable = false;
    bool wholeFile = false;
    bool rust = false;
    std::string symbolsFile;
    unsigned threads = 0;

    void addTo(CLI::App& command);
    // Reads --symbols (if given) and fills the core options.
    VersionOptions versionOptions() const;
};

LoadedBuild loadWithProgress(const std::string& path, const VersionOptions& options, ProgressReporter& progress,
                             const std::string& label);

// Loads two builds at once, on two threads (they are independent); progress shows the old one.
std::pair<LoadedBuild, LoadedBuild> loadPair(const std::string& oldPath, const std::string& newPath,
                                             const VersionOptions& options, ProgressReporter& progress);

// Warns about the exports of `build` that have no DWARF (CRC 0, gendwarfksyms' "no information
// for symbol"): by name when there is one or `verbose`, else one line with a count and examples.
void warnUnversioned(const VersionedBuild& build, bool verbose);

// Writes `write`'s output to `path`, or to stdout when `path` is empty or "-".
void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace kabiscope::cli
