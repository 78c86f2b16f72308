#include "model/type_facts.h"

namespace kabiscope {

bool isListItem(NodeKind kind) {
    return kind == NodeKind::Member || kind == NodeKind::Parameter || kind == NodeKind::Enumerator ||
           kind == NodeKind::Variant || kind == NodeKind::VariantPart;
}

bool isAggregate(NodeKind kind) {
    return kind == NodeKind::Structure || kind == NodeKind::Class || kind == NodeKind::Union ||
           kind == NodeKind::Enumeration;
}

std::optional<uint64_t> numberOf(const TypeGraph& graph, NodeId id, NumberLabel label) {
    for (const Fragment& f : graph.fragments(id))
        if (f.kind() == Fragment::Kind::Number && f.label() == label) return uint64_t{f.number};  // a copy: fragments are packed
    return std::nullopt;
}

std::map<NumberLabel, uint64_t> numbersOf(const TypeGraph& graph, NodeId id) {
    std::map<NumberLabel, uint64_t> out;
    for (const Fragment& f : graph.fragments(id))
        if (f.kind() == Fragment::Kind::Number) out.emplace(f.label(), uint64_t{f.number});
    return out;
}

std::vector<NodeId> itemsOf(const TypeGraph& graph, NodeId id) {
    std::vector<NodeId> out;
    for (const Fragment& f : graph.fragments(id))
        if (f.kind() == Fragment::Kind::Child && isListItem(graph.node(f.child()).kind)) out.push_back(f.child());
    return out;
}

bool hasItems(const TypeGraph& graph, NodeId id) {
    for (const Fragment& f : graph.fragments(id))
        if (f.kind() == Fragment::Kind::Child && isListItem(graph.node(f.child()).kind)) return true;
    return false;
}

bool isExpanded(const TypeGraph& graph, NodeId id) {
    for (const Fragment& f : graph.fragments(id)) {
        if (f.kind() == Fragment::Kind::Number) return true;
        if (f.kind() == Fragment::Kind::Child && isListItem(graph.node(f.child()).kind)) return true;
    }
    return false;
}

bool isDeclarationOnly(const TypeGraph& graph, NodeId id) {
    return isAggregate(graph.node(id).kind) && !numberOf(graph, id, NumberLabel::ByteSize) && !hasItems(graph, id);
}

std::optional<uint64_t> memberByteOffset(const TypeGraph& graph, NodeId id) {
    if (const std::optional<uint64_t> bits = numberOf(graph, id, NumberLabel::DataBitOffset)) return *bits / 8;
    return numberOf(graph, id, NumberLabel::DataMemberLocation);
}

}  // namespace kabiscope
