// CrcExpander: a symbol's CRC, computed the way gendwarfksyms computes it (spec §7).
//
// The CRC input is the symbol's rendering with every type reference replaced, on its first
// occurrence, by that type's rendering in the scope's type_map (recursively); later occurrences
// stay literal ("s#foo"). The renderings are streamed straight from the type graph into zlib's
// crc32 through a small buffer: no string is built, unless the caller asks for the exact input.
#pragma once

#include <cstdint>
#include <string>
#include <algorithm>
#include <deque>
#include <vector>

#include "base/node_slots.h"
#include "model/versioned_build.h"

namespace kabiscope {

class KabiRules;

// Scratch state reused by every expansion of a build (sized to the graph once, not per scope).
// Per-node tables are NodeSlots windows over the current scope's nodes: reset(base) when a new
// scope starts (base = its first node).
struct CrcWorkspace {
    NodeSlots<uint32_t> nodeMarks;        // per node: the expansion generation that expanded it
    std::vector<uint32_t> recordMarks;    // per override record, likewise
    NodeSlots<TypeTarget> resolved;       // per named node: its target for expander `resolvedScope`
    NodeSlots<uint32_t> resolvedScope;
    uint32_t generation = 0;
    NodeSlots<uint32_t> visitMarks;       // for walks over the graph (scope membership)
    uint32_t visitGeneration = 0;
    NodeSlots<uint32_t> lengths{UINT32_MAX};  // renderingLength memo
    NodeSlots<uint32_t> flatOf;           // per node: index into an expander's flattened records
    NodeSlots<uint32_t> flatScope;        // ... valid for that expander
    uint32_t expanders = 0;               // stamps `resolvedScope`/`flatScope` per expander

    void reset(NodeId base) {
        nodeMarks.reset(base);
        resolved.reset(base);
        resolvedScope.reset(base);
        visitMarks.reset(base);
        lengths.reset(base);
        flatOf.reset(base);
        flatScope.reset(base);
        std::fill(recordMarks.begin(), recordMarks.end(), 0);
    }
};

class CrcExpander {
public:
    // `rules` (may be null) supplies type_string definitions for references absent from the
    // scope; `file` names the object in errors.
    CrcExpander(const TypeGraph& graph, VersionScope& scope, const KabiRules* rules,
                std::string file, CrcWorkspace& workspace);

    // CRC-32 of the expansion of `root`; appends the exact bytes to `capture` when not null.
    uint32_t crc(TypeTarget root, const std::string& rootName, std::string* capture);

private:
    struct Sink;
    void expandRecord(const Record& record, Sink& sink);
    const Record& recordOf(TypeTarget target);
    TypeTarget resolveNamedNode(NodeId named);
    TypeTarget resolveName(const std::string& reference, const std::string& owner);
    bool markExpanded(TypeTarget target);

    const TypeGraph& graph_;
    VersionScope& scope_;
    uint32_t scopeStamp_;
    const KabiRules* rules_;
    std::string file_;
    CrcWorkspace& work_;
    std::string owner_;
    unsigned depth_ = 0;
    // Renderings of this scope's nodes, flattened on first use: expansions then hash long runs
    // of text instead of visiting fragments one by one.
    std::deque<Record> flat_;
};

// zlib's CRC-32 of some bytes: the CRC gendwarfksyms prints for a CRC input.
uint32_t crcOfInput(std::string_view input);

// Exact CRC inputs of symbols of a loaded build (what --crc-input writes for them), on demand.
class CrcInputReader {
public:
    explicit CrcInputReader(const VersionedBuild& build) : build_(build) {}
    std::string input(const SymbolVersion& symbol);

private:
    const VersionedBuild& build_;
    CrcWorkspace workspace_;
};

}  // namespace kabiscope
