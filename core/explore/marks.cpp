#include "explore/marks.h"

namespace kabiscope {

Mark markFor(SymbolStatus status) {
    switch (status) {
    case SymbolStatus::Changed: return Mark::Changed;
    case SymbolStatus::Added: return Mark::Added;
    case SymbolStatus::Removed: return Mark::Removed;
    case SymbolStatus::Unchanged: break;
    }
    return Mark::None;
}

Mark markFor(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added: return Mark::Added;
    case ChangeKind::Removed: return Mark::Removed;
    default: return Mark::Changed;
    }
}

Mark markFor(const AlignedRow& row, const DiffResult& diff, bool single) {
    if (row.changeSite) {
        if (!row.inOld && row.inNew) return Mark::Added;
        if (row.inOld && !row.inNew) return Mark::Removed;
        if (!row.causes.empty()) {
            const ChangeKind kind = diff.causes[row.causes.front() - 1].kind;
            if (kind == ChangeKind::Added) return Mark::Added;
            if (kind == ChangeKind::Removed) return Mark::Removed;
        }
        return Mark::Changed;
    }
    if (single) return Mark::None;
    if (row.inOld != row.inNew) return row.inNew ? Mark::Added : Mark::Removed;
    if (row.onPath) return Mark::OnPath;
    return Mark::None;
}

std::string_view markName(Mark mark) {
    switch (mark) {
    case Mark::Changed: return "changed";
    case Mark::Added: return "added";
    case Mark::Removed: return "removed";
    case Mark::OnPath: return "leads to a change";
    case Mark::None: break;
    }
    return "unchanged";
}

std::string_view markGlyph(Mark mark, bool ascii) {
    switch (mark) {
    case Mark::Changed: return "~";
    case Mark::Added: return "+";
    case Mark::Removed: return ascii ? "-" : "\u2212";
    case Mark::OnPath: return ascii ? ">" : "\u203a";
    case Mark::None: break;
    }
    return "=";
}

}  // namespace kabiscope
