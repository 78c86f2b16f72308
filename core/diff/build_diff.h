// diffBuilds: why each exported symbol's version changed between two builds.
//
// For every symbol: added, removed, changed or unchanged, with both CRCs. For a changed symbol,
// its causes: the nodes whose own rendering differs between the builds and that its CRC input
// reaches (node_compare.h), each with the path from the symbol to it. Causes are shared between
// symbols, so they rank into root causes ("struct X gained member y: 3,012 symbols"). The
// first byte at which the two CRC inputs differ is given with some context. The algorithm and
// its invariants are in docs/diff-algorithm.md.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diff/node_compare.h"
#include "diff/path_steps.h"
#include "model/build.h"

namespace kabiscope {

enum class SymbolStatus : uint8_t {
    Unchanged,
    Changed,
    Added,
    Removed
};
const char* symbolStatusName(SymbolStatus status);

struct FirstDifference {
    bool found = false;
    size_t offset = 0;       // byte offset into the CRC input
    std::string oldContext;  // a window around the offset on each side
    std::string newContext;
    size_t contextStart = 0;  // offset of the windows' first byte
};

struct SymbolDiff {
    std::string name;
    SymbolStatus status = SymbolStatus::Unchanged;
    std::optional<uint32_t> oldCrc, newCrc;
    std::string module;  // where the new (else old) symbol lives
    // Where the old symbol lived, when both builds hold several files (kernel and modules);
    // "" otherwise, and when added.
    std::string oldModule;
    // How it is exported on each side (filled when both sides have it). A module that uses a
    // symbol must import its namespace, and a GPL-only export refuses non-GPL modules: either
    // change breaks loading with the CRC unchanged.
    std::string oldNamespace, newNamespace;
    std::string oldExportType, newExportType;
    bool exportChanged() const { return oldNamespace != newNamespace || oldExportType != newExportType; }
    std::vector<uint32_t> causes;  // Cause::id of each (1-based: DiffResult::causes[id - 1])
    // Parallel to `causes`: the first step, in DiffResult::paths, of the path from the symbol to
    // the type holding the cause (DiffResult::pathTo spells it out, down to the node).
    std::vector<uint32_t> paths;
    FirstDifference firstDifference;
    // Why a changed symbol has no causes: a side has no DWARF for it (CRC 0), or a side was read
    // without types (a Module.symvers): the CRC changed and no type walk can say why.
    enum class Unexplained : uint8_t {
        No,
        NoDwarfOld,
        NoDwarfNew,
        NoTypesOld,
        NoTypesNew,
        NoTypesEither,
        NoTypeChange
    };
    Unexplained unexplained = Unexplained::No;
};

// One line on why `symbol` has no causes ("" when it has them or did not change).
std::string unexplainedText(const SymbolDiff& symbol);

struct Cause {
    // 1-based rank: most symbols affected first, then the cause nearest its symbols (fewest
    // hops), then by title
    uint32_t id = 0;
    std::string type;  // the record holding the node: "s#sk_buff", or a symbol name
    std::string node;  // "member len", "parameter 2 (dev)", "" for the type itself
    ChangeKind kind = ChangeKind::TypeChanged;
    std::string description;             // "type changed from int to long int"
    std::optional<NumberChange> number;  // when the change is one of the node's numbers (a size, an offset)
    std::string oldRendering;            // the record's symtypes rendering on each side
    std::string newRendering;
    std::vector<uint32_t> symbols;  // indices into DiffResult::symbols
    uint32_t hops = 0;              // fewest types between an affected symbol and the node's type
    // What follows mechanically from this change, folded under it (diff/consequence_folding.h):
    // later members' offsets, the size of the struct and of the anonymous aggregates around it.
    // An offset change in another type folds here when a type this cause grew is embedded
    // before it (diff/cross_type_folding.h); `type` names that type, "" for this cause's own.
    struct Folded {
        std::string node;                    // "member arg_end", "" for the type itself
        std::string description;             // "offset changed from 296 to 304"
        std::string type;                    // "" (this cause's type) or "s#cgroup"
        std::optional<NumberChange> number;  // the numbers behind `description`, when it is one
    };
    std::vector<Folded> folded;
    // For a move or a byte_size change nothing in its own type explains: the types held by
    // value before the member, or in the aggregate, in member order ("s#cgroup_bpf"). If one
    // of them grew, this folds under what grew it (diff/cross_type_folding.h).
    std::vector<std::string> shiftedBy;
    // The changed node in each build's type graph (kNoNode where it does not exist), from the
    // first symbol found with this cause, and the files whose graphs they are in: for tools that
    // look at the node (diff/fix_suggestions.h). Valid while the two builds live.
    NodeId oldNode = kNoNode, newNode = kNoNode;
    const BuildFile* oldFile = nullptr;
    const BuildFile* newFile = nullptr;
    std::string title() const;  // "s#sk_buff member len: type changed from ... to ..."
    // One line for what was folded: "+23 members shifted, byte_size 224 -> 232"; "" when nothing.
    std::string foldedSummary() const;
    // The change as root-cause tables show it, folded summary included:
    // "member len: type changed from int to long int (+3 members shifted, byte_size 16 -> 24)".
    std::string changeText() const;
};

struct DiffSummary {
    size_t changed = 0, added = 0, removed = 0, unchanged = 0;
    size_t exportChanged = 0;  // namespace or export type changed (whatever the CRC did)
};

struct DiffResult {
    std::string oldPath, newPath;
    DiffSummary summary;
    std::vector<SymbolDiff> symbols;  // every symbol, sorted by name
    std::vector<Cause> causes;        // ranked: most affected symbols first
    PathSteps paths;                  // every symbol's paths to its causes, shared tails once
    // What the reader must know to read the rest: "the old build's CRCs are genksyms', the new
    // build's gendwarfksyms'" (they never match). One line each.
    std::vector<std::string> notes;
    // symbol -> reference -> type -> ... -> type -> node of the symbol's i-th cause.
    std::vector<std::string> pathTo(const SymbolDiff& symbol, size_t i) const;
    bool anyChange() const { return summary.changed + summary.added + summary.removed + summary.exportChanged > 0; }
};

struct DiffOptions {
    // Compute FirstDifference for changed symbols: expands both CRC inputs of each, so it costs
    // about as much as versioning them again; `explain` asks for it, `diff` on request.
    bool firstDifferences = false;
    // ... or for this one symbol only (explain).
    std::string firstDifferenceOf;
    size_t contextBytes = 60;
    std::function<void(const std::string&, size_t, size_t)> progress;
    std::function<bool()> cancelled;  // checked between symbols; true throws kabiscope::Cancelled
    // Threads that explain changed symbols (0: one per core, at most 4). The result does not
    // depend on it; progress and cancelled are only called from the calling thread.
    unsigned threads = 0;
};

DiffResult diffBuilds(const Build& oldBuild, const Build& newBuild, const DiffOptions& options = {});

}  // namespace kabiscope
