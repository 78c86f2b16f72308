#include "ui/symbol_filter_model.h"

#include "ui/symbol_table_model.h"

namespace kabiscope::ui {

SymbolFilterModel::SymbolFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

const ExploreSession* SymbolFilterModel::session() const {
    const auto* table = qobject_cast<const SymbolTableModel*>(sourceModel());
    return table ? table->session().get() : nullptr;
}

void SymbolFilterModel::setText(const QString& text, bool regularExpression) {
    query_.setText(text.toStdString(), regularExpression);
    invalidateRowsFilter();
}

void SymbolFilterModel::setStatusVisible(int status, bool visible) {
    query_.setStatusVisible(SymbolStatus(status), visible);
    invalidateRowsFilter();
}

void SymbolFilterModel::setModule(const QString& module) {
    query_.setModule(module.toStdString());
    invalidateRowsFilter();
}

bool SymbolFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const ExploreSession* current = session();
    return current && size_t(sourceRow) < current->diff.symbols.size() && query_.accepts(*current, size_t(sourceRow));
}

bool SymbolFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const ExploreSession* current = session();
    if (!current) return false;
    return symbolLess(*current, size_t(left.row()), size_t(right.row()), SymbolColumn(left.column()));
}

}  // namespace kabiscope::ui
