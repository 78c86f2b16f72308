#include "graph/reference_edges.h"

namespace kabiscope {

namespace {

void collect(const TypeGraph& graph, NodeId id, const std::string& label, std::vector<ReferenceEdge>& out,
             unsigned depth) {
    if (depth > 10000) return;
    size_t parameter = 0;
    for (const Fragment& f : graph.fragments(id)) {
        if (f.kind() != Fragment::Kind::Child) continue;
        const NodeId child = f.child();
        if (graph.isNamedType(child)) {
            out.push_back({child, label});
            continue;
        }
        const TypeNode& n = graph.node(child);
        std::string childLabel = label;
        if (n.kind == NodeKind::Member)
            childLabel = (label.empty() ? "" : label + ".") + "member " +
                         (n.name.empty() ? std::string("(unnamed)") : std::string(n.name));
        else if (n.kind == NodeKind::Parameter)
            childLabel = (label.empty() ? "" : label + ".") + "parameter " + std::to_string(++parameter) +
                         (n.name.empty() ? "" : " (" + std::string(n.name) + ")");
        collect(graph, child, childLabel, out, depth + 1);
    }
}

}  // namespace

std::vector<ReferenceEdge> referenceEdges(const TypeGraph& graph, NodeId root) {
    std::vector<ReferenceEdge> out;
    collect(graph, root, "", out, 0);
    return out;
}

}  // namespace kabiscope
