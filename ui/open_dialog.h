// OpenDialog: choose one or two builds (vmlinux, .ko, .o or a directory), --stable, or a
// recently opened pair.
#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace kabiscope::ui {

class OpenDialog : public QDialog {
    Q_OBJECT
public:
    OpenDialog(const QStringList& recentPairs, QWidget* parent = nullptr);
    QString oldPath() const;
    QString newPath() const;
    bool stable() const;

private:
    QLineEdit* old_;
    QLineEdit* new_;
    QCheckBox* stable_;
    QComboBox* recent_;
};

// A recent pair is stored as "old\nnew\nstable(0|1)".
QString encodeRecentPair(const QString& oldPath, const QString& newPath, bool stable);
bool decodeRecentPair(const QString& entry, QString& oldPath, QString& newPath, bool& stable);

}  // namespace kabiscope::ui
