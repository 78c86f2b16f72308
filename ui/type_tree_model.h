// TypeTreeModel: the selected symbol's expanded type tree, old and new side by side.
//
// A thin Qt adapter over core's AlignedTree (built lazily as rows are expanded). Columns: the
// node, its old and new description, offset, size, and layout notes (holes, cachelines).
// Change sites carry a status icon and tint by kind; rows leading to them are marked too, so a
// collapsed tree still shows where to look.
#pragma once

#include <QAbstractItemModel>

#include <memory>

#include "explore/aligned_tree.h"
#include "ui/session.h"

namespace kabiscope::ui {

class TypeTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        OldColumn,
        NewColumn,
        OffsetColumn,
        SizeColumn,
        LayoutColumn,
        ColumnCount
    };
    enum Role {
        ChangeSiteRole = Qt::UserRole + 1,
        OnPathRole,
        TreeRowRole,
        KeyRole
    };

    explicit TypeTreeModel(QObject* parent = nullptr);
    // Shows symbol `symbolIndex` of `session` (-1: nothing).
    void setSymbol(SessionPtr session, int symbolIndex);
    int symbolIndex() const { return symbolIndex_; }
    AlignedTree* tree() const { return tree_.get(); }

    QModelIndex indexForRow(int treeRow, int column = 0) const;
    int treeRow(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    SessionPtr session_;
    int symbolIndex_ = -1;
    std::unique_ptr<AlignedTree> tree_;  // mutable behind const methods: children are built on demand
};

}  // namespace kabiscope::ui
