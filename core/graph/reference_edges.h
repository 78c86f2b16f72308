// The type references inside one rendering, each with the list item it sits in.
//
// Walks a node's inlined (anonymous) subtree and returns every named type it refers to, with a
// label saying where: "parameter 2 (dev)", "member queues", "member (unnamed #1).member x". The
// diff engine follows these to reach types; the dependency graph draws them as edges.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/type_facts.h"  // isListItem
#include "model/type_graph.h"

namespace kabiscope {

struct ReferenceEdge {
    NodeId named;       // the named child node (a reference by name)
    std::string label;  // where in the rendering it sits; "" at the top level
};

std::vector<ReferenceEdge> referenceEdges(const TypeGraph& graph, NodeId root);

// Just the named nodes a rendering refers to (no labels, appended to `out`): for bulk walks.
// The same nodes in the same order as referenceEdges(), so edge i of one is edge i of the other.
void namedChildren(const TypeGraph& graph, NodeId root, std::vector<NodeId>& out);

// The type a member, parameter, typedef, modifier or array is of: its first child that is not
// a list item or an array's subrange.
std::optional<NodeId> typeChildOf(const TypeGraph& graph, NodeId id);

// The named types that the items before `item`, in the list that holds it inside `record`'s
// rendering, contain by value (through arrays and const/volatile, not through pointers), in
// item order. When one of them grew, it moved `item`: diff/cross_type_folding.h.
std::vector<NodeId> namedTypesHeldBefore(const TypeGraph& graph, NodeId record, NodeId item);

// The named types the members of `aggregate` hold by value, members of anonymous aggregates
// inside it included, in member order. When one of them grew, it grew `aggregate`.
std::vector<NodeId> namedTypesHeldIn(const TypeGraph& graph, NodeId aggregate);

// The named type `type` is by value, looking through arrays and const/volatile/atomic: the
// named node, or nullopt for a pointer, a reference or an anonymous type.
std::optional<NodeId> namedTypeHeldBy(const TypeGraph& graph, NodeId type);

// True when `fragment`, met while iterating the fragments of `parent`, is the "->" after a
// function's parameters: the child that follows is its return type (labelled "return type" on
// edges and paths, "return type: ..." in the aligned tree).
bool opensReturnType(const TypeGraph& graph, NodeId parent, const Fragment& fragment);

// How a list item is named everywhere (causes, paths, trees): "member len", "member (unnamed #2)",
// "parameter 1 (dev)", "enumerator FOO", "variant 3", "variant part". `position` counts items of
// the same kind in the parent from 0, `unnamedIndex` unnamed members from 0.
std::string itemLabel(const TypeNode& node, size_t position, size_t unnamedIndex);

// The label without what may legitimately differ between builds for the same item: a
// parameter's name ("parameter 1 (dev)" -> "parameter 1"). Used to match labels.
std::string labelKey(const std::string& label);

}  // namespace kabiscope
