// SymbolFilterModel: the symbol list as the user narrows it — text (substring, or a regular
// expression), statuses and module — and sorted by any column's raw value.
#pragma once

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>

namespace kabiscope::ui {

class SymbolFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SymbolFilterModel(QObject* parent = nullptr);

    void setText(const QString& text, bool regularExpression);
    void setStatusVisible(int status, bool visible);
    bool statusVisible(int status) const { return !hiddenStatuses_.contains(status); }
    void setModule(const QString& module);  // empty: all
    bool textValid() const { return textValid_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString text_;
    QRegularExpression expression_;
    bool useExpression_ = false;
    bool textValid_ = true;
    QSet<int> hiddenStatuses_;
    QString module_;
};

}  // namespace kabiscope::ui
