// Mark: how a symbol, a tree row or a cause is flagged in every explorer — changed, added,
// removed, or leading to a change — told by a name and a glyph as well as a colour, so a status
// never depends on colour alone (the Qt explorer's icons, the terminal's monochrome marks).
#pragma once

#include <string_view>

#include "diff/build_diff.h"
#include "explore/aligned_tree.h"

namespace kabiscope {

enum class Mark {
    None,
    Changed,
    Added,
    Removed,
    OnPath
};

Mark markFor(SymbolStatus status);
Mark markFor(ChangeKind kind);
// A type-tree row: a change site (by its first cause's kind, or the side it exists on), a row
// present on one side only, or a row on the way to a change. One build alone marks change sites only.
Mark markFor(const AlignedRow& row, const DiffResult& diff, bool single);

std::string_view markName(Mark mark);  // "changed", "added", "removed", "leads to a change", "unchanged"
// "~", "+", "−" (U+2212), "›" (U+203A), "="; with `ascii`, "-" and ">" for the two that are not.
std::string_view markGlyph(Mark mark, bool ascii = false);

}  // namespace kabiscope
