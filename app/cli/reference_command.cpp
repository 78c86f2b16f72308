// `kabiscope reference`: writes the consolidated reference of a build, the text a kABI review
// keeps in git instead of the build's debug package (docs/reference-format.md).
#include <algorithm>
#include <iostream>
#include <memory>

#include "base/error.h"
#include "cli/build_options.h"
#include "cli/commands.h"
#include "output/genksyms_writer.h"
#include "output/reference_writer.h"

namespace kabiscope::cli {

namespace {

struct ReferenceArguments {
    std::string path;
    std::string output;
    BuildArguments build;
};

int runReference(const ReferenceArguments& args) {
    checkOutputPath(args.output);
    VersionOptions options = args.build.versionOptions();
    options.keepTypes = true;
    ProgressReporter progress;
    const Build build = loadWithProgress(args.path, options, progress, args.path);
    progress.finish();
    if (!build.hasTypes()) fail(args.path, "has no types to write a reference of (give its DWARF: vmlinux, modules, objects)");
    for (const BuildFile& file : build.files) warnUnversioned(file, false);
    // A genksyms build's reference is its symtypes, consolidated: kabiscope's own format holds
    // gendwarfksyms' records, whose CRCs are computed differently.
    const bool genksyms = std::all_of(build.files.begin(), build.files.end(),
                                      [](const BuildFile& f) { return f.versioning == Versioning::Genksyms; });
    if (!genksyms && std::any_of(build.files.begin(), build.files.end(),
                                 [](const BuildFile& f) { return f.versioning == Versioning::Genksyms; }))
        fail(args.path, "mixes genksyms symtypes and DWARF: write a reference of each");
    writeOutput(args.output, [&](std::ostream& out) {
        if (genksyms)
            writeConsolidatedSymtypes(build, out);
        else
            writeReference(build, out);
    });
    return build.skipped.empty() ? kExitOk : kExitError;
}

}  // namespace

CommandRunner addReferenceCommand(CLI::App& app) {
    auto args = std::make_shared<ReferenceArguments>();
    CLI::App* cmd = app.add_subcommand("reference", "Write the consolidated reference of a build: what each export's version depends on, as symtypes text");
    cmd->add_option("BUILD", args->path, "vmlinux, .ko, .o, or a directory with a vmlinux and/or modules")->required();
    cmd->add_option("-o,--output", args->output, "Write to this file instead of stdout");
    args->build.addTo(*cmd);
    cmd->footer(
        "Every kabiscope command reads the reference back as a build: `kabiscope versions REF` recomputes\n"
        "the CRCs exactly. Format: docs/reference-format.md.\n\n"
        "Exit status: 0 written, 1 error, 2 usage error.\n\n"
        "Examples:\n"
        "  kabiscope reference /usr/lib/debug/boot/vmlinux-6.12.117+deb12-cloud-amd64 -o kabi/vmlinux.ref\n"
        "  kabiscope reference --debug-root dbg/usr/lib/debug lib/modules/6.12.117+deb12-cloud-amd64 -o kabi/modules.ref");
    return [args] { return runReference(*args); };
}

}  // namespace kabiscope::cli
