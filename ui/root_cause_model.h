// RootCauseModel: the changed type nodes of a Session, ranked by how many symbols they affect.
#pragma once

#include <QAbstractTableModel>

#include "ui/session.h"

namespace kabiscope::ui {

class RootCauseModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, SymbolsColumn, TypeColumn, ChangeColumn, ColumnCount };
    enum Role { CauseIdRole = Qt::UserRole + 1 };

    explicit RootCauseModel(QObject* parent = nullptr);
    void setSession(SessionPtr session);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    SessionPtr session_;
};

}  // namespace kabiscope::ui
