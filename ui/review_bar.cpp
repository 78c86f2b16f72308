#include "ui/review_bar.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeView>

#include "base/error.h"
#include "ui/review.h"
#include "ui/root_cause_model.h"

namespace kabiscope::ui {

ReviewBar::ReviewBar(Review* review, QTreeView* causeView, QWidget* parent)
    : QWidget(parent), review_(review), causeView_(causeView) {
    summary_ = new QLabel(this);
    summary_->setStyleSheet(QStringLiteral("color: #444"));
    waive_ = new QPushButton(tr("Waive…"), this);
    waive_->setToolTip(tr("Accept the selected root cause, with a reason and your name (saved with Review > Save waivers)"));
    hideWaived_ = new QCheckBox(tr("Hide waived"), this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_, 1);
    layout->addWidget(hideWaived_);
    layout->addWidget(waive_);
    connect(waive_, &QPushButton::clicked, this, [this] { waiveSelected(); });
    connect(hideWaived_, &QCheckBox::toggled, this, &ReviewBar::refresh);
    connect(review_, &Review::changed, this, &ReviewBar::refresh);
    connect(causeView_->model(), &QAbstractItemModel::modelReset, this, &ReviewBar::refresh);
    refresh();
}

int ReviewBar::selectedCause() const {
    const QModelIndex current = causeView_->currentIndex();
    return current.isValid() ? current.data(RootCauseModel::CauseIdRole).toInt() : 0;
}

void ReviewBar::waiveSelected() {
    const int cause = selectedCause();
    if (cause == 0) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Waive root cause #%1").arg(cause));
    auto* reason = new QLineEdit(&dialog);
    reason->setPlaceholderText(tr("Why this change is accepted (a ticket, the kABI padding used, ...)"));
    reason->setMinimumWidth(420);
    auto* by = new QLineEdit(QSettings().value(QStringLiteral("review/by"), qEnvironmentVariable("USER")).toString(), &dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(new QLabel(causeView_->currentIndex().siblingAtColumn(RootCauseModel::ChangeColumn).data().toString(), &dialog));
    form->addRow(tr("Reason:"), reason);
    form->addRow(tr("Reviewer:"), by);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return;
    if (waiveSelected(reason->text(), by->text())) QSettings().setValue(QStringLiteral("review/by"), by->text());
}

bool ReviewBar::waiveSelected(const QString& reason, const QString& by) {
    const int cause = selectedCause();
    if (cause == 0) return false;
    if (reason.trimmed().isEmpty() || by.trimmed().isEmpty()) {
        Q_EMIT failed(tr("A waiver needs a reason and the reviewer's name"));
        return false;
    }
    try {
        review_->waive(cause, reason, by);
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.problem()));
        return false;
    }
    return true;
}

void ReviewBar::refresh() {
    const bool reviewing = review_->signOff() != nullptr;
    summary_->setText(review_->summary());
    waive_->setEnabled(reviewing);
    hideWaived_->setEnabled(reviewing);
    const QAbstractItemModel* model = causeView_->model();
    for (int row = 0; row < model->rowCount(); ++row)
        causeView_->setRowHidden(row, {}, hideWaived_->isChecked() && model->index(row, 0).data(RootCauseModel::WaivedRole).toBool());
}

}  // namespace kabiscope::ui
