// kabiscope-tui-bench: the terminal explorer's interactive costs on a real pair of builds.
//
// Loads OLD and NEW as kabiscope-tui does, then, on a 120x40 text surface (the views' drawing
// without the terminal's own output), measures: a keystroke in the filter (typing a name one
// character at a time, each redrawn), opening a changed symbol's tree (built, paths to its
// changes expanded, the first change selected, drawn), and stepping to the next change.
// Usage: kabiscope-tui-bench OLD NEW [SYMBOL...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "explore/explore_session.h"
#include "tui/explorer.h"
#include "tui/text_surface.h"
#include "bench_stats.h"

using namespace kabiscope;
using kabiscope::bench::Stats;
using namespace kabiscope::tui;

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: kabiscope-tui-bench OLD NEW [SYMBOL...]\n");
        return 2;
    }
    ExploreRequest request;
    request.oldPath = argv[1];
    request.newPath = argv[2];
    auto start = std::chrono::steady_clock::now();
    std::shared_ptr<ExploreSession> session = loadExploreSession(request, {}, {});
    std::printf("loaded %zu symbols, %zu root causes in %.0f ms (both builds, the diff)\n", session->diff.symbols.size(),
                session->diff.causes.size(), since(start));
    Explorer explorer;
    TextSurface screen(40, 120);
    explorer.setSession(session);
    explorer.draw(screen);

    Stats filter;
    const std::string typed = "__SCK__tp_func_block_rq";
    explorer.handle(Key::character('/'));
    for (char c : typed) {
        start = std::chrono::steady_clock::now();
        explorer.handle(Key::character(char32_t(c)));
        explorer.draw(screen);
        filter.add(since(start));
    }
    explorer.handle(Key::of(Key::Kind::Escape));
    std::printf("filter %zu symbols per keystroke, redrawn: median %.2f ms, max %.2f ms (%zu keystrokes)\n",
                session->diff.symbols.size(), filter.median(), filter.max(), typed.size());

    std::vector<std::string> given;
    for (int i = 3; i < argc; ++i) given.emplace_back(argv[i]);
    const std::vector<std::string> names = kabiscope::bench::symbolsToTime(session->diff, given, 40);
    Stats open, next;
    for (const std::string& name : names) {
        start = std::chrono::steady_clock::now();
        if (!explorer.openSymbol(name)) {
            std::fprintf(stderr, "kabiscope-tui-bench: no symbol %s\n", name.c_str());
            return 1;
        }
        explorer.draw(screen);
        open.add(since(start));
        start = std::chrono::steady_clock::now();
        explorer.handle(Key::character('n'));
        explorer.draw(screen);
        next.add(since(start));
        explorer.handle(Key::of(Key::Kind::Escape));
    }
    std::printf("open a changed symbol's tree, drawn: median %.1f ms, max %.1f ms (%zu symbols)\n", open.median(), open.max(),
                names.size());
    std::printf("next change, drawn: median %.1f ms, max %.1f ms\n", next.median(), next.max());
    return 0;
}
