// kabiscope-gui-bench: the explorer's interactive costs on a real pair of builds.
//
// Loads OLD and NEW like the explorer does, then measures, on the offscreen platform: filtering
// the symbol list per keystroke (typing a name one character at a time), selecting a symbol
// (its aligned trees built and the paths to its changes expanded, as MainWindow does), and the
// Graphviz layout of its dependency graph at the explorer's defaults and at depth 2.
// Usage: kabiscope-gui-bench OLD NEW [SYMBOL...]
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "graph/dependency_graph.h"
#include "graph/graphviz.h"
#include "ui/main_window.h"
#include "ui/symbol_filter_model.h"
#include "bench_stats.h"

using namespace kabiscope;
using kabiscope::bench::Stats;

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: kabiscope-gui-bench OLD NEW [SYMBOL...]\n");
        return 2;
    }
    ui::MainWindow window;
    window.resize(1500, 900);
    window.show();
    QSignalSpy shown(&window, &ui::MainWindow::sessionShown);
    QElapsedTimer timer;
    timer.start();
    window.openBuilds(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), false);
    if (!shown.wait(600000)) {
        std::fprintf(stderr, "kabiscope-gui-bench: load failed: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    const double loadMs = double(timer.nsecsElapsed()) / 1e6;
    const auto& session = window.session();
    std::printf("loaded %zu symbols, %zu root causes in %.0f ms (both builds, the diff)\n",
                session->diff.symbols.size(), session->diff.causes.size(), loadMs);

    // Filtering, one keystroke at a time.
    Stats filter;
    const QString typed = QStringLiteral("__SCK__tp_func_block_rq");
    for (int i = 1; i <= typed.size(); ++i) {
        timer.restart();
        window.filterEdit()->setText(typed.left(i));
        filter.add(double(timer.nsecsElapsed()) / 1e6);
    }
    window.filterEdit()->clear();
    std::printf("filter %zu symbols per keystroke: median %.1f ms, max %.1f ms (%d keystrokes)\n",
                session->diff.symbols.size(), filter.median(), filter.max(), int(typed.size()));

    // Symbols to select: the ones given, else changed symbols spread over the list.
    std::vector<std::string> given;
    for (int i = 3; i < argc; ++i) given.emplace_back(argv[i]);
    const std::vector<std::string> names = kabiscope::bench::symbolsToTime(session->diff, given, 20);
    Stats select, layoutDefault, layoutDepth2;
    size_t biggest = 0;
    for (const auto& name : names) {
        timer.restart();
        window.selectSymbol(QString::fromStdString(name));
        QApplication::processEvents();
        select.add(double(timer.nsecsElapsed()) / 1e6);
        const double selectMs = double(timer.nsecsElapsed()) / 1e6;

        const int index = session->indexOf(name);
        const auto& sides = session->sides[size_t(index)];
        const auto& ref = sides.after.symbol ? sides.after : sides.before;
        for (int variant = 0; variant < 2; ++variant) {
            DependencyGraphOptions options;
            options.depth = variant == 0 ? 1 : 2;
            options.onlyPathsToChanges = variant == 0;
            options.diff = &session->diff;
            options.symbolDiff = &session->diff.symbols[size_t(index)];
            options.maxNodes = 200;  // as the explorer
            timer.restart();
            const DependencyGraph graph = buildDependencyGraph(*ref.file, *ref.symbol, options);
            if (std::getenv("KABISCOPE_BENCH_VERBOSE")) {
                std::printf("  %s: laying out %zu nodes, %zu edges...\n", name.c_str(), graph.nodes.size(), graph.edges.size());
                std::fflush(stdout);
            }
            (void)layoutDot(toDot(graph, false));
            (variant == 0 ? layoutDefault : layoutDepth2).add(double(timer.nsecsElapsed()) / 1e6);
            if (std::getenv("KABISCOPE_BENCH_VERBOSE"))
                std::printf("  %s: %zu causes, select %.0f ms, %s graph %zu nodes %zu edges %.0f ms\n", name.c_str(),
                            session->diff.symbols[size_t(index)].causes.size(), selectMs,
                            variant == 0 ? "paths" : "depth-2", graph.nodes.size(), graph.edges.size(),
                            double(timer.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            if (variant == 1) biggest = std::max(biggest, graph.nodes.size());
        }
    }
    std::printf("select a symbol (trees built, paths to changes expanded): median %.0f ms, max %.0f ms (%zu symbols)\n",
                select.median(), select.max(), names.size());
    std::printf("graph layout, only paths to changes: median %.0f ms, max %.0f ms\n", layoutDefault.median(),
                layoutDefault.max());
    std::printf("graph layout, depth 2 (up to %zu types, cut at 200): median %.0f ms, max %.0f ms\n", biggest,
                layoutDepth2.median(), layoutDepth2.max());
    return 0;
}
