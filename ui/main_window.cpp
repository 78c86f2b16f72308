#include "ui/main_window.h"

#include "explore/session_fixes.h"
#include "explore/teaching.h"
#include "explore/what_if.h"

#include <QAction>
#include <QGuiApplication>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QPlainTextEdit>
#include <QFontDatabase>
#include <QVBoxLayout>

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <unordered_set>
#include <utility>
#include <fstream>
#include <sstream>
#include <set>

#include "base/error.h"
#include "diff/report_writers.h"
#include "ui/details_view.h"
#include "ui/graph_view.h"
#include "ui/open_dialog.h"
#include "ui/review.h"
#include "ui/review_bar.h"
#include "ui/module_check_view.h"
#include "ui/root_cause_model.h"
#include "ui/wrapping_delegate.h"
#include "ui/status_style.h"
#include "ui/symbol_filter_model.h"
#include "ui/symbol_table_model.h"
#include "ui/type_tree_model.h"

namespace kabiscope::ui {

namespace {

constexpr int kMaxRecent = 8;
const SymbolStatus kStatuses[4] = {SymbolStatus::Changed, SymbolStatus::Added, SymbolStatus::Removed,
                                   SymbolStatus::Unchanged};

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("kabiscope"));
    setAcceptDrops(true);
    buildUi();
    buildMenus();
    connect(&loader_, &SessionLoader::progress, this, [this](const QString& stage, int percent) {
        progressLabel_->setText(stage);
        progress_->setValue(percent);
    });
    connect(&loader_, &SessionLoader::loaded, this, &MainWindow::onLoaded);
    connect(&loader_, &SessionLoader::failed, this, &MainWindow::onFailed);
    connect(&loader_, &SessionLoader::cancelled, this, [this] {
        setBusy(false);
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
    });

    resize(clampedToScreen(QSize(1500, 900)));
}

QSize MainWindow::clampedToScreen(QSize size) const {
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen) return size;
    const QRect available = screen->availableGeometry();
    return size.boundedTo(available.size());
}

void MainWindow::restoreSavedState() {
    QSettings settings;
    if (restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // A size saved on a bigger screen (or a scripted run's) must not spill off this one.
        const QSize clamped = clampedToScreen(size());
        if (clamped != size()) resize(clamped);
        const QRect available = screen() ? screen()->availableGeometry() : QRect();
        if (available.isValid() && !available.intersects(frameGeometry())) move(available.topLeft());
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    mainSplitter_->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    rightSplitter_->restoreState(settings.value(QStringLiteral("window/rightSplitter")).toByteArray());
    recentPairs_ = settings.value(QStringLiteral("recentPairs")).toStringList();
    rebuildRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi() {
    symbolModel_ = new SymbolTableModel(this);
    symbolFilter_ = new SymbolFilterModel(this);
    symbolFilter_->setSourceModel(symbolModel_);
    treeModel_ = new TypeTreeModel(this);
    causeModel_ = new RootCauseModel(this);
    fixWatcher_ = new QFutureWatcher<std::vector<FixSuggestion>>(this);
    connect(fixWatcher_, &QFutureWatcher<std::vector<FixSuggestion>>::finished, this, [this] {
        if (fixWatcher_->property("generation").toUInt() != fixGeneration_) return;  // for builds no longer shown
        fixes_ = fixWatcher_->result();
        if (fixes_.empty() && session_ && !session_->diff.causes.empty()) {
            statusBar()->showMessage(tr("Cannot check fixes: the builds could not be versioned again"), 8000);
            Q_EMIT fixesShown();
            return;
        }
        causeModel_->setFixes(&fixes_);
        causeView_->setColumnHidden(RootCauseModel::FixColumn, false);
        causeView_->resizeColumnToContents(RootCauseModel::FixColumn);
        const auto safe = std::count_if(fixes_.begin(), fixes_.end(), [](const FixSuggestion& f) { return f.exists && f.safe; });
        const auto verified = std::count_if(fixes_.begin(), fixes_.end(), [](const FixSuggestion& f) { return f.verified; });
        statusBar()->showMessage(tr("Fixes: %1 of %2 causes have a safe one, %3 verified by recomputation")
                                     .arg(safe)
                                     .arg(fixes_.size())
                                     .arg(verified),
                                 10000);
        showCauseFix(causeView_->currentIndex().data(RootCauseModel::CauseIdRole).toInt());
        Q_EMIT fixesShown();
    });
    review_ = new Review(this);
    causeModel_->setReview(review_);

    // Left: symbols and root causes.
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter symbols…"));
    filter_->setClearButtonEnabled(true);
    regex_ = new QCheckBox(tr("Regex"), this);
    module_ = new QComboBox(this);
    module_->setToolTip(tr("Only symbols of this module (type to search)"));
    module_->setEditable(true);  // a kernel has a thousand modules: type part of a name
    module_->setInsertPolicy(QComboBox::NoInsert);
    module_->setMinimumContentsLength(14);
    module_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    module_->completer()->setFilterMode(Qt::MatchContains);
    module_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filter_, 1);
    filterRow->addWidget(regex_);
    filterRow->addWidget(module_);
    auto* statusRow = new QHBoxLayout;
    for (int i = 0; i < 4; ++i) {
        auto* button = new QToolButton(this);
        button->setCheckable(true);
        button->setChecked(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(markIcon(markFor(kStatuses[i])));
        button->setAutoRaise(false);
        // On: a filled chip; off: outlined and greyed, so the two never look alike.
        button->setStyleSheet(QStringLiteral(
            "QToolButton { border-radius: 9px; padding: 1px 8px; }"
            "QToolButton:checked { border: 1px solid #7d95b0; background: #dde7f2; color: #1b1b1b; }"
            "QToolButton:!checked { border: 1px dashed #c8c8c8; background: transparent; color: #9a9a9a; }"
            "QToolButton:hover { border-color: #5b7fa6; }"));
        button->setToolTip(tr("Show or hide %1 symbols").arg(markLabel(markFor(kStatuses[i]))));
        statusButtons_[i] = button;
        statusRow->addWidget(button);
        connect(button, &QToolButton::toggled, this, [this, i](bool on) {
            symbolFilter_->setStatusVisible(int(kStatuses[i]), on);
        });
    }
    statusRow->addStretch();
    symbolView_ = new QTableView(this);
    symbolView_->setModel(symbolFilter_);
    symbolView_->setSortingEnabled(true);
    symbolView_->sortByColumn(SymbolTableModel::StatusColumn, Qt::DescendingOrder);
    symbolView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    symbolView_->setSelectionMode(QAbstractItemView::SingleSelection);
    symbolView_->verticalHeader()->hide();
    symbolView_->verticalHeader()->setDefaultSectionSize(22);
    symbolView_->horizontalHeader()->setStretchLastSection(true);
    symbolView_->setAlternatingRowColors(false);
    symbolView_->setWordWrap(false);
    symbolView_->setTextElideMode(Qt::ElideMiddle);  // __SCK__tp_func_…_remap: both ends matter
    auto* symbolsPage = new QWidget(this);
    auto* symbolsLayout = new QVBoxLayout(symbolsPage);
    symbolsLayout->setContentsMargins(4, 4, 4, 4);
    symbolsLayout->addLayout(filterRow);
    symbolsLayout->addLayout(statusRow);
    symbolsLayout->addWidget(symbolView_);
    shown_ = new QLabel(this);
    shown_->setStyleSheet(QStringLiteral("color: #555"));
    symbolsLayout->addWidget(shown_);

    causeView_ = new QTreeView(this);  // a cause's consequences are its children
    causeView_->setModel(causeModel_);
    causeView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    causeView_->setSelectionMode(QAbstractItemView::SingleSelection);
    causeView_->setRootIsDecorated(true);
    causeView_->setUniformRowHeights(false);
    causeView_->header()->setStretchLastSection(true);
    causeView_->setWordWrap(true);  // the Change column says what changed: show all of it
    causeView_->setTextElideMode(Qt::ElideNone);
    causeView_->setItemDelegateForColumn(RootCauseModel::ChangeColumn, new WrappingDelegate(causeView_));
    causeSymbols_ = new QListWidget(this);
    reviewBar_ = new ReviewBar(review_, causeView_, this);
    connect(reviewBar_, &ReviewBar::failed, this, [this](const QString& message) { showError(message); });
    auto* causesPage = new QWidget(this);
    auto* causesLayout = new QVBoxLayout(causesPage);
    causesLayout->setContentsMargins(0, 4, 0, 0);
    causesLayout->addWidget(reviewBar_);
    causesLayout->addWidget(causeView_);
    auto* causesSplit = new QSplitter(Qt::Vertical, this);
    causesSplit->addWidget(causesPage);
    auto* affected = new QWidget(this);
    auto* affectedLayout = new QVBoxLayout(affected);
    affectedLayout->setContentsMargins(0, 0, 0, 0);
    causeFix_ = new QLabel(this);
    causeFix_->setWordWrap(true);
    causeFix_->setTextInteractionFlags(Qt::TextSelectableByMouse);  // the KABI_* lines are to be copied
    causeFix_->setVisible(false);
    affectedLayout->addWidget(causeFix_);
    affectedLayout->addWidget(new QLabel(tr("Symbols affected by the selected cause (double-click opens):"), this));
    affectedLayout->addWidget(causeSymbols_);
    causesSplit->addWidget(affected);

    leftTabs_ = new QTabWidget(this);
    leftTabs_->addTab(symbolsPage, tr("Symbols"));
    leftTabs_->addTab(causesSplit, tr("Root causes"));
    modulesView_ = new ModuleCheckView(this);
    leftTabs_->addTab(modulesView_, tr("Modules"));

    // Right: the selected symbol.
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    title_->setContentsMargins(6, 4, 6, 4);
    treeView_ = new QTreeView(this);
    treeView_->setModel(treeModel_);
    treeView_->setUniformRowHeights(true);
    treeView_->setAllColumnsShowFocus(true);
    treeView_->header()->setStretchLastSection(true);
    // Columns fit the rows in view, not every open row (a thousand, on a major rebase's symbols).
    treeView_->header()->setResizeContentsPrecision(0);
    graphView_ = new GraphView(this);
    rightTabs_ = new QTabWidget(this);
    rightTabs_->addTab(treeView_, tr("Type tree"));
    rightTabs_->addTab(graphView_, tr("Graph"));
    teachView_ = new QPlainTextEdit(this);
    teachView_->setReadOnly(true);
    teachView_->setLineWrapMode(QPlainTextEdit::NoWrap);
    teachView_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    rightTabs_->addTab(teachView_, tr("How it is made"));
    connect(rightTabs_, &QTabWidget::currentChanged, this, [this] { updateTeaching(); });
    details_ = new DetailsView(this);
    auto* rightTop = new QWidget(this);
    auto* rightTopLayout = new QVBoxLayout(rightTop);
    rightTopLayout->setContentsMargins(0, 0, 0, 0);
    rightTopLayout->addWidget(title_);
    rightTopLayout->addWidget(rightTabs_);
    rightSplitter_ = new QSplitter(Qt::Vertical, this);
    rightSplitter_->addWidget(rightTop);
    rightSplitter_->addWidget(details_);
    rightSplitter_->setStretchFactor(0, 3);
    rightSplitter_->setStretchFactor(1, 1);

    mainSplitter_ = new QSplitter(Qt::Horizontal, this);
    mainSplitter_->addWidget(leftTabs_);
    mainSplitter_->addWidget(rightSplitter_);
    mainSplitter_->setStretchFactor(0, 9);
    mainSplitter_->setStretchFactor(1, 11);

    hint_ = new QLabel(this);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setTextFormat(Qt::RichText);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #555; font-size: 15px; padding: 40px"));
    hint_->setText(tr("<p><b>No builds open</b></p><p>Open a pair with <b>File ▸ Open…</b> (Ctrl+O), drop two "
                      "builds here (vmlinux, .ko, .o or build directories),<br>or try the bundled demo: "
                      "<code>kabiscope-gui --demo</code></p>"));
    centralStack_ = new QStackedWidget(this);
    centralStack_->addWidget(hint_);
    centralStack_->addWidget(mainSplitter_);
    setCentralWidget(centralStack_);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(220);
    progressLabel_ = new QLabel(this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    statusBar()->addPermanentWidget(progressLabel_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    setBusy(false);

    connect(cancel_, &QPushButton::clicked, &loader_, &SessionLoader::cancel);
    // The Change column wraps: rows follow its width (first shown, splitter moved, window resized).
    connect(causeView_->header(), &QHeaderView::sectionResized, causeView_, [this] { causeView_->doItemsLayout(); });
    connect(leftTabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1) causeView_->doItemsLayout();
    });
    connect(filter_, &QLineEdit::textChanged, this, &MainWindow::updateFilter);
    connect(regex_, &QCheckBox::toggled, this, &MainWindow::updateFilter);
    connect(module_, &QComboBox::currentIndexChanged, this, [this](int index) {
        symbolFilter_->setModule(index <= 0 ? QString() : module_->itemText(index));
        updateShown();
    });
    connect(symbolFilter_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateShown);
    connect(symbolFilter_, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateShown);
    connect(symbolFilter_, &QAbstractItemModel::modelReset, this, &MainWindow::updateShown);
    connect(symbolFilter_, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateShown);
    connect(symbolView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) onSymbolSelected(current.data(SymbolTableModel::SymbolIndexRole).toInt());
            });
    connect(causeView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) onCauseSelected(current.data(RootCauseModel::CauseIdRole).toInt());
            });
    connect(causeSymbols_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QModelIndex cause = causeView_->currentIndex();
        leftTabs_->setCurrentIndex(0);
        openSymbolAtCause(item->text(), cause.isValid() ? cause.data(RootCauseModel::CauseIdRole).toInt() : 0);
    });
    connect(modulesView_, &ModuleCheckView::importActivated, this, [this](const QString& symbol) {
        // A mismatched import: its type tree and causes, when the loaded builds have it.
        if (session_ && selectSymbol(symbol)) {
            leftTabs_->setCurrentIndex(0);
            return;
        }
        statusBar()->showMessage(
            tr("%1 is not in the loaded builds: open the builds the module was built against and the target "
               "(File ▸ Open…) to see why its CRC changed")
                .arg(symbol),
            10000);
    });
    connect(modulesView_, &ModuleCheckView::failed, this, [this](const QString& message) { showError(tr("Cannot check modules: %1").arg(message)); });
    connect(treeView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onTreeRowSelected(treeModel_->treeRow(current)); });
    connect(graphView_, &GraphView::typeActivated, this, &MainWindow::onGraphTypeActivated);
    // A type shown as "expanded above" is a link: activating it goes to where it is expanded.
    connect(treeView_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        AlignedTree* tree = treeModel_->tree();
        if (!tree) return;
        if (const std::optional<int> target = cycleTarget(*tree, treeModel_->treeRow(index))) selectTreeRow(*target);
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    file->addAction(tr("Check &modules…"), this, &MainWindow::checkModulesDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    QMenu* exportMenu = file->addMenu(tr("&Export report"));
    for (const auto& [label, format] : {std::pair{tr("Text…"), QStringLiteral("text")}, {tr("JSON…"), QStringLiteral("json")}, {tr("Markdown…"), QStringLiteral("markdown")}, {tr("HTML…"), QStringLiteral("html")}})
        exportMenu->addAction(label, this, [this, format = format] { exportReport(format); });
    QMenu* exportGraph = file->addMenu(tr("Export &graph"));
    auto exportWith = [this](const QString& filter, auto method) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), QString(), filter);
        if (path.isEmpty()) return;
        try {
            (graphView_->*method)(path);
        } catch (const Error& e) {
            onFailed(QString::fromStdString(e.what()));
        }
    };
    exportGraph->addAction(tr("SVG…"), this, [=] { exportWith(tr("SVG (*.svg)"), &GraphView::exportSvg); });
    exportGraph->addAction(tr("PNG…"), this, [=] { exportWith(tr("PNG (*.png)"), &GraphView::exportPng); });
    exportGraph->addAction(tr("DOT…"), this, [=] { exportWith(tr("Graphviz DOT (*.dot)"), &GraphView::exportDot); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find symbol"), QKeySequence::Find, this, [this] {
        leftTabs_->setCurrentIndex(0);
        filter_->setFocus();
        filter_->selectAll();
    });
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, [this] {
        QWidget* focus = QApplication::focusWidget();
        QString text;
        if (focus == treeView_) {
            const QModelIndex index = treeView_->currentIndex();
            if (index.isValid()) text = QString::fromStdString(treeModel_->tree()->rendering(treeModel_->treeRow(index), true));
        } else if (currentSymbol_ >= 0 && session_) {
            text = QString::fromStdString(session_->diff.symbols[size_t(currentSymbol_)].name);
        }
        if (!text.isEmpty()) QApplication::clipboard()->setText(text);
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Next change"), QKeySequence(Qt::Key_F8), this, &MainWindow::nextChange);
    view->addAction(tr("&Previous change"), QKeySequence(Qt::SHIFT | Qt::Key_F8), this, &MainWindow::previousChange);
    view->addSeparator();
    view->addAction(tr("Type &tree"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this] { rightTabs_->setCurrentIndex(0); });
    view->addAction(tr("&Graph"), QKeySequence(Qt::CTRL | Qt::Key_2), this, &MainWindow::showGraphTab);
    view->addAction(tr("&Root causes"), QKeySequence(Qt::CTRL | Qt::Key_3), this, &MainWindow::showCausesTab);
    view->addAction(tr("&Fit graph"), this, [this] { graphView_->fit(); });

    QMenu* reviewMenu = menuBar()->addMenu(tr("&Review"));
    reviewMenu->addAction(tr("Open severity &rules…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Severity rules ([MODULE|NAMESPACE|SYMBOL] glob PASS|FAIL)"));
        if (!path.isEmpty()) openRules(path);
    });
    reviewMenu->addAction(tr("Open &waivers…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Waivers"));
        if (!path.isEmpty()) openWaivers(path);
    });
    reviewMenu->addAction(tr("Wai&ve selected cause…"), QKeySequence(Qt::CTRL | Qt::Key_W), this, [this] {
        showCausesTab();
        reviewBar_->waiveSelected();
    });
    reviewMenu->addAction(tr("Suggest &fixes"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, [this] { suggestFixes(); });
    reviewMenu->addAction(tr("What &if a kABI rule held on the selected row"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                          [this] { whatIf(); });
    reviewMenu->addAction(tr("&Drop the what-if rules"), this, [this] { dropWhatIf(); });
    reviewMenu->addAction(tr("&Save waivers"), this, [this] { saveWaivers(false); });
    reviewMenu->addAction(tr("Save waivers &as…"), this, [this] { saveWaivers(true); });
    QMenu* signOffMenu = reviewMenu->addMenu(tr("&Export sign-off"));
    for (const auto& [label, format] : {std::pair{tr("HTML…"), QStringLiteral("html")}, {tr("Markdown…"), QStringLiteral("markdown")}, {tr("JUnit XML…"), QStringLiteral("junit")}, {tr("Text…"), QStringLiteral("text")}})
        signOffMenu->addAction(label, this, [this, format = format] { exportSignOff(format); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About kabiscope"), this, [this] {
        QMessageBox::about(this, tr("About kabiscope"),
                           tr("<b>kabiscope %1</b><p>Why did this symbol's modversion CRC change?</p>"
                              "<p>Recomputes gendwarfksyms CRCs from DWARF and names the type changes behind "
                              "them.</p>")
                               .arg(QStringLiteral(KABISCOPE_VERSION)));
    });
}

void MainWindow::setBusy(bool busy) {
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    progressLabel_->setVisible(busy);
    if (busy) {
        progress_->setValue(0);
        progressLabel_->setText(tr("loading…"));
    }
}

bool MainWindow::showingHint() const { return centralStack_->currentWidget() == hint_; }

void MainWindow::openBuilds(const QString& oldPath, const QString& newPath, bool stable) { loadBuilds(oldPath, newPath, stable, nullptr); }

void MainWindow::loadBuilds(const QString& oldPath, const QString& newPath, bool stable, SessionPtr previous) {
    LoadRequest request;
    request.previous = std::move(previous);
    request.oldPath = oldPath;
    request.newPath = newPath.isEmpty() ? oldPath : newPath;
    if (newPath.isEmpty()) request.oldPath.clear();
    request.stable = stable;
    if (request.oldPath != lastRequest_.oldPath || request.newPath != lastRequest_.newPath) whatIfRules_.clear();  // other builds
    request.debugRoots = debugRoots_;
    request.kabiRulesFile = kabiRulesFile_;
    request.whatIfRules = whatIfRules_;
    lastRequest_ = request;
    lastRequest_.previous.reset();  // not kept alive past this load
    setBusy(true);
    if (!session_) {  // nothing to show yet: say what is coming instead of empty panes
        hint_->setText(request.oldPath.isEmpty()
                           ? tr("<p><b>Loading</b> %1…</p>").arg(request.newPath.toHtmlEscaped())
                           : tr("<p><b>Loading</b> %1<br>and %2…</p><p>A kernel takes a few seconds; "
                                "progress is in the status bar.</p>")
                                 .arg(request.oldPath.toHtmlEscaped(), request.newPath.toHtmlEscaped()));
        centralStack_->setCurrentWidget(hint_);
    }
    statusBar()->showMessage(tr("Loading %1…").arg(request.newPath));
    loader_.start(request);
}

void MainWindow::reload() {
    if (!lastRequest_.newPath.isEmpty()) openBuilds(lastRequest_.oldPath, lastRequest_.newPath, lastRequest_.stable);
}

void MainWindow::openDialog() {
    OpenDialog dialog(recentPairs_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString oldPath = dialog.oldPath(), newPath = dialog.newPath();
    if (newPath.isEmpty()) std::swap(oldPath, newPath);
    if (newPath.isEmpty()) return;
    openBuilds(oldPath, newPath, dialog.stable());
}

void MainWindow::onLoaded(SessionPtr session) {
    setBusy(false);
    session_ = std::move(session);
    teachShown_ = -1;
    currentSymbol_ = -1;
    symbolModel_->setSession(session_);
    causeModel_->setSession(session_);
    ++fixGeneration_;  // fixes proven for the builds shown before are not these builds' fixes
    fixes_.clear();
    causeModel_->setFixes(nullptr);
    causeView_->setColumnHidden(RootCauseModel::FixColumn, true);
    causeFix_->setVisible(false);
    review_->setSession(session_);
    // The top cause open when what folds under it is short, so the child rows explain
    // themselves; a long list (46 members of mm_struct shifted) would fill the view.
    constexpr int kExpandedAtMost = 6;
    if (causeModel_->rowCount() > 0 && causeModel_->rowCount(causeModel_->index(0, 0)) <= kExpandedAtMost)
        causeView_->expand(causeModel_->index(0, 0));
    causeSymbols_->clear();
    treeModel_->setSymbol(session_, -1);
    graphView_->setSymbol(session_, -1);
    details_->clearDetails();
    title_->clear();

    std::set<std::string> modules;
    for (const auto& symbol : session_->diff.symbols) modules.insert(symbol.module);
    module_->blockSignals(true);
    module_->clear();
    module_->addItem(tr("All modules"));
    for (const auto& m : modules) module_->addItem(QString::fromStdString(m));
    module_->setVisible(modules.size() > 1);
    module_->setCurrentIndex(0);
    module_->blockSignals(false);
    symbolFilter_->setModule(QString());
    centralStack_->setCurrentWidget(mainSplitter_);
    updateCounts();
    applyDefaultColumnWidths();
    updateShown();

    const QString oldPath = QString::fromStdString(session_->oldPath), newPath = QString::fromStdString(session_->newPath);
    const QString title = session_->single() ? newPath : oldPath + QStringLiteral(" → ") + newPath;
    setWindowTitle(tr("kabiscope — %1%2").arg(title, session_->stable ? tr(" (stable)") : QString()));
    rememberRecent(oldPath, newPath, session_->stable);
    const auto& s = session_->diff.summary;
    leftTabs_->setTabVisible(1, !session_->single());  // one build has no root causes
    if (session_->single())
        statusBar()->showMessage(tr("%1 symbols in %2").arg(session_->diff.symbols.size()).arg(newPath));
    else
        statusBar()->showMessage(tr("%1 symbols: %2 changed, %3 added, %4 removed, %5 root causes")
                                     .arg(session_->diff.symbols.size())
                                     .arg(s.changed)
                                     .arg(s.added)
                                     .arg(s.removed)
                                     .arg(session_->diff.causes.size()));
    // Open the first symbol in the current order (changed ones sort first).
    if (symbolFilter_->rowCount() > 0) symbolView_->setCurrentIndex(symbolFilter_->index(0, SymbolTableModel::NameColumn));
    if (!whatIfSymbol_.isEmpty()) {  // back from a what-if reload: where the user was, and what it did
        selectSymbol(std::exchange(whatIfSymbol_, QString()));
        statusBar()->showMessage(tr("%1: %2 CRCs changed, %3 before").arg(whatIfNote_).arg(s.changed).arg(changedBefore_));
    }
    Q_EMIT sessionShown();
}

bool MainWindow::whatIf() {
    AlignedTree* tree = treeModel_->tree();
    const QModelIndex current = treeView_->currentIndex();
    const std::optional<WhatIfRule> rule = tree && current.isValid() ? whatIfRuleFor(*tree, treeModel_->treeRow(current), session_ ? &session_->diff : nullptr) : std::nullopt;
    if (!session_ || !rule) {
        statusBar()->showMessage(tr("No kABI rule is about this row: What if works on a member, an enumerator or a struct, union or enum"), 8000);
        return false;
    }
    whatIfRules_ += QString::fromStdString(rule->rule);
    whatIfNote_ = tr("What if %1 (%2)").arg(QString::fromStdString(rule->what), QString::fromStdString(rule->macro));
    whatIfSymbol_ = currentSymbol_ >= 0 ? QString::fromStdString(session_->diff.symbols[size_t(currentSymbol_)].name) : QString();
    changedBefore_ = session_->diff.summary.changed;
    loadBuilds(lastRequest_.oldPath, lastRequest_.newPath, lastRequest_.stable, session_);
    return true;
}

void MainWindow::dropWhatIf() {
    if (whatIfRules_.isEmpty() || !session_) return;
    whatIfRules_.clear();
    whatIfNote_ = tr("What-if rules dropped");
    whatIfSymbol_ = currentSymbol_ >= 0 ? QString::fromStdString(session_->diff.symbols[size_t(currentSymbol_)].name) : QString();
    changedBefore_ = session_->diff.summary.changed;
    loadBuilds(lastRequest_.oldPath, lastRequest_.newPath, lastRequest_.stable, session_);
}

void MainWindow::onFailed(const QString& message) {
    setBusy(false);
    if (!session_)
        hint_->setText(tr("<p><b>Could not load</b></p><p>%1</p><p>Open another pair with <b>File ▸ Open…</b> "
                          "or try <code>kabiscope-gui --demo</code></p>")
                           .arg(message.toHtmlEscaped()));
    showError(tr("Cannot load: %1").arg(message), message);
}

void MainWindow::showError(const QString& text, const QString& message) {
    lastError_ = message.isEmpty() ? text : message;
    statusBar()->showMessage(lastError_, 10000);
    // Non-blocking, so the window keeps running (and tests keep control).
    if (errorBox_) errorBox_->close();
    errorBox_ = new QMessageBox(QMessageBox::Critical, tr("kabiscope"), text, QMessageBox::Ok, this);
    errorBox_->setAttribute(Qt::WA_DeleteOnClose);
    errorBox_->open();
}

void MainWindow::checkModules(const QStringList& modules, const QStringList& kernels, bool strictMissing) {
    leftTabs_->setCurrentIndex(2);
    modulesView_->check(modules, kernels, strictMissing);
}

void MainWindow::showModulesTab() { leftTabs_->setCurrentIndex(2); }

void MainWindow::checkModulesDialog() {
    const QStringList modules = QFileDialog::getOpenFileNames(
        this, tr("Modules to check"), QString(), tr("Kernel modules (*.ko *.ko.xz *.ko.zst *.ko.gz);;All files (*)"));
    if (modules.isEmpty()) return;
    const QString kernel = QFileDialog::getOpenFileName(this, tr("The kernel: its Module.symvers, vmlinux or a module"),
                                                        QString(), tr("Module.symvers, vmlinux, modules (*)"));
    if (kernel.isEmpty()) return;
    checkModules(modules, {kernel}, false);
}

void MainWindow::updateCounts() {
    const auto& s = session_ ? session_->diff.summary : DiffSummary{};
    const size_t counts[4] = {s.changed, s.added, s.removed, s.unchanged};
    for (int i = 0; i < 4; ++i) {
        statusButtons_[i]->setText(QStringLiteral("%1 %2").arg(markLabel(markFor(kStatuses[i]))).arg(counts[i]));
        // One build alone has no statuses to filter by: a single-build view, no "unchanged".
        statusButtons_[i]->setVisible(!(session_ && session_->single()));
    }
}

void MainWindow::updateFilter() {
    symbolFilter_->setText(filter_->text(), regex_->isChecked());
    filter_->setStyleSheet(symbolFilter_->textValid() ? QString() : QStringLiteral("background:#ffe3e3"));
}

bool MainWindow::selectSymbol(const QString& name) {
    if (!session_) return false;
    const int index = session_->indexOf(name.toStdString());
    if (index < 0) return false;
    const QModelIndex source = symbolModel_->index(index, SymbolTableModel::NameColumn);
    QModelIndex proxy = symbolFilter_->mapFromSource(source);
    if (!proxy.isValid()) {  // filtered out: show everything again
        filter_->clear();
        for (auto* button : statusButtons_) button->setChecked(true);
        module_->setCurrentIndex(0);
        proxy = symbolFilter_->mapFromSource(source);
    }
    symbolView_->setCurrentIndex(proxy);
    symbolView_->scrollTo(proxy);
    return true;
}

void MainWindow::onSymbolSelected(int symbolIndex) {
    if (!session_ || symbolIndex == currentSymbol_) return;
    currentSymbol_ = symbolIndex;
    changeCursor_.reset();
    const SymbolDiff& symbol = session_->diff.symbols[size_t(symbolIndex)];
    QString title = session_->single()
                        ? QStringLiteral("<b>%1</b>").arg(QString::fromStdString(symbol.name).toHtmlEscaped())
                        : QStringLiteral("<b>%1</b> &nbsp; %2").arg(QString::fromStdString(symbol.name).toHtmlEscaped(), markLabel(markFor(symbol.status)));
    if (!session_->single() && symbol.status == SymbolStatus::Changed && !symbol.causes.empty())
        title += tr(" — modversion changed because of changes in %1")
                     .arg(QString::fromStdString(causeTypes(session_->diff, symbol)).toHtmlEscaped());
    title_->setText(title);
    treeModel_->setSymbol(session_, symbolIndex);
    treeView_->expand(treeModel_->indexForRow(0));
    expandChangePaths();
    // Old and new must both stay in view: size to contents, but cap the wide type spellings, and
    // keep Offset wide enough for "7204 → 7208" and Layout in view.
    const QFontMetrics metrics = treeView_->fontMetrics();
    const bool single = session_->single();
    treeView_->setColumnHidden(TypeTreeModel::OldColumn, single);  // one build: one Type column
    const int offset = metrics.horizontalAdvance(single ? QStringLiteral("72040") : QStringLiteral("7204 → 7208")) + 20;
    const int size = metrics.horizontalAdvance(single ? QStringLiteral("3120") : QStringLiteral("312 → 316")) + 20;
    const int layout = metrics.horizontalAdvance(QStringLiteral("Layout")) + 40;  // its notes may scroll
    treeView_->setColumnWidth(TypeTreeModel::OffsetColumn, offset);
    treeView_->setColumnWidth(TypeTreeModel::SizeColumn, size);
    const int viewport = treeView_->viewport()->width() > 200 ? treeView_->viewport()->width() : 800;
    treeView_->resizeColumnToContents(TypeTreeModel::NodeColumn);
    const int node = std::min(treeView_->columnWidth(TypeTreeModel::NodeColumn), std::max(220, viewport * 9 / 25));
    treeView_->setColumnWidth(TypeTreeModel::NodeColumn, node);
    // Old and New share what is left once Layout is in view.
    const int share = std::max(120, (viewport - node - offset - size - layout) / (single ? 1 : 2));
    for (int column : {int(TypeTreeModel::OldColumn), int(TypeTreeModel::NewColumn)}) {
        treeView_->resizeColumnToContents(column);
        treeView_->setColumnWidth(column, std::min(treeView_->columnWidth(column), share));
    }
    graphView_->setSymbol(session_, symbolIndex);
    teachShown_ = -1;
    updateTeaching();
    if (treeModel_->tree() && treeModel_->tree()->pathCount() > 0)
        nextChange();
    else
        selectTreeRow(0);
}

void MainWindow::expandChangePaths() {
    AlignedTree* tree = treeModel_->tree();
    if (!tree) return;
    // The paths to the symbol's first causes (in rank order) open, each row once. A symbol of a
    // major rebase has a thousand: opening them all would build and lay out thousands of rows no
    // one reads at once, in proportion to the changes; F8 opens the others as it reaches them.
    constexpr size_t kOpenedPaths = 64;
    std::unordered_set<int> opened;
    for (size_t p = 0; p < std::min(tree->pathCount(), kOpenedPaths); ++p) {
        const auto chain = tree->rowsAlongPath(p);
        for (size_t i = 0; i + 1 < chain.size(); ++i)
            if (opened.insert(chain[i]).second) treeView_->expand(treeModel_->indexForRow(chain[i]));
    }
}

void MainWindow::selectTreeRow(int treeRow) {
    const QModelIndex index = treeModel_->indexForRow(treeRow);
    if (!index.isValid()) return;
    treeView_->setCurrentIndex(index);
    treeView_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::stepChange(bool forward) {
    AlignedTree* tree = treeModel_->tree();
    const ChangeCursor::Move move = changeCursor_.step(tree, forward);
    switch (move.kind) {
    case ChangeCursor::Move::Kind::AtEnd:  // past either end: say so once, then move to the neighbouring changed symbol
        statusBar()->showMessage(forward ? tr("Last change of this symbol: F8 again opens the next changed symbol")
                                         : tr("First change of this symbol: Shift+F8 again opens the previous changed symbol"),
                                 6000);
        return;
    case ChangeCursor::Move::Kind::NeighbourSymbol:
        if (openNeighbourChangedSymbol(forward) && !forward && treeModel_->tree() && changeCursor_.aimAtLast(*treeModel_->tree()))
            stepChange(true);
        return;
    case ChangeCursor::Move::Kind::Shown: break;
    }
    for (size_t i = 0; i + 1 < move.chain.size(); ++i) treeView_->expand(treeModel_->indexForRow(move.chain[i]));
    selectTreeRow(move.chain.back());
    statusBar()->showMessage(tr("Change %1 of %2").arg(move.position).arg(move.count), 4000);
}

void MainWindow::nextChange() { stepChange(true); }
void MainWindow::previousChange() { stepChange(false); }

bool MainWindow::openNeighbourChangedSymbol(bool forward) {
    const int rows = symbolFilter_->rowCount();
    const QModelIndex current = symbolView_->currentIndex();
    int row = current.isValid() ? current.row() : -1;
    for (int step = 0; step < rows; ++step) {
        row += forward ? 1 : -1;
        if (row < 0 || row >= rows) break;
        const QModelIndex index = symbolFilter_->index(row, SymbolTableModel::NameColumn);
        if (index.data(SymbolTableModel::StatusRole).toInt() != int(SymbolStatus::Changed)) continue;
        symbolView_->setCurrentIndex(index);
        symbolView_->scrollTo(index);
        return true;
    }
    statusBar()->showMessage(forward ? tr("No changed symbol after this one") : tr("No changed symbol before this one"), 6000);
    return false;
}

bool MainWindow::openSymbolAtCause(const QString& name, int causeId) {
    if (!selectSymbol(name)) return false;
    if (causeId <= 0 || currentSymbol_ < 0) return true;
    const SymbolDiff& symbol = session_->diff.symbols[size_t(currentSymbol_)];
    const auto it = std::find(symbol.causes.begin(), symbol.causes.end(), uint32_t(causeId));
    if (it == symbol.causes.end()) return true;
    if (treeModel_->tree() && changeCursor_.aimAt(*treeModel_->tree(), size_t(it - symbol.causes.begin()))) stepChange(true);
    return true;
}

void MainWindow::updateShown() {
    if (!session_) {
        shown_->clear();
        return;
    }
    const int shown = symbolFilter_->rowCount();
    const int total = symbolModel_->rowCount();
    const bool filtered = !filter_->text().isEmpty() || module_->currentIndex() > 0;
    if (shown == 0 && total > 0)
        shown_->setText(tr("No symbols match the filter (%1 in all): clear it, or turn a status back on").arg(total));
    else if (shown < total)
        shown_->setText(tr("%1 of %2 shown").arg(shown).arg(total) +
                        (filtered && !filter_->text().isEmpty() ? tr(" — filter \"%1\"").arg(filter_->text()) : QString()));
    else
        shown_->setText(tr("%1 symbols").arg(total));
}

void MainWindow::applyDefaultColumnWidths() {
    // At 1500x900 the Old/New CRC, Causes and Module columns must be in view without scrolling:
    // fixed widths from the font for the short columns, the name takes what is left.
    const QFontMetrics metrics = symbolView_->fontMetrics();
    const int crc = metrics.horizontalAdvance(QStringLiteral("0x00000000")) + 16;
    symbolView_->setColumnWidth(SymbolTableModel::StatusColumn, metrics.horizontalAdvance(QStringLiteral("unchanged")) + 44);
    symbolView_->setColumnWidth(SymbolTableModel::OldCrcColumn, crc);
    symbolView_->setColumnWidth(SymbolTableModel::NewCrcColumn, crc);
    symbolView_->setColumnWidth(SymbolTableModel::CausesColumn, metrics.horizontalAdvance(QStringLiteral("Causes")) + 18);
    symbolView_->setColumnWidth(SymbolTableModel::ModuleColumn, metrics.horizontalAdvance(QStringLiteral("drivers/net/tun")) + 16);
    const bool single = session_ && session_->single();
    for (int column : {int(SymbolTableModel::StatusColumn), int(SymbolTableModel::OldCrcColumn), int(SymbolTableModel::CausesColumn)})
        symbolView_->setColumnHidden(column, single);
    int fixed = 0;
    for (int column = 0; column < symbolModel_->columnCount(); ++column)
        if (column != SymbolTableModel::NameColumn && column <= SymbolTableModel::ModuleColumn &&
            !symbolView_->isColumnHidden(column))
            fixed += symbolView_->columnWidth(column);
    const int available = symbolView_->viewport()->width() > 100 ? symbolView_->viewport()->width() : 560;
    symbolView_->setColumnWidth(SymbolTableModel::NameColumn, std::max(160, available - fixed - 4));
    for (int column = 0; column < RootCauseModel::ChangeColumn; ++column) causeView_->resizeColumnToContents(column);
    causeView_->setColumnWidth(RootCauseModel::TypeColumn, std::min(causeView_->columnWidth(RootCauseModel::TypeColumn), 220));
    causeView_->doItemsLayout();
}

void MainWindow::showGraphTab() { rightTabs_->setCurrentIndex(1); }
void MainWindow::showTeachTab() { rightTabs_->setCurrentIndex(2); }

// The walk of explore/teaching.h for the selected symbol (both builds' when there are two), made
// when the tab is shown: `kabiscope teach` on screen.
void MainWindow::updateTeaching() {
    if (rightTabs_->currentWidget() != teachView_ || !session_ || currentSymbol_ < 0 || teachShown_ == currentSymbol_) return;
    teachShown_ = currentSymbol_;
    const std::string text = sessionTeachingText(*session_, size_t(currentSymbol_));
    teachView_->setPlainText(text.empty() ? tr("No types for this symbol here: its CRC was recorded, not made from types.")
                                          : QString::fromStdString(text));
}
void MainWindow::showCausesTab() {
    leftTabs_->setCurrentIndex(1);
    causeView_->doItemsLayout();  // wrapped to the width the tab has now that it is shown
    if (!causeView_->currentIndex().isValid() && causeModel_->rowCount() > 0)
        causeView_->setCurrentIndex(causeModel_->index(0, RootCauseModel::ChangeColumn));
}

void MainWindow::onTreeRowSelected(int treeRow) {
    AlignedTree* tree = treeModel_->tree();
    if (!tree || treeRow < 0) return;
    details_->showRow(session_, currentSymbol_, tree, treeRow);
    // The graph shows types: highlight the row's type, or the type it sits in.
    const std::string type = containingType(*tree, treeRow);
    if (!type.empty()) graphView_->selectType(QString::fromStdString(type));
}

void MainWindow::onGraphTypeActivated(const QString& key) {
    AlignedTree* tree = treeModel_->tree();
    if (!tree) return;
    const std::optional<int> row = rowOfType(*tree, key.toStdString());
    if (!row) return;
    for (int up : ancestorsOf(*tree, *row)) treeView_->expand(treeModel_->indexForRow(up));
    selectTreeRow(*row);
}

void MainWindow::suggestFixes() {
    showCausesTab();
    if (!session_ || session_->single()) {
        statusBar()->showMessage(tr("Fix suggestions need two builds"), 6000);
        return;
    }
    if (fixWatcher_->isRunning()) return;
    const unsigned generation = fixGeneration_;
    SessionPtr session = session_;
    statusBar()->showMessage(tr("Checking a fix for each root cause by recomputing the CRCs…"));
    fixWatcher_->setProperty("generation", generation);
    fixWatcher_->setFuture(QtConcurrent::run([session]() -> std::vector<FixSuggestion> {
        try {
            return suggestSessionFixes(*session);
        } catch (const std::exception&) {
            return {};  // said on the status bar: no fixes
        }
    }));
}

void MainWindow::showCauseFix(int causeId) {
    const FixSuggestion* fix = causeModel_->fixOf(causeId);
    causeFix_->setVisible(fix != nullptr);
    if (!fix) return;
    QString html = QStringLiteral("<b>Fix for #%1: %2</b>").arg(causeId).arg(QString::fromStdString(fixVerdict(*fix)).toHtmlEscaped());
    if (fix->exists)
        html += QStringLiteral("<pre style=\"color:%1\">%2</pre>")
                    .arg(markColor(fix->safe ? Mark::Added : Mark::Removed).name(), QString::fromStdString(fix->text).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(fix->why).toHtmlEscaped());
    causeFix_->setText(html);
}

void MainWindow::onCauseSelected(int causeId) {
    causeSymbols_->clear();
    showCauseFix(causeId);
    if (!session_ || causeId <= 0) return;
    const Cause& cause = session_->diff.causes[size_t(causeId - 1)];
    for (uint32_t index : cause.symbols) {
        auto* item = new QListWidgetItem(markIcon(Mark::Changed), QString::fromStdString(session_->diff.symbols[index].name));
        causeSymbols_->addItem(item);
    }
}

void MainWindow::rememberRecent(const QString& oldPath, const QString& newPath, bool stable) {
    const QString entry = encodeRecentPair(oldPath, newPath, stable);
    recentPairs_.removeAll(entry);
    recentPairs_.prepend(entry);
    while (recentPairs_.size() > kMaxRecent) recentPairs_.removeLast();
    QSettings().setValue(QStringLiteral("recentPairs"), recentPairs_);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    for (const QString& entry : recentPairs_) {
        QString o, n;
        bool s = false;
        if (!decodeRecentPair(entry, o, n, s)) continue;
        recentMenu_->addAction((o.isEmpty() ? n : o + QStringLiteral(" → ") + n) + (s ? tr(" (stable)") : QString()), this,
                               [this, o, n, s] { openBuilds(o, n, s); });
    }
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::exportReport(const QString& format) {
    if (!session_) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"));
    if (path.isEmpty()) return;
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!out) {
        onFailed(path + tr(": cannot create file"));
        return;
    }
    if (format == QLatin1String("json"))
        writeDiffJson(session_->diff, out);
    else if (format == QLatin1String("markdown"))
        writeDiffMarkdown(session_->diff, out);
    else if (format == QLatin1String("html"))
        writeDiffHtml(session_->diff, out);
    else
        writeDiffText(session_->diff, out);
    statusBar()->showMessage(tr("Report written to %1").arg(path), 5000);
}

bool MainWindow::openReviewFile(const QString& path, void (Review::*load)(const QString&), const QString& done) {
    try {
        (review_->*load)(path);
    } catch (const Error& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    statusBar()->showMessage(done.arg(path), 5000);
    return true;
}

bool MainWindow::openRules(const QString& path) {
    return openReviewFile(path, &Review::loadRules, tr("Severity rules read from %1"));
}

bool MainWindow::openWaivers(const QString& path) {
    return openReviewFile(path, &Review::loadWaivers, tr("Waivers read from %1"));
}

void MainWindow::saveWaivers(bool askForPath) {
    QString path = review_->waiversPath();
    if (askForPath || path.isEmpty()) path = QFileDialog::getSaveFileName(this, tr("Save waivers"), path);
    if (path.isEmpty()) return;
    try {
        review_->saveWaivers(path);
    } catch (const Error& e) {
        showError(QString::fromStdString(e.what()));
        return;
    }
    statusBar()->showMessage(tr("Waivers written to %1").arg(path), 5000);
}

void MainWindow::exportSignOff(const QString& format) {
    if (!review_->signOff()) {
        showError(tr("A sign-off needs two builds to compare"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export sign-off"));
    if (path.isEmpty()) return;
    try {
        review_->writeReport(path, format);
    } catch (const Error& e) {
        showError(QString::fromStdString(e.what()));
        return;
    }
    statusBar()->showMessage(tr("Sign-off written to %1").arg(path), 5000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (scripted_) {
        loader_.cancel();
        event->accept();
        return;
    }
    if (review_->unsaved()) {  // waivers typed in are a reviewer's work: never lost silently
        const auto answer = QMessageBox::question(this, tr("kabiscope"), tr("Save the waivers added in this session?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            saveWaivers(false);
            if (review_->unsaved()) {  // not saved after all (cancelled, or an error)
                event->ignore();
                return;
            }
        }
    }
    loader_.cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), mainSplitter_->saveState());
    settings.setValue(QStringLiteral("window/rightSplitter"), rightSplitter_->saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.size() == 1) openBuilds(QString(), paths[0], lastRequest_.stable);
    if (paths.size() >= 2) openBuilds(paths[0], paths[1], lastRequest_.stable);
    event->acceptProposedAction();
}

}  // namespace kabiscope::ui
