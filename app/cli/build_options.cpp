#include "cli/build_options.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "base/error.h"
#include "exports/name_suggestions.h"
#include "readers/symbol_list_reader.h"

namespace kabiscope::cli {

void BuildArguments::addTo(CLI::App& command) {
    command.add_flag("-s,--stable", stable, "Apply kABI stability rules and __kabi_ member conventions (gendwarfksyms --stable)");
    command.add_option("--kabi-rules", kabiRulesFile,
                       "kABI rules from a file, one TYPE<TAB>TARGET<TAB>VALUE a line (declonly, enumerator_ignore, "
                       "enumerator_value, byte_size, type_string, and the what-ifs member_ignore and member_rename), applied "
                       "after each object's own section; implies "
                       "--stable (docs/kabi-rules.md)");
    command.add_flag("--whole-file", wholeFile,
                     "Version over all compilation units at once, like gendwarfksyms handed the whole file "
                     "(default: each export from the unit that exports it, as kbuild does)");
    command.add_flag("--rust", rust, "Find exports with kbuild's Rust rule (every global text/data symbol)");
    command.add_option("--symbols", symbolsFile,
                       "Only these symbols: one name per line (first token; gendwarfksyms' format), or an INI symbol "
                       "list (Android GKI [abi_symbol_list], libabigail, RHEL stablelist), or a RHEL kabi-module/kabi_<arch> "
                       "directory; '-' for stdin");
    command.add_option("-j,--threads", threads, "Threads: for a build's compilation units (kbuild mode), or its files when it has several, "
                                                "and for explaining a diff (default: one per core, at most 4; two builds share the cores)")
        ->check(CLI::Range(0, 64));
    command.add_option("--debug-root", debugRoots,
                       "Where the DWARF of a stripped module or kernel is looked for: by build-id, and by path as "
                       "Debian's -dbg packages lay it out (repeatable; default /usr/lib/debug)")
        ->check(CLI::ExistingDirectory);
    command.add_flag("-k,--keep-going", keepGoing,
                     "In a build of several files, skip a file that cannot be read (reported; exit status 1 at the end)");
}

VersionOptions BuildArguments::versionOptions() const {
    VersionOptions options;
    options.stable = stable;
    options.wholeFile = wholeFile;
    options.exportSource = rust ? ExportSource::Rust : ExportSource::Automatic;
    options.detachFromDwarf = true;  // both builds stay in memory while they are compared
    options.threads = threads;
    options.keepGoing = keepGoing;
    options.debugRoots = debugRoots;
    if (!symbolsFile.empty()) options.exports = readSymbolList(symbolsFile);
    if (!kabiRulesFile.empty()) {
        options.kabiRules = KabiRules::parseFile(kabiRulesFile);
        options.stable = true;  // rules apply only with the stability rules on, as in gendwarfksyms
    }
    return options;
}

Build loadWithProgress(const std::string& path, const VersionOptions& options, ProgressReporter& progress,
                       const std::string& label) {
    VersionOptions withProgress = options;
    withProgress.progress = [&](const std::string& stage, size_t done, size_t total) {
        progress.update(label + ": " + stage, done, total);
    };
    return readBuild(path, withProgress);
}

std::pair<Build, Build> loadPair(const std::string& oldPath, const std::string& newPath,
                                 const VersionOptions& options, ProgressReporter& progress) {
    VersionOptions withProgress = options;
    withProgress.progress = [&](const std::string& stage, size_t done, size_t total) { progress.update(stage, done, total); };
    return readBuildPair(oldPath, newPath, withProgress);
}

const Build::SymbolRef& symbolWithTypes(const Build& build, const std::string& symbol, const std::string& path,
                                        const std::string& needs) {
    const auto found = build.symbols.find(symbol);
    if (found == build.symbols.end()) {
        std::vector<std::string> names;
        for (const auto& [name, ref] : build.symbols) names.push_back(name);
        failNoSuchSymbol(symbol, names, path);
    }
    if (!found->second.symbol->hasTypes()) fail(path, "no types for ", symbol, " in it (CRCs only): ", needs);
    return found->second;
}

void checkOutputPath(const std::string& path) {
    if (path.empty() || path == "-") return;
    std::error_code error;
    const auto target = std::filesystem::status(path, error);
    if (std::filesystem::is_directory(target)) fail(path, "cannot create file: it is a directory");
    if (std::filesystem::exists(target)) {  // overwritten in place (or /dev/null): the file decides
        if (::access(path.c_str(), W_OK) != 0) fail(path, "cannot write: ", errnoMessage(errno));
        return;
    }
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (parent.empty()) parent = ".";
    const auto status = std::filesystem::status(parent, error);
    if (error && error != std::errc::no_such_file_or_directory)
        fail(path, "cannot create file in '", parent.string(), "': ", error.message());
    if (!std::filesystem::exists(status))
        fail(path, "cannot create file: directory '", parent.string(), "' does not exist");
    if (!std::filesystem::is_directory(status)) fail(path, "cannot create file: '", parent.string(), "' is not a directory");
    if (::access(parent.c_str(), W_OK) != 0)
        fail(path, "cannot create file in '", parent.string(), "': ", errnoMessage(errno));
}

void failNoSuchSymbol(const std::string& symbol, const std::vector<std::string>& names, const std::string& where) {
    const std::vector<std::string> close = suggestNames(symbol, names);
    std::string hint;
    for (size_t i = 0; i < close.size(); ++i) hint += (i ? (i + 1 == close.size() ? " or " : ", ") : "; did you mean ") + close[i];
    if (!hint.empty()) hint += "?";
    fail(symbol, "no such exported symbol in ", where, hint);
}

void checkSymbolExists(const std::string& symbol, const std::vector<std::string>& paths, const VersionOptions& options) {
    if (options.exports) return;  // --symbols decides what is versioned
    std::vector<std::string> names;
    for (const std::string& path : paths) {
        std::vector<std::string> more = exportNamesIn(path, options);
        names.insert(names.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    // A plain object without an export table versions what --symbols lists: nothing to check.
    if (names.empty() || std::find(names.begin(), names.end(), symbol) != names.end()) return;
    failNoSuchSymbol(symbol, names, paths.size() == 1 ? paths[0] : "either build");
}

size_t reportSkipped(const std::vector<std::string>& skipped) {
    for (const std::string& problem : skipped) std::cerr << "kabiscope: error: " << problem << " (skipped)\n";
    return skipped.size();
}

bool writesToTerminal(const std::string& path) { return (path.empty() || path == "-") && ::isatty(STDOUT_FILENO); }

void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        write(std::cout);
        std::cout.flush();
        return;
    }
    checkOutputPath(path);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) fail(path, "cannot create file: ", errnoMessage(errno));
    write(out);
    out.flush();
    if (!out) fail(path, "write error");
}

}  // namespace kabiscope::cli

namespace kabiscope::cli {

void warnUnversioned(const BuildFile& build, bool verbose) {
    std::vector<const std::string*> names;
    for (const auto& symbol : build.symbols)
        if (!symbol.hasCrc) names.push_back(&symbol.name());
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
