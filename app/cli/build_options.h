// Options every command that loads builds shares (--stable, --whole-file, --symbols, --rust,
// --debug-root),
// and loading with a progress line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/progress_reporter.h"
#include "readers/read_build.h"

namespace kabiscope::cli {

struct BuildArguments {
    bool stable = false;
    bool wholeFile = false;
    bool rust = false;
    std::string symbolsFile;
    std::string kabiRulesFile;
    unsigned threads = 0;
    bool keepGoing = false;
    std::vector<std::string> debugRoots;

    void addTo(CLI::App& command);
    // Reads --symbols and --kabi-rules (if given) and fills the core options.
    VersionOptions versionOptions() const;
};

Build loadWithProgress(const std::string& path, const VersionOptions& options, ProgressReporter& progress,
                       const std::string& label);

// Loads two builds at once, on two threads (they are independent); progress shows the old one.
std::pair<Build, Build> loadPair(const std::string& oldPath, const std::string& newPath,
                                 const VersionOptions& options, ProgressReporter& progress);

// Warns about the exports of `build` that have no DWARF (CRC 0, gendwarfksyms' "no information
// for symbol"): by name when there is one or `verbose`, else one line with a count and examples.
void warnUnversioned(const BuildFile& build, bool verbose);

// Fails, before anything is loaded, when `path` (an -o argument; empty or "-" is stdout) cannot
// be created: its directory is missing, not a directory, or not writable.
void checkOutputPath(const std::string& path);
// True when output to `path` goes to stdout and stdout is a terminal.
bool writesToTerminal(const std::string& path);

// Fails with "no such exported symbol in <where>", and "did you mean ...?" when `names` has
// close ones.
[[noreturn]] void failNoSuchSymbol(const std::string& symbol, const std::vector<std::string>& names, const std::string& where);
// The symbol in a loaded build, with its types: fails as above when absent, and with "no types
// for <symbol> in it (CRCs only): <needs>" when the build holds only its CRC.
const Build::SymbolRef& symbolWithTypes(const Build& build, const std::string& symbol, const std::string& path,
                                        const std::string& needs);
// Before any build is loaded: fails as above when none of `paths` exports `symbol` by their
// symbol tables (a kernel's DWARF takes many seconds; its symbol table a fraction of one).
void checkSymbolExists(const std::string& symbol, const std::vector<std::string>& paths, const VersionOptions& options);

// Prints "kabiscope: error: <file>: <problem> (skipped)" for each file --keep-going skipped;
// returns how many.
size_t reportSkipped(const std::vector<std::string>& skipped);

// Writes `write`'s output to `path`, or to stdout when `path` is empty or "-".
void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace kabiscope::cli
