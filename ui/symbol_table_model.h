// SymbolTableModel: every exported symbol of a Session, one row each, read straight from the
// session's diff (no copies per row). Raw values for sorting come through SortRole.
#pragma once

#include <QAbstractTableModel>

#include "ui/session.h"

namespace kabiscope::ui {

class SymbolTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StatusColumn, NameColumn, OldCrcColumn, NewCrcColumn, CausesColumn, ModuleColumn, NamespaceColumn,
                  ExportColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, StatusRole, ModuleRole, SymbolIndexRole };

    explicit SymbolTableModel(QObject* parent = nullptr);
    void setSession(SessionPtr session);
    const SessionPtr& session() const { return session_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    SessionPtr session_;
};

}  // namespace kabiscope::ui
