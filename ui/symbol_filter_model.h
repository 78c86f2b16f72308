// SymbolFilterModel: the symbol list as the user narrows and orders it, in Qt's proxy form; the
// rules (text, statuses, module, each column's order) are the core's explore/symbol_query.h,
// shared with the terminal explorer.
#pragma once

#include <QSortFilterProxyModel>

#include "explore/symbol_query.h"

namespace kabiscope::ui {

class SymbolFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SymbolFilterModel(QObject* parent = nullptr);

    void setText(const QString& text, bool regularExpression);
    void setStatusVisible(int status, bool visible);
    bool statusVisible(int status) const { return query_.statusVisible(SymbolStatus(status)); }
    void setModule(const QString& module);  // empty: all
    bool textValid() const { return query_.textValid(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    const ExploreSession* session() const;
    SymbolQuery query_;
};

}  // namespace kabiscope::ui
