// `kabiscope versions`: what gendwarfksyms would print for each exported symbol.
#include <algorithm>
#include <deque>
#include <iostream>
#include <memory>
#include <unordered_map>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "cli/progress_reporter.h"
#include "modules/recorded_crcs.h"
#include "output/writers.h"
#include "readers/genksyms_reader.h"
#include "readers/reference_reader.h"
#include "readers/symtypes_reader.h"
#include "version/build_loader.h"
#include "version/file_versioner.h"

namespace kabiscope::cli {

namespace {

struct VersionsArguments {
    std::vector<std::string> files;
    BuildArguments build;
    std::string symtypesFile;
    std::string crcInputFile;
    std::string format = "symver";
    std::string checkRecorded;  // compare with the CRCs this file records
    bool verbose = false;
};

// --check-recorded: one summary, then each differing symbol; exit 4 when any differs.
int reportRecorded(const std::deque<BuildFile>& builds, const std::string& path) {
    KernelExports recorded;
    recorded.add(path);
    const RecordedComparison cmp = compareRecorded(builds, recorded);
    std::unordered_map<std::string, uint32_t> computed;
    for (const auto& build : builds)
        for (const auto& symbol : build.symbols) computed.emplace(symbol.name(), symbol.crc);
    writeOutput("-", [&](std::ostream& out) {
        out << "kabiscope versions --check-recorded " << path << ": " << cmp.compared << " CRCs compared, " << cmp.equal
            << " equal, " << cmp.differing.size() << " differ\n";
        if (!cmp.notRecorded.empty()) out << "  " << cmp.notRecorded.size() << " exported here are not recorded there\n";
        if (!cmp.noDwarf.empty()) out << "  " << cmp.noDwarf.size() << " recorded there have no DWARF here\n";
        const std::string with = cmp.versionedWith();
        if (with == "gendwarfksyms")
            out << "  versioned with gendwarfksyms: every recorded CRC is the one computed from the DWARF\n";
        else if (with == "genksyms")
            out << "  not versioned from this DWARF: almost no CRC matches (genksyms, which versions the preprocessed "
                   "source, or another --stable setting)\n";
        else if (with == "mixed")
            out << "  partly matching: the recorded CRCs come from other options or other sources for some symbols\n";
        for (const std::string& name : cmp.differing)
            out << "differs\t" << name << "\tcomputed " << formatCrc(computed.at(name)) << "\trecorded "
                << formatCrc(*recorded.find(name)->crc) << "\n";
    });
    return cmp.differing.empty() ? kExitOk : kExitChanged;
}

int runVersions(const VersionsArguments& args) {
    checkOutputPath(args.symtypesFile);
    checkOutputPath(args.crcInputFile);
    VersionOptions options = args.build.versionOptions();
    options.detachFromDwarf = false;  // printed and gone: no need to copy the strings
    options.captureCrcInput = !args.crcInputFile.empty();
    options.keepTypes = !args.symtypesFile.empty();  // otherwise only the CRCs are printed

    ProgressReporter progress;
    options.progress = [&](const std::string& stage, size_t done, size_t total) { progress.update(stage, done, total); };

    // Symtypes text: the CRCs recomputed from its records (readers/symtypes_reader.h, and
    // readers/genksyms_reader.h for genksyms').
    size_t symtypes = 0;
    for (const std::string& file : args.files) {
        const BuildInput kind = detectBuildInput(file);
        if (kind == BuildInput::ModuleSymvers || kind == BuildInput::Stablelist)
            fail(file, kind == BuildInput::Stablelist ? "a kABI stablelist" : "a Module.symvers", ": it records CRCs, versions computes them "
                                                                                                  "(give a vmlinux, a module, an object or symtypes; diff takes a Module.symvers)");
        if (kind == BuildInput::Symtypes || kind == BuildInput::GenksymsSymtypes || kind == BuildInput::GenksymsTree ||
            kind == BuildInput::Reference)
            ++symtypes;
    }
    if (symtypes && symtypes != args.files.size())
        throw UsageError("give either symtypes files and references or objects, not both");
    std::vector<std::string> skipped;
    std::deque<BuildFile> builds;
    if (symtypes) {
        if (!args.symtypesFile.empty() || options.exports)
            throw UsageError("--symtypes and --symbols take objects, not symtypes");
        if (!args.crcInputFile.empty() && std::any_of(args.files.begin(), args.files.end(), [](const std::string& f) {
                const BuildInput kind = detectBuildInput(f);
                return kind != BuildInput::GenksymsSymtypes && kind != BuildInput::GenksymsTree;
            }))
            throw UsageError("--crc-input takes objects or genksyms symtypes");
        for (const std::string& file : args.files) {
            const BuildInput kind = detectBuildInput(file);
            if (kind == BuildInput::Reference)
                for (BuildFile& part : readReferenceBuild(file).files) builds.push_back(std::move(part));
            else if (kind == BuildInput::GenksymsSymtypes || kind == BuildInput::GenksymsTree) {
                const GenksymsReadOptions read{.captureCrcInput = !args.crcInputFile.empty(), .keepTypes = false};
                builds.push_back(kind == BuildInput::GenksymsTree ? readGenksymsTree(file, read) : readGenksymsFile(file, read));
            } else
                builds.push_back(readSymtypesFile(file));
        }
    } else {
        builds = versionFiles(args.files, options, &skipped);
    }
    progress.finish();
    reportSkipped(skipped);
    if (!args.checkRecorded.empty()) {
        const int status = reportRecorded(builds, args.checkRecorded);
        return skipped.empty() ? status : kExitError;
    }

    for (const auto& build : builds) {
        for (const auto& warning : build.warnings) std::cerr << "kabiscope: warning: " << warning << '\n';
        warnUnversioned(build, args.verbose);
    }
    if (options.exports && args.files.size() > 1)
        for (const std::string& name : namesNotFound(*options.exports, builds))
            std::cerr << "kabiscope: warning: no file exports listed symbol " << name << '\n';

    // Like gendwarfksyms, write no symtypes file when there is nothing to version.
    const bool anySymbols = std::any_of(builds.begin(), builds.end(), [](const auto& b) { return !b.symbols.empty(); });
    if (!args.symtypesFile.empty() && anySymbols)
        writeOutput(args.symtypesFile, [&](std::ostream& out) {
            for (const auto& build : builds) writeSymtypes(build, out);
        });
    if (!args.crcInputFile.empty())
        writeOutput(args.crcInputFile, [&](std::ostream& out) {
            for (const auto& build : builds) writeCrcInputs(build, out);
        });

    // One listing sorted by name across all files.
    std::vector<std::pair<const BuildFile*, const SymbolVersion*>> all;
    for (const auto& build : builds)
        for (const auto& symbol : build.symbols) all.emplace_back(&build, &symbol);
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second->name() < b.second->name(); });
    writeOutput("-", [&](std::ostream& out) {
        for (const auto& [build, symbol] : all) {
            if (args.format == "symvers")
                writeModuleSymversLine(*symbol, build->module, out);
            else
                writeSymverLine(*symbol, out);
        }
    });
    return skipped.empty() ? kExitOk : kExitError;
}

}  // namespace

CommandRunner addVersionsCommand(CLI::App& app) {
    auto args = std::make_shared<VersionsArguments>();
    CLI::App* cmd = app.add_subcommand("versions", "Print the symbol version (CRC) of every exported symbol, as gendwarfksyms does");
    cmd->add_option("FILE", args->files,
                    "ELF files with DWARF (.o, .ko, vmlinux), or symtypes (gendwarfksyms' or genksyms', whose CRCs are "
                    "then recomputed) or a kabiscope reference")
        ->required();
    args->build.addTo(*cmd);
    cmd->add_option("-T,--symtypes", args->symtypesFile, "Write the symtypes file, as gendwarfksyms --symtypes");
    cmd->add_option("--crc-input", args->crcInputFile,
                    "Write '<symbol> <exact CRC input>' lines, as gendwarfksyms --dump-versions (for genksyms "
                    "symtypes: each symbol's expansion, as genksyms -D)");
    cmd->add_option("--format", args->format, "Output format: 'symver' (#SYMVER lines) or 'symvers' (Module.symvers)")
        ->check(CLI::IsMember({"symver", "symvers"}));
    cmd->add_option("--check-recorded", args->checkRecorded,
                    "Instead of the CRCs, compare them with those FILE records (a Module.symvers, the vmlinux or .ko "
                    "itself, a directory) and say whether that kernel was versioned with gendwarfksyms; exit 4 if any differs");
    cmd->add_flag("-v,--verbose", args->verbose, "Name every symbol without DWARF, not just how many there are");
    cmd->footer(
        "Examples:\n"
        "  kabiscope versions drivers/net/dummy.o\n"
        "  kabiscope versions --stable --symtypes dummy.symtypes dummy.o\n"
        "  nm foo.o | sed -n 's/.* __export_symbol_//p' | kabiscope versions --symbols - foo.o\n"
        "  kabiscope versions --format symvers vmlinux > Module.symvers");
    return [args] { return runVersions(*args); };
}

}  // namespace kabiscope::cli
