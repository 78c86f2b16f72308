// A genksyms record's C tokens read into type graph nodes, so a genksyms build is diffed and
// explored member by member like a DWARF build.
//
// `s#dev struct dev { t#u32 id ; s#list_head * next , * prev ; unsigned int flags : 3 ; }`
// becomes a struct node with one member node per declarator (id, next, prev, flags), each
// holding a type node whose name is the C spelling without the member's name ("struct
// list_head *"); enums have enumerator items, exported functions parameter items and a return
// type, typedefs and variables one type node. Anonymous structs and unions inside a member are
// aggregate nodes of their own, so a change deep inside them names the inner member. References
// (`s#foo`, `E#MAX`) become the scope's stub nodes, resolved by name as for gendwarfksyms
// symtypes. Separators (`;` after a member, `,` between items) belong to the parent, so adding
// an item leaves its neighbours' hashes alone.
//
// The nodes flatten back to the record's exact text. They are for reading only: the CRC is
// computed from the tokens (version/genksyms_crc.h), so C this does not take apart stays text of
// its node and costs only detail in a diff. docs/genksyms-symtypes.md, "Nodes".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "readers/genksyms_symtypes.h"
#include "readers/rendering_parser.h"

namespace kabiscope {

// genksyms' prefixes: s# struct, u# union, e# enum, t# typedef, E# enum constant.
std::optional<ReferenceKind> genksymsReferenceKind(char prefix);

// The root node of `record` (a type's own node, or a Symbol node for an exported symbol).
NodeId parseGenksymsRecord(TypeGraph& graph, ReferenceStubs& stubs, const GenksymsSymtypes& file,
                           const GenksymsRecord& record);

// The declarator's name in one declaration's text ("s#list_head * next" gives "next", "int ( * fn
// ) ( int )" gives "fn", "unsigned int flags : 3" gives "flags"); "" when it has none.
std::string genksymsDeclaratorName(std::string_view declaration);

// Tokens spelled as C for descriptions: references as "struct foo", "u32", "MAX"; no space
// inside brackets or before a comma ("int (*)(struct foo *, int)").
std::string genksymsSpelling(std::span<const std::string_view> tokens);

}  // namespace kabiscope
