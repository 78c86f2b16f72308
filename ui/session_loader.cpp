#include "ui/session_loader.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "base/error.h"
#include "readers/read_build.h"

namespace kabiscope::ui {

SessionLoader::SessionLoader(QObject* parent) : QObject(parent), load_(&SessionLoader::loadSession) {
    qRegisterMetaType<SessionPtr>();
}

SessionPtr SessionLoader::loadSession(const LoadRequest& request, const std::function<void(QString, int)>& progress,
                                      const std::function<bool()>& cancelled) {
    auto session = std::make_shared<Session>();
    session->oldPath = request.oldPath;
    session->newPath = request.newPath;
    session->stable = request.stable;
    VersionOptions options;
    options.stable = request.stable;
    options.detachFromDwarf = true;
    options.cancelled = cancelled;
    for (const QString& root : request.debugRoots) options.debugRoots.push_back(root.toStdString());
    auto reporter = [&](const char* side, double base, double span) {
        return [&progress, side, base, span](const std::string& stage, size_t done, size_t total) {
            const double fraction = total ? double(done) / double(total) : 0.0;
            progress(QString::fromLatin1(side) + QStringLiteral(": ") + QString::fromStdString(stage),
                     int(100.0 * (base + span * fraction)));
        };
    };
    if (request.oldPath.isEmpty()) {
        options.progress = reporter("loading", 0.0, 0.9);
        session->newBuild = readBuild(request.newPath.toStdString(), options);
    } else {
        options.progress = [&progress](const std::string& stage, size_t done, size_t total) {  // names both sides
            progress(QString::fromStdString(stage), int(90.0 * (total ? double(done) / double(total) : 0.0)));
        };
        auto [oldBuild, newBuild] = readBuildPair(request.oldPath.toStdString(), request.newPath.toStdString(), options);
        session->oldBuild = std::move(oldBuild);
        session->newBuild = std::move(newBuild);
    }
    DiffOptions diffOptions;
    diffOptions.cancelled = cancelled;
    diffOptions.progress = reporter("diff", 0.9, 0.1);
    session->diff = diffBuilds(session->single() ? session->newBuild : session->oldBuild, session->newBuild, diffOptions);
    session->indexSides();
    return session;
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
        auto progressSink = [self, generation, post](QString stage, int percent) {
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
