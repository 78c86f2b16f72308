// SessionLoader: loads one or two builds and diffs them off the GUI thread.
//
// Progress (stage and percent) and the result come back as queued signals; cancel() asks the
// core to stop at its next check (between compilation units or symbols). A generation counter
// drops results of loads that were superseded by a newer start().
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

#include "ui/session.h"

namespace kabiscope::ui {

struct LoadRequest {
    QString oldPath;  // empty: one build
    QString newPath;
    bool stable = false;
    QStringList debugRoots;  // where stripped files' debug files are (empty: /usr/lib/debug)
    QString kabiRulesFile;   // --kabi-rules (implies stable)
    QString whatIfRules;     // Review > What if: rules-file text after the file's (implies stable)
    SessionPtr previous;     // a what-if's starting session: its old build is not read again
};

class SessionLoader : public QObject {
    Q_OBJECT
public:
    // The work itself, replaceable for tests: builds a Session, calling `progress` and checking
    // `cancelled` (which makes it throw kabiscope::Cancelled).
    using LoadFunction = std::function<SessionPtr(const LoadRequest&, const std::function<void(QString, int)>& progress,
                                                  const std::function<bool()>& cancelled)>;

    explicit SessionLoader(QObject* parent = nullptr);
    void setLoadFunction(LoadFunction function) { load_ = std::move(function); }

    void start(const LoadRequest& request);
    void cancel();
    bool busy() const { return busy_; }

    static SessionPtr loadSession(const LoadRequest& request, const std::function<void(QString, int)>& progress,
                                  const std::function<bool()>& cancelled);

Q_SIGNALS:
    void progress(const QString& stage, int percent);
    void loaded(kabiscope::ui::SessionPtr session);
    void failed(const QString& message);
    void cancelled();

private:
    LoadFunction load_;
    std::shared_ptr<std::atomic<bool>> cancelFlag_ = std::make_shared<std::atomic<bool>>(false);
    std::atomic<unsigned> generation_{0};
    bool busy_ = false;
};

}  // namespace kabiscope::ui

Q_DECLARE_METATYPE(kabiscope::ui::SessionPtr)
