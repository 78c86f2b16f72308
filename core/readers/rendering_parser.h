// RenderingParser: a gendwarfksyms rendering read back into type graph nodes.
//
// A symtypes line's rendering ("structure_type foo { member t#u32 len data_member_location(0) ,
// ... } byte_size(8)") is the flattened form of a tree of nodes. Read back into nodes shaped as
// dwarf/die_renderer makes them from DWARF (the same kinds, names, number fragments, list items
// and separators), a build read from text can be diffed and explored member by member, exactly
// like one read from DWARF. The grammar is gendwarfksyms' (docs/gendwarfksyms-spec.md §5); how
// the few ambiguous spots are read is in docs/symtypes-graph.md.
//
// References inside a rendering ("s#foo") become stub nodes: a named node without fragments,
// one per name and scope, which the scope resolves by name to the type's own record node, as it
// resolves a DWARF declaration to the definition that won.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/build_file.h"
#include "model/type_graph.h"

namespace kabiscope {

// What a reference prefix ("s" of "s#foo") names in a grammar: the kind and keyword of its node.
struct ReferenceKind {
    NodeKind kind;
    std::string_view keyword;  // a string literal
};
using ReferenceKinds = std::optional<ReferenceKind> (*)(char prefix);
// gendwarfksyms': s# structure_type, u# union_type, e# enumeration_type, t# typedef_type.
std::optional<ReferenceKind> renderingReferenceKind(char prefix);

// The stub nodes of one scope, by reference name.
class ReferenceStubs {
public:
    // `kinds` must know every prefix given to stub().
    explicit ReferenceStubs(TypeGraph& graph, ReferenceKinds kinds = renderingReferenceKind)
        : graph_(graph), kinds_(kinds) {}
    // The stub for `reference` ("s#foo", "t#'a b'"), made on first use.
    NodeId stub(std::string_view reference);
    // Every stub made, with what `scope` resolves its name to, sorted by node: the scope's
    // namedTargets (stubs of names the scope does not define are left out).
    std::vector<std::pair<NodeId, TypeTarget>> targetsIn(const VersionScope& scope) const;

private:
    TypeGraph& graph_;
    ReferenceKinds kinds_;
    std::unordered_map<std::string, NodeId> byName_;
};

// Parses `rendering`, the text after `name` on a symtypes line, into nodes of `graph` and returns
// the root: a Symbol node for a symbol, the type's own node for a type ("s#foo" gives the
// structure named foo). Returns kNoNode when the text does not follow the grammar (the graph is
// untouched: the text is checked before any node is made) or would not flatten back to exactly
// the same bytes (the nodes made are left unused); the caller keeps such a rendering as a text
// record: its CRC stays exact, only its diff is coarser.
NodeId parseRendering(TypeGraph& graph, ReferenceStubs& stubs, std::string_view name, std::string_view rendering);

}  // namespace kabiscope
