// `kabiscope diff` and `kabiscope explain`: why symbol versions changed between two builds.
#include <iostream>
#include <memory>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "diff/build_diff.h"
#include "diff/report_writers.h"

namespace kabiscope::cli {

namespace {

struct DiffArguments {
    std::string oldPath, newPath;
    BuildArguments build;
    std::string format = "text";
    std::string output;
    bool all = false;
    bool firstDifferences = false;
    std::string symbol;  // explain
};

struct DiffRun {
    DiffResult result;
    size_t skipped = 0;  // files --keep-going left out: the exit status is then 1
};

DiffRun runDiffCore(const DiffArguments& args) {
    checkOutputPath(args.output);
    const VersionOptions options = args.build.versionOptions();
    if (!args.symbol.empty()) checkSymbolExists(args.symbol, {args.oldPath, args.newPath}, options);
    ProgressReporter progress;
    auto [oldBuild, newBuild] = loadPair(args.oldPath, args.newPath, options, progress);
    DiffRun run;
    if (!oldBuild.skipped.empty() || !newBuild.skipped.empty()) {
        progress.finish();
        run.skipped = reportSkipped(oldBuild.skipped) + reportSkipped(newBuild.skipped);
    }
    if (options.exports)  // a listed name neither build has is not "unchanged": say so
        for (const auto& entry : options.exports->entries())
            if (!oldBuild.symbols.count(entry.name) && !newBuild.symbols.count(entry.name)) {
                progress.finish();
                std::cerr << "kabiscope: warning: neither build exports listed symbol " << entry.name << '\n';
            }
    DiffOptions diffOptions;
    diffOptions.firstDifferences = args.firstDifferences;
    diffOptions.firstDifferenceOf = args.symbol;  // explain: its one symbol
    diffOptions.threads = options.threads;
    diffOptions.progress = [&](const std::string& stage, size_t done, size_t total) { progress.update(stage, done, total); };
    run.result = diffBuilds(oldBuild, newBuild, diffOptions);
    progress.finish();
    return run;
}

int runDiff(const DiffArguments& args) {
    const DiffRun run = runDiffCore(args);
    const DiffResult& result = run.result;
    ReportOptions report;
    report.includeUnchanged = args.all;
    writeOutput(args.output, [&](std::ostream& out) {
        if (args.format == "json")
            writeDiffJson(result, out, report);
        else if (args.format == "markdown")
            writeDiffMarkdown(result, out, report);
        else if (args.format == "html")
            writeDiffHtml(result, out, report);
        else
            writeDiffText(result, out, report);
    });
    if (run.skipped) return kExitError;
    return result.anyChange() ? kExitChanged : kExitOk;
}

int runExplain(DiffArguments args) {
    const DiffRun run = runDiffCore(args);
    for (const auto& symbol : run.result.symbols) {
        if (symbol.name != args.symbol) continue;
        writeOutput(args.output, [&](std::ostream& out) { writeExplanation(run.result, symbol, out); });
        if (run.skipped) return kExitError;
        return symbol.status == SymbolStatus::Unchanged ? kExitOk : kExitChanged;
    }
    std::vector<std::string> names;
    for (const auto& symbol : run.result.symbols) names.push_back(symbol.name);
    failNoSuchSymbol(args.symbol, names, "either build");
}

}  // namespace

CommandRunner addDiffCommand(CLI::App& app) {
    auto args = std::make_shared<DiffArguments>();
    CLI::App* cmd = app.add_subcommand("diff", "Compare the symbol versions of two builds and name what changed each one");
    cmd->add_option("OLD", args->oldPath, "Old build: vmlinux, .ko, .o, or a directory with a vmlinux and/or modules")->required();
    cmd->add_option("NEW", args->newPath, "New build, same kinds")->required();
    args->build.addTo(*cmd);
    cmd->add_option("--format", args->format, "Report format")->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    cmd->add_option("-o,--output", args->output, "Write the report to this file instead of stdout");
    cmd->add_flag("--all", args->all, "Also list unchanged symbols");
    cmd->add_flag("--first-differences", args->firstDifferences,
                  "Also find where each changed symbol's two CRC inputs first differ (json; costs a second expansion)");
    cmd->footer(
        "Exit status: 0 no version changed, 4 some changed, 1 error, 2 usage error.\n\n"
        "Examples:\n"
        "  kabiscope diff old/vmlinux new/vmlinux\n"
        "  kabiscope diff --format json -o report.json old-build/ new-build/\n"
        "  kabiscope diff --stable --format html -o signoff.html old/driver.ko new/driver.ko");
    return [args] { return runDiff(*args); };
}

CommandRunner addExplainCommand(CLI::App& app) {
    auto args = std::make_shared<DiffArguments>();
    CLI::App* cmd = app.add_subcommand("explain", "Explain why one symbol's version changed: paths, old and new types, first differing byte");
    cmd->add_option("OLD", args->oldPath, "Old build: vmlinux, .ko, .o, or a directory")->required();
    cmd->add_option("NEW", args->newPath, "New build")->required();
    cmd->add_option("SYMBOL", args->symbol, "The exported symbol")->required();
    args->build.addTo(*cmd);
    cmd->add_option("-o,--output", args->output, "Write to this file instead of stdout");
    cmd->footer(
        "Exit status: 0 unchanged, 4 changed, added or removed, 1 error, 2 usage error.\n\n"
        "Example:\n"
        "  kabiscope explain old/vmlinux new/vmlinux netif_rx");
    return [args] { return runExplain(*args); };
}

}  // namespace kabiscope::cli
