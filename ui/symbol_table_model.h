// SymbolTableModel: every exported symbol of a Session, one row each, read straight from the
// session's diff (no copies per row). Cell texts are explore/cell_texts.h's; filtering and
// sorting are explore/symbol_query.h's (SymbolFilterModel).
#pragma once

#include "ui/session_table_model.h"

namespace kabiscope::ui {

class SymbolTableModel : public SessionTableModel {
    Q_OBJECT
public:
    // In explore/cell_texts.h's SymbolColumn order.
    enum Column {
        StatusColumn,
        NameColumn,
        OldCrcColumn,
        NewCrcColumn,
        CausesColumn,
        ModuleColumn,
        NamespaceColumn,
        ExportColumn,
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1,
        ModuleRole,
        SymbolIndexRole
    };

    explicit SymbolTableModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    size_t rowsIn(const Session& session) const override { return session.diff.symbols.size(); }
    int columns() const override { return ColumnCount; }
};

}  // namespace kabiscope::ui
