// The explorer under Qt Test (offscreen): every model under QAbstractItemModelTester, the demo
// pair's highlighted nodes against the diff engine, graph <-> tree navigation, cancelling a
// load, and the error path for a file that is not ELF.
#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "base/error.h"
#include "ui/graph_view.h"
#include "ui/details_view.h"
#include "ui/main_window.h"
#include "ui/module_check_model.h"
#include "ui/module_check_view.h"
#include "ui/review.h"
#include "ui/review_bar.h"
#include "review/waivers.h"
#include <QCheckBox>
#include <fstream>
#include <sstream>
#include "ui/root_cause_model.h"
#include "ui/session_loader.h"
#include "ui/symbol_filter_model.h"
#include "ui/symbol_table_model.h"
#include "ui/type_tree_model.h"

using namespace kabiscope;
using namespace kabiscope::ui;

namespace {

LoadRequest demoRequest() {
    LoadRequest request;
    request.oldPath = QStringLiteral(KABISCOPE_DEMO_DIR "/demo.0.o");
    request.newPath = QStringLiteral(KABISCOPE_DEMO_DIR "/demo.1.o");
    request.stable = true;
    return request;
}

SessionPtr loadDemo() {
    return SessionLoader::loadSession(
        demoRequest(), [](const QString&, int) {}, [] { return false; });
}

// Walks a tree model to `depth`, so lazily built rows are created while a tester watches.
int walk(QAbstractItemModel& model, const QModelIndex& parent, int depth) {
    int visited = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        ++visited;
        for (int column = 0; column < model.columnCount(parent); ++column)
            (void)model.data(model.index(row, column, parent), Qt::DisplayRole);
        if (depth > 0 && model.hasChildren(index)) visited += walk(model, index, depth - 1);
    }
    return visited;
}

void openDemo(MainWindow& window) {
    QSignalSpy shown(&window, &MainWindow::sessionShown);
    const LoadRequest request = demoRequest();
    window.openBuilds(request.oldPath, request.newPath, request.stable);
    QVERIFY(shown.wait(20000));
}

}  // namespace

class ExplorerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // settings stay out of $HOME

    void modelsPassTheModelTester() {
        const SessionPtr session = loadDemo();
        QVERIFY(session);
        SymbolTableModel symbols;
        QAbstractItemModelTester symbolTester(&symbols, QAbstractItemModelTester::FailureReportingMode::QtTest);
        symbols.setSession(session);
        QCOMPARE(symbols.rowCount(), 8);
        SymbolFilterModel filter;
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&symbols);
        filter.setText(QStringLiteral("demo_re"), false);
        QCOMPARE(filter.rowCount(), 2);  // demo_register, demo_reset
        filter.setText(QStringLiteral("^demo_(un)?register$"), true);
        QCOMPARE(filter.rowCount(), 2);
        filter.setText(QString(), false);
        filter.setStatusVisible(int(SymbolStatus::Unchanged), false);
        QCOMPARE(filter.rowCount(), 7);
        filter.sort(SymbolTableModel::NameColumn);

        RootCauseModel causes;
        QAbstractItemModelTester causeTester(&causes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        causes.setSession(session);
        QCOMPARE(causes.rowCount(), int(session->diff.causes.size()));

        TypeTreeModel tree;
        QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char* name : {"demo_register", "demo_reset", "demo_legacy_poll", "demo_configure"}) {
            tree.setSymbol(session, session->indexOf(name));
            QVERIFY(walk(tree, {}, 6) > 1);
        }
    }

    void demoHighlightsAreTheEnginesCauses() {
        MainWindow window;
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_register")));
        const SymbolDiff& symbol = window.session()->diff.symbols[size_t(window.currentSymbolIndex())];
        QCOMPARE(QString::fromStdString(symbol.name), QStringLiteral("demo_register"));
        QVERIFY(!symbol.causes.empty());
        // Stepping through every change selects exactly the change sites the engine reports.
        // Opening the symbol showed its first change; F8 shows the others.
        std::set<uint32_t> highlighted;
        for (size_t i = 0; i < symbol.paths.size(); ++i) {
            if (i > 0) window.nextChange();
            const QModelIndex current = window.treeView()->currentIndex();
            QVERIFY(current.data(TypeTreeModel::ChangeSiteRole).toBool());
            const AlignedRow& row = window.treeModel()->tree()->row(window.treeModel()->treeRow(current));
            highlighted.insert(row.causes.begin(), row.causes.end());
        }
        QCOMPARE(highlighted, std::set<uint32_t>(symbol.causes.begin(), symbol.causes.end()));
        // The kABI-protected change does not count with --stable.
        const int configure = window.session()->indexOf("demo_configure");
        QCOMPARE(int(window.session()->diff.symbols[size_t(configure)].status), int(SymbolStatus::Unchanged));
    }

    void clickingAGraphNodeSelectsItInTheTree() {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_register")));
        window.showGraphTab();
        GraphView* graph = window.graphView();
        QTRY_VERIFY_WITH_TIMEOUT(!graph->layoutPending(), 10000);
        const QPointF centre = graph->nodeCenter(QStringLiteral("s#demo_queue"));
        QVERIFY(!qIsNaN(centre.x()));
        const QPoint at = graph->view()->mapFromScene(centre);
        QTest::mouseClick(graph->view()->viewport(), Qt::LeftButton, {}, at);
        const QModelIndex current = window.treeView()->currentIndex();
        QCOMPARE(current.data(TypeTreeModel::KeyRole).toString(), QStringLiteral("s#demo_queue"));
        // And the reverse: selecting a row in the tree selects its type in the graph.
        QCOMPARE(graph->selectedType(), QStringLiteral("s#demo_queue"));
    }

    void aLoadCanBeCancelled() {
        SessionLoader loader;
        loader.setLoadFunction([](const LoadRequest&, const std::function<void(QString, int)>& progress,
                                  const std::function<bool()>& cancelled) -> SessionPtr {
            for (int i = 0; i < 500; ++i) {  // a load that only ends when cancelled (or after 5 s)
                progress(QStringLiteral("working"), i / 5);
                if (cancelled()) throw Cancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            return nullptr;
        });
        QSignalSpy cancelledSpy(&loader, &SessionLoader::cancelled);
        QSignalSpy loadedSpy(&loader, &SessionLoader::loaded);
        loader.start(demoRequest());
        QVERIFY(loader.busy());
        loader.cancel();
        QVERIFY(cancelledSpy.wait(5000));
        QCOMPARE(loadedSpy.count(), 0);
        QVERIFY(!loader.busy());
    }

    // The Modules tab: verdicts per module, problems as children, and a mismatched import opens
    // that symbol in the loaded builds' diff.
    void modulesAreCheckedAndAMismatchOpensItsSymbol() {
        QTemporaryDir dir;
        const QString symvers = dir.filePath(QStringLiteral("Module.symvers"));
        QFile file(symvers);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("0x734fcfcf\trp_register\tvmlinux\tEXPORT_SYMBOL\t\n0x12345678\trp_lookup\tvmlinux\tEXPORT_SYMBOL\t\n");
        file.close();
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::sessionShown);
        window.openBuilds(QStringLiteral(KABISCOPE_FIXTURE_DIR "/ripple.0.o"), QStringLiteral(KABISCOPE_FIXTURE_DIR "/ripple.1.o"), false);
        QVERIFY(shown.wait(20000));
        ModuleCheckView* modules = window.moduleCheckView();
        QSignalSpy finished(modules, &ModuleCheckView::finished);
        window.checkModules({QStringLiteral(KABISCOPE_FIXTURE_DIR "/mod_rp.o"), QStringLiteral(KABISCOPE_FIXTURE_DIR "/mod_ubuntu.o")},
                            {symvers}, false);
        QVERIFY(finished.wait(20000));
        QAbstractItemModel* model = modules->view()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex rp = model->index(0, 0);
        QVERIFY(!rp.data(ModuleCheckModel::LoadsRole).toBool());
        QCOMPARE(model->rowCount(rp), 1);  // rp_register's CRC moved; rp_lookup's matches
        const QModelIndex mismatch = model->index(0, ModuleCheckModel::VerdictColumn, rp);
        QCOMPARE(mismatch.data().toString(), QStringLiteral("crc_mismatch"));
        QCOMPARE(mismatch.data(ModuleCheckModel::SymbolRole).toString(), QStringLiteral("rp_register"));
        QVERIFY(!model->index(1, 0).data(ModuleCheckModel::LoadsRole).toBool());  // its imports are not exported
        Q_EMIT modules->view()->activated(mismatch);
        QCOMPARE(QString::fromStdString(window.session()->diff.symbols[size_t(window.currentSymbolIndex())].name),
                 QStringLiteral("rp_register"));
        QVERIFY(window.treeView()->currentIndex().data(TypeTreeModel::ChangeSiteRole).toBool());

        QSignalSpy failed(modules, &ModuleCheckView::failed);
        window.checkModules({QStringLiteral(KABISCOPE_FIXTURE_DIR "/mod_rp.o")}, {dir.filePath(QStringLiteral("nope"))}, false);
        QVERIFY(failed.wait(20000));
        QVERIFY(window.lastError().contains(QStringLiteral("no such file or directory")));
        QVERIFY(window.errorBox() && window.errorBox()->isVisible());
    }

    // Two Module.symvers: a build of CRCs without types. The symbols and their CRCs are listed,
    // and the details say that types are not available instead of showing empty renderings.
    void aModuleSymversOpensWithItsCrcsAndSaysTypesAreNotAvailable() {
        QTemporaryDir dir;
        auto write = [&](const char* name, const char* text) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            file.open(QIODevice::WriteOnly);
            file.write(text);
            return file.fileName();
        };
        const QString before = write("old.symvers", "0x12345678\tfx_a\tvmlinux\tEXPORT_SYMBOL\t\n0x1\tfx_b\tvmlinux\tEXPORT_SYMBOL\t\n");
        const QString after = write("new.symvers", "0x12345679\tfx_a\tvmlinux\tEXPORT_SYMBOL\t\n0x1\tfx_b\tvmlinux\tEXPORT_SYMBOL\t\n");
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::sessionShown);
        window.openBuilds(before, after, false);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.session()->diff.summary.changed, 1u);
        QVERIFY(window.selectSymbol(QStringLiteral("fx_a")));
        QTRY_VERIFY(window.detailsView()->toPlainText().contains(QStringLiteral("Types are not available")));
        QVERIFY(window.detailsView()->toPlainText().contains(QStringLiteral("0x12345678 → 0x12345679")));
    }

    // genksyms symtypes, the reference of a distro kernel: opened by content, its causes named
    // at the member, the details pane showing the C records member by member.
    void genksymsSymtypesOpenWithMemberLevelCauses() {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::sessionShown);
        window.openBuilds(QStringLiteral(KABISCOPE_TEST_DATA "/genksyms/all.v1.symtypes"),
                          QStringLiteral(KABISCOPE_TEST_DATA "/genksyms/all.v2.kabi"), false);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.session()->diff.summary.changed, 9u);
        window.showCausesTab();
        const QAbstractItemModel* model = window.causeView()->model();
        QCOMPARE(model->rowCount(), 5);
        QStringList changes;
        for (int row = 0; row < model->rowCount(); ++row)
            changes << model->index(row, RootCauseModel::ChangeColumn).data().toString();
        QVERIFY2(changes.join(u'|').contains(QStringLiteral("member private_data: type changed from int to long")),
                 qPrintable(changes.join(u'|')));
        QVERIFY(window.selectSymbol(QStringLiteral("register_netdev")));
        QTRY_VERIFY(window.detailsView()->toPlainText().contains(QStringLiteral("const char * name")));  // struct kobject, member by member
    }

    void aFileThatIsNotElfShowsAnErrorAndTheWindowKeepsWorking() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.o"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just text\n");
        file.close();
        MainWindow window;
        QSignalSpy failed(&window.loader(), &SessionLoader::failed);
        window.openBuilds(QString(), path, false);
        QVERIFY(failed.wait(10000));
        QVERIFY(window.lastError().contains(path));
        QVERIFY(window.lastError().contains(QStringLiteral("not an ELF file")));
        QVERIFY(window.errorBox());
        QVERIFY(window.errorBox()->isVisible());
        window.errorBox()->close();
        openDemo(window);  // still usable
        QCOMPARE(window.symbolView()->model()->rowCount(), 8);
    }

    // The layouts kabiscope refuses (docs/layouts.md) are a dialog with the one-line reason, and
    // the window keeps working.
    void aRefusedDebugInfoLayoutIsADialogNamingWhatToDo() {
        const QStringList refused{QStringLiteral(KABISCOPE_FIXTURE_DIR "/layouts/split5.o"),
                                  QStringLiteral(KABISCOPE_FIXTURE_DIR "/layouts/lonely/multi_a.so")};
        const QStringList said{QStringLiteral("rebuild without -gsplit-dwarf"), QStringLiteral("dwz file multi_common.debug")};
        MainWindow window;
        for (int i = 0; i < refused.size(); ++i) {
            QSignalSpy failed(&window.loader(), &SessionLoader::failed);
            window.openBuilds(QString(), refused[i], false);
            QVERIFY(failed.wait(10000));
            QVERIFY2(window.lastError().contains(said[i]), qPrintable(window.lastError()));
            QVERIFY(window.errorBox() && window.errorBox()->isVisible());
            window.errorBox()->close();
        }
        openDemo(window);
        QCOMPARE(window.symbolView()->model()->rowCount(), 8);
    }

    void rootCausesListTheirSymbols() {
        MainWindow window;
        openDemo(window);
        window.showCausesTab();
        window.causeView()->setCurrentIndex(window.causeView()->model()->index(0, 0));
        const Cause& top = window.session()->diff.causes.front();
        QCOMPARE(window.causeSymbols()->count(), int(top.symbols.size()));
    }

    void anEmptyWindowSaysHowToStart() {
        MainWindow window;
        QVERIFY(window.showingHint());
        QVERIFY(window.hintLabel()->text().contains(QStringLiteral("--demo")));
        openDemo(window);
        QVERIFY(!window.showingHint());
    }

    void theCountUnderTheTableSaysHowManyAreShown() {
        MainWindow window;
        openDemo(window);
        QCOMPARE(window.shownLabel()->text(), QStringLiteral("8 symbols"));
        window.filterEdit()->setText(QStringLiteral("demo_reg"));
        QTRY_COMPARE(window.symbolFilter()->rowCount(), 1);
        QVERIFY2(window.shownLabel()->text().startsWith(QStringLiteral("1 of 8 shown")), qPrintable(window.shownLabel()->text()));
        window.filterEdit()->setText(QStringLiteral("no_such_name_anywhere"));
        QTRY_COMPARE(window.symbolFilter()->rowCount(), 0);
        QVERIFY(window.shownLabel()->text().startsWith(QStringLiteral("No symbols match")));
    }

    void openingASymbolFromARootCauseLandsOnThatCause() {
        MainWindow window;
        openDemo(window);
        window.showCausesTab();
        // Not cause #1: a symbol opened from cause #2 must show cause #2's change site.
        const int causeId = 2;
        const QModelIndex want = window.causeView()->model()->index(causeId - 1, 0);
        window.causeView()->setCurrentIndex(want);
        QCOMPARE(window.causeView()->currentIndex().data(RootCauseModel::CauseIdRole).toInt(), causeId);
        QVERIFY(window.causeSymbols()->count() > 0);
        QListWidgetItem* item = window.causeSymbols()->item(0);
        Q_EMIT window.causeSymbols()->itemActivated(item);
        const QModelIndex current = window.treeView()->currentIndex();
        QVERIFY(current.data(TypeTreeModel::ChangeSiteRole).toBool());
        const AlignedRow& row = window.treeModel()->tree()->row(window.treeModel()->treeRow(current));
        QVERIFY(std::count(row.causes.begin(), row.causes.end(), uint32_t(causeId)) == 1);
    }

    void f8WalksChangesInTreeOrderThenOffersTheNextChangedSymbol() {
        MainWindow window;
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_register")));
        const size_t changes = window.session()->diff.symbols[size_t(window.currentSymbolIndex())].paths.size();
        // Opening a symbol showed its first change; the rest come in tree order (row positions
        // never go back up the tree).
        int lastY = window.treeView()->visualRect(window.treeView()->currentIndex()).y();
        for (size_t i = 1; i < changes; ++i) {
            window.nextChange();
            const int y = window.treeView()->visualRect(window.treeView()->currentIndex()).y();
            QVERIFY2(y >= lastY, "F8 went up the tree");
            lastY = y;
        }
        const int before = window.currentSymbolIndex();
        window.nextChange();  // past the last: only a message
        QCOMPARE(window.currentSymbolIndex(), before);
        window.nextChange();  // again: the next changed symbol
        QVERIFY(window.currentSymbolIndex() != before);
        const SymbolDiff& next = window.session()->diff.symbols[size_t(window.currentSymbolIndex())];
        QCOMPARE(int(next.status), int(SymbolStatus::Changed));
    }

    void theGraphFitsWhenFirstShownAndOnResize() {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_register")));
        GraphView* graph = window.graphView();
        QTRY_VERIFY_WITH_TIMEOUT(!graph->layoutPending(), 10000);  // laid out while hidden
        window.showGraphTab();
        QTRY_VERIFY(graph->view()->isVisible());
        auto wholeGraphInView = [graph] {
            const QRectF visible = graph->view()->mapToScene(graph->view()->viewport()->rect()).boundingRect();
            return visible.adjusted(-2, -2, 2, 2).contains(graph->view()->sceneRect());
        };
        // Fitted, not a speck: the whole graph in view at a readable zoom.
        QTRY_VERIFY(wholeGraphInView());
        const double shown = graph->zoom();
        QVERIFY2(shown >= GraphView::kMinimumZoom && shown <= 1.0, qPrintable(QString::number(shown)));
        // Refitted when the window shrinks.
        window.resize(900, 600);
        QTRY_VERIFY(graph->zoom() < shown || graph->zoom() == GraphView::kMinimumZoom);
        if (graph->zoom() > GraphView::kMinimumZoom) QTRY_VERIFY(wholeGraphInView());
    }

    void theRootCauseChangeColumnShowsAllOfItsText() {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        openDemo(window);
        window.showCausesTab();
        QTreeView* view = window.causeView();
        const QFontMetrics metrics = view->fontMetrics();
        const int width = view->columnWidth(RootCauseModel::ChangeColumn) - 32;  // icon and padding
        QVERIFY(width > 100);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, RootCauseModel::ChangeColumn);
            const QString text = index.data().toString();
            const int lines = (metrics.horizontalAdvance(text) + width - 1) / width;
            QTRY_VERIFY2(view->visualRect(index).height() >= lines * metrics.height(), qPrintable(text));  // wrapped, not cut
        }
    }

    // What follows from a cause is shown under it: its children are the folded changes.
    void foldedConsequencesAreChildrenOfTheirCause() {
        MainWindow window;
        openDemo(window);
        window.showCausesTab();
        const QAbstractItemModel* model = window.causeView()->model();
        const auto& causes = window.session()->diff.causes;
        size_t withFolded = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex cause = model->index(row, 0);
            const Cause& c = causes[size_t(row)];
            QCOMPARE(model->rowCount(cause), int(c.folded.size()));
            for (int child = 0; child < model->rowCount(cause); ++child) {
                const QModelIndex folded = model->index(child, RootCauseModel::ChangeColumn, cause);
                QVERIFY(folded.data(RootCauseModel::FoldedRole).toBool());
                QCOMPARE(folded.data(RootCauseModel::CauseIdRole).toInt(), int(c.id));
                QVERIFY(folded.data().toString().contains(QString::fromStdString(c.folded[size_t(child)].description)));
                QCOMPARE(model->parent(folded), cause);
            }
            withFolded += !c.folded.empty();
        }
        QVERIFY2(withFolded > 0, "the demo pair has a member inserted before others");
        // Selecting a consequence shows the symbols of its cause.
        const QModelIndex first = model->index(0, 0);
        if (model->rowCount(first) > 0) {
            window.causeView()->setCurrentIndex(model->index(0, 0, first));
            QCOMPARE(window.causeSymbols()->count(), int(causes.front().symbols.size()));
        }
    }

    void oneBuildAloneIsASingleBuildView() {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::sessionShown);
        window.openBuilds(QString(), QStringLiteral(KABISCOPE_DEMO_DIR "/demo.1.o"), true);
        QVERIFY(shown.wait(20000));
        QVERIFY(window.symbolView()->isColumnHidden(SymbolTableModel::StatusColumn));
        QVERIFY(window.symbolView()->isColumnHidden(SymbolTableModel::OldCrcColumn));
        QCOMPARE(window.symbolView()->model()->headerData(SymbolTableModel::NewCrcColumn, Qt::Horizontal).toString(),
                 QStringLiteral("CRC"));
        QVERIFY(window.treeView()->isColumnHidden(TypeTreeModel::OldColumn));
    }
    // Waiving from the root-cause view: the cause reads as waived, the sign-off counts it,
    // "Hide waived" leaves the open ones, the saved file reads back, and a bad file is a dialog.
    void whatIfReloadsTheBuildsWithARuleOnTheSelectedRow() {
        MainWindow window;
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_link_state")));  // opened at its one change: an enumerator added
        const size_t before = window.session()->diff.summary.changed;
        QSignalSpy shown(&window, &MainWindow::sessionShown);
        QVERIFY(window.whatIf());
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.session()->whatIfRules, std::string("enumerator_ignore\tdemo_link DEMO_LINK_DORMANT\n"));
        QVERIFY2(window.session()->reusedOld, "only the new build is versioned again");
        QCOMPARE(window.session()->diff.summary.changed, before - 1);
        const int index = window.session()->indexOf("demo_link_state");
        QCOMPARE(int(window.session()->diff.symbols[size_t(index)].status), int(SymbolStatus::Unchanged));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("KABI_ENUMERATOR_IGNORE(demo_link, DEMO_LINK_DORMANT);")),
                 qPrintable(window.statusBar()->currentMessage()));
        window.dropWhatIf();
        QVERIFY(shown.wait(20000));
        QVERIFY(window.session()->whatIfRules.empty());
        QCOMPARE(window.session()->diff.summary.changed, before);
    }

    void howItIsMadeWalksThroughTheSelectedSymbolsCrc() {
        MainWindow window;
        openDemo(window);
        QVERIFY(window.selectSymbol(QStringLiteral("demo_register")));
        window.showTeachTab();
        const QString text = window.teachView()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("#SYMVER demo_register 0x5cde0f10")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("That byte is in the expansion of s#demo_stats.")));
        QVERIFY(text.contains(QStringLiteral("<- the first differing byte belongs to this one")));
        QVERIFY(window.selectSymbol(QStringLiteral("demo_stats_read")));  // follows the selection
        QVERIFY(window.teachView()->toPlainText().contains(QStringLiteral("#SYMVER demo_stats_read 0xfe50f8bc")));
    }

    void suggestedFixesFillTheFixColumnAndShowTheSelectedCausesLines() {
        MainWindow window;
        openDemo(window);
        QTreeView* causes = window.causeView();
        QVERIFY(causes->isColumnHidden(RootCauseModel::FixColumn));
        window.suggestFixes();
        QTRY_VERIFY_WITH_TIMEOUT(!causes->isColumnHidden(RootCauseModel::FixColumn), 30000);
        QCOMPARE(causes->model()->index(0, RootCauseModel::FixColumn).data().toString(), QStringLiteral("unsafe"));
        QCOMPARE(causes->model()->index(1, RootCauseModel::FixColumn).data().toString(), QStringLiteral("safe \u2713"));
        causes->setCurrentIndex(causes->model()->index(1, RootCauseModel::ChangeColumn));
        QVERIFY(window.causeFix()->isVisibleTo(&window));
        QVERIFY2(window.causeFix()->text().contains(QStringLiteral("KABI_ENUMERATOR_IGNORE(demo_link, DEMO_LINK_DORMANT);")),
                 qPrintable(window.causeFix()->text()));
        QVERIFY(window.causeFix()->text().contains(QStringLiteral("safe, verified")));
    }

    void aReviewerWaivesACauseSavesTheFileAndExportsTheSignOff() {
        MainWindow window;
        window.setScripted(true);  // no "save waivers?" question when the test closes it
        openDemo(window);
        const SignOff* before = window.review()->signOff();
        QVERIFY(before);
        const size_t openBefore = before->open;
        QVERIFY(openBefore > 0);
        QTreeView* causes = window.causeView();
        causes->setCurrentIndex(causes->model()->index(0, 0));
        const QModelIndex review = causes->model()->index(0, RootCauseModel::ReviewColumn);
        QCOMPARE(review.data().toString(), QStringLiteral("open"));
        QVERIFY(!window.reviewBar()->waiveSelected(QString(), QStringLiteral("jd")));  // no reason: refused
        QVERIFY(window.lastError().contains(QStringLiteral("needs a reason")));
        QVERIFY(window.reviewBar()->waiveSelected(QStringLiteral("accepted in test"), QStringLiteral("jd")));
        QCOMPARE(review.data().toString(), QStringLiteral("\u2713 waived"));
        QVERIFY(review.data(RootCauseModel::WaivedRole).toBool());
        QVERIFY(window.review()->unsaved());
        QVERIFY(window.reviewBar()->summary()->text().contains(QStringLiteral("1 root cause waived")));
        const SignOff* after = window.review()->signOff();
        QCOMPARE(window.review()->waiverOf(1), QStringLiteral("jd: accepted in test"));
        QVERIFY(after->open <= openBefore);
        window.reviewBar()->hideWaived()->setChecked(true);
        QVERIFY(causes->isRowHidden(0, {}));
        window.reviewBar()->hideWaived()->setChecked(false);
        QVERIFY(!causes->isRowHidden(0, {}));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("waivers"));
        window.review()->saveWaivers(path);
        QVERIFY(!window.review()->unsaved());
        std::ifstream in(path.toStdString());
        const Waivers saved = Waivers::parse(in, path.toStdString());
        QCOMPARE(saved.entries().size(), size_t(1));
        QCOMPARE(saved.find(window.session()->diff.causes[0]), size_t(0));

        const QString junit = dir.filePath(QStringLiteral("kabi.xml"));
        window.review()->writeReport(junit, QStringLiteral("junit"));
        QFile xml(junit);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        QVERIFY(xml.readAll().contains(QByteArray(QByteArray("failures=\"") + QByteArray::number(qulonglong(after->open)) + "\"")));

        // Reading the file back in a new window waives the same cause; a bad file is a dialog.
        MainWindow again;
        again.setScripted(true);
        QVERIFY(again.openWaivers(path));
        openDemo(again);
        QCOMPARE(again.causeView()->model()->index(0, RootCauseModel::ReviewColumn).data().toString(),
                 QStringLiteral("\u2713 waived"));
        const QString bad = dir.filePath(QStringLiteral("bad"));
        std::ofstream(bad.toStdString()) << "[waiver]\ntype = s#x\n";
        QVERIFY(!again.openWaivers(bad));
        QVERIFY(again.lastError().contains(bad + QStringLiteral(":1: waiver without a reason")));
        QCOMPARE(again.causeView()->model()->index(0, RootCauseModel::ReviewColumn).data().toString(),
                 QStringLiteral("\u2713 waived"));  // the good waivers stay
    }
};

QTEST_MAIN(ExplorerTest)
#include "explorer_test.moc"
