#include "version/flat_types.h"

#include "base/error.h"
#include "base/limits.h"

namespace kabiscope {

namespace {

uint32_t checkedOffset(size_t offset) {
    if (offset > UINT32_MAX) throw Error({}, "a scope's flattened types exceed 4 GiB");
    return uint32_t(offset);
}

}  // namespace

void FlatTypes::clear() {
    text_.clear();
    names_.clear();
    references_.clear();
    types_.clear();
}

uint32_t FlatTypes::nameOf(const TypeGraph& graph, NodeId named) {
    const TypeNode& node = graph.node(named);
    const uint32_t begin = checkedOffset(names_.size());
    appendReferenceName(names_, referencePrefix(node.kind), node.name());
    return begin;
}

void FlatTypes::flattenInto(const TypeGraph& graph, NodeId id, uint32_t textBegin, unsigned depth) {
    if (depth > 4 * kMaxAnonymousNesting) throw Error({}, "anonymous types nested too deeply");
    for (const Fragment& f : graph.fragments(id)) {
        const NodeId child = appendPrinted(text_, f);
        if (child == kNoNode) continue;
        if (graph.isNamedType(child)) {
            const uint32_t name = nameOf(graph, child);
            references_.push_back({uint32_t(text_.size() - textBegin), name, uint32_t(names_.size() - name), child});
        } else {
            flattenInto(graph, child, textBegin, depth + 1);
        }
    }
}

FlatTypes::Id FlatTypes::add(const TypeGraph& graph, NodeId root) {
    Type type;
    type.textBegin = checkedOffset(text_.size());
    type.referenceBegin = uint32_t(references_.size());
    flattenInto(graph, root, type.textBegin, 0);
    type.textEnd = checkedOffset(text_.size());
    type.referenceEnd = uint32_t(references_.size());
    types_.push_back(type);
    return Id(types_.size() - 1);
}

FlatTypes::Id FlatTypes::add(const Record& record) {
    Type type;
    type.textBegin = checkedOffset(text_.size());
    type.referenceBegin = uint32_t(references_.size());
    text_ += record.text;
    for (const auto& reference : record.references) {
        const uint32_t name = checkedOffset(names_.size());
        names_ += reference.name;
        references_.push_back({reference.offset, name, uint32_t(reference.name.size()), reference.node});
    }
    type.textEnd = checkedOffset(text_.size());
    type.referenceEnd = uint32_t(references_.size());
    types_.push_back(type);
    return Id(types_.size() - 1);
}

}  // namespace kabiscope
