#include "ui/root_cause_model.h"

#include <QBrush>

#include "diff/report_writers.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

RootCauseModel::RootCauseModel(QObject* parent) : QAbstractItemModel(parent) {}

void RootCauseModel::setSession(SessionPtr session) {
    beginResetModel();
    session_ = std::move(session);
    endResetModel();
}

void RootCauseModel::setReview(const Review* review) {
    review_ = review;
    connect(review, &Review::changed, this, [this] {
        if (rowCount() > 0) Q_EMIT dataChanged(index(0, ReviewColumn), index(rowCount() - 1, ReviewColumn));
    });
}

void RootCauseModel::setFixes(const std::vector<FixSuggestion>* fixes) {
    fixes_ = fixes;
    if (rowCount() > 0) Q_EMIT dataChanged(index(0, FixColumn), index(rowCount() - 1, FixColumn));
}

const FixSuggestion* RootCauseModel::fixOf(int causeId) const {
    if (!fixes_ || causeId <= 0 || size_t(causeId) > fixes_->size()) return nullptr;
    return &(*fixes_)[size_t(causeId - 1)];
}

QModelIndex RootCauseModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) + 1 : quintptr(0));
}

QModelIndex RootCauseModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int RootCauseModel::rowCount(const QModelIndex& parent) const {
    if (!session_) return 0;
    if (!parent.isValid()) return int(session_->diff.causes.size());
    if (parent.internalId() != 0 || parent.column() != 0) return 0;  // folded rows have no children
    return int(session_->diff.causes[size_t(parent.row())].folded.size());
}

int RootCauseModel::columnCount(const QModelIndex&) const { return ColumnCount; }

const Cause* RootCauseModel::causeOf(const QModelIndex& index) const {
    if (!index.isValid() || !session_) return nullptr;
    const size_t row = index.internalId() == 0 ? size_t(index.row()) : size_t(index.internalId() - 1);
    return row < session_->diff.causes.size() ? &session_->diff.causes[row] : nullptr;
}

QVariant RootCauseModel::data(const QModelIndex& index, int role) const {
    const Cause* cause = causeOf(index);
    if (!cause) return {};
    if (role == CauseIdRole) return int(cause->id);
    if (role == FoldedRole) return index.internalId() != 0;
    if (role == WaivedRole) return review_ && !review_->waiverOf(int(cause->id)).isEmpty();
    if (index.internalId() == 0) return causeData(*cause, index.column(), role);
    if (size_t(index.row()) >= cause->folded.size()) return {};
    return foldedData(*cause, cause->folded[size_t(index.row())], index.column(), role);
}

QVariant RootCauseModel::causeData(const Cause& cause, int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case RankColumn: return int(cause.id);
        case SymbolsColumn: return int(cause.symbols.size());
        case ReviewColumn:
            if (!review_ || !review_->signOff()) return QString();
            return review_->waiverOf(int(cause.id)).isEmpty() ? tr("open") : tr("\u2713 waived");
        case FixColumn: {
            const FixSuggestion* fix = fixOf(int(cause.id));
            if (!fix) return QString();
            return !fix->exists ? tr("none") : fix->safe ? (fix->verified ? tr("safe \u2713") : tr("safe ?"))
                                                         : tr("unsafe");
        }
        case TypeColumn: return QString::fromStdString(describeRecordName(cause.type));
        case ChangeColumn: return QString::fromStdString(cause.changeText());  // with the folded summary
        }
        break;
    case Qt::DecorationRole:
        if (column == ChangeColumn) return markIcon(markFor(cause.kind));
        break;
    case Qt::ForegroundRole:
        if (column == ReviewColumn && review_ && !review_->waiverOf(int(cause.id)).isEmpty()) return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (column == FixColumn)
            if (const FixSuggestion* fix = fixOf(int(cause.id)); fix && fix->exists)
                return QBrush(markColor(fix->safe ? Mark::Added : Mark::Removed));
        break;
    case Qt::ToolTipRole: {
        if (column == FixColumn)
            if (const FixSuggestion* fix = fixOf(int(cause.id)))
                return QString::fromStdString(fixVerdict(*fix) + (fix->text.empty() ? "" : "\n" + fix->text) + "\n" + fix->why);
        if (column == ReviewColumn && review_) {
            const QString waiver = review_->waiverOf(int(cause.id));
            return waiver.isEmpty() ? tr("Not waived: Review > Waive cause… accepts it with a reason") : tr("Waived by %1").arg(waiver);
        }
        QString tip = QString::fromStdString(cause.title());
        if (tip.size() > 140) tip = tip.left(139) + QChar(0x2026);
        if (!cause.folded.empty())
            tip += tr("\n%n change(s) follow from it: expand the row to see them", nullptr, int(cause.folded.size()));
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column <= SymbolsColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant RootCauseModel::foldedData(const Cause& cause, const Cause::Folded& folded, int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TypeColumn:  // the type only where it is not the cause's own
            return folded.type.empty() ? QString() : QString::fromStdString(describeRecordName(folded.type));
        case ChangeColumn:
            return QString::fromStdString(folded.node.empty() ? folded.description : folded.node + ": " + folded.description);
        }
        break;
    case Qt::ForegroundRole: return QBrush(QColor(0x55, 0x55, 0x55));  // consequences read quieter
    case Qt::ToolTipRole:
        return tr("Follows from #%1 (%2); not a cause of its own")
            .arg(cause.id)
            .arg(QString::fromStdString(cause.node.empty() ? cause.type : cause.node));
    }
    return {};
}

QVariant RootCauseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn: return tr("#");
    case SymbolsColumn: return tr("Symbols");
    case ReviewColumn: return tr("Review");
    case FixColumn: return tr("Fix");
    case TypeColumn: return tr("Type");
    case ChangeColumn: return tr("Change");
    }
    return {};
}

}  // namespace kabiscope::ui
