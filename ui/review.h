// Review: the kABI sign-off of the explorer's session. Severity rules and waivers come from
// files (--rules, --waivers, or the Review menu); a reviewer adds waivers from the root-cause
// view, saves the waiver file, and exports the sign-off report. The verdict is recomputed from
// review/sign_off.h whenever the session, the rules or the waivers change.
#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include "review/sign_off.h"
#include "ui/session.h"

namespace kabiscope::ui {

class Review : public QObject {
    Q_OBJECT
public:
    explicit Review(QObject* parent = nullptr);

    void setSession(SessionPtr session);
    // Each throws kabiscope::Error naming the file (and line) on a bad one, changing nothing.
    void loadRules(const QString& path);
    void loadWaivers(const QString& path);
    void saveWaivers(const QString& path);
    // Accepts root cause `causeId` (1-based, as ranked) with a reason and a name.
    void waive(int causeId, const QString& reason, const QString& by);
    // "html", "markdown", "junit" or "text": the diff report closed by the sign-off.
    void writeReport(const QString& path, const QString& format) const;

    const SignOff* signOff() const { return signOff_ ? &*signOff_ : nullptr; }
    // "Jane Doe: reason" for a waived cause, "" for an open one.
    QString waiverOf(int causeId) const;
    const QString& rulesPath() const { return rulesPath_; }
    const QString& waiversPath() const { return waiversPath_; }
    bool unsaved() const { return unsaved_; }
    // One line for the Root causes pane: "Sign-off: 359 exports open, 5,344 accepted (2 waivers)".
    QString summary() const;

Q_SIGNALS:
    void changed();

private:
    void recompute();

    SessionPtr session_;
    SeverityRules rules_;
    Waivers waivers_;
    QString rulesPath_, waiversPath_;
    bool unsaved_ = false;
    std::optional<SignOff> signOff_;
};

}  // namespace kabiscope::ui
