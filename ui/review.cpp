#include "ui/review.h"

#include <QLocale>

#include <fstream>

#include "base/error.h"
#include "diff/report_writers.h"
#include "review/sign_off_writers.h"

namespace kabiscope::ui {

Review::Review(QObject* parent) : QObject(parent) {}

void Review::setSession(SessionPtr session) {
    session_ = std::move(session);
    recompute();
}

void Review::loadRules(const QString& path) {
    rules_ = SeverityRules::readFile(path.toStdString());
    rulesPath_ = path;
    recompute();
}

void Review::loadWaivers(const QString& path) {
    waivers_ = Waivers::readFile(path.toStdString());
    waiversPath_ = path;
    unsaved_ = false;
    recompute();
}

void Review::saveWaivers(const QString& path) {
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!out) fail(path.toStdString(), "cannot create file");
    waivers_.write(out);
    out.close();
    if (!out) fail(path.toStdString(), "cannot write file");
    waiversPath_ = path;
    unsaved_ = false;
    Q_EMIT changed();
}

void Review::waive(int causeId, const QString& reason, const QString& by) {
    if (!session_ || causeId < 1 || size_t(causeId) > session_->diff.causes.size()) return;
    waivers_.add(Waivers::forCause(session_->diff.causes[size_t(causeId) - 1], reason.toStdString(), by.toStdString()));
    unsaved_ = true;
    recompute();
}

void Review::writeReport(const QString& path, const QString& format) const {
    if (!session_ || !signOff_) return;
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!out) fail(path.toStdString(), "cannot create file");
    const SignOffInputs inputs{session_->diff, *signOff_, rules_, waivers_};
    ReportOptions options;
    if (format == QLatin1String("junit")) {
        writeSignOffJunit(inputs, out);
    } else if (format == QLatin1String("html")) {
        options.closingSection = [&](std::ostream& o) { writeSignOffHtml(inputs, o); };
        writeDiffHtml(session_->diff, out, options);
    } else if (format == QLatin1String("markdown")) {
        options.closingSection = [&](std::ostream& o) { writeSignOffMarkdown(inputs, o); };
        writeDiffMarkdown(session_->diff, out, options);
    } else {
        options.closingSection = [&](std::ostream& o) { writeSignOffText(inputs, o); };
        writeDiffText(session_->diff, out, options);
    }
    out.close();
    if (!out) fail(path.toStdString(), "cannot write file");
}

QString Review::waiverOf(int causeId) const {
    if (!signOff_ || causeId < 1 || size_t(causeId) > signOff_->causeWaiver.size()) return {};
    const size_t waiver = signOff_->causeWaiver[size_t(causeId) - 1];
    if (waiver == SIZE_MAX) return {};
    const Waiver& w = waivers_.entries()[waiver];
    return QString::fromStdString(w.by + ": " + w.reason);
}

QString Review::summary() const {
    if (!signOff_) return {};
    const QLocale locale;
    QString text = tr("Sign-off: %1 exports open, %2 accepted").arg(locale.toString(qulonglong(signOff_->open)), locale.toString(qulonglong(signOff_->accepted)));
    const size_t waived = size_t(std::count_if(signOff_->causeWaiver.begin(), signOff_->causeWaiver.end(),
                                               [](size_t w) { return w != SIZE_MAX; }));
    text += waived == 1 ? tr("; 1 root cause waived") : tr("; %1 root causes waived").arg(locale.toString(qulonglong(waived)));
    if (unsaved_) text += tr(" (waivers not saved)");
    return text;
}

void Review::recompute() {
    if (session_ && !session_->single())
        signOff_ = reviewDiff(session_->diff, rules_, waivers_);
    else
        signOff_.reset();
    Q_EMIT changed();
}

}  // namespace kabiscope::ui
