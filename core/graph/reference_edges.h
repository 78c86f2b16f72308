// The type references inside one rendering, each with the list item it sits in.
//
// Walks a node's inlined (anonymous) subtree and returns every named type it refers to, with a
// label saying where: "parameter 2 (dev)", "member queues", "member (unnamed).member x". The
// diff engine follows these to reach types; the dependency graph draws them as edges.
#pragma once

#include <string>
#include <vector>

#include "model/type_graph.h"

namespace kabiscope {

struct ReferenceEdge {
    NodeId named;        // the named child node (a reference by name)
    std::string label;   // where in the rendering it sits; "" at the top level
};

std::vector<ReferenceEdge> referenceEdges(const TypeGraph& graph, NodeId root);

}  // namespace kabiscope
