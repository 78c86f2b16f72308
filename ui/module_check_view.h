// ModuleCheckView: the explorer's Modules tab. Checks module files against a kernel's exports
// off the GUI thread (core/modules), shows the verdicts (ModuleCheckModel), and offers a
// mismatched import to the main window, which opens that symbol's tree and causes.
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

#include "explore/module_check_run.h"

class QLabel;
class QTreeView;

namespace kabiscope::ui {

class ModuleCheckModel;

using ModuleCheckResult = ModuleCheckRun;  // explore/module_check_run.h

class ModuleCheckView : public QWidget {
    Q_OBJECT
public:
    explicit ModuleCheckView(QWidget* parent = nullptr);

    // Starts a check; `finished` or `failed` follows. A check already running is left to finish.
    void check(const QStringList& modules, const QStringList& kernels, bool strictMissing);
    bool busy() const { return watcher_.isRunning(); }

    // For tests and the screenshot script.
    QTreeView* view() const { return view_; }
    ModuleCheckModel* model() const { return model_; }

Q_SIGNALS:
    void finished();
    void failed(const QString& message);  // no check at all: a kernel source is unreadable
    void importActivated(const QString& symbol);

private:
    ModuleCheckModel* model_;
    QTreeView* view_;
    QLabel* summary_;
    QFutureWatcher<std::shared_ptr<ModuleCheckResult>> watcher_;
    QString error_;
};

}  // namespace kabiscope::ui
