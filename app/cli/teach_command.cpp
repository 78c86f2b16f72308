// `kabiscope teach`: how one symbol's modversion is made, step by step — its type string piece
// by piece with the running CRC, the #SYMVER line, what modpost puts in a module's __versions
// and what the loader compares; with an old build too, where the two inputs first differ and
// the cause that byte belongs to (explore/teaching.h, docs/teaching.md).
#include <memory>
#include <tuple>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "diff/build_diff.h"
#include "explore/teaching.h"

namespace kabiscope::cli {

namespace {

struct TeachArguments {
    std::string path;
    std::string symbol;
    std::string against;
    std::string output;
    bool all = false;
    BuildArguments build;
};

int runTeach(const TeachArguments& args) {
    checkOutputPath(args.output);
    const VersionOptions options = args.build.versionOptions();
    checkSymbolExists(args.symbol, {args.path}, options);
    ProgressReporter progress;
    Build old, build;
    if (args.against.empty())
        build = loadWithProgress(args.path, options, progress, "loading");
    else
        std::tie(old, build) = loadPair(args.against, args.path, options, progress);
    progress.finish();
    const Build::SymbolRef& now = symbolWithTypes(build, args.symbol, args.path, "teaching needs the types its CRC is made of");
    const SymbolTeaching teaching = teachSymbol(*now.file, *now.symbol);
    TeachingOptions teachingOptions;
    if (args.all) teachingOptions.maxPieces = 0;
    if (args.against.empty()) {
        writeOutput(args.output, [&](std::ostream& out) { writeTeaching(teaching, out, teachingOptions); });
        return kExitOk;
    }
    const Build::SymbolRef& then = symbolWithTypes(old, args.symbol, args.against, "teaching needs the types its CRC is made of");
    const SymbolTeaching before = teachSymbol(*then.file, *then.symbol);
    DiffOptions diffOptions;
    diffOptions.threads = options.threads;
    const DiffResult diff = diffBuilds(old, build, diffOptions);
    const SymbolDiff* symbolDiff = nullptr;
    for (const SymbolDiff& s : diff.symbols)
        if (s.name == args.symbol) symbolDiff = &s;
    writeOutput(args.output, [&](std::ostream& out) { writeTeaching(teaching, out, teachingOptions, &before, &diff, symbolDiff); });
    return before.crc == teaching.crc ? kExitOk : kExitChanged;
}

}  // namespace

CommandRunner addTeachCommand(CLI::App& app) {
    auto args = std::make_shared<TeachArguments>();
    CLI::App* cmd = app.add_subcommand("teach", "Show step by step how a symbol's modversion CRC is made, and what the loader compares");
    cmd->add_option("FILE", args->path, "Build: vmlinux, .ko, .o, or a directory")->required();
    cmd->add_option("SYMBOL", args->symbol, "The exported symbol")->required();
    cmd->add_option("--against", args->against, "Old build: the same walk for it, and where the two CRC inputs first differ");
    cmd->add_option("-o,--output", args->output, "Write to this file instead of stdout");
    cmd->add_flag("--all", args->all, "List every piece of the type string (default: the first 120)");
    args->build.addTo(*cmd);
    cmd->footer(
        "Exit status: 0, or 4 with --against when the CRC changed.\n"
        "Examples:\n"
        "  kabiscope teach --stable demo.1.o demo_register\n"
        "  kabiscope teach --stable --against demo.0.o demo.1.o demo_register");
    return [args] { return runTeach(*args); };
}

}  // namespace kabiscope::cli
