#include "explore/cell_texts.h"

#include "explore/marks.h"
#include "output/writers.h"

namespace kabiscope {

namespace {

constexpr const char* kAbsent = "\u2014";  // an em dash: the side has none

std::string crcText(const std::optional<uint32_t>& value) { return value ? formatCrc(*value) : std::string(kAbsent); }

}  // namespace

std::string symbolCell(const ExploreSession& session, size_t index, SymbolColumn column) {
    const SymbolDiff& symbol = session.diff.symbols[index];
    const SymbolVersion* version = session.anySymbol(index);
    switch (column) {
    case SymbolColumn::Status: return std::string(markName(markFor(symbol.status)));
    case SymbolColumn::Name: return symbol.name;
    case SymbolColumn::OldCrc: return session.single() ? std::string() : crcText(symbol.oldCrc);
    case SymbolColumn::NewCrc: return crcText(symbol.newCrc);
    case SymbolColumn::Causes: return symbol.causes.empty() ? std::string() : std::to_string(symbol.causes.size());
    case SymbolColumn::Module: return symbol.module;
    case SymbolColumn::Namespace: return version ? version->info.nameSpace : std::string();
    case SymbolColumn::Export: return version ? version->info.exportType : std::string();
    }
    return {};
}

std::string symbolColumnTitle(SymbolColumn column, bool single) {
    switch (column) {
    case SymbolColumn::Status: return "Status";
    case SymbolColumn::Name: return "Symbol";
    case SymbolColumn::OldCrc: return "Old CRC";
    case SymbolColumn::NewCrc: return single ? "CRC" : "New CRC";
    case SymbolColumn::Causes: return "Causes";
    case SymbolColumn::Module: return "Module";
    case SymbolColumn::Namespace: return "Namespace";
    case SymbolColumn::Export: return "Export";
    }
    return {};
}

int statusRank(SymbolStatus status) {
    switch (status) {
    case SymbolStatus::Changed: return 3;
    case SymbolStatus::Added: return 2;
    case SymbolStatus::Removed: return 1;
    case SymbolStatus::Unchanged: return 0;
    }
    return 0;
}

std::string sideValue(const std::optional<uint64_t>& before, const std::optional<uint64_t>& after, bool single) {
    if (!before && !after) return {};
    if (single || before == after || !before) return after ? std::to_string(*after) : std::string();
    if (!after) return std::to_string(*before);
    return std::to_string(*before) + " \u2192 " + std::to_string(*after);
}

std::string treeCell(const AlignedRow& row, TreeColumn column, bool single) {
    switch (column) {
    case TreeColumn::Node: return row.label + (row.kind == AlignedRow::Kind::Cycle ? "  \u21a9 (expanded above)" : "");
    case TreeColumn::Old: return row.inOld ? row.oldText : std::string(kAbsent);
    case TreeColumn::New: return row.inNew ? row.newText : std::string(kAbsent);
    case TreeColumn::Offset: return sideValue(row.oldOffset, row.newOffset, single);
    case TreeColumn::Size: return sideValue(row.oldSize, row.newSize, single);
    case TreeColumn::Layout: {
        std::string notes;
        if (row.holeBefore) notes = "hole of " + std::to_string(*row.holeBefore) + " byte(s) before";
        if (row.cacheline) notes += (notes.empty() ? "" : "; ") + std::string("\u2014 cacheline ") + std::to_string(*row.cacheline) + " \u2014";
        return notes;
    }
    }
    return {};
}

std::string treeColumnTitle(TreeColumn column, bool single) {
    switch (column) {
    case TreeColumn::Node: return "Node";
    case TreeColumn::Old: return single ? "Type" : "Old";
    case TreeColumn::New: return single ? "Type" : "New";
    case TreeColumn::Offset: return "Offset";
    case TreeColumn::Size: return "Size";
    case TreeColumn::Layout: return "Layout";
    }
    return {};
}

}  // namespace kabiscope
