// `kabiscope graph`: a symbol's type dependency graph as DOT or SVG (Graphviz).
#include <memory>
#include <tuple>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "diff/build_diff.h"
#include "graph/dependency_graph.h"
#include "graph/graphviz.h"

namespace kabiscope::cli {

namespace {

struct GraphArguments {
    std::string path;
    std::string symbol;
    std::string against;
    std::string format = "svg";
    std::string output;
    int depth = 2;
    bool onlyChanges = false;
    BuildArguments build;
};

int runGraph(const GraphArguments& args) {
    if (args.onlyChanges && args.against.empty()) throw UsageError("--only-changes needs --against OLD");
    if (args.format == "svg" && writesToTerminal(args.output))
        throw UsageError("will not write SVG to a terminal: give -o FILE, or --format dot");
    checkOutputPath(args.output);
    const VersionOptions options = args.build.versionOptions();  // once: --symbols - reads stdin
    checkSymbolExists(args.symbol, {args.path}, options);
    ProgressReporter progress;
    Build old;
    Build build;
    if (args.against.empty())
        build = loadWithProgress(args.path, options, progress, "loading");
    else
        std::tie(old, build) = loadPair(args.against, args.path, options, progress);
    const size_t skipped = reportSkipped(old.skipped) + reportSkipped(build.skipped);
    const Build::SymbolRef& found = symbolWithTypes(build, args.symbol, args.path, "a graph needs a build with DWARF");

    DependencyGraphOptions graphOptions;
    graphOptions.depth = args.depth;
    graphOptions.onlyPathsToChanges = args.onlyChanges;
    DiffResult diff;
    if (!args.against.empty()) {
        DiffOptions diffOptions;
        diffOptions.threads = options.threads;
        diff = diffBuilds(old, build, diffOptions);
        graphOptions.diff = &diff;
        for (const auto& symbol : diff.symbols)
            if (symbol.name == args.symbol) graphOptions.symbolDiff = &symbol;
    }
    progress.finish();
    const DependencyGraph graph = buildDependencyGraph(*found.file, *found.symbol, graphOptions);
    const std::string dot = toDot(graph);
    const std::string text = args.format == "dot" ? dot : renderDot(dot, "svg");
    writeOutput(args.output, [&](std::ostream& out) { out << text; });
    return skipped ? kExitError : kExitOk;
}

}  // namespace

CommandRunner addGraphCommand(CLI::App& app) {
    auto args = std::make_shared<GraphArguments>();
    CLI::App* cmd = app.add_subcommand("graph", "Draw a symbol's type dependency graph (Graphviz), changes highlighted");
    cmd->add_option("FILE", args->path, "Build: vmlinux, .ko, .o, or a directory")->required();
    cmd->add_option("SYMBOL", args->symbol, "The exported symbol")->required();
    cmd->add_option("--against", args->against, "Old build: mark the types that changed the CRC and the paths to them");
    cmd->add_option("--format", args->format, "dot or svg")->check(CLI::IsMember({"dot", "svg"}));
    cmd->add_option("-o,--output", args->output, "Write to this file instead of stdout");
    cmd->add_option("--depth", args->depth, "Type hops to show from the symbol (paths to changes are always shown)")
        ->check(CLI::Range(0, 64));
    cmd->add_flag("--only-changes", args->onlyChanges, "Show only the paths to changed types (needs --against)");
    args->build.addTo(*cmd);
    cmd->footer(
        "Examples:\n"
        "  kabiscope graph vmlinux netif_rx --depth 1 -o netif_rx.svg\n"
        "  kabiscope graph --against old/vmlinux --only-changes new/vmlinux netif_rx -o why.svg\n"
        "  kabiscope graph --format dot driver.ko my_export | dot -Tpng > my_export.png");
    return [args] { return runGraph(*args); };
}

}  // namespace kabiscope::cli
