#include "ui/symbol_table_model.h"

#include <QFileInfo>
#include <QFont>

#include "output/writers.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

SymbolTableModel::SymbolTableModel(QObject* parent) : SessionTableModel(parent) {}

QVariant SymbolTableModel::data(const QModelIndex& index, int role) const {
    if (!cell(index)) return {};
    const size_t row = size_t(index.row());
    const SymbolDiff& symbol = session_->diff.symbols[row];
    const SymbolVersion* version = session_->anySymbol(row);
    const Mark mark = markFor(symbol.status);
    auto crc = [](const std::optional<uint32_t>& value) {
        return value ? QString::fromStdString(formatCrc(*value)) : QStringLiteral("—");
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn: return markName(mark);
        case NameColumn: return QString::fromStdString(symbol.name);
        case OldCrcColumn: return session_->single() ? QString() : crc(symbol.oldCrc);
        case NewCrcColumn: return crc(symbol.newCrc);
        case CausesColumn: return symbol.causes.empty() ? QVariant() : QVariant(int(symbol.causes.size()));
        case ModuleColumn: return QString::fromStdString(symbol.module);  // as Module.symvers names it
        case NamespaceColumn: return version ? QString::fromStdString(version->info.nameSpace) : QString();
        case ExportColumn: return version ? QString::fromStdString(version->info.exportType) : QString();
        }
        break;
    case SortRole:
        switch (index.column()) {
        case StatusColumn: {
            // Descending order puts what needs attention first: changed, added, removed, unchanged.
            switch (symbol.status) {
            case SymbolStatus::Changed: return 3;
            case SymbolStatus::Added: return 2;
            case SymbolStatus::Removed: return 1;
            case SymbolStatus::Unchanged: return 0;
            }
            return 0;
        }
        case OldCrcColumn: return symbol.oldCrc ? qlonglong(*symbol.oldCrc) : -1;
        case NewCrcColumn: return symbol.newCrc ? qlonglong(*symbol.newCrc) : -1;
        case CausesColumn: return int(symbol.causes.size());
        default: return data(index, Qt::DisplayRole);
        }
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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case NameColumn: return tr("Symbol");
    case OldCrcColumn: return tr("Old CRC");
    case NewCrcColumn: return session_ && session_->single() ? tr("CRC") : tr("New CRC");
    case CausesColumn: return tr("Causes");
    case ModuleColumn: return tr("Module");
    case NamespaceColumn: return tr("Namespace");
    case ExportColumn: return tr("Export");
    }
    return {};
}

}  // namespace kabiscope::ui
