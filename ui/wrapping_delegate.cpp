#include "ui/wrapping_delegate.h"

#include <QHeaderView>
#include <QTreeView>

namespace kabiscope::ui {

WrappingDelegate::WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    if (option.rect.width() > 0) return QStyledItemDelegate::sizeHint(option, index);
    int width = view_->header()->sectionSize(index.column());
    if (view_->header()->visualIndex(index.column()) == 0) {
        int depth = view_->rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) ++depth;
        width -= depth * view_->indentation();
    }
    QStyleOptionViewItem measured(option);
    measured.rect = QRect(0, 0, std::max(width, 20), option.fontMetrics.height());
    return QStyledItemDelegate::sizeHint(measured, index);
}

}  // namespace kabiscope::ui
