#include "ui/module_check_model.h"

#include <QBrush>
#include <QFileInfo>

#include "ui/status_style.h"

namespace kabiscope::ui {

ModuleCheckModel::ModuleCheckModel(QObject* parent) : QAbstractItemModel(parent) {}

void ModuleCheckModel::setVerdicts(std::vector<ModuleVerdict> verdicts) {
    beginResetModel();
    verdicts_ = std::move(verdicts);
    endResetModel();
}

QModelIndex ModuleCheckModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) + 1 : quintptr(0));
}

QModelIndex ModuleCheckModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ModuleCheckModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(verdicts_.size());
    if (parent.internalId() != 0 || parent.column() != 0) return 0;
    const ModuleVerdict& v = verdicts_[size_t(parent.row())];
    return int(v.problems.size() + v.warnings.size());
}

int ModuleCheckModel::columnCount(const QModelIndex&) const { return ColumnCount; }

const ModuleProblem* ModuleCheckModel::problemAt(const ModuleVerdict& verdict, int row, bool* stopsLoad) const {
    const auto r = size_t(row);
    *stopsLoad = r < verdict.problems.size();
    if (*stopsLoad) return &verdict.problems[r];
    return r - verdict.problems.size() < verdict.warnings.size() ? &verdict.warnings[r - verdict.problems.size()] : nullptr;
}

QVariant ModuleCheckModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (index.internalId() == 0) {
        const ModuleVerdict& v = verdicts_[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case ModuleColumn: return QFileInfo(QString::fromStdString(v.module.path)).fileName();
            case VerdictColumn: return v.loads ? tr("loads") : tr("does not load");
            case DetailColumn:
                return tr("%1 imports, %2; %3 problem(s), %4 warning(s)")
                    .arg(v.checked)
                    .arg(QString::fromUtf8(versionTableName(v.module.table)))
                    .arg(v.problems.size())
                    .arg(v.warnings.size());
            }
            break;
        case Qt::DecorationRole:
            if (index.column() == VerdictColumn) return markIcon(v.loads ? Mark::Added : Mark::Removed);
            break;
        case Qt::ForegroundRole:
            if (index.column() == VerdictColumn) return QBrush(markColor(v.loads ? Mark::Added : Mark::Removed));
            break;
        case Qt::ToolTipRole: return QString::fromStdString(v.module.path);
        case LoadsRole: return v.loads;
        }
        return {};
    }
    const ModuleVerdict& v = verdicts_[size_t(index.internalId() - 1)];
    bool stops = false;
    const ModuleProblem* p = problemAt(v, index.row(), &stops);
    if (!p) return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModuleColumn: return p->symbol.empty() ? tr("(the module)") : QString::fromStdString(p->symbol);
        case VerdictColumn: return QString::fromUtf8(importProblemName(p->kind));
        case DetailColumn: return QString::fromStdString(p->detail);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == VerdictColumn) return markIcon(stops ? Mark::Removed : Mark::Changed);
        break;
    case Qt::ForegroundRole: return QBrush(markColor(stops ? Mark::Removed : Mark::Changed));
    case Qt::ToolTipRole:
        return p->kind == ImportProblem::CrcMismatch ? tr("Double-click to open %1 in the builds' diff").arg(QString::fromStdString(p->symbol))
                                                     : QString::fromStdString(p->detail);
    case SymbolRole: return QString::fromStdString(p->symbol);
    }
    return {};
}

QVariant ModuleCheckModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case ModuleColumn: return tr("Module / import");
    case VerdictColumn: return tr("Verdict");
    case DetailColumn: return tr("Detail");
    }
    return {};
}

}  // namespace kabiscope::ui
