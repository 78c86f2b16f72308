// kabiscope-tui: the explorer in a terminal, for build servers over SSH and tmux.
// `kabiscope-tui [OLD] NEW`, `kabiscope-tui BUILD`, or `--demo`; every input the core reads.
#include <CLI/CLI.hpp>

#include <langinfo.h>
#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "explore/module_check_run.h"
#include "tui/background_load.h"
#include "tui/curses_terminal.h"
#include "tui/explorer.h"

namespace {

using namespace kabiscope;
using namespace kabiscope::tui;

struct Arguments {
    std::vector<std::string> builds;
    bool demo = false;
    bool stable = false;
    bool ascii = false;
    bool noColour = false;
    std::string select;
    std::string view;
    std::vector<std::string> debugRoots;
    std::vector<std::string> modules, kernels;
    std::string kabiRules;
    bool strictMissing = false;
};

ExploreRequest requestFor(const std::vector<std::string>& builds, bool stable, const Arguments& args) {
    ExploreRequest request;
    request.stable = stable;
    request.debugRoots = args.debugRoots;
    request.kabiRulesFile = args.kabiRules;
    if (builds.size() == 1) {
        request.newPath = builds[0];
    } else {
        request.oldPath = builds[0];
        request.newPath = builds[1];
    }
    return request;
}

std::string describe(const ExploreRequest& request) {
    return request.oldPath.empty() ? request.newPath : request.oldPath + " \u2192 " + request.newPath;
}

int run(const Arguments& args) {
    const char* codeset = nl_langinfo(CODESET);
    const bool ascii = args.ascii || !codeset || std::strcmp(codeset, "UTF-8") != 0;
    const char* noColor = std::getenv("NO_COLOR");  // https://no-color.org: set and not empty
    const bool colour = !args.noColour && !(noColor && *noColor);

    CursesTerminal terminal(ascii, colour);
    Explorer explorer;
    BackgroundLoad load;
    bool pendingSelect = !args.select.empty() || !args.view.empty();
    bool stable = args.stable;
    ExploreRequest lastRequest;
    auto startLoad = [&](const std::vector<std::string>& builds) {
        const ExploreRequest request = requestFor(builds, stable, args);
        lastRequest = request;
        explorer.showLoading(describe(request));
        load.start(request);
    };
    if (!args.builds.empty()) startLoad(args.builds);
    // --modules: checked on their own thread while the builds load; the Modules view shows them.
    std::future<ModuleCheckRun> moduleCheck;
    std::string kernelNames;
    for (const std::string& k : args.kernels) kernelNames += (kernelNames.empty() ? "" : ", ") + k;
    if (!args.modules.empty()) {
        explorer.modules().setChecking(std::to_string(args.modules.size()) + " module path(s) against " + kernelNames);
        if (args.builds.empty()) explorer.showModules();
        moduleCheck = std::async(std::launch::async, [&args] { return runModuleCheck(args.modules, args.kernels, args.strictMissing); });
    }

    while (true) {
        if (load.running()) {
            BackgroundLoad::State state = load.poll();
            if (!state.finished) {
                explorer.setProgress(state.stage, state.percent);
            } else if (state.session) {
                explorer.setSession(std::move(state.session));
                if (pendingSelect) {  // --select / --view, once, for the first builds
                    pendingSelect = false;
                    // --select opens the symbol, unless another view was asked for.
                    const bool open = args.view.empty() || args.view == "tree";
                    if (!args.select.empty() && open && !explorer.openSymbol(args.select))
                        explorer.loadFailed(args.select + ": no such symbol in these builds");
                    if (args.view == "causes") explorer.showCauses();
                    if (args.view == "modules") explorer.showModules();
                }
            } else if (state.cancelled) {
                explorer.loadCancelled();
            } else {
                explorer.loadFailed(state.error);
            }
        }
        if (moduleCheck.valid() && moduleCheck.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            try {
                explorer.modules().setRun(moduleCheck.get(), kernelNames);
            } catch (const std::exception& e) {
                explorer.modules().setError(e.what());
            }
        }
        explorer.poll();
        explorer.draw(terminal);
        terminal.present();
        const Key key = terminal.read(load.running() || moduleCheck.valid() || explorer.busy() ? 100 : -1);
        if (key.is(ctrl('l'))) {
            terminal.redrawAll();
            continue;
        }
        switch (explorer.handle(key)) {
        case Explorer::Action::Quit: return 0;
        case Explorer::Action::Open: startLoad(explorer.openPaths()); break;
        case Explorer::Action::CancelLoad: load.cancel(); break;
        case Explorer::Action::WhatIf: {  // the same builds, with the explorer's what-if rules
            ExploreRequest request = lastRequest;
            request.whatIfRules = explorer.whatIfRules();
            request.previous = explorer.sharedSession();  // its old build is not read again
            explorer.showLoading(describe(request) + " with what-if rules");
            load.start(request);
            break;
        }
        case Explorer::Action::None: break;
        }
    }
}

}  // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): only the option setup (CLI11 throws on its own misuse, which every run hits) and out of memory get past the handlers
int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");  // NOLINT(concurrency-mt-unsafe): first thing in main, before any thread
    CLI::App app{"kabiscope-tui: the kabiscope explorer in a terminal. Why did these modversion CRCs change?\n"
                 "Builds are anything kabiscope reads: a vmlinux, modules, objects, a directory of them, symtypes,\n"
                 "a Module.symvers or a kabiscope reference (docs/build-inputs.md). Press ? inside for every key."};
    app.set_version_flag("--version", std::string("kabiscope-tui ") + KABISCOPE_VERSION);
    Arguments args;
    app.add_option("builds", args.builds, "OLD NEW to compare, or one BUILD to browse")->expected(0, 2)->type_name("PATH");
    app.add_flag("--demo", args.demo, "Open the bundled demo pair of builds (with --stable)");
    app.add_flag("-s,--stable", args.stable, "Apply kABI stability rules and __kabi_ member conventions (gendwarfksyms --stable)");
    app.add_option("--select", args.select, "Open this symbol once loaded");
    app.add_option("--view", args.view, "Start on this view: symbols, tree (the --select symbol's; the default with it), causes or modules")
        ->check(CLI::IsMember({"symbols", "tree", "causes", "modules"}));
    app.add_option("--debug-root", args.debugRoots,
                   "Where the DWARF of stripped modules is looked for: by build-id, and by path as Debian's -dbg packages "
                   "lay it out (repeatable; default /usr/lib/debug)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--kabi-rules", args.kabiRules,
                   "kABI rules from a file (TYPE<TAB>TARGET<TAB>VALUE a line), applied after each object's own; implies "
                   "--stable (docs/kabi-rules.md)");
    app.add_option("--modules", args.modules, "Check these modules (files or directories; repeatable) against --kernel")->expected(1);
    app.add_option("--kernel", args.kernels,
                   "The kernel for --modules: Module.symvers, vmlinux, a module, a RHEL stablelist or a directory (repeatable)")
        ->expected(1);
    app.add_flag("--strict-missing-crc", args.strictMissing, "An import missing from a module's version table fails (Debian's rule)");
    app.add_flag("--ascii", args.ascii, "Draw with ASCII only (the default when the locale is not UTF-8)");
    app.add_flag("--no-color", args.noColour, "No colours: marks, bold and reverse only (also when NO_COLOR is set)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int status = app.exit(e);  // prints --help, --version, or the problem
        return status == 0 ? 0 : 2;      // a usage error is 2, as in kabiscope and kabiscope-gui
    }
    if (args.modules.empty() != args.kernels.empty()) {
        std::cerr << "kabiscope-tui: --modules and --kernel go together\n";
        return 2;
    }
    if (args.demo) {
        if (!args.builds.empty()) {
            std::cerr << "kabiscope-tui: --demo opens the bundled pair: give no builds with it\n";
            return 2;
        }
        args.builds = {KABISCOPE_DEMO_DIR "/demo.0.o", KABISCOPE_DEMO_DIR "/demo.1.o"};
        args.stable = true;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        std::cerr << "kabiscope-tui: needs a terminal (for reports in a pipe, use 'kabiscope diff')\n";
        return 1;
    }
    try {
        return run(args);
    } catch (const kabiscope::Error& e) {  // the terminal is restored by then
        std::cerr << "kabiscope-tui: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "kabiscope-tui: internal error: " << e.what() << '\n';
        return 1;
    }
}
