// TypeGraph: the rendered type nodes of one versioning scope, independent of where they came from.
//
// A node is one rendered entity of gendwarfksyms' grammar (a struct, a member, a pointer, a
// parameter, an exported symbol...). Its rendering is a list of fragments: literal text, a child
// node, or a line break. Flattening follows gendwarfksyms exactly: a run of consecutive breaks
// in one list gives a single space; a child that is a named struct/union/enum/typedef becomes a
// reference ("s#foo") and anything else is inlined. Today nodes are made from DWARF
// (dwarf/die_renderer); a symtypes reader can make the same nodes from text.
//
// Nodes live in an arena addressed by NodeId; text lives in the graph's StringArena.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/string_arena.h"

namespace kabiscope {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : uint8_t {
    Symbol,          // an exported function or variable ("subprogram (...)", "variable ...")
    BaseType,
    Modifier,        // pointer, const, volatile, restrict, atomic, reference, ...
    Typedef,
    Structure,
    Class,
    Union,
    Enumeration,
    Member,
    Parameter,
    Enumerator,
    Subrange,
    Array,
    Subroutine,
    Variant,
    VariantPart,
    Unspecified,
};

struct Fragment {
    enum class Kind : uint8_t { Text, Child, Break };
    Kind kind;
    NodeId child = kNoNode;  // Kind::Child
    std::string_view text;   // Kind::Text
};

struct TypeNode {
    NodeKind kind;
    // For types and enumerators: the fully qualified name ("" when anonymous). For members and
    // parameters: the printed name. For symbols: empty (the symbol's name is not hashed).
    std::string_view name;
    // The source's own word for the node ("pointer_type", "structure_type", "member", ...).
    std::string_view keyword;
    // Where the node came from, for navigation (a DWARF DIE offset); 0 when unknown.
    uint64_t origin = 0;
    std::vector<Fragment> fragments;
};

class TypeGraph {
public:
    NodeId add(NodeKind kind, std::string_view keyword, uint64_t origin);
    TypeNode& node(NodeId id) { return nodes_[id]; }
    const TypeNode& node(NodeId id) const { return nodes_[id]; }
    size_t size() const { return nodes_.size(); }

    void appendText(NodeId id, std::string_view text) {
        if (!text.empty()) nodes_[id].fragments.push_back({Fragment::Kind::Text, kNoNode, text});
    }
    void appendOwnedText(NodeId id, std::string_view text) { appendText(id, strings_.store(text)); }
    void appendChild(NodeId id, NodeId child) { nodes_[id].fragments.push_back({Fragment::Kind::Child, child, {}}); }
    void appendBreak(NodeId id) { nodes_[id].fragments.push_back({Fragment::Kind::Break, kNoNode, {}}); }

    std::string_view storeText(std::string_view text) { return strings_.store(text); }

    // True for nodes that other renderings refer to by name instead of inlining.
    bool isNamedType(NodeId id) const;
    // "s#foo", "t#u64", "s#'core::result::Result<u64, ()>'" for named types.
    std::string referenceName(NodeId id) const;

private:
    std::vector<TypeNode> nodes_;
    StringArena strings_;
};

// The reference prefix letter of a node kind, or 0 when the kind is never referenced by name.
char referencePrefix(NodeKind kind);

// "<prefix>#<name>", quoted with ' when the name contains a space (gendwarfksyms' rule).
std::string makeReferenceName(char prefix, std::string_view name);

}  // namespace kabiscope
