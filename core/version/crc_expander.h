// CrcExpander: a symbol's CRC, computed the way gendwarfksyms computes it (spec §7).
//
// The CRC input is the symbol's rendering with every type reference replaced, on its first
// occurrence, by that type's rendering in the scope's type_map (recursively); later occurrences
// stay literal ("s#foo"). The renderings are streamed straight from the type graph into zlib's
// crc32 through a small buffer: no string is built, unless the caller asks for the exact input.
// Optionally, expansions that are the same for every symbol of a scope are hashed once.
#pragma once

#include <cstdint>
#include <string>
#include <algorithm>
#include <deque>
#include <memory>
#include <vector>

#include "base/node_slots.h"
#include "model/build_file.h"
#include "version/flat_types.h"
#include "version/reach_sets.h"

namespace kabiscope {

class KabiRules;

// Scratch state reused by every scope a thread versions. Per-node tables are NodeSlots windows
// over the current scope's nodes: reset(base) when a new scope starts (base = its first node).
struct CrcWorkspace {
    NodeSlots<uint32_t> lengths{UINT32_MAX};  // renderingLength memo
    FlatTypes flat;                           // the scope's flattened types
    NodeSlots<uint32_t> flatOf{UINT32_MAX};   // per node: its type in `flat`, once flattened
    NodeSlots<uint32_t> entryOf;              // per node target: its entry in an expander
    NodeSlots<uint32_t> entryScope;           // ... valid for the expander stamped so
    uint32_t expanders = 0;                   // stamps `entryScope` per expander

    // `end`: where the scope's nodes end, when known (no new nodes until the next reset).
    void reset(NodeId base, NodeId end = UINT32_MAX) {
        lengths.reset(base, end);
        flat.clear();
        flatOf.reset(base, end);
        entryOf.reset(base, end);
        entryScope.reset(base, end);
    }
    // The node flattened into `flat`, once per scope.
    FlatTypes::Id flatten(const TypeGraph& graph, NodeId id) {
        uint32_t& slot = flatOf[id];
        if (slot == UINT32_MAX) slot = flat.add(graph, id);
        return slot;
    }
};

// One step of a symbol's expansion, for the teaching view (`kabiscope teach`): where in the CRC
// input a type's rendering starts (written in full, the first time the walk meets it) or ends,
// or where a reference stays its name because the type was written earlier.
struct ExpansionEvent {
    enum class Kind : uint8_t {
        Expand,
        End,
        Abbreviate
    };
    Kind kind;
    std::string name;  // "s#demo_stats"; the symbol's own name for its record
    size_t offset;     // byte of the CRC input where it happens
    unsigned depth;    // how many expansions enclose it (the symbol's record: 0)
};

class CrcExpander {
public:
    // `rules` (may be null) supplies type_string definitions for references absent from the
    // scope; `file` names the object in errors. With `shareExpansions`, a type's expansion that
    // cannot depend on what a symbol expanded before it is hashed once per scope and reused
    // through crc32_combine (docs/crc-sharing.md): worth it when a scope hashes several symbols.
    CrcExpander(const TypeGraph& graph, VersionScope& scope, const KabiRules* rules,
                std::string file, CrcWorkspace& workspace, bool shareExpansions = false);
    ~CrcExpander();

    // CRC-32 of the expansion of `root`; appends the exact bytes to `capture` when not null,
    // and with `events` (only with `capture`) where each type's expansion starts and ends.
    uint32_t crc(TypeTarget root, const std::string& rootName, std::string* capture,
                 std::vector<ExpansionEvent>* events = nullptr);

private:
    struct Sink;
    struct Entry;
    void expand(uint32_t root, const std::string& rootName, Sink& sink, std::vector<ExpansionEvent>* events);
    uint32_t entryOf(TypeTarget target);
    const std::vector<uint32_t>& successors(uint32_t entry);
    TypeTarget resolveName(const std::string& reference, const std::string& owner);

    const TypeGraph& graph_;
    VersionScope& scope_;
    uint32_t scopeStamp_;
    const KabiRules* rules_;
    std::string file_;
    CrcWorkspace& work_;
    std::string owner_;
    // Every type this scope's expansions reached, in discovery order: its flattened rendering
    // (in the workspace: expansions hash long runs of text instead of visiting fragments one by
    // one), its references resolved once, and its shared expansion once hashed.
    std::deque<Entry> entries_;
    std::vector<uint32_t> recordEntries_;  // per override record: its entry, or UINT32_MAX
    Bitset expanded_;                      // entries the current symbol has expanded
    std::unique_ptr<ReachSets> reach_;     // null: not sharing
};

// zlib's CRC-32 of some bytes: the CRC gendwarfksyms prints for a CRC input.
uint32_t crcOfInput(std::string_view input);

// Exact CRC inputs of symbols of a loaded build (what --crc-input writes for them), on demand.
// Consecutive symbols of one scope share the scope's flattened types.
class CrcInputReader {
public:
    explicit CrcInputReader(const BuildFile& build);
    ~CrcInputReader();
    std::string input(const SymbolVersion& symbol);
    // The input with where each type's expansion starts and ends in it.
    std::string trace(const SymbolVersion& symbol, std::vector<ExpansionEvent>& events);

private:
    const BuildFile& build_;
    CrcWorkspace workspace_;
    uint32_t scope_ = UINT32_MAX;  // the scope `expander_` works on
    std::unique_ptr<CrcExpander> expander_;
};

}  // namespace kabiscope
