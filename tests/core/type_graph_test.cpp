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
    graph.node(id).setName(graph.storeText(name));
    graph.appendText("structure_type ");
    graph.appendText(graph.node(id).name());
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

// A node is 32 bytes: its keyword is an index into a shared table, its origin 40 bits.
TEST(TypeGraphStorage, NodeKeepsKeywordNameAndOriginInItsPackedFields) {
    TypeGraph graph;
    std::string keyword = "made_up_type";  // not a literal: the table keeps its own copy
    const uint64_t origin = (uint64_t(0x5a) << 32) | 0x12345678u;
    const NodeId a = graph.beginNode(NodeKind::Structure, keyword, origin);
    graph.endNode(a);
    keyword = "other_word__";  // same size, same address: must not reuse the cached index
    const NodeId b = graph.beginNode(NodeKind::Union, keyword, 7);
    graph.node(b).setName(graph.storeText("u"));
    graph.endNode(b);
    EXPECT_EQ(graph.node(a).keyword(), "made_up_type");
    EXPECT_EQ(graph.node(a).origin(), origin);
    EXPECT_EQ(graph.node(b).keyword(), "other_word__");
    EXPECT_EQ(graph.node(b).origin(), 7u);
    EXPECT_EQ(graph.node(b).name(), "u");
    EXPECT_EQ(graph.node(a).kind, NodeKind::Structure);
    EXPECT_EQ(internKeyword("made_up_type"), internKeyword(std::string("made_up_type")));
    EXPECT_EQ(keywordText(0), "");
}

}  // namespace
}  // namespace kabiscope
