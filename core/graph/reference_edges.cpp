#include "graph/reference_edges.h"

namespace kabiscope {

bool opensReturnType(const TypeGraph& graph, NodeId parent, const Fragment& fragment) {
    const NodeKind kind = graph.node(parent).kind;
    return (kind == NodeKind::Symbol || kind == NodeKind::Subroutine) && fragment.kind() == Fragment::Kind::Text &&
           fragment.textView().find("->") != std::string_view::npos;
}

std::optional<NodeId> typeChildOf(const TypeGraph& graph, NodeId id) {
    for (const Fragment& f : graph.fragments(id))
        if (f.kind() == Fragment::Kind::Child && !isListItem(graph.node(f.child()).kind) &&
            graph.node(f.child()).kind != NodeKind::Subrange)
            return f.child();
    return std::nullopt;
}

std::optional<NodeId> namedTypeHeldBy(const TypeGraph& graph, NodeId type) {
    for (unsigned depth = 0; depth < 16; ++depth) {
        if (graph.isNamedType(type)) return type;
        const TypeNode& node = graph.node(type);
        const std::string_view keyword = node.keyword();
        const bool byValue = node.kind == NodeKind::Array ||
                             (node.kind == NodeKind::Modifier &&
                              (keyword == "const_type" || keyword == "volatile_type" || keyword == "atomic_type"));
        if (!byValue) return std::nullopt;
        const std::optional<NodeId> inner = typeChildOf(graph, type);
        if (!inner) return std::nullopt;
        type = *inner;
    }
    return std::nullopt;
}

namespace {

// Finds the list holding `item` below `node` (not entering named types) and collects what the
// items before it hold by value. True once found.
bool heldBefore(const TypeGraph& graph, NodeId node, NodeId item, std::vector<NodeId>& out, unsigned depth) {
    if (depth > 64) return false;
    std::vector<NodeId> held;
    for (const Fragment& f : graph.fragments(node)) {
        if (f.kind() != Fragment::Kind::Child) continue;
        const NodeId child = f.child();
        if (child == item) {
            out = std::move(held);
            return true;
        }
        if (graph.isNamedType(child)) continue;
        if (graph.node(child).kind == NodeKind::Member)
            if (const std::optional<NodeId> type = typeChildOf(graph, child))
                if (const std::optional<NodeId> named = namedTypeHeldBy(graph, *type)) held.push_back(*named);
        if (heldBefore(graph, child, item, out, depth + 1)) return true;
    }
    return false;
}

void heldIn(const TypeGraph& graph, NodeId aggregate, std::vector<NodeId>& out, unsigned depth) {
    if (depth > 64) return;
    for (const Fragment& f : graph.fragments(aggregate)) {
        if (f.kind() != Fragment::Kind::Child || graph.node(f.child()).kind != NodeKind::Member) continue;
        const std::optional<NodeId> type = typeChildOf(graph, f.child());
        if (!type) continue;
        if (const std::optional<NodeId> named = namedTypeHeldBy(graph, *type)) {
            out.push_back(*named);
        } else if (!graph.isNamedType(*type)) {
            const NodeKind kind = graph.node(*type).kind;
            if (kind == NodeKind::Structure || kind == NodeKind::Union || kind == NodeKind::Class)
                heldIn(graph, *type, out, depth + 1);
        }
    }
}

}  // namespace

std::vector<NodeId> namedTypesHeldIn(const TypeGraph& graph, NodeId aggregate) {
    std::vector<NodeId> out;
    heldIn(graph, aggregate, out, 0);
    return out;
}

std::vector<NodeId> namedTypesHeldBefore(const TypeGraph& graph, NodeId record, NodeId item) {
    std::vector<NodeId> out;
    heldBefore(graph, record, item, out, 0);
    return out;
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

namespace {

void namedChildrenBelow(const TypeGraph& graph, NodeId id, std::vector<NodeId>& out, unsigned depth) {
    if (depth > 10000) return;  // as collect()
    for (const Fragment& f : graph.fragments(id)) {
        if (f.kind() != Fragment::Kind::Child) continue;
        if (graph.isNamedType(f.child()))
            out.push_back(f.child());
        else
            namedChildrenBelow(graph, f.child(), out, depth + 1);
    }
}

}  // namespace

void namedChildren(const TypeGraph& graph, NodeId root, std::vector<NodeId>& out) { namedChildrenBelow(graph, root, out, 0); }

std::vector<ReferenceEdge> referenceEdges(const TypeGraph& graph, NodeId root) {
    std::vector<ReferenceEdge> out;
    collect(graph, root, "", out, 0);
    return out;
}

}  // namespace kabiscope
