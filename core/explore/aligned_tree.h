// AlignedTree: a symbol's expanded type tree, old and new side by side, aligned row for row.
//
// The explorer's type view and, later, a terminal front end both show this. Rows are built
// lazily (a kernel symbol reaches thousands of types): the symbol, its parameters and return
// type or its variable type, and below an item the named types and anonymous structs its type
// leads to, below a type its members or enumerators. Children of the two sides are paired with
// the diff engine's rules (members and enumerators by name, parameters by position), so a row
// has an old node, a new node or both. A row is a change site when the diff engine reports a
// cause at that node, and "on a path" when it lies on one of the symbol's paths to a cause.
// Member rows carry offsets, sizes, holes and cacheline boundaries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diff/build_diff.h"
#include "model/build_file.h"

namespace kabiscope {

// One side of the comparison (either may be absent: an added or removed symbol).
struct TreeSide {
    const BuildFile* build = nullptr;
    const SymbolVersion* symbol = nullptr;
    bool present() const { return build && symbol && symbol->hasTypes(); }  // with types to show
};

struct AlignedRow {
    enum class Kind : uint8_t {
        Symbol,
        Item,
        Type,
        Cycle
    };
    Kind kind = Kind::Item;
    std::string label;             // "parameter 1 (dev)", "member len", "struct rp_stats", "return type"
    std::string key;               // path step: the label, or the reference name for types ("s#rp_stats")
    std::string oldText, newText;  // the row's own description per side ("" where absent)
    NodeId oldNode = kNoNode, newNode = kNoNode;
    bool inOld = false, inNew = false;
    bool changeSite = false;       // the diff engine reports a cause here
    std::vector<uint32_t> causes;  // those causes' ids
    bool onPath = false;           // an ancestor of a change site along the symbol's paths
    // Layout, for members: offset and size in bytes (bit fields: bit offset / bit size).
    std::optional<uint64_t> oldOffset, newOffset, oldSize, newSize;
    std::optional<uint64_t> holeBefore;  // bytes of padding before this member (new side)
    std::optional<uint64_t> cacheline;   // starts a new 64-byte cacheline (its number)
    int parent = -1;
    std::vector<std::string> pathKeys;    // keys from the root to this row
    std::string record;                   // the record this row's node lives in (type or symbol)
    std::vector<std::string> recordPath;  // keys inside that record down to this row
    bool childrenBuilt = false;
    std::vector<int> children;
};

class AlignedTree {
public:
    // `diff` and `symbolDiff` mark change sites and paths; both may be null.
    AlignedTree(TreeSide before, TreeSide after, const DiffResult* diff, const SymbolDiff* symbolDiff);

    int root() const { return 0; }
    const AlignedRow& row(int index) const { return rows_[size_t(index)]; }
    size_t size() const { return rows_.size(); }
    // The children of a row, built on first use.
    const std::vector<int>& children(int index);
    bool hasChildren(int index);

    // Rows from the root to the node of cause path `pathIndex` of the symbol (expanding on the
    // way); the last row is the change site, or the deepest row reached.
    std::vector<int> rowsAlongPath(size_t pathIndex);
    size_t pathCount() const { return symbolDiff_ ? symbolDiff_->paths.size() : 0; }
    // The cause paths in the order their change sites appear in the tree (pre-order), not the
    // order the diff found them. Found once: a major rebase's symbol has a thousand paths, and
    // "next change" asks at every step.
    const std::vector<size_t>& pathsInTreeOrder();

    // A side's rendering of a row's node in symtypes form, for the details view.
    std::string rendering(int index, bool newSide) const;

private:
    struct Entry {  // a child candidate on one side
        std::string key, label;
        AlignedRow::Kind kind;
        NodeId node;
        std::string text;
        std::optional<uint64_t> offset, size;
        std::string record;
        std::vector<std::string> recordPath;
    };
    std::vector<Entry> entriesFor(const TreeSide& side, const AlignedRow& row, bool newSide);
    void itemsOf(const TreeSide& side, NodeId container, const std::string& record,
                 const std::vector<std::string>& recordPath, std::vector<Entry>& out);
    void typesUnder(const TreeSide& side, NodeId node, const std::string& record,
                    const std::vector<std::string>& recordPath, std::vector<Entry>& out, unsigned depth, bool returnType = false);
    TypeTarget resolve(const TreeSide& side, NodeId named) const;
    std::optional<uint64_t> sizeOf(const TreeSide& side, std::optional<NodeId> type, unsigned depth = 0) const;
    void mark(AlignedRow& row);
    void addLayout(int parent);

    TreeSide old_, new_;
    const DiffResult* diff_;
    const SymbolDiff* symbolDiff_;
    std::vector<AlignedRow> rows_;
    std::optional<std::vector<size_t>> pathsInTreeOrder_;
    std::vector<std::vector<std::string>> splitPaths_;  // the symbol's cause paths, split into keys
    // Every prefix of those paths, keys joined by '\x1f': a row is on a path when its keys are
    // one (a symbol of a major rebase has hundreds of paths; rows are checked in O(1)).
    std::unordered_set<std::string> pathPrefixes_;
    // The symbol's causes by record: the node inside it as rows name it ("member a.member b"),
    // whether it is the record's own, and the cause id.
    struct RecordCause {
        std::string node;
        bool own;
        uint32_t id;
    };
    std::unordered_map<std::string, std::vector<RecordCause>> causesByRecord_;
};

}  // namespace kabiscope
