#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
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
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <fstream>
#include <set>

#include "base/error.h"
#include "diff/report_writers.h"
#include "ui/details_view.h"
#include "ui/graph_view.h"
#include "ui/open_dialog.h"
#include "ui/root_cause_model.h"
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

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1500, 900);
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

    // Left: symbols and root causes.
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter symbols…"));
    filter_->setClearButtonEnabled(true);
    regex_ = new QCheckBox(tr("Regex"), this);
    module_ = new QComboBox(this);
    module_->setToolTip(tr("Only symbols of this module"));
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
        button->setAutoRaise(true);
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
    auto* symbolsPage = new QWidget(this);
    auto* symbolsLayout = new QVBoxLayout(symbolsPage);
    symbolsLayout->setContentsMargins(4, 4, 4, 4);
    symbolsLayout->addLayout(filterRow);
    symbolsLayout->addLayout(statusRow);
    symbolsLayout->addWidget(symbolView_);

    causeView_ = new QTableView(this);
    causeView_->setModel(causeModel_);
    causeView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    causeView_->setSelectionMode(QAbstractItemView::SingleSelection);
    causeView_->verticalHeader()->hide();
    causeView_->horizontalHeader()->setStretchLastSection(true);
    causeView_->setWordWrap(false);
    causeSymbols_ = new QListWidget(this);
    auto* causesSplit = new QSplitter(Qt::Vertical, this);
    causesSplit->addWidget(causeView_);
    auto* affected = new QWidget(this);
    auto* affectedLayout = new QVBoxLayout(affected);
    affectedLayout->setContentsMargins(0, 0, 0, 0);
    affectedLayout->addWidget(new QLabel(tr("Symbols affected by the selected cause (double-click opens):"), this));
    affectedLayout->addWidget(causeSymbols_);
    causesSplit->addWidget(affected);

    leftTabs_ = new QTabWidget(this);
    leftTabs_->addTab(symbolsPage, tr("Symbols"));
    leftTabs_->addTab(causesSplit, tr("Root causes"));

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
    graphView_ = new GraphView(this);
    rightTabs_ = new QTabWidget(this);
    rightTabs_->addTab(treeView_, tr("Type tree"));
    rightTabs_->addTab(graphView_, tr("Graph"));
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
    mainSplitter_->setStretchFactor(0, 2);
    mainSplitter_->setStretchFactor(1, 3);
    setCentralWidget(mainSplitter_);

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
    connect(filter_, &QLineEdit::textChanged, this, &MainWindow::updateFilter);
    connect(regex_, &QCheckBox::toggled, this, &MainWindow::updateFilter);
    connect(module_, &QComboBox::currentIndexChanged, this, [this](int index) {
        symbolFilter_->setModule(index <= 0 ? QString() : module_->itemText(index));
    });
    connect(symbolView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) onSymbolSelected(current.data(SymbolTableModel::SymbolIndexRole).toInt());
            });
    connect(causeView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) onCauseSelected(current.data(RootCauseModel::CauseIdRole).toInt());
            });
    connect(causeSymbols_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        leftTabs_->setCurrentIndex(0);
        selectSymbol(item->text());
    });
    connect(treeView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onTreeRowSelected(treeModel_->treeRow(current)); });
    connect(graphView_, &GraphView::typeActivated, this, &MainWindow::onGraphTypeActivated);
    // A type shown as "expanded above" is a link: activating it goes to where it is expanded.
    connect(treeView_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        AlignedTree* tree = treeModel_->tree();
        const int row = treeModel_->treeRow(index);
        if (!tree || row < 0 || tree->row(row).kind != AlignedRow::Kind::Cycle) return;
        for (int up = tree->row(row).parent; up >= 0; up = tree->row(up).parent)
            if (tree->row(up).key == tree->row(row).key) {
                selectTreeRow(up);
                return;
            }
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    QMenu* exportMenu = file->addMenu(tr("&Export report"));
    for (const auto& [label, format] : {std::pair{tr("Text…"), QStringLiteral("text")}, {tr("JSON…"), QStringLiteral("json")},
                                        {tr("Markdown…"), QStringLiteral("markdown")}, {tr("HTML…"), QStringLiteral("html")}})
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

void MainWindow::openBuilds(const QString& oldPath, const QString& newPath, bool stable) {
    LoadRequest request;
    request.oldPath = oldPath;
    request.newPath = newPath.isEmpty() ? oldPath : newPath;
    if (newPath.isEmpty()) request.oldPath.clear();
    request.stable = stable;
    lastRequest_ = request;
    setBusy(true);
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
    currentSymbol_ = -1;
    symbolModel_->setSession(session_);
    causeModel_->setSession(session_);
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
    module_->blockSignals(false);
    symbolFilter_->setModule(QString());
    updateCounts();
    symbolView_->resizeColumnsToContents();
    causeView_->resizeColumnsToContents();

    const QString title = session_->single() ? session_->newPath
                                             : session_->oldPath + QStringLiteral(" → ") + session_->newPath;
    setWindowTitle(tr("kabiscope — %1%2").arg(title, session_->stable ? tr(" (stable)") : QString()));
    rememberRecent(session_->oldPath, session_->newPath, session_->stable);
    const auto& s = session_->diff.summary;
    statusBar()->showMessage(tr("%1 symbols: %2 changed, %3 added, %4 removed, %5 root causes")
                                 .arg(session_->diff.symbols.size())
                                 .arg(s.changed)
                                 .arg(s.added)
                                 .arg(s.removed)
                                 .arg(session_->diff.causes.size()));
    // Open the first symbol in the current order (changed ones sort first).
    if (symbolFilter_->rowCount() > 0) symbolView_->setCurrentIndex(symbolFilter_->index(0, SymbolTableModel::NameColumn));
    Q_EMIT sessionShown();
}

void MainWindow::onFailed(const QString& message) {
    setBusy(false);
    lastError_ = message;
    statusBar()->showMessage(message, 10000);
    // Non-blocking, so the window keeps running (and tests keep control).
    if (errorBox_) errorBox_->close();
    errorBox_ = new QMessageBox(QMessageBox::Critical, tr("kabiscope"), tr("Cannot load: %1").arg(message),
                                QMessageBox::Ok, this);
    errorBox_->setAttribute(Qt::WA_DeleteOnClose);
    errorBox_->open();
}

void MainWindow::updateCounts() {
    const auto& s = session_ ? session_->diff.summary : DiffSummary{};
    const size_t counts[4] = {s.changed, s.added, s.removed, s.unchanged};
    for (int i = 0; i < 4; ++i) {
        statusButtons_[i]->setText(QStringLiteral("%1 %2").arg(markName(markFor(kStatuses[i]))).arg(counts[i]));
        statusButtons_[i]->setVisible(!(session_ && session_->single()) || kStatuses[i] == SymbolStatus::Unchanged);
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
    changeCursor_ = 0;
    const SymbolDiff& symbol = session_->diff.symbols[size_t(symbolIndex)];
    QString title = QStringLiteral("<b>%1</b> &nbsp; %2").arg(QString::fromStdString(symbol.name).toHtmlEscaped(),
                                                              markName(markFor(symbol.status)));
    if (!session_->single() && symbol.status == SymbolStatus::Changed && !symbol.causes.empty())
        title += tr(" — modversion changed because of changes in %1")
                     .arg(QString::fromStdString(causeTypes(session_->diff, symbol)).toHtmlEscaped());
    title_->setText(title);
    treeModel_->setSymbol(session_, symbolIndex);
    treeView_->expand(treeModel_->indexForRow(0));
    expandChangePaths();
    // Old and new must both stay in view: size to contents, but cap the wide type spellings.
    for (int column : {TypeTreeModel::NodeColumn, TypeTreeModel::OldColumn, TypeTreeModel::NewColumn}) {
        treeView_->resizeColumnToContents(column);
        if (column != TypeTreeModel::NodeColumn) treeView_->setColumnWidth(column, std::min(treeView_->columnWidth(column), 240));
    }
    treeView_->setColumnWidth(TypeTreeModel::OffsetColumn, 80);
    treeView_->setColumnWidth(TypeTreeModel::SizeColumn, 80);
    graphView_->setSymbol(session_, symbolIndex);
    if (treeModel_->tree() && treeModel_->tree()->pathCount() > 0)
        nextChange();
    else
        selectTreeRow(0);
}

void MainWindow::expandChangePaths() {
    AlignedTree* tree = treeModel_->tree();
    if (!tree) return;
    for (size_t p = 0; p < tree->pathCount(); ++p) {
        const auto chain = tree->rowsAlongPath(p);
        for (size_t i = 0; i + 1 < chain.size(); ++i) treeView_->expand(treeModel_->indexForRow(chain[i]));
    }
}

void MainWindow::selectTreeRow(int treeRow) {
    const QModelIndex index = treeModel_->indexForRow(treeRow);
    if (!index.isValid()) return;
    treeView_->setCurrentIndex(index);
    treeView_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::nextChange() {
    AlignedTree* tree = treeModel_->tree();
    if (!tree || tree->pathCount() == 0) return;
    const auto chain = tree->rowsAlongPath(changeCursor_ % tree->pathCount());
    changeCursor_ = (changeCursor_ + 1) % tree->pathCount();
    for (size_t i = 0; i + 1 < chain.size(); ++i) treeView_->expand(treeModel_->indexForRow(chain[i]));
    selectTreeRow(chain.back());
}

void MainWindow::previousChange() {
    AlignedTree* tree = treeModel_->tree();
    if (!tree || tree->pathCount() == 0) return;
    const size_t count = tree->pathCount();
    changeCursor_ = (changeCursor_ + count - 2) % count;  // the one before the last shown
    nextChange();
}

void MainWindow::showGraphTab() { rightTabs_->setCurrentIndex(1); }
void MainWindow::showCausesTab() {
    leftTabs_->setCurrentIndex(1);
    if (!causeView_->currentIndex().isValid() && causeModel_->rowCount() > 0)
        causeView_->setCurrentIndex(causeModel_->index(0, RootCauseModel::ChangeColumn));
}

void MainWindow::onTreeRowSelected(int treeRow) {
    AlignedTree* tree = treeModel_->tree();
    if (!tree || treeRow < 0) return;
    details_->showRow(session_, currentSymbol_, tree, treeRow);
    // The graph shows types: highlight the row's type, or the type it sits in.
    for (int row = treeRow; row >= 0; row = tree->row(row).parent) {
        const AlignedRow& r = tree->row(row);
        if (r.kind != AlignedRow::Kind::Item) {
            graphView_->selectType(QString::fromStdString(r.key));
            break;
        }
    }
}

void MainWindow::onGraphTypeActivated(const QString& key) {
    AlignedTree* tree = treeModel_->tree();
    if (!tree) return;
    const std::string wanted = key.toStdString();
    // Prefer the row on a path to a change, then any row already built, then search a few levels.
    for (size_t p = 0; p < tree->pathCount(); ++p) {
        const auto chain = tree->rowsAlongPath(p);
        for (size_t i = 0; i < chain.size(); ++i)
            if (tree->row(chain[i]).key == wanted) {
                for (size_t j = 0; j < i; ++j) treeView_->expand(treeModel_->indexForRow(chain[j]));
                selectTreeRow(chain[i]);
                return;
            }
    }
    std::vector<int> level{tree->root()};
    for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
        std::vector<int> next;
        for (int row : level) {
            if (tree->row(row).key == wanted) {
                for (int up = tree->row(row).parent; up >= 0; up = tree->row(up).parent)
                    treeView_->expand(treeModel_->indexForRow(up));
                selectTreeRow(row);
                return;
            }
            for (int child : tree->children(row)) next.push_back(child);
        }
        level = std::move(next);
    }
}

void MainWindow::onCauseSelected(int causeId) {
    causeSymbols_->clear();
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

void MainWindow::closeEvent(QCloseEvent* event) {
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
