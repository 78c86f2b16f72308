// WrappingDelegate: word-wrapped cells in a QTreeView whose rows grow to fit.
//
// QTreeView asks for row heights without a cell width (QTreeView::indexRowSizeHint passes a
// rect of width -1), so wrapped text is measured as one line and cut. This delegate measures a
// cell at its column's width, less the indentation of its depth in the tree's first column.
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace kabiscope::ui {

class WrappingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit WrappingDelegate(QTreeView* view);
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QTreeView* view_;
};

}  // namespace kabiscope::ui
