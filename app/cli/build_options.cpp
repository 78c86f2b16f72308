#include "cli/build_options.h"

#include <fstream>
#include <iostream>

#include "base/error.h"

namespace kabiscope::cli {

void BuildArguments::addTo(CLI::App& command) {
    command.add_flag("-s,--stable", stable, "Apply kABI stability rules and __kabi_ member conventions (gendwarfksyms --stable)");
    command.add_flag("--whole-file", wholeFile,
                     "Version over all compilation units at once, like gendwarfksyms handed the whole file "
                     "(default: each export from the unit that exports it, as kbuild does)");
    command.add_flag("--rust", rust, "Find exports with kbuild's Rust rule (every global text/data symbol)");
    command.add_option("--symbols", symbolsFile, "Only these symbols: one name per line (first token), '-' for stdin");
    command.add_option("-j,--threads", threads, "Threads: for a build's compilation units (kbuild mode), or its files when it has several, "
                       "and for explaining a diff (default: one per core, at most 4; two builds share the cores)")
        ->check(CLI::Range(0, 64));
}

VersionOptions BuildArguments::versionOptions() const {
    VersionOptions options;
    options.stable = stable;
    options.wholeFile = wholeFile;
    options.exportSource = rust ? ExportSource::Rust : ExportSource::Automatic;
    options.detachFromDwarf = true;  // both builds stay in memory while they are compared
    options.threads = threads;
    if (!symbolsFile.empty()) {
        if (symbolsFile == "-") {
            options.exports = ExportList::parse(std::cin, "-");
        } else {
            std::ifstream in(symbolsFile);
            if (!in) fail(symbolsFile, "cannot open symbol list");
            options.exports = ExportList::parse(in, symbolsFile);
        }
    }
    return options;
}

LoadedBuild loadWithProgress(const std::string& path, const VersionOptions& options, ProgressReporter& progress,
                             const std::string& label) {
    VersionOptions withProgress = options;
    withProgress.progress = [&](const std::string& stage, size_t done, size_t total) {
        progress.update(label + ": " + stage, done, total);
    };
    return loadBuild(path, withProgress);
}

std::pair<LoadedBuild, LoadedBuild> loadPair(const std::string& oldPath, const std::string& newPath,
                                             const VersionOptions& options, ProgressReporter& progress) {
    VersionOptions withProgress = options;
    withProgress.progress = [&](const std::string& stage, size_t done, size_t total) {
        progress.update("loading: " + stage, done, total);
    };
    return loadBuildPair(oldPath, newPath, withProgress);
}

void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        write(std::cout);
        std::cout.flush();
        return;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) fail(path, "cannot create file");
    write(out);
    out.flush();
    if (!out) fail(path, "write error");
}

}  // namespace kabiscope::cli

namespace kabiscope::cli {

void warnUnversioned(const VersionedBuild& build, bool verbose) {
    std::vector<const std::string*> names;
    for (const auto& symbol : build.symbols)
        if (!symbol.versioned) names.push_back(&symbol.name());
    if (names.empty()) return;
    if (verbose || names.size() == 1) {
        for (const std::string* name : names)
            std::cerr << "kabiscope: warning: " << build.path << ": no information for symbol " << *name << '\n';
        return;
    }
    std::cerr << "kabiscope: warning: " << build.path << ": no information for " << names.size() << " symbols (";
    for (size_t i = 0; i < std::min<size_t>(3, names.size()); ++i) std::cerr << (i ? ", " : "") << *names[i];
    std::cerr << ", ...): no DWARF describes them, so their CRC is 0; -v lists them\n";
}

}  // namespace kabiscope::cli
