// RootCauseModel: the changed type nodes of a Session, ranked by how many symbols they affect.
#pragma once

#include "ui/session_table_model.h"

namespace kabiscope::ui {

class RootCauseModel : public SessionTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, SymbolsColumn, TypeColumn, ChangeColumn, ColumnCount };
    enum Role { CauseIdRole = Qt::UserRole + 1 };

    explicit RootCauseModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    size_t rowsIn(const Session& session) const override { return session.diff.causes.size(); }
    int columns() const override { return ColumnCount; }
};

}  // namespace kabiscope::ui
