#include "ui/open_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

namespace kabiscope::ui {

QString encodeRecentPair(const QString& oldPath, const QString& newPath, bool stable) {
    return oldPath + QLatin1Char('\n') + newPath + QLatin1Char('\n') + (stable ? QLatin1Char('1') : QLatin1Char('0'));
}

bool decodeRecentPair(const QString& entry, QString& oldPath, QString& newPath, bool& stable) {
    const QStringList parts = entry.split(QLatin1Char('\n'));
    if (parts.size() != 3) return false;
    oldPath = parts[0];
    newPath = parts[1];
    stable = parts[2] == QLatin1String("1");
    return !newPath.isEmpty();
}

namespace {

QWidget* pathRow(QLineEdit* edit, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QToolButton(row);
    browse->setText(QObject::tr("Browse…"));
    browse->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(browse);
    menu->addAction(QObject::tr("File (vmlinux, .ko, .o)…"), [edit, row] {
        const QString path = QFileDialog::getOpenFileName(row, QObject::tr("Choose a build"), edit->text());
        if (!path.isEmpty()) edit->setText(path);
    });
    menu->addAction(QObject::tr("Directory (a vmlinux and/or modules)…"), [edit, row] {
        const QString path = QFileDialog::getExistingDirectory(row, QObject::tr("Choose a build directory"), edit->text());
        if (!path.isEmpty()) edit->setText(path);
    });
    browse->setMenu(menu);
    layout->addWidget(browse);
    return row;
}

}  // namespace

OpenDialog::OpenDialog(const QStringList& recentPairs, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Open builds"));
    old_ = new QLineEdit(this);
    old_->setPlaceholderText(tr("optional: the build to compare against"));
    new_ = new QLineEdit(this);
    new_->setPlaceholderText(tr("vmlinux, module.ko, object.o or a directory"));
    stable_ = new QCheckBox(tr("Apply kABI stability rules (--stable)"), this);
    recent_ = new QComboBox(this);
    recent_->addItem(tr("Recent pairs…"));
    for (const QString& entry : recentPairs) {
        QString o, n;
        bool s = false;
        if (decodeRecentPair(entry, o, n, s))
            recent_->addItem((o.isEmpty() ? n : o + QStringLiteral("  →  ") + n) + (s ? tr("  (stable)") : QString()), entry);
    }
    connect(recent_, &QComboBox::activated, this, [this](int index) {
        QString o, n;
        bool s = false;
        if (index > 0 && decodeRecentPair(recent_->itemData(index).toString(), o, n, s)) {
            old_->setText(o);
            new_->setText(n);
            stable_->setChecked(s);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(recent_);
    form->addRow(tr("Old build:"), pathRow(old_, this));
    form->addRow(tr("New build:"), pathRow(new_, this));
    form->addRow(stable_);
    form->addRow(buttons);
    resize(640, sizeHint().height());
}

QString OpenDialog::oldPath() const { return old_->text().trimmed(); }
QString OpenDialog::newPath() const { return new_->text().trimmed(); }
bool OpenDialog::stable() const { return stable_->isChecked(); }

}  // namespace kabiscope::ui
