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
        case ChangeColumn: return QString::fromStdString(cause.changeText());  // with what was folded under it
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ChangeColumn) return markIcon(markFor(cause.kind));
        break;
    case Qt::ToolTipRole: {  // short: the cause, then what is folded under it (the details pane has the types)
        QString tip = QString::fromStdString(cause.title());
        if (tip.size() > 140) tip = tip.left(139) + QChar(0x2026);
        constexpr size_t kShown = 8;
        if (!cause.folded.empty()) tip += tr("\nFolded under it:");
        for (size_t i = 0; i < cause.folded.size() && i < kShown; ++i)
            tip += QStringLiteral("\n  ") + QString::fromStdString(cause.folded[i].node.empty() ? cause.folded[i].description
                                                                                             : cause.folded[i].node + ": " + cause.folded[i].description);
        if (cause.folded.size() > kShown) tip += tr("\n  … and %1 more").arg(cause.folded.size() - kShown);
        return tip;
    }
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
