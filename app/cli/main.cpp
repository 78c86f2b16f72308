// kabiscope: why did this symbol's modversion CRC change?
// The CLI entry point: parses the subcommand, runs it, maps errors to exit codes
// (1 for bad input, with "kabiscope: <file>: <problem>" on stderr; 2 for usage errors).
#include <cstdlib>
#include <iostream>

#include "base/phase_timer.h"

#include "base/error.h"
#include "cli/commands.h"

// NOLINTNEXTLINE(bugprone-exception-escape): only the option setup (CLI11 throws on its own misuse, which every run hits) and out of memory get past the handlers
int main(int argc, char** argv) {
    using namespace kabiscope::cli;
    CLI::App app{"kabiscope: recompute Linux modversion CRCs from DWARF exactly as gendwarfksyms does,\n"
                 "and explain why they change."};
    app.name("kabiscope");
    app.set_version_flag("--version", std::string("kabiscope ") + KABISCOPE_VERSION);
    app.require_subcommand(1);
    app.footer("Run 'kabiscope <command> --help' for a command's options and an example.");

    const CommandRunner versions = addVersionsCommand(app);
    const CommandRunner diff = addDiffCommand(app);
    const CommandRunner explain = addExplainCommand(app);
    const CommandRunner graph = addGraphCommand(app);
    const CommandRunner checkModules = addCheckModulesCommand(app);
    const CommandRunner reference = addReferenceCommand(app);
    const CommandRunner teach = addTeachCommand(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitUsage;
    }

    struct TimingReport {
        ~TimingReport() {
            if (!std::getenv("KABISCOPE_TIMINGS")) return;
            for (const auto& [phase, spent] : kabiscope::PhaseTimes::global().totals())
                std::cerr << "kabiscope: timing: " << phase << ": " << double(spent.count()) / 1e9 << " s\n";
            for (const std::string& note : kabiscope::PhaseTimes::global().notes()) std::cerr << "kabiscope: " << note << '\n';
        }
    } timingReport;
    try {
        if (app.got_subcommand("versions")) return versions();
        if (app.got_subcommand("diff")) return diff();
        if (app.got_subcommand("explain")) return explain();
        if (app.got_subcommand("graph")) return graph();
        if (app.got_subcommand("check-modules")) return checkModules();
        if (app.got_subcommand("reference")) return reference();
        if (app.got_subcommand("teach")) return teach();
    } catch (const UsageError& e) {
        const std::string command = app.get_subcommands().empty() ? "" : app.get_subcommands().front()->get_name();
        std::cerr << "kabiscope " << command << ": " << e.what() << "\nRun 'kabiscope " << command
                  << " --help' for more information.\n";
        return kExitUsage;
    } catch (const kabiscope::Error& e) {
        std::cout.flush();
        std::cerr << "kabiscope: " << e.what() << '\n';
        return kExitError;
    } catch (const std::bad_alloc&) {
        std::cerr << "kabiscope: out of memory\n";
        return kExitError;
    } catch (const std::exception& e) {  // a bug, not bad input: said in one line, never an abort
        std::cout.flush();
        std::cerr << "kabiscope: internal error: " << e.what() << " (please report it, with the input)\n";
        return kExitError;
    }
    return kExitUsage;
}
