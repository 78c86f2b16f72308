// SessionTableModel: the bookkeeping every flat table over a Session shares — holding the
// snapshot, resetting on a new one, and counting rows and columns. Subclasses say how many rows
// a session has and what each cell shows.
#pragma once

#include <QAbstractTableModel>

#include "ui/session.h"

namespace kabiscope::ui {

class SessionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setSession(SessionPtr session) {
        beginResetModel();
        session_ = std::move(session);
        endResetModel();
    }
    const SessionPtr& session() const { return session_; }

    int rowCount(const QModelIndex& parent = {}) const final {
        return parent.isValid() || !session_ ? 0 : int(rowsIn(*session_));
    }
    int columnCount(const QModelIndex& parent = {}) const final { return parent.isValid() ? 0 : columns(); }

protected:
    virtual size_t rowsIn(const Session& session) const = 0;
    virtual int columns() const = 0;
    // The session and row for a cell, or null when the index is not one of this model's cells.
    const Session* cell(const QModelIndex& index) const {
        return index.isValid() && session_ && index.row() < rowCount() ? session_.get() : nullptr;
    }

    SessionPtr session_;
};

}  // namespace kabiscope::ui
