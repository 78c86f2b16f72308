#include "ui/symbol_table_model.h"

#include <QFont>

#include "explore/cell_texts.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

SymbolTableModel::SymbolTableModel(QObject* parent) : SessionTableModel(parent) {}

QVariant SymbolTableModel::data(const QModelIndex& index, int role) const {
    if (!cell(index)) return {};
    const size_t row = size_t(index.row());
    const SymbolDiff& symbol = session_->diff.symbols[row];
    const Mark mark = markFor(symbol.status);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CausesColumn)  // a number, so that it lines up
            return symbol.causes.empty() ? QVariant() : QVariant(int(symbol.causes.size()));
        return QString::fromStdString(symbolCell(*session_, row, SymbolColumn(index.column())));
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) return markIcon(mark);
        break;
    case Qt::BackgroundRole:
        if (mark != Mark::None) return markBackground(mark);
        break;
    case Qt::FontRole:
        if (index.column() == OldCrcColumn || index.column() == NewCrcColumn) {
            QFont font(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        if (symbol.status == SymbolStatus::Changed && !symbol.causes.empty()) {
            // Short: the first few causes, each cut to a line; the details pane has the rest.
            constexpr size_t kShown = 5;
            constexpr int kWidth = 110;
            QString tip = QString::fromStdString(symbol.name) + QStringLiteral(": modversion changed because of:");
            for (size_t i = 0; i < symbol.causes.size() && i < kShown; ++i) {
                QString line = QStringLiteral("#%1 ").arg(symbol.causes[i]) +
                               QString::fromStdString(session_->diff.causes[symbol.causes[i] - 1].title());
                if (line.size() > kWidth) line = line.left(kWidth - 1) + QChar(0x2026);
                tip += QLatin1Char('\n') + line;
            }
            if (symbol.causes.size() > kShown) tip += tr("\n… and %1 more").arg(symbol.causes.size() - kShown);
            return tip;
        }
        break;
    case StatusRole: return int(symbol.status);
    case ModuleRole: return QString::fromStdString(symbol.module);
    case SymbolIndexRole: return index.row();
    }
    return {};
}

QVariant SymbolTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    return QString::fromStdString(symbolColumnTitle(SymbolColumn(section), session_ && session_->single()));
}

}  // namespace kabiscope::ui
