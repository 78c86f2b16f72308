#include "ui/symbol_filter_model.h"

#include "ui/symbol_table_model.h"

namespace kabiscope::ui {

SymbolFilterModel::SymbolFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(SymbolTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseSensitive);
}

void SymbolFilterModel::setText(const QString& text, bool regularExpression) {
    text_ = text;
    useExpression_ = regularExpression;
    if (regularExpression) {
        expression_ = QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
        textValid_ = expression_.isValid();
    } else {
        textValid_ = true;
    }
    invalidateRowsFilter();
}

void SymbolFilterModel::setStatusVisible(int status, bool visible) {
    if (visible)
        hiddenStatuses_.remove(status);
    else
        hiddenStatuses_.insert(status);
    invalidateRowsFilter();
}

void SymbolFilterModel::setModule(const QString& module) {
    module_ = module;
    invalidateRowsFilter();
}

bool SymbolFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, SymbolTableModel::NameColumn, sourceParent);
    if (!hiddenStatuses_.isEmpty() && hiddenStatuses_.contains(index.data(SymbolTableModel::StatusRole).toInt()))
        return false;
    if (!module_.isEmpty() && index.data(SymbolTableModel::ModuleRole).toString() != module_) return false;
    if (text_.isEmpty()) return true;
    const QString name = index.data(Qt::DisplayRole).toString();
    if (useExpression_) return textValid_ && expression_.match(name).hasMatch();
    return name.contains(text_, Qt::CaseInsensitive);
}

}  // namespace kabiscope::ui
