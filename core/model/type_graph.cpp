#include "model/type_graph.h"

namespace kabiscope {

NodeId TypeGraph::add(NodeKind kind, std::string_view keyword, uint64_t origin) {
    nodes_.push_back(TypeNode{kind, {}, keyword, origin, {}});
    return NodeId(nodes_.size() - 1);
}

char referencePrefix(NodeKind kind) {
    switch (kind) {
    case NodeKind::Structure:
    case NodeKind::Class: return 's';
    case NodeKind::Union: return 'u';
    case NodeKind::Enumeration: return 'e';
    case NodeKind::Typedef: return 't';
    default: return 0;
    }
}

bool TypeGraph::isNamedType(NodeId id) const {
    const TypeNode& n = nodes_[id];
    return referencePrefix(n.kind) != 0 && !n.name.empty();
}

std::string makeReferenceName(char prefix, std::string_view name) {
    const bool quote = name.find(' ') != std::string_view::npos;
    std::string out;
    out.reserve(name.size() + 4);
    out += prefix;
    out += '#';
    if (quote) out += '\'';
    out += name;
    if (quote) out += '\'';
    return out;
}

std::string TypeGraph::referenceName(NodeId id) const {
    return makeReferenceName(referencePrefix(nodes_[id].kind), nodes_[id].name);
}

}  // namespace kabiscope
