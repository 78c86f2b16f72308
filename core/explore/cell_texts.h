// The text of every cell an explorer shows — the symbol list's columns and the type tree's —
// in one place, so the Qt and the terminal explorers say the same thing the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "explore/aligned_tree.h"
#include "explore/explore_session.h"

namespace kabiscope {

enum class SymbolColumn {
    Status,
    Name,
    OldCrc,
    NewCrc,
    Causes,
    Module,
    Namespace,
    Export
};
inline constexpr int kSymbolColumns = 8;

// "changed", "rp_register", "0x89e4e51d" ("—" where the side has none; "" for the old CRC of a
// single build), the number of causes ("" for none), the module as Module.symvers names it, ...
std::string symbolCell(const ExploreSession& session, size_t symbol, SymbolColumn column);
std::string symbolColumnTitle(SymbolColumn column, bool single);

// Descending order puts what needs attention first: changed 3, added 2, removed 1, unchanged 0.
int statusRank(SymbolStatus status);

enum class TreeColumn {
    Node,
    Old,
    New,
    Offset,
    Size,
    Layout
};
inline constexpr int kTreeColumns = 6;

// The row's label ("member stats", with "  ↩ (expanded above)" on a cycle), each side's text
// ("—" where absent), offset and size ("16 → 24" when they differ), layout notes ("hole of 4
// byte(s) before; — cacheline 1 —").
std::string treeCell(const AlignedRow& row, TreeColumn column, bool single);
std::string treeColumnTitle(TreeColumn column, bool single);

// "16", or "16 → 24" when the sides differ ("" when neither has one).
std::string sideValue(const std::optional<uint64_t>& before, const std::optional<uint64_t>& after, bool single);

}  // namespace kabiscope
