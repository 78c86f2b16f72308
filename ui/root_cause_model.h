// RootCauseModel: the root causes of a Session, ranked, each with what was folded under it
// (later members' offsets, sizes, moves in types that embed it) as its child rows, and whether
// the review waived it (ui/review.h), and, once proven, the fix that would keep its old CRCs.
#pragma once

#include <QAbstractItemModel>

#include "diff/fix_suggestions.h"
#include "ui/review.h"
#include "ui/session.h"

namespace kabiscope::ui {

class RootCauseModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        SymbolsColumn,
        ReviewColumn,
        FixColumn,
        TypeColumn,
        ChangeColumn,
        ColumnCount
    };
    // The cause's id; on a folded row, the id of the cause it is folded under.
    enum Role {
        CauseIdRole = Qt::UserRole + 1,
        FoldedRole,
        WaivedRole
    };

    explicit RootCauseModel(QObject* parent = nullptr);

    void setSession(SessionPtr session);
    // The review whose waivers the Review column shows; its changes repaint the column.
    void setReview(const Review* review);
    // Fix suggestions, one per cause (diff/fix_suggestions.h); null: not computed (the Fix column is empty).
    void setFixes(const std::vector<FixSuggestion>* fixes);
    const FixSuggestion* fixOf(int causeId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // A top-level row's internal id is 0; a folded row's is its cause's row + 1.
    const Cause* causeOf(const QModelIndex& index) const;
    QVariant causeData(const Cause& cause, int column, int role) const;
    QVariant foldedData(const Cause& cause, const Cause::Folded& folded, int column, int role) const;

    SessionPtr session_;
    const Review* review_ = nullptr;
    const std::vector<FixSuggestion>* fixes_ = nullptr;
};

}  // namespace kabiscope::ui
