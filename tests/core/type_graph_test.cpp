// TypeGraph storage: absorbing another graph, detaching from the source text, and rolling back
// to a checkpoint. These keep pointers into blocks alive across moves, so they get direct tests.
#include <gtest/gtest.h>

#include <string>

#include "model/type_graph.h"
#include "model/type_table.h"

namespace kabiscope {
namespace {

// A struct with `members` members whose names are borrowed from `source`.
NodeId addStruct(TypeGraph& graph, const std::string& name, const std::string& source, int members) {
    const NodeId id = graph.beginNode(NodeKind::Structure, "structure_type", 0);
    graph.node(id).name = graph.storeText(name);
    graph.appendText("structure_type ");
    graph.appendText(graph.node(id).name);
    graph.appendText(" {");
    for (int i = 0; i < members; ++i) {
        const NodeId member = graph.beginNode(NodeKind::Member, "member", 0);
        graph.appendText(" member ");
        graph.appendBorrowedText(source);
        graph.endNode(member);
        graph.appendChild(member);
    }
    graph.appendText(" }");
    graph.endNode(id);
    return id;
}

TEST(TypeGraphStorage, AbsorbedIntoAnEmptyGraphThenDetachedOwnsEveryText) {
    TypeGraph target;
    std::string expected;
    {
        std::string source = "borrowed";
        TypeGraph part;
        addStruct(part, "a", source, 3);
        expected = flattenNode(part, 0, {}).rendering();
        target.absorb(std::move(part));
        target.detachFromSource();
        source.assign(source.size(), 'X');  // the source's bytes change, then go away
    }
    EXPECT_EQ(flattenNode(target, 0, {}).rendering(), expected);
    // The adopted block keeps receiving fragments without losing its count.
    std::string later = "later";
    addStruct(target, "b", later, 2);
    target.detachFromSource();
    later.assign(later.size(), 'Y');
    EXPECT_EQ(flattenNode(target, 0, {}).rendering(), expected);
    EXPECT_EQ(flattenNode(target, 4, {}).rendering(), "structure_type b { member later member later }");
}

TEST(TypeGraphStorage, RollbackForgetsLaterNodesAndReusesTheirBlocks) {
    TypeGraph graph;
    const std::string text = "int x";
    const NodeId kept = addStruct(graph, "kept", text, 2);
    const std::string keptRendering = flattenNode(graph, kept, {}).rendering();
    const TypeGraph::Checkpoint mark = graph.checkpoint();
    for (int round = 0; round < 3; ++round) {
        // Enough fragments to fill several blocks, so rollback has blocks to keep for reuse.
        const NodeId big = addStruct(graph, "big", text, 50000);
        EXPECT_EQ(big, mark.nodes);
        EXPECT_GT(graph.size(), 50000u);
        graph.rollback(mark);
        EXPECT_EQ(graph.size(), mark.nodes);
        EXPECT_EQ(flattenNode(graph, kept, {}).rendering(), keptRendering);
    }
    const NodeId after = addStruct(graph, "after", text, 1);
    EXPECT_EQ(flattenNode(graph, after, {}).rendering(), "structure_type after { member int x }");
    EXPECT_EQ(flattenNode(graph, kept, {}).rendering(), keptRendering);
}

}  // namespace
}  // namespace kabiscope
