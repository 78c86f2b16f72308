// Moving through a symbol's aligned type tree the way both explorers do: next and previous
// change in the order the tree shows them (and past either end, an offer to open the
// neighbouring changed symbol), the row a cycle refers back to, the type a row sits in, and
// the row of a type picked elsewhere (the graph).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "explore/aligned_tree.h"

namespace kabiscope {

// The symbol's cause paths in the order their change sites appear in the tree (pre-order),
// not the order the diff found them: "next change" then walks down the tree.
inline const std::vector<size_t>& changesInTreeOrder(AlignedTree& tree) { return tree.pathsInTreeOrder(); }

class ChangeCursor {
public:
    struct Move {
        enum class Kind {
            Shown,            // `chain`: rows from the root to the change (expand all but the last, select it)
            AtEnd,            // past the first or last change: say so once...
            NeighbourSymbol,  // ...and on the next step, open the neighbouring changed symbol
        };
        Kind kind = Kind::AtEnd;
        std::vector<int> chain;
        size_t position = 0, count = 0;  // Shown: "change <position> of <count>", from 1
    };

    void reset();  // a new symbol: the next step forward shows its first change
    Move step(AlignedTree* tree, bool forward);
    // The next step forward shows cause path `pathIndex`; false when the tree has no such change.
    bool aimAt(AlignedTree& tree, size_t pathIndex);
    // The next step forward shows the last change (after opening the previous symbol going back);
    // false when the tree has none.
    bool aimAtLast(AlignedTree& tree);

private:
    size_t next_ = 0;  // position of the next change to show going forward; the one shown is just before it
    bool offered_ = false;
};

// The row a cycle row refers back to: its nearest ancestor with the same key (nullopt if none).
std::optional<int> cycleTarget(const AlignedTree& tree, int row);
// The key of the type a row is, or sits in ("s#rp_stats"; the symbol's own name at the top).
std::string containingType(const AlignedTree& tree, int row);
// The row of type `key`: one on a path to a change first, else one within four levels of the
// root (building rows on the way); nullopt if neither.
std::optional<int> rowOfType(AlignedTree& tree, const std::string& key);
// Rows from the root down to `row`'s parent: what to expand to show it.
std::vector<int> ancestorsOf(const AlignedTree& tree, int row);

}  // namespace kabiscope
