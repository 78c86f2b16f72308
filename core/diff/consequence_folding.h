// foldConsequences: within one record's changes, what follows mechanically from another change
// is folded under it instead of standing as a root cause of its own.
//
// A member added to the middle of mm_struct moves every later member and grows the struct: one
// change a person made, dozens of "offset changed" lines and a "byte_size changed" line. The
// rules (docs/diff-algorithm.md, "Folding consequences"):
// - an offset change of an item of a list folds under the nearest change before it in that
//   list (an item added or retyped, or anything that changed inside an earlier item, such as an
//   anonymous union that grew); a removed item explains the items after its old offset;
//   failing those, a change inside the item itself (its alignment grew);
// - an attribute change of an item that was also retyped or redefined folds under that change;
// - a byte_size or alignment change of an aggregate folds under the first change inside it;
// - what stays: an offset change with nothing before it (a reorder), a size change with nothing
//   inside (padding, alignment attributes), and every other kind of change.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "diff/node_compare.h"

namespace kabiscope {

// `oldOffset(change)`: the old-side offset of the item a change is about, when it has one.
// Folded changes move into their root's `folded` list, in order; roots keep their order.
void foldConsequences(std::vector<NodeChange>& changes,
                      const std::function<std::optional<uint64_t>(const NodeChange&)>& oldOffset);

}  // namespace kabiscope
