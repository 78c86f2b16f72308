// MainWindow: the explorer. Symbols (filterable, sortable, counts per status) and root causes
// on the left; the selected symbol's aligned type tree and its dependency graph on the right,
// details of the selected node below. Loading runs off the GUI thread with progress and Cancel;
// errors appear in a dialog naming the file and the problem, and the window keeps running.
#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QFutureWatcher>
#include <QStringList>

#include <vector>

#include "diff/fix_suggestions.h"
#include "explore/tree_navigation.h"
#include "ui/session.h"
#include "ui/session_loader.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;
class QPlainTextEdit;

namespace kabiscope::ui {

class DetailsView;
class GraphView;
class RootCauseModel;
class ModuleCheckView;
class Review;
class ReviewBar;
class SymbolFilterModel;
class SymbolTableModel;
class TypeTreeModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openBuilds(const QString& oldPath, const QString& newPath, bool stable);
    bool selectSymbol(const QString& name);
    int currentSymbolIndex() const { return currentSymbol_; }
    void nextChange();
    void previousChange();
    void showGraphTab();
    void showTeachTab();
    void showCausesTab();
    void showModulesTab();
    // Checks module files (or directories of them) against a kernel's exports, in the Modules tab.
    void checkModules(const QStringList& modules, const QStringList& kernels, bool strictMissing);
    // Opens `symbol` at the change its cause `causeId` names (Root causes -> a symbol).
    bool openSymbolAtCause(const QString& symbol, int causeId);
    // The saved window size, splitters and recent pairs; not for scripted runs (--size,
    // --screenshot), which must neither depend on nor change them.
    void restoreSavedState();
    void setScripted(bool scripted) { scripted_ = scripted; }
    // Where the debug files of stripped modules are looked for, for every build opened (--debug-root).
    void setDebugRoots(const QStringList& roots) { debugRoots_ = roots; }
    void setKabiRulesFile(const QString& path) { kabiRulesFile_ = path; }  // --kabi-rules, for every load

    // For tests and the screenshot script.
    SessionLoader& loader() { return loader_; }
    const SessionPtr& session() const { return session_; }
    QTableView* symbolView() const { return symbolView_; }
    QTreeView* treeView() const { return treeView_; }
    DetailsView* detailsView() const { return details_; }
    GraphView* graphView() const { return graphView_; }
    QTreeView* causeView() const { return causeView_; }
    // Review > Suggest fixes: proves a fix for every root cause off the GUI thread; the Fix
    // column and the selected cause's KABI_* lines show the result.
    void suggestFixes();
    // Review > What if: the same builds again with a kABI rule on the selected tree row
    // (explore/what_if.h) added to those tried before; dropWhatIf() loads them without any.
    bool whatIf();
    void dropWhatIf();
    QLabel* causeFix() const { return causeFix_; }
    QPlainTextEdit* teachView() const { return teachView_; }
    ModuleCheckView* moduleCheckView() const { return modulesView_; }
    QListWidget* causeSymbols() const { return causeSymbols_; }
    Review* review() const { return review_; }
    ReviewBar* reviewBar() const { return reviewBar_; }
    // Reads severity rules or waivers for the review (--rules, --waivers, the Review menu); a
    // bad file is an error dialog and changes nothing. False then.
    bool openRules(const QString& path);
    bool openWaivers(const QString& path);
    SymbolFilterModel* symbolFilter() const { return symbolFilter_; }
    TypeTreeModel* treeModel() const { return treeModel_; }
    QLineEdit* filterEdit() const { return filter_; }
    QLabel* shownLabel() const { return shown_; }
    QLabel* hintLabel() const { return hint_; }
    bool showingHint() const;
    const QString& lastError() const { return lastError_; }
    QMessageBox* errorBox() const { return errorBox_; }

Q_SIGNALS:
    void sessionShown();
    void fixesShown();  // Review > Suggest fixes finished (its results, or its failure, shown)

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Loads builds; `previous` is the session a what-if starts from (its old build is reused).
    void loadBuilds(const QString& oldPath, const QString& newPath, bool stable, SessionPtr previous);
    void buildUi();
    void buildMenus();
    void onLoaded(SessionPtr session);
    void onFailed(const QString& message);
    // The non-blocking error dialog; `message` (default: `text`) is what lastError() keeps.
    void showError(const QString& text, const QString& message = QString());
    void checkModulesDialog();
    void onSymbolSelected(int symbolIndex);
    void onTreeRowSelected(int treeRow);
    void onGraphTypeActivated(const QString& key);
    void onCauseSelected(int causeId);
    void updateCounts();
    void updateShown();
    QSize clampedToScreen(QSize size) const;
    void applyDefaultColumnWidths();
    void stepChange(bool forward);
    bool openNeighbourChangedSymbol(bool forward);
    void updateFilter();
    void expandChangePaths();
    void selectTreeRow(int treeRow);
    void setBusy(bool busy);
    void rememberRecent(const QString& oldPath, const QString& newPath, bool stable);
    void rebuildRecentMenu();
    void exportReport(const QString& format);
    void exportSignOff(const QString& format);
    // Reads a rules or waiver file with `load`; an error is the dialog, success says `done`.
    bool openReviewFile(const QString& path, void (Review::*load)(const QString&), const QString& done);
    void saveWaivers(bool askForPath);
    void openDialog();
    void reload();

    SessionLoader loader_;
    SessionPtr session_;
    LoadRequest lastRequest_;
    int currentSymbol_ = -1;
    ChangeCursor changeCursor_;  // F8 / Shift+F8 through the symbol's changes
    bool scripted_ = false;
    QStringList debugRoots_;
    QString kabiRulesFile_;
    QString whatIfRules_;   // what-if rules tried on these builds (rules-file text)
    QString whatIfNote_;    // what the status bar says once they are loaded
    QString whatIfSymbol_;  // the symbol to show again then
    size_t changedBefore_ = 0;
    QString lastError_;
    QPointer<QMessageBox> errorBox_;

    SymbolTableModel* symbolModel_;
    SymbolFilterModel* symbolFilter_;
    TypeTreeModel* treeModel_;
    RootCauseModel* causeModel_;
    Review* review_;
    ReviewBar* reviewBar_;
    ModuleCheckView* modulesView_;

    QTabWidget* leftTabs_;
    QTabWidget* rightTabs_;
    QPlainTextEdit* teachView_;  // "How it is made": the teaching walk of the selected symbol
    int teachShown_ = -1;        // the symbol it shows (-1: none yet)
    void updateTeaching();
    QSplitter* mainSplitter_;
    QSplitter* rightSplitter_;
    QLineEdit* filter_;
    QCheckBox* regex_;
    QComboBox* module_;
    QToolButton* statusButtons_[4];
    QLabel* title_;
    QLabel* shown_;  // "N of M shown", "No symbols match"
    QLabel* hint_;   // the empty window's, and while loading
    QStackedWidget* centralStack_;
    QTableView* symbolView_;
    QTreeView* causeView_;
    QListWidget* causeSymbols_;
    QLabel* causeFix_;  // the selected cause's fix, once proven
    // Review > Suggest fixes: proven on a worker thread (explore/session_fixes.h).
    std::vector<FixSuggestion> fixes_;
    QFutureWatcher<std::vector<FixSuggestion>>* fixWatcher_;
    unsigned fixGeneration_ = 0;  // a result for an older session is dropped
    void showCauseFix(int causeId);
    QTreeView* treeView_;
    GraphView* graphView_;
    DetailsView* details_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* progressLabel_;
    QMenu* recentMenu_;
    QStringList recentPairs_;
};

}  // namespace kabiscope::ui
