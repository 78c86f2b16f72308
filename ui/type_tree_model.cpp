#include "ui/type_tree_model.h"

#include <QFont>

#include "explore/cell_texts.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

TypeTreeModel::TypeTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void TypeTreeModel::setSymbol(SessionPtr session, int symbolIndex) {
    beginResetModel();
    session_ = std::move(session);
    symbolIndex_ = symbolIndex;
    tree_.reset();
    if (session_ && symbolIndex >= 0 && size_t(symbolIndex) < session_->diff.symbols.size()) {
        const auto& sides = session_->sides[size_t(symbolIndex)];
        const SymbolDiff& diff = session_->diff.symbols[size_t(symbolIndex)];
        tree_ = std::make_unique<AlignedTree>(TreeSide{sides.before.file, sides.before.symbol},
                                              TreeSide{sides.after.file, sides.after.symbol}, &session_->diff, &diff);
    }
    endResetModel();
}

int TypeTreeModel::treeRow(const QModelIndex& index) const { return index.isValid() ? int(index.internalId()) : -1; }

QModelIndex TypeTreeModel::indexForRow(int treeRow, int column) const {
    if (!tree_ || treeRow < 0) return {};
    const AlignedRow& row = tree_->row(treeRow);
    if (row.parent < 0) return createIndex(0, column, quintptr(treeRow));
    const auto& siblings = tree_->children(row.parent);
    const auto it = std::find(siblings.begin(), siblings.end(), treeRow);
    return createIndex(int(it - siblings.begin()), column, quintptr(treeRow));
}

QModelIndex TypeTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!tree_ || row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) return row == 0 ? createIndex(0, column, quintptr(tree_->root())) : QModelIndex();
    if (parent.column() != 0) return {};
    const auto& children = tree_->children(treeRow(parent));
    if (size_t(row) >= children.size()) return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex TypeTreeModel::parent(const QModelIndex& child) const {
    if (!tree_ || !child.isValid()) return {};
    const int parentRow = tree_->row(treeRow(child)).parent;
    if (parentRow < 0) return {};
    return indexForRow(parentRow, 0);
}

int TypeTreeModel::rowCount(const QModelIndex& parent) const {
    if (!tree_) return 0;
    if (!parent.isValid()) return 1;
    if (parent.column() != 0) return 0;
    return int(tree_->children(treeRow(parent)).size());
}

bool TypeTreeModel::hasChildren(const QModelIndex& parent) const {
    if (!tree_) return false;
    if (!parent.isValid()) return true;
    if (parent.column() != 0) return false;
    return tree_->hasChildren(treeRow(parent));
}

int TypeTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant TypeTreeModel::data(const QModelIndex& index, int role) const {
    if (!tree_ || !index.isValid()) return {};
    const AlignedRow& row = tree_->row(treeRow(index));
    const bool single = session_ && session_->single();
    const Mark mark = markFor(row, session_->diff, single);
    switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(treeCell(row, TreeColumn(index.column()), single));
    case Qt::DecorationRole:
        if (index.column() == NodeColumn && mark != Mark::None) return markIcon(mark);
        break;
    case Qt::BackgroundRole:
        if (mark != Mark::None && mark != Mark::OnPath) return markBackground(mark);
        break;
    case Qt::ForegroundRole:
        if (row.kind == AlignedRow::Kind::Cycle) return QColor(0x33, 0x66, 0xcc);
        if (index.column() == OldColumn && !single && row.inOld && row.inNew && row.oldText != row.newText)
            return markColor(Mark::Removed);
        if (index.column() == NewColumn && !single && row.inOld && row.inNew && row.oldText != row.newText)
            return markColor(Mark::Added);
        break;
    case Qt::FontRole:
        if (row.changeSite || (row.onPath && index.column() == NodeColumn)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = QString::fromStdString(row.label);
        if (row.changeSite)
            for (uint32_t id : row.causes) {
                QString line = QStringLiteral("#%1 ").arg(id) + QString::fromStdString(session_->diff.causes[id - 1].description);
                if (line.size() > 110) line = line.left(109) + QChar(0x2026);  // tooltips stay short
                tip += QLatin1Char('\n') + line;
            }
        else if (row.onPath && !single)
            tip += tr("\nleads to a change");
        return tip;
    }
    case ChangeSiteRole: return row.changeSite;
    case OnPathRole: return row.onPath;
    case TreeRowRole: return treeRow(index);
    case KeyRole: return QString::fromStdString(row.key);
    }
    return {};
}

QVariant TypeTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    return QString::fromStdString(treeColumnTitle(TreeColumn(section), session_ && session_->single()));
}

}  // namespace kabiscope::ui
