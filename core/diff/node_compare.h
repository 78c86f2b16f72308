// Comparing two renderings node by node: what exactly differs inside one type or symbol.
//
// Works on one record at a time (a named type's rendering, or an exported symbol's), with named
// types inside it left as references: a struct whose member points to a changed struct has not
// changed itself. Differences are reported at the smallest node a reviewer thinks in — a
// member, a parameter, an enumerator, the return type, or the type itself for its size,
// alignment and declaration state — never at a node whose only difference is a child's. The
// rules are in docs/diff-algorithm.md.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/type_graph.h"

namespace kabiscope {

enum class ChangeKind : uint8_t {
    Added,             // a member, parameter, enumerator or variant appeared
    Removed,           // ... disappeared
    TypeChanged,       // a member's / parameter's / typedef's / variable's type
    Renamed,           // a parameter's name (parameters are matched by position)
    AttributeChanged,  // offset, bit offset, bit size, accessibility
    SizeChanged,       // a type's byte_size or alignment
    ValueChanged,      // an enumerator's value, a variant's discriminant
    Definition,        // declaration-only became defined, or the reverse
    KindChanged,       // struct became union, function became variable, ...
};

const char* changeKindName(ChangeKind kind);

// A change of one of a node's numbers (its byte_size, a member's offset, an enumerator's value):
// the fact itself, so that folding and summaries never read it back out of a description.
struct NumberChange {
    NumberLabel label;
    std::optional<uint64_t> before, after;  // nullopt: the side has no such number
    bool isOffset() const { return label == NumberLabel::DataMemberLocation || label == NumberLabel::DataBitOffset; }
    bool isByteSize() const { return label == NumberLabel::ByteSize; }
};

struct NodeChange {
    ChangeKind kind;
    std::string node;          // "member len", "parameter 2 (dev)", "enumerator FOO", "return type", "" for the type
    std::string description;   // "type changed from int to long int"
    NodeId oldNode = kNoNode;  // the node on each side, when it exists
    NodeId newNode = kNoNode;
    // What follows mechanically from this change and was folded under it (later members'
    // offsets, the struct's size): diff/consequence_folding.h. Empty for a folded change.
    std::vector<NodeChange> folded;
    std::optional<NumberChange> number;  // set when the change is one of the node's numbers
};

// 64-bit hashes of nodes' flattened renderings (references by name), memoized per node of one
// graph and shared by the threads of a diff: a slot stays 0 until some thread has hashed its
// node, and threads that hash the same node store the same value. The graph must not grow
// while it is hashed.
class RenderingHashes {
public:
    explicit RenderingHashes(const TypeGraph& graph);
    const TypeGraph& graph() const { return graph_; }
    uint64_t of(NodeId id) const;

private:
    const TypeGraph& graph_;
    std::unique_ptr<std::atomic<uint64_t>[]> memo_;
};

// The differences between two renderings of the same record (type or symbol).
std::vector<NodeChange> compareRecords(const RenderingHashes& oldHashes, NodeId oldRoot, const RenderingHashes& newHashes,
                                       NodeId newRoot);

// A C-like spelling of a type: "const char *", "struct foo", "int[4]".
std::string prettyTypeName(const TypeGraph& graph, NodeId id);

// The flattened rendering of a node, shortened to `limit` bytes with "..." for descriptions.
std::string shortRendering(const TypeGraph& graph, NodeId id, size_t limit = 120);

}  // namespace kabiscope
