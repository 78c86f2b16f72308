#include "ui/root_cause_model.h"

#include "diff/report_writers.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

RootCauseModel::RootCauseModel(QObject* parent) : SessionTableModel(parent) {}

QVariant RootCauseModel::data(const QModelIndex& index, int role) const {
    if (!cell(index)) return {};
    const Cause& cause = session_->diff.causes[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn: return int(cause.id);
        case SymbolsColumn: return int(cause.symbols.size());
        case TypeColumn: return QString::fromStdString(describeRecordName(cause.type));
        case ChangeColumn:
            return QString::fromStdString(cause.node.empty() ? cause.description : cause.node + ": " + cause.description);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ChangeColumn) return markIcon(markFor(cause.kind));
        break;
    case Qt::ToolTipRole:
        return QString::fromStdString("old: " + cause.oldRendering + "\nnew: " + cause.newRendering);
    case Qt::TextAlignmentRole:
        if (index.column() <= SymbolsColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CauseIdRole: return int(cause.id);
    }
    return {};
}

QVariant RootCauseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn: return tr("#");
    case SymbolsColumn: return tr("Symbols");
    case TypeColumn: return tr("Type");
    case ChangeColumn: return tr("Change");
    }
    return {};
}

}  // namespace kabiscope::ui
