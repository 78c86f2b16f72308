// `kabiscope check-modules`: would these modules load on that kernel, and which imports stop them.
#include <algorithm>
#include <iostream>
#include <memory>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "cli/progress_reporter.h"
#include "diff/build_diff.h"
#include "modules/check_report.h"
#include "modules/module_files.h"

namespace kabiscope::cli {

namespace {

struct CheckArguments {
    std::vector<std::string> kernels;
    std::vector<std::string> modules;
    std::string format = "text";
    std::string output;
    bool strictMissing = false;
    bool noVermagic = false;
    std::string oldBuild, newBuild;  // DWARF the modules were built against, and the target's
    BuildArguments build;
};

int runCheckModules(const CheckArguments& args) {
    checkOutputPath(args.output);
    if (args.oldBuild.empty() != args.newBuild.empty()) throw UsageError("--old-build and --new-build go together");
    ProgressReporter progress;
    KernelExports kernel;
    for (const std::string& source : args.kernels) {
        progress.update("reading the kernel: " + source, 0, 0);
        kernel.add(source, [&](const std::string& stage) { progress.update(stage, 0, 0); });
    }
    const std::vector<std::string> files = findModuleFiles(args.modules);

    ModuleCheckOptions options;
    options.strictMissing = args.strictMissing;
    options.checkVermagic = !args.noVermagic;
    std::vector<ModuleFileOutcome> outcomes = checkModuleFiles(files, kernel, options);
    progress.finish();

    ModuleCheckReport report;
    report.kernelSources = args.kernels;
    report.kernelExports = kernel.size();
    report.kernelVermagic = kernel.vermagic();
    report.strictMissing = args.strictMissing;
    size_t failed = 0;
    for (ModuleFileOutcome& outcome : outcomes) {
        if (!outcome.error.empty()) {
            std::cerr << "kabiscope: " << outcome.error << '\n';
            ++failed;
        } else {
            report.verdicts.push_back(std::move(*outcome.verdict));
        }
    }
    // Why each mismatched import changed: the diff of the two builds, of those symbols only.
    DiffResult diff;
    if (!args.oldBuild.empty()) {
        ExportList mismatched;
        for (const auto& v : report.verdicts)
            for (const auto& p : v.problems)
                if (p.kind == ImportProblem::CrcMismatch) mismatched.add(p.symbol);
        if (!mismatched.entries().empty()) {
            VersionOptions options = args.build.versionOptions();
            options.exports = std::move(mismatched);
            options.exportsFilterDiscovered = true;
            ProgressReporter loading;
            auto [before, after] = loadPair(args.oldBuild, args.newBuild, options, loading);
            DiffOptions diffOptions;
            diffOptions.threads = options.threads;
            diffOptions.progress = [&](const std::string& stage, size_t done, size_t total) { loading.update(stage, done, total); };
            diff = diffBuilds(before, after, diffOptions);
            loading.finish();
        }
        report.diff = &diff;
    }
    writeOutput(args.output, [&](std::ostream& out) {
        if (args.format == "json")
            writeModuleCheckJson(report, out);
        else if (args.format == "markdown")
            writeModuleCheckMarkdown(report, out);
        else if (args.format == "html")
            writeModuleCheckHtml(report, out);
        else
            writeModuleCheckText(report, out);
    });
    if (failed) return kExitError;
    return report.loading() == report.verdicts.size() ? kExitOk : kExitChanged;
}

}  // namespace

CommandRunner addCheckModulesCommand(CLI::App& app) {
    auto args = std::make_shared<CheckArguments>();
    CLI::App* cmd = app.add_subcommand("check-modules", "Say whether modules load on a kernel, and which imports stop them");
    cmd->add_option("--kernel", args->kernels,
                    "The kernel's exports: Module.symvers, vmlinux, a .ko, or a directory (build tree, /lib/modules/<version>); "
                    "repeat to combine")
        ->required();
    cmd->add_option("MODULE", args->modules, "Modules to check (.ko, .ko.xz, .ko.zst, .ko.gz), or directories of them")->required();
    cmd->add_option("--format", args->format, "Report format")->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    cmd->add_option("-o,--output", args->output, "Write the report to this file instead of stdout");
    cmd->add_flag("--strict-missing-crc", args->strictMissing,
                  "An import missing from the module's version table fails the load (Debian's kernels), instead of a warning");
    cmd->add_flag("--no-vermagic", args->noVermagic, "Do not compare vermagic strings");
    cmd->add_option("--old-build", args->oldBuild,
                    "DWARF of what the modules were built against (vmlinux, .ko, or a directory): with --new-build, "
                    "each crc_mismatch is explained down to the member");
    cmd->add_option("--new-build", args->newBuild, "DWARF of the target kernel");
    args->build.addTo(*cmd);
    cmd->footer(
        "Exit status: 0 every module loads, 4 some do not, 1 error (a file that cannot be read), 2 usage error.\n\n"
        "Examples:\n"
        "  kabiscope check-modules --kernel /usr/src/linux-headers-$(uname -r)/Module.symvers vendor/driver.ko\n"
        "  kabiscope check-modules --kernel new/Module.symvers --format json /lib/modules/6.12.115+deb12-cloud-amd64\n"
        "  kabiscope check-modules --kernel new/Module.symvers --old-build old/vmlinux --new-build new/vmlinux driver.ko");
    return [args] { return runCheckModules(*args); };
}

}  // namespace kabiscope::cli
