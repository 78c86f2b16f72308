// kabiscope-gui: the explorer. `kabiscope-gui [OLD] NEW`, `kabiscope-gui BUILD`, or `--demo`.
// --select, --view and --screenshot drive it from scripts (scripts/screenshots).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

#include "ui/graph_view.h"
#include "ui/main_window.h"
#include "ui/module_check_view.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("kabiscope"));
    QApplication::setApplicationName(QStringLiteral("kabiscope-gui"));
    QApplication::setApplicationVersion(QStringLiteral(KABISCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("kabiscope explorer: why did these modversion CRCs change?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("Old build (vmlinux, .ko, .o or a directory)"), QStringLiteral("[OLD]"));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("New build; alone, the one build to browse"), QStringLiteral("[NEW]"));
    QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open the bundled demo pair of builds"));
    QCommandLineOption stable(QStringLiteral("stable"), QStringLiteral("Apply kABI stability rules (gendwarfksyms --stable)"));
    QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Open this symbol once loaded"), QStringLiteral("SYMBOL"));
    QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Show: tree, graph, causes, modules or teach"), QStringLiteral("VIEW"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save a PNG of the window once everything is shown, then quit"),
                                  QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WIDTHxHEIGHT"), QStringLiteral("SIZE"));
    QCommandLineOption modules(QStringLiteral("modules"),
                               QStringLiteral("Check these modules (files or directories; repeatable) against --kernel"),
                               QStringLiteral("PATH"));
    QCommandLineOption kernel(QStringLiteral("kernel"),
                              QStringLiteral("The kernel for --modules: Module.symvers, vmlinux, a module or a directory (repeatable)"),
                              QStringLiteral("PATH"));
    QCommandLineOption debugRoot(QStringLiteral("debug-root"),
                                 QStringLiteral("Where the DWARF of stripped modules is looked for: by build-id, and by path "
                                                "as Debian's -dbg packages lay it out (repeatable; default /usr/lib/debug)"),
                                 QStringLiteral("DIR"));
    QCommandLineOption rules(QStringLiteral("rules"), QStringLiteral("Severity rules for the sign-off (docs/sign-off.md)"),
                             QStringLiteral("FILE"));
    QCommandLineOption waivers(QStringLiteral("waivers"), QStringLiteral("Waivers for the sign-off (docs/sign-off.md)"),
                               QStringLiteral("FILE"));
    QCommandLineOption suggestFixes(QStringLiteral("suggest-fixes"),
                                    QStringLiteral("Once loaded, prove a fix for every root cause (Review > Suggest fixes)"));
    QCommandLineOption kabiRules(QStringLiteral("kabi-rules"),
                                 QStringLiteral("kABI rules from a file (TYPE<TAB>TARGET<TAB>VALUE a line), applied after each "
                                                "object's own; implies --stable (docs/kabi-rules.md)"),
                                 QStringLiteral("FILE"));
    parser.addOptions({demo, stable, select, view, screenshot, size, modules, kernel, debugRoot, rules, waivers, kabiRules, suggestFixes});
    parser.process(app);

    QString oldPath, newPath;
    bool stableRules = parser.isSet(stable);
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(demo)) {
        const QString dir = QStringLiteral(KABISCOPE_DEMO_DIR);
        oldPath = dir + QStringLiteral("/demo.0.o");
        newPath = dir + QStringLiteral("/demo.1.o");
        stableRules = true;
    } else if (positional.size() == 1) {
        newPath = positional[0];
    } else if (positional.size() >= 2) {
        oldPath = positional[0];
        newPath = positional[1];
    }

    // Values the scripts pass are checked before anything loads: a typo is an error, not a
    // silently different picture.
    auto usage = [](const QString& message) {
        fprintf(stderr, "kabiscope-gui: %s\nRun 'kabiscope-gui --help' for more information.\n", qPrintable(message));
        return 2;
    };
    const QString viewName = parser.value(view);
    if (parser.isSet(view) &&
        !QStringList{QStringLiteral("tree"), QStringLiteral("graph"), QStringLiteral("causes"), QStringLiteral("modules"), QStringLiteral("teach")}.contains(viewName))
        return usage(QStringLiteral("--view: unknown view '%1' (tree, graph, causes, modules or teach)").arg(viewName));
    if (parser.isSet(modules) != parser.isSet(kernel)) return usage(QStringLiteral("--modules and --kernel go together"));
    QSize windowSize;
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        bool okWidth = false, okHeight = false;
        if (parts.size() == 2) windowSize = QSize(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
        if (!okWidth || !okHeight || windowSize.width() < 200 || windowSize.height() < 150)
            return usage(QStringLiteral("--size: expected WIDTHxHEIGHT, e.g. 1500x900, got '%1'").arg(parser.value(size)));
    }
    for (const QString& root : parser.values(debugRoot))
        if (!QFileInfo(root).isDir()) return usage(QStringLiteral("--debug-root: '%1' is not a directory").arg(root));
    if (parser.isSet(select) && newPath.isEmpty())
        return usage(QStringLiteral("--select needs builds to open (OLD NEW, BUILD or --demo)"));

    kabiscope::ui::MainWindow window;
    // Scripted runs (a size or a screenshot asked for) neither read nor write the saved state.
    const bool scripted = parser.isSet(size) || parser.isSet(screenshot);
    window.setScripted(scripted);
    window.setDebugRoots(parser.values(debugRoot));
    window.setKabiRulesFile(parser.value(kabiRules));
    if (!scripted) window.restoreSavedState();
    if (windowSize.isValid()) window.resize(windowSize);
    window.show();

    const QString selectName = parser.value(select);
    const QString screenshotPath = parser.value(screenshot);
    // What a screenshot waits for: the builds' session and the module check, when asked for.
    int pending = (newPath.isEmpty() ? 0 : 1) + (parser.isSet(modules) ? 1 : 0) + (parser.isSet(suggestFixes) ? 1 : 0);
    auto shootWhenReady = [&] {
        if (--pending > 0 || screenshotPath.isEmpty()) return;
        if (viewName == QLatin1String("modules")) window.showModulesTab();
        auto shoot = [&window, screenshotPath] {
            window.grab().save(screenshotPath, "PNG");
            QApplication::quit();
        };
        // Give the graph its layout (off the GUI thread) before taking the picture.
        if (window.graphView()->layoutPending())
            QObject::connect(window.graphView(), &kabiscope::ui::GraphView::layoutReady, &window,
                             [shoot] { QTimer::singleShot(200, shoot); });
        else
            QTimer::singleShot(400, shoot);
    };
    QObject::connect(window.moduleCheckView(), &kabiscope::ui::ModuleCheckView::finished, &window, shootWhenReady);
    QObject::connect(window.moduleCheckView(), &kabiscope::ui::ModuleCheckView::failed, &app, [&](const QString& message) {
        if (screenshotPath.isEmpty()) return;
        qCritical("kabiscope-gui: %s", qPrintable(message));
        QApplication::exit(1);
    });
    QObject::connect(&window, &kabiscope::ui::MainWindow::sessionShown, &window, [&] {
        if (!selectName.isEmpty() && !window.selectSymbol(selectName)) {
            fprintf(stderr, "kabiscope-gui: --select: no symbol '%s' in these builds\n", qPrintable(selectName));
            if (!screenshotPath.isEmpty()) {
                QApplication::exit(1);
                return;
            }
        }
        if (viewName == QLatin1String("graph")) window.showGraphTab();
        if (viewName == QLatin1String("teach")) window.showTeachTab();
        if (viewName == QLatin1String("causes")) window.showCausesTab();
        if (parser.isSet(suggestFixes)) window.suggestFixes();
        shootWhenReady();
    });
    QObject::connect(&window, &kabiscope::ui::MainWindow::fixesShown, &window, shootWhenReady);
    if (!screenshotPath.isEmpty())
        QObject::connect(&window.loader(), &kabiscope::ui::SessionLoader::failed, &app,
                         [](const QString& message) {
                             qCritical("kabiscope-gui: %s", qPrintable(message));
                             QApplication::exit(1);
                         });
    // A bad rules or waiver file is an error dialog (and a failed screenshot), never a crash.
    const bool reviewRead = (!parser.isSet(rules) || window.openRules(parser.value(rules))) &&
                            (!parser.isSet(waivers) || window.openWaivers(parser.value(waivers)));
    if (!reviewRead && !screenshotPath.isEmpty()) {
        qCritical("kabiscope-gui: %s", qPrintable(window.lastError()));
        return 1;
    }
    if (!newPath.isEmpty()) window.openBuilds(oldPath, newPath, stableRules);
    if (parser.isSet(modules)) window.checkModules(parser.values(modules), parser.values(kernel), false);
    if (newPath.isEmpty() && !parser.isSet(modules) && !screenshotPath.isEmpty())  // the empty window
        QTimer::singleShot(400, &window, [&window, screenshotPath] {
            window.grab().save(screenshotPath, "PNG");
            QApplication::quit();
        });
    return app.exec();
}
