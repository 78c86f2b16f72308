#include "ui/session_loader.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "base/error.h"

namespace kabiscope::ui {

SessionLoader::SessionLoader(QObject* parent) : QObject(parent), load_(&SessionLoader::loadSession) {
    qRegisterMetaType<SessionPtr>();
}

SessionPtr SessionLoader::loadSession(const LoadRequest& request, const std::function<void(QString, int)>& progress,
                                      const std::function<bool()>& cancelled) {
    ExploreRequest core;
    core.oldPath = request.oldPath.toStdString();
    core.newPath = request.newPath.toStdString();
    core.stable = request.stable;
    core.kabiRulesFile = request.kabiRulesFile.toStdString();
    core.whatIfRules = request.whatIfRules.toStdString();
    core.previous = request.previous;
    for (const QString& root : request.debugRoots) core.debugRoots.push_back(root.toStdString());
    return loadExploreSession(
        core, [&progress](const std::string& stage, int percent) { progress(QString::fromStdString(stage), percent); }, cancelled);
}

void SessionLoader::start(const LoadRequest& request) {
    const unsigned generation = ++generation_;
    cancelFlag_->store(true);  // a load still running for an older request stops
    cancelFlag_ = std::make_shared<std::atomic<bool>>(false);
    busy_ = true;
    std::shared_ptr<std::atomic<bool>> cancelFlag = cancelFlag_;
    QPointer<SessionLoader> self(this);
    LoadFunction load = load_;
    auto post = [self, generation](auto&& deliver) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, deliver]() {
                if (!self || self->generation_ != generation) return;  // superseded or gone
                deliver(self.data());
            },
            Qt::QueuedConnection);
    };
    (void)QtConcurrent::run([self, generation, request, load, post, cancelFlag]() {
        auto progressSink = [self, generation, post](const QString& stage, int percent) {
            post([stage, percent](SessionLoader* loader) { Q_EMIT loader->progress(stage, percent); });
        };
        auto cancelled = [cancelFlag]() { return cancelFlag->load(); };
        try {
            SessionPtr session = load(request, progressSink, cancelled);
            post([session](SessionLoader* loader) {
                loader->busy_ = false;
                Q_EMIT loader->loaded(session);
            });
        } catch (const Cancelled&) {
            post([](SessionLoader* loader) {
                loader->busy_ = false;
                Q_EMIT loader->cancelled();
            });
        } catch (const std::exception& e) {  // kabiscope::Error, and anything else

            const QString message = QString::fromStdString(e.what());
            post([message](SessionLoader* loader) {
                loader->busy_ = false;
                Q_EMIT loader->failed(message);
            });
        }
    });
}

void SessionLoader::cancel() { cancelFlag_->store(true); }

}  // namespace kabiscope::ui
