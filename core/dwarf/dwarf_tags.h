// The facts about each DWARF tag that rendering and name resolution both need, in one table:
// the node kind and keyword a tag renders as (gendwarfksyms' names), and whether its rendering
// prints its fully qualified name. A tag not in the table is gendwarfksyms' fatal "unexpected type".
#pragma once

#include "model/type_graph.h"

namespace kabiscope {

struct DwarfTagFacts {
    NodeKind kind;
    const char* keyword;  // "structure_type", "formal_parameter", ...
    bool printsFqn;       // the rendering prints the DIE's fqn (so the resolver must know it)
};

// nullptr for a tag gendwarfksyms does not render.
const DwarfTagFacts* dwarfTagFacts(int tag);

}  // namespace kabiscope
