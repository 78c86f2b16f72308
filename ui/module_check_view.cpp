#include "ui/module_check_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "base/error.h"
#include "modules/module_files.h"
#include "ui/module_check_model.h"

namespace kabiscope::ui {

ModuleCheckView::ModuleCheckView(QWidget* parent) : QWidget(parent) {
    model_ = new ModuleCheckModel(this);
    view_ = new QTreeView(this);
    view_->setModel(model_);
    view_->setRootIsDecorated(true);
    view_->setUniformRowHeights(true);
    view_->setTextElideMode(Qt::ElideMiddle);
    view_->header()->setStretchLastSection(true);
    summary_ = new QLabel(tr("No modules checked. File ▸ Check modules… opens modules against a kernel."), this);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(view_);

    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString symbol = index.data(ModuleCheckModel::SymbolRole).toString();
        if (!symbol.isEmpty()) Q_EMIT importActivated(symbol);
    });
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<ModuleCheckResult>>::finished, this, [this] {
        const std::shared_ptr<ModuleCheckResult> result = watcher_.result();
        if (!result) {
            summary_->setText(tr("Check failed: %1").arg(error_));
            Q_EMIT failed(error_);
            return;
        }
        size_t loads = 0;
        for (const auto& v : result->verdicts) loads += v.loads;
        QString text = tr("%1 modules against %2 exports: %3 load, %4 do not.")
                           .arg(result->verdicts.size())
                           .arg(result->kernelExports)
                           .arg(loads)
                           .arg(result->verdicts.size() - loads);
        if (!result->errors.empty())
            text += tr(" %1 could not be read: %2").arg(result->errors.size()).arg(QString::fromStdString(result->errors.front()));
        summary_->setText(text);
        model_->setVerdicts(std::move(result->verdicts));
        for (int row = 0; row < model_->rowCount(); ++row)  // open the modules that do not load
            if (!model_->index(row, 0).data(ModuleCheckModel::LoadsRole).toBool()) view_->expand(model_->index(row, 0));
        // Widths from what is shown, problems included; a long module name is cut in the middle.
        view_->resizeColumnToContents(ModuleCheckModel::VerdictColumn);
        view_->resizeColumnToContents(ModuleCheckModel::ModuleColumn);
        view_->setColumnWidth(ModuleCheckModel::ModuleColumn, std::min(view_->columnWidth(ModuleCheckModel::ModuleColumn), 260));
        Q_EMIT finished();
    });
}

void ModuleCheckView::check(const QStringList& modules, const QStringList& kernels, bool strictMissing) {
    if (watcher_.isRunning()) return;
    std::vector<std::string> moduleArgs, kernelArgs;
    for (const QString& m : modules) moduleArgs.push_back(m.toStdString());
    for (const QString& k : kernels) kernelArgs.push_back(k.toStdString());
    summary_->setText(tr("Checking %1 against %2…").arg(modules.join(QStringLiteral(", ")), kernels.join(QStringLiteral(", "))));
    error_.clear();
    watcher_.setFuture(QtConcurrent::run([this, moduleArgs, kernelArgs, strictMissing]() -> std::shared_ptr<ModuleCheckResult> {
        try {
            auto result = std::make_shared<ModuleCheckResult>(runModuleCheck(moduleArgs, kernelArgs, strictMissing));
            return result;
        } catch (const Error& e) {
            error_ = QString::fromStdString(e.what());  // read on the GUI thread once finished
        } catch (const std::bad_alloc&) {
            error_ = tr("out of memory");
        }
        return nullptr;
    }));
}

}  // namespace kabiscope::ui
