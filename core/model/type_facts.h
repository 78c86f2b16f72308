// Facts about one type-graph node that the diff, the explorers and the graph all ask: is it a
// list item, an aggregate, declared only; its numbers (byte size, offset); its items. One place
// that reads them off a node's fragments, instead of each reader walking fragments itself.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "model/type_graph.h"

namespace kabiscope {

// Entries of a list: members, parameters, enumerators, variants, a variant part.
bool isListItem(NodeKind kind);
// Structures, classes, unions and enumerations: the types with items and a size.
bool isAggregate(NodeKind kind);

// The node's own number with `label` (" byte_size(8)"), nullopt when it has none.
std::optional<uint64_t> numberOf(const TypeGraph& graph, NodeId id, NumberLabel label);
// All its own numbers by label.
std::map<NumberLabel, uint64_t> numbersOf(const TypeGraph& graph, NodeId id);
// Its list items (members, parameters, ...), in order.
std::vector<NodeId> itemsOf(const TypeGraph& graph, NodeId id);
bool hasItems(const TypeGraph& graph, NodeId id);
// Rendered in full: it has numbers or items. Not so: a declaration, a private (.c) definition
// kept opaque, or a declonly kABI rule.
bool isExpanded(const TypeGraph& graph, NodeId id);
// A struct, union or enum with neither a size nor items: declared, never defined here.
// (genksyms' C records have items but no size, so they are not "declared only".)
bool isDeclarationOnly(const TypeGraph& graph, NodeId id);
// A member's offset in bytes: data_member_location, or a bit field's data_bit_offset / 8.
std::optional<uint64_t> memberByteOffset(const TypeGraph& graph, NodeId id);

}  // namespace kabiscope
