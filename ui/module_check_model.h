// ModuleCheckModel: check-modules verdicts as a tree, one row per module (its verdict, how many
// imports, which version table), its problems and warnings as child rows coloured by verdict.
#pragma once

#include <QAbstractItemModel>

#include <vector>

#include "modules/module_check.h"

namespace kabiscope::ui {

class ModuleCheckModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        ModuleColumn,
        VerdictColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        SymbolRole = Qt::UserRole + 1,
        LoadsRole
    };  // an import row's symbol; a module's verdict

    explicit ModuleCheckModel(QObject* parent = nullptr);
    void setVerdicts(std::vector<ModuleVerdict> verdicts);
    const std::vector<ModuleVerdict>& verdicts() const { return verdicts_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // A module row's internal id is 0; an import row's is its module's row + 1. Problems come
    // first, then warnings.
    const ModuleProblem* problemAt(const ModuleVerdict& verdict, int row, bool* stopsLoad) const;
    std::vector<ModuleVerdict> verdicts_;
};

}  // namespace kabiscope::ui
