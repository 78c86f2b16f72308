// `kabiscope diff` and `kabiscope explain`: why symbol versions changed between two builds.
#include <iostream>
#include <optional>
#include <memory>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "diff/build_diff.h"
#include "diff/fix_suggestions.h"
#include "diff/report_writers.h"
#include "review/sign_off.h"
#include "review/sign_off_writers.h"

namespace kabiscope::cli {

namespace {

struct DiffArguments {
    std::string oldPath, newPath;
    BuildArguments build;
    std::string format = "text";
    std::string output;
    bool all = false;
    bool firstDifferences = false;
    std::string symbol;                  // explain
    std::string rulesPath, waiversPath;  // a review: the report closes with its sign-off
    bool suggestFixes = false;
    bool reviewing() const { return !rulesPath.empty() || !waiversPath.empty() || format == "junit"; }
};

struct DiffRun {
    DiffResult result;
    size_t skipped = 0;        // files --keep-going left out: the exit status is then 1
    Build oldBuild, newBuild;  // kept for --suggest-fixes, which looks at their types
    VersionOptions options;
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
    run.options = options;
    if (args.suggestFixes) {
        run.oldBuild = std::move(oldBuild);
        run.newBuild = std::move(newBuild);
    }
    return run;
}

int runDiff(const DiffArguments& args) {
    // Rules and waivers are read before the builds: a typo fails in a second, not after a load.
    const SeverityRules rules = args.rulesPath.empty() ? SeverityRules() : SeverityRules::readFile(args.rulesPath);
    const Waivers waivers = args.waiversPath.empty() ? Waivers() : Waivers::readFile(args.waiversPath);
    const DiffRun run = runDiffCore(args);
    const DiffResult& result = run.result;
    ReportOptions report;
    report.includeUnchanged = args.all;
    std::vector<FixSuggestion> fixes;
    if (args.suggestFixes) {
        ProgressReporter progress;
        FixOptions fixOptions;
        fixOptions.reversion = [&](const KabiRules& extra) {  // the new build again, with the fix's rules
            VersionOptions options = run.options;
            options.stable = true;
            options.progress = [&](const std::string& stage, size_t done, size_t total) {
                progress.update("checking a fix: " + stage, done, total);
            };
            if (options.kabiRules) options.kabiRules->applyOver(extra);
            else options.kabiRules = extra;
            return readBuild(args.newPath, options);
        };
        if (!run.options.stable)
            fixOptions.stableOld = [&] {
                VersionOptions options = run.options;
                options.stable = true;
                return readBuild(args.oldPath, options);
            };
        fixes = suggestFixes(result, run.oldBuild, fixOptions);
        progress.finish();
        report.fixes = &fixes;
    }
    std::optional<SignOff> signOff;
    if (args.reviewing()) signOff = reviewDiff(result, rules, waivers);
    const std::optional<SignOffInputs> review =
        signOff ? std::optional<SignOffInputs>(SignOffInputs{result, *signOff, rules, waivers}) : std::nullopt;
    if (review) {
        if (args.format == "json") report.closingSection = [&](std::ostream& out) { writeSignOffJson(*review, out); };
        else if (args.format == "markdown") report.closingSection = [&](std::ostream& out) { writeSignOffMarkdown(*review, out); };
        else if (args.format == "html") report.closingSection = [&](std::ostream& out) { writeSignOffHtml(*review, out); };
        else report.closingSection = [&](std::ostream& out) { writeSignOffText(*review, out); };
    }
    writeOutput(args.output, [&](std::ostream& out) {
        if (args.format == "junit")
            writeSignOffJunit(*review, out);
        else if (args.format == "json")
            writeDiffJson(result, out, report);
        else if (args.format == "markdown")
            writeDiffMarkdown(result, out, report);
        else if (args.format == "html")
            writeDiffHtml(result, out, report);
        else
            writeDiffText(result, out, report);
    });
    if (run.skipped) return kExitError;
    if (signOff) return signOff->passed() ? kExitOk : kExitChanged;
    return result.anyChange() ? kExitChanged : kExitOk;
}

int runExplain(const DiffArguments& args) {
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
    cmd->add_option("--format", args->format, "Report format (junit: the sign-off alone, for CI)")
        ->check(CLI::IsMember({"text", "json", "markdown", "html", "junit"}));
    cmd->add_option("--rules", args->rulesPath,
                    "Severity rules, suse-kabi-tools style: [MODULE|NAMESPACE|SYMBOL] <glob> PASS|FAIL, first match wins");
    cmd->add_option("--waivers", args->waiversPath, "Accepted changes, [waiver] blocks (docs/sign-off.md)");
    cmd->add_option("-o,--output", args->output, "Write the report to this file instead of stdout");
    cmd->add_flag("--all", args->all, "Also list unchanged symbols");
    cmd->add_flag("--suggest-fixes", args->suggestFixes,
                  "For each root cause, the gendwarfksyms-side fix that keeps the old CRCs if one exists (KABI_* lines), "
                  "whether it is safe, and whether recomputing proves it (docs/fix-suggestions.md)");
    cmd->add_flag("--first-differences", args->firstDifferences,
                  "Also find where each changed symbol's two CRC inputs first differ (json; costs a second expansion)");
    cmd->footer(
        "Exit status: 0 no version changed, 4 some changed, 1 error, 2 usage error. With --rules, --waivers or\n"
        "--format junit the report closes with a sign-off, and the status is 0 when every change is accepted\n"
        "(by a PASS rule, a waiver, or because it cannot break a module), 4 when some are open.\n\n"
        "Examples:\n"
        "  kabiscope diff old/vmlinux new/vmlinux\n"
        "  kabiscope diff --format json -o report.json old-build/ new-build/\n"
        "  kabiscope diff --stable --format html -o signoff.html old/driver.ko new/driver.ko\n"
        "  kabiscope diff --rules kabi/severity --waivers kabi/waivers --format junit -o kabi.xml ref/Module.symvers build/");
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
