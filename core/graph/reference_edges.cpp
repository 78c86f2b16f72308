#include "graph/reference_edges.h"

namespace kabiscope {

bool isListItem(NodeKind kind) {
    return kind == NodeKind::Member || kind == NodeKind::Parameter || kind == NodeKind::Enumerator ||
           kind == NodeKind::Variant || kind == NodeKind::VariantPart;
}

bool opensReturnType(const TypeGraph& graph, NodeId parent, const Fragment& fragment) {
    const NodeKind kind = graph.node(parent).kind;
    return (kind == NodeKind::Symbol || kind == NodeKind::Subroutine) && fragment.kind() == Fragment::Kind::Text &&
           fragment.textView().find("->") != std::string_view::npos;
}

std::string itemLabel(const TypeNode& node, size_t position, size_t unnamedIndex) {
    const std::string name(node.name());
    switch (node.kind) {
    case NodeKind::Member:
        return name.empty() ? "member (unnamed #" + std::to_string(unnamedIndex + 1) + ")" : "member " + name;
    case NodeKind::Parameter: return "parameter " + std::to_string(position + 1) + (name.empty() ? "" : " (" + name + ")");
    case NodeKind::Enumerator: return "enumerator " + name;
    case NodeKind::Variant: return "variant " + std::to_string(position + 1);
    case NodeKind::VariantPart: return "variant part";
    default: return std::string(node.keyword());
    }
}

std::string labelKey(const std::string& label) {
    if (label.rfind("parameter ", 0) == 0) {
        const auto paren = label.find(" (");
        if (paren != std::string::npos) return label.substr(0, paren);
    }
    return label;
}

namespace {

void collect(const TypeGraph& graph, NodeId id, const std::string& label, std::vector<ReferenceEdge>& out,
             unsigned depth) {
    if (depth > 10000) return;
    size_t positions[32] = {};
    size_t unnamed = 0;
    bool afterArrow = false;  // a function's child after "->" is its return type
    for (const Fragment& f : graph.fragments(id)) {
        if (opensReturnType(graph, id, f)) afterArrow = true;
        if (f.kind() != Fragment::Kind::Child) continue;
        const NodeId child = f.child();
        const std::string roleLabel = afterArrow ? (label.empty() ? "return type" : label + ".return type") : label;
        if (graph.isNamedType(child)) {
            out.push_back({child, roleLabel});
            continue;
        }
        const TypeNode& n = graph.node(child);
        std::string childLabel = roleLabel;
        if (isListItem(n.kind)) {
            const bool unnamedMember = n.kind == NodeKind::Member && n.name().empty();
            childLabel = (label.empty() ? "" : label + ".") + itemLabel(n, positions[size_t(n.kind) % 32]++, unnamed);
            if (unnamedMember) ++unnamed;
        }
        collect(graph, child, childLabel, out, depth + 1);
    }
}

}  // namespace

void namedChildren(const TypeGraph& graph, NodeId root, std::vector<NodeId>& out) {
    for (const Fragment& f : graph.fragments(root)) {
        if (f.kind() != Fragment::Kind::Child) continue;
        if (graph.isNamedType(f.child()))
            out.push_back(f.child());
        else
            namedChildren(graph, f.child(), out);
    }
}

std::vector<ReferenceEdge> referenceEdges(const TypeGraph& graph, NodeId root) {
    std::vector<ReferenceEdge> out;
    collect(graph, root, "", out, 0);
    return out;
}

}  // namespace kabiscope
