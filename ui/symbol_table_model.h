// SymbolTableModel: every exported symbol of a Session, one row each, read straight from the
// session's diff (no copies per row). Raw values for sorting come through SortRole.
#pragma once

#include "ui/session_table_model.h"

namespace kabiscope::ui {

class SymbolTableModel : public SessionTableModel {
    Q_OBJECT
public:
    enum Column { StatusColumn, NameColumn, OldCrcColumn, NewCrcColumn, CausesColumn, ModuleColumn, NamespaceColumn,
                  ExportColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, StatusRole, ModuleRole, SymbolIndexRole };

    explicit SymbolTableModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    size_t rowsIn(const Session& session) const override { return session.diff.symbols.size(); }
    int columns() const override { return ColumnCount; }
};

}  // namespace kabiscope::ui
