#include "diff/consequence_folding.h"

#include <string_view>

namespace kabiscope {

namespace {

// The list a change's item belongs to: "member a.member b" is in list "member a", "member a"
// in the record's own list "". The record itself (node "") is in no list.
std::string_view listOf(std::string_view node) {
    const size_t dot = node.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : node.substr(0, dot);
}

// True when `node` is an item of list `list` or lies anywhere below one.
bool inside(std::string_view node, std::string_view list) {
    if (node.empty()) return false;
    if (list.empty()) return true;
    return node.size() > list.size() && node.compare(0, list.size(), list) == 0 && node[list.size()] == '.';
}

bool isOffsetChange(const NodeChange& c) { return c.number && c.number->isOffset(); }

bool isSizeChange(const NodeChange& c) { return c.kind == ChangeKind::SizeChanged; }

// Changes that can move later items: the item itself appeared, went or changed type; its own
// size changed (an anonymous aggregate); or a bit-field's width changed.
bool canShiftLaterItems(const NodeChange& c) {
    switch (c.kind) {
    case ChangeKind::Added:
    case ChangeKind::Removed:
    case ChangeKind::TypeChanged:
    case ChangeKind::KindChanged:
    case ChangeKind::Definition:
    case ChangeKind::SizeChanged: return true;
    case ChangeKind::AttributeChanged: return c.description.rfind("bit_size changed", 0) == 0;
    default: return false;
    }
}

}  // namespace

void foldConsequences(std::vector<NodeChange>& changes,
                      const std::function<std::optional<uint64_t>(const NodeChange&)>& oldOffset) {
    const size_t n = changes.size();
    std::vector<size_t> into(n, SIZE_MAX);  // the change each one folds under (before resolving)
    for (size_t x = 0; x < n; ++x) {
        const NodeChange& c = changes[x];
        // An attribute of an item that was retyped or redefined follows from that (a bit-field
        // that became a u8 loses its bit_size and gets a byte offset).
        if (c.kind == ChangeKind::AttributeChanged && !c.node.empty()) {
            for (size_t e = 0; e < n && into[x] == SIZE_MAX; ++e)
                if (e != x && changes[e].node == c.node &&
                    (changes[e].kind == ChangeKind::TypeChanged || changes[e].kind == ChangeKind::KindChanged ||
                     changes[e].kind == ChangeKind::Definition))
                    into[x] = e;
            if (into[x] != SIZE_MAX) continue;
        }
        if (isSizeChange(c)) {
            // The aggregate's own list is its node ("" for the record): the first change inside.
            // The first change inside, members added, removed or retyped before bit-field widths.
            for (int pass = 0; pass < 2 && into[x] == SIZE_MAX; ++pass)
                for (size_t e = 0; e < n; ++e)
                    if (e != x && inside(changes[e].node, c.node) && !isOffsetChange(changes[e]) && !isSizeChange(changes[e]) &&
                        (pass == 1 || changes[e].kind != ChangeKind::AttributeChanged)) {
                        into[x] = e;
                        break;
                    }
            if (into[x] == SIZE_MAX)  // only moves inside (a member of a named type grew): the first move
                for (size_t e = 0; e < n; ++e)
                    if (e != x && inside(changes[e].node, c.node) && (isOffsetChange(changes[e]) || isSizeChange(changes[e]))) {
                        into[x] = e;
                        break;
                    }
            continue;
        }
        if (!isOffsetChange(c)) continue;
        const std::string_view list = listOf(c.node);
        // Changes come in the new side's item order. The explanations, strongest first: an
        // earlier item of this list (or something below one) added, retyped or resized; an
        // item removed from before this one's old offset (removed items are listed last); a
        // bit-field before it that changed width; an earlier move in the same list.
        auto earlierInList = [&](size_t e) {
            const NodeChange& earlier = changes[e];
            return inside(earlier.node, list) && earlier.node != c.node && !inside(earlier.node, c.node);
        };
        // The nearest explanation before the item: with two insertions, the members between
        // them moved because of the first, those after the second are its consequences.
        for (size_t e = x; e-- > 0 && into[x] == SIZE_MAX;)
            if (earlierInList(e) && canShiftLaterItems(changes[e]) && changes[e].kind != ChangeKind::AttributeChanged &&
                changes[e].kind != ChangeKind::Removed)
                into[x] = e;
        const std::optional<uint64_t> at = oldOffset(c);
        for (size_t e = 0; e < n && at && into[x] == SIZE_MAX; ++e) {
            const NodeChange& removed = changes[e];
            if (removed.kind != ChangeKind::Removed || listOf(removed.node) != list) continue;
            const std::optional<uint64_t> removedAt = oldOffset(removed);
            if (removedAt && *removedAt < *at) into[x] = e;
        }
        for (size_t e = x; e-- > 0 && into[x] == SIZE_MAX;)
            if (earlierInList(e) && canShiftLaterItems(changes[e])) into[x] = e;
        // Something inside the item itself changed: its alignment may have grown (a union
        // that gained a long moves from offset 4 to 8).
        for (size_t e = 0; e < n && into[x] == SIZE_MAX; ++e)
            if (inside(changes[e].node, c.node) && canShiftLaterItems(changes[e]) && !isSizeChange(changes[e])) into[x] = e;
        for (size_t e = 0; e < x && into[x] == SIZE_MAX; ++e)
            if (isOffsetChange(changes[e]) && listOf(changes[e].node) == list) into[x] = e;
    }
    // Follow chains (a size folded under an inner change that is itself folded) to a root. No
    // cycle can form (a size points inside its own aggregate, a move to an earlier item or a
    // removed one); should one ever, its members stay roots rather than vanish.
    std::vector<size_t> root(n);
    for (size_t x = 0; x < n; ++x) {
        size_t r = x;
        for (size_t steps = 0; into[r] != SIZE_MAX && steps <= n; ++steps) r = into[r];
        root[x] = into[r] == SIZE_MAX ? r : x;  // a cycle: stays a root of its own
    }
    for (size_t x = 0; x < n; ++x)  // a cycle member another change ran into: that one is a root too
        if (root[root[x]] != root[x]) root[x] = x;
    std::vector<NodeChange> roots;
    std::vector<size_t> rootIndex(n, SIZE_MAX);
    for (size_t x = 0; x < n; ++x)
        if (root[x] == x) {
            rootIndex[x] = roots.size();
            roots.push_back(std::move(changes[x]));
        }
    for (size_t x = 0; x < n; ++x)
        if (root[x] != x) {
            NodeChange& owner = roots[rootIndex[root[x]]];
            for (NodeChange& inner : changes[x].folded) owner.folded.push_back(std::move(inner));
            changes[x].folded.clear();
            owner.folded.push_back(std::move(changes[x]));
        }
    changes = std::move(roots);
}

}  // namespace kabiscope
