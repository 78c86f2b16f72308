#include "explore/tree_navigation.h"

#include <algorithm>

namespace kabiscope {

void ChangeCursor::reset() {
    next_ = 0;
    offered_ = false;
}

ChangeCursor::Move ChangeCursor::step(AlignedTree* tree, bool forward) {
    Move move;
    static const std::vector<size_t> none;
    const std::vector<size_t>& order = tree ? changesInTreeOrder(*tree) : none;
    const size_t count = order.size();
    if (count == 0 || (forward && next_ >= count) || (!forward && next_ <= 1)) {
        move.kind = offered_ ? Move::Kind::NeighbourSymbol : Move::Kind::AtEnd;
        offered_ = !offered_;
        return move;
    }
    offered_ = false;
    const size_t position = forward ? next_ : next_ - 2;
    next_ = position + 1;
    move.kind = Move::Kind::Shown;
    move.chain = tree->rowsAlongPath(order[position]);
    move.position = position + 1;
    move.count = count;
    return move;
}

bool ChangeCursor::aimAt(AlignedTree& tree, size_t pathIndex) {
    const std::vector<size_t>& order = changesInTreeOrder(tree);
    const auto it = std::find(order.begin(), order.end(), pathIndex);
    if (it == order.end()) return false;
    next_ = size_t(it - order.begin());
    return true;
}

bool ChangeCursor::aimAtLast(AlignedTree& tree) {
    const size_t count = changesInTreeOrder(tree).size();
    next_ = count ? count - 1 : 0;
    return count > 0;
}

std::optional<int> cycleTarget(const AlignedTree& tree, int row) {
    if (row < 0 || tree.row(row).kind != AlignedRow::Kind::Cycle) return std::nullopt;
    for (int up = tree.row(row).parent; up >= 0; up = tree.row(up).parent)
        if (tree.row(up).key == tree.row(row).key) return up;
    return std::nullopt;
}

std::string containingType(const AlignedTree& tree, int row) {
    for (; row >= 0; row = tree.row(row).parent)
        if (tree.row(row).kind != AlignedRow::Kind::Item) return tree.row(row).key;
    return {};
}

std::optional<int> rowOfType(AlignedTree& tree, const std::string& key) {
    for (size_t p = 0; p < tree.pathCount(); ++p)
        for (int row : tree.rowsAlongPath(p))
            if (tree.row(row).key == key) return row;
    std::vector<int> level{tree.root()};
    for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
        std::vector<int> next;
        for (int row : level) {
            if (tree.row(row).key == key) return row;
            for (int child : tree.children(row)) next.push_back(child);
        }
        level = std::move(next);
    }
    return std::nullopt;
}

std::vector<int> ancestorsOf(const AlignedTree& tree, int row) {
    std::vector<int> chain;
    for (int up = tree.row(row).parent; up >= 0; up = tree.row(up).parent) chain.push_back(up);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

}  // namespace kabiscope
