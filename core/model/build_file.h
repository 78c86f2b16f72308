// BuildFile: one file of a build (a vmlinux, a module, an object, or a text reference such as a
// Module.symvers): every exported symbol it holds with its version, and the types behind it
// where the file has them. model/build.h gathers the files of one build.
//
// This is the core's model of a build, independent of where it was read from: one TypeGraph of
// rendered nodes, and scopes. A scope is what one gendwarfksyms run sees (one object file; in
// kbuild mode on a vmlinux, one compilation unit): its type_map maps each reference name to the
// node whose rendering won (or to a record defined by a kABI type_string rule, or read from
// symtypes). Each symbol with types points to its scope and its node or record. Loaded once, then read-only: the diff engine and the
// explorer share it without copying.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "exports/export_list.h"
#include "model/type_graph.h"
#include "model/type_table.h"

namespace kabiscope {

// What a reference name resolves to in a scope: a node of the graph, or a record of the scope's
// `overrides` table (type_string rules).
struct TypeTarget {
    static constexpr uint32_t kRecordBit = 0x80000000u;
    uint32_t value = UINT32_MAX;
    static TypeTarget node(NodeId id) { return {id}; }
    static TypeTarget record(RecordId id) { return {id | kRecordBit}; }
    bool valid() const { return value != UINT32_MAX; }
    bool isRecord() const { return valid() && (value & kRecordBit); }
    uint32_t index() const { return value & ~kRecordBit; }
};

struct VersionScope {
    std::string label;                                  // the object or compilation unit
    size_t unit = 0;                                    // its compilation unit's index (kbuild mode)
    NodeId firstNode = 0;                               // nodes rendered for it start here
    std::unordered_map<std::string, TypeTarget> types;  // gendwarfksyms' type_map
    TypeTable overrides;                                // records from kABI type_string rules
    // Every named node this scope's renderings contain, sorted, with what its name resolves to:
    // following a reference then needs no string.
    std::vector<std::pair<NodeId, TypeTarget>> namedTargets;
    // gendwarfksyms' --dump-versions lines (<name> <CRC input>), in its order; filled on request.
    std::vector<std::pair<std::string, std::string>> crcInputs;
};

// What a named node of `scope` refers to; falls back to its name for a node of another scope.
TypeTarget resolveNamed(const VersionScope& scope, const TypeGraph& graph, NodeId named);

// A symbol's version, and where its types are. A CRC and types are separate facts: DWARF gives
// both (or neither: "no information"), a Module.symvers a CRC without types.
struct SymbolVersion {
    ExportInfo info;      // name, export type, namespace
    bool hasCrc = false;  // false: nothing describes it, CRC 0 (gendwarfksyms' "no information")
    uint32_t crc = 0;
    uint32_t scope = UINT32_MAX;  // index into BuildFile::scopes; none without types
    TypeTarget target;            // the symbol's own rendering (node, or type_string record)
    const std::string& name() const { return info.name; }
    // Its types can be walked: a scope and a rendering (a text reference of CRCs has neither).
    bool hasTypes() const { return scope != UINT32_MAX && target.valid(); }
};

// How a file's CRCs were computed: the two kernel tools hash different things, so CRCs of one
// never match the other's, and a diff between them says so instead of listing every symbol.
enum class Versioning : uint8_t {
    Gendwarfksyms,  // from DWARF, or from gendwarfksyms' symtypes
    Genksyms,       // from genksyms' symtypes (the preprocessed source)
    Recorded,       // read as recorded (a Module.symvers): either tool
};

struct BuildFile {
    std::string path;
    Versioning versioning = Versioning::Gendwarfksyms;
    std::string module;  // Module.symvers' name for it: "vmlinux", "net/foo/bar"
    // Keep the DWARF sessions the graph's text points into alive (one per loading thread);
    // empty once the graph owns its text (VersionOptions::detachFromDwarf).
    std::vector<std::shared_ptr<const void>> sources;
    TypeGraph graph;
    std::vector<std::unique_ptr<VersionScope>> scopes;
    std::vector<SymbolVersion> symbols;  // sorted by name (byte order)
    // "multiple addresses for symbol x", ... (the symbols without DWARF, gendwarfksyms' "no
    // information for symbol x", are those without `hasCrc`).
    std::vector<std::string> warnings;
    // False when the types were dropped once the CRCs were computed (VersionOptions::keepTypes):
    // then the scopes have no type map, the symbols no target and the graph no nodes for them.
    bool typesKept = true;
};

}  // namespace kabiscope
