// foldConsequences: what follows mechanically from a change folds under it. Each test is one
// record's changes as the node comparison emits them (new-side item order, removed items last).
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "diff/consequence_folding.h"

namespace kabiscope {
namespace {

// A change as the comparison emits it: a number change ("offset changed from 8 to 16") also
// carries its numbers, which is what folding reads.
NodeChange change(ChangeKind kind, std::string node, std::string description) {
    NodeChange c{kind, std::move(node), std::move(description), kNoNode, kNoNode, {}, {}};
    for (const auto& [prefix, label] : {std::pair<std::string, NumberLabel>{"offset changed from ", NumberLabel::DataMemberLocation},
                                        {"byte_size changed from ", NumberLabel::ByteSize},
                                        {"alignment changed from ", NumberLabel::Alignment}}) {
        if (c.description.rfind(prefix, 0) != 0) continue;
        uint64_t before = 0, after = 0;
        if (std::sscanf(c.description.c_str() + prefix.size(), "%lu to %lu", &before, &after) == 2)
            c.number = NumberChange{label, before, after};
    }
    return c;
}

// Old offsets by node name, for removed items.
auto offsets(const std::map<std::string, uint64_t>& byNode) {
    return [byNode](const NodeChange& c) -> std::optional<uint64_t> {
        auto it = byNode.find(c.node);
        if (it == byNode.end()) return std::nullopt;
        return it->second;
    };
}

std::vector<std::string> nodes(const std::vector<NodeChange>& changes) {
    std::vector<std::string> out;
    out.reserve(changes.size());
    for (const auto& c : changes) out.push_back(c.node + ": " + c.description);
    return out;
}

TEST(ConsequenceFolding, AMemberInsertedInTheMiddleCarriesTheLaterOffsetsAndTheSize) {
    std::vector<NodeChange> changes = {
        change(ChangeKind::SizeChanged, "", "byte_size changed from 24 to 32"),
        change(ChangeKind::Added, "member extra", "added (long at offset 8)"),
        change(ChangeKind::AttributeChanged, "member b", "offset changed from 8 to 16"),
        change(ChangeKind::AttributeChanged, "member c", "offset changed from 16 to 24"),
    };
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 1u) << testing::PrintToString(nodes(changes));
    EXPECT_EQ(changes[0].node, "member extra");
    EXPECT_EQ(changes[0].folded.size(), 3u);
}

TEST(ConsequenceFolding, AMemberGrownInPlace) {
    std::vector<NodeChange> changes = {
        change(ChangeKind::SizeChanged, "", "byte_size changed from 8 to 16"),
        change(ChangeKind::TypeChanged, "member packets", "type changed from int to long int"),
        change(ChangeKind::AttributeChanged, "member bytes", "offset changed from 4 to 8"),
    };
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].node, "member packets");
}

TEST(ConsequenceFolding, AChangeInsideANestedAnonymousUnionFoldsItsSizeAndTheLaterOffsets) {
    std::vector<NodeChange> changes = {
        change(ChangeKind::SizeChanged, "", "byte_size changed from 32 to 40"),
        change(ChangeKind::SizeChanged, "member (unnamed #1)", "byte_size changed from 8 to 16"),
        change(ChangeKind::TypeChanged, "member (unnamed #1).member wide", "type changed from int to struct pair"),
        change(ChangeKind::AttributeChanged, "member after", "offset changed from 16 to 24"),
    };
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 1u) << testing::PrintToString(nodes(changes));
    EXPECT_EQ(changes[0].node, "member (unnamed #1).member wide");
    EXPECT_EQ(changes[0].folded.size(), 3u);
}

TEST(ConsequenceFolding, AReorderStaysACause) {
    // Nothing explains the first move: it is the root, the second folds under it; the size did
    // not change.
    std::vector<NodeChange> changes = {
        change(ChangeKind::AttributeChanged, "member b", "offset changed from 8 to 0"),
        change(ChangeKind::AttributeChanged, "member a", "offset changed from 0 to 8"),
    };
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].node, "member b");
    EXPECT_EQ(changes[0].folded.size(), 1u);
}

TEST(ConsequenceFolding, TwoIndependentChangesAreTwoCausesEachWithItsOwnConsequences) {
    std::vector<NodeChange> changes = {
        change(ChangeKind::Added, "member first", "added (int at offset 0)"),
        change(ChangeKind::AttributeChanged, "member x", "offset changed from 0 to 4"),
        change(ChangeKind::ValueChanged, "member y", "value changed from 1 to 2"),  // shifts nothing
        change(ChangeKind::TypeChanged, "member flags", "type changed from unsigned int to long unsigned int"),
    };
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 3u) << testing::PrintToString(nodes(changes));
    EXPECT_EQ(changes[0].node, "member first");
    EXPECT_EQ(changes[0].folded.size(), 1u);
    EXPECT_EQ(changes[1].node, "member y");
    EXPECT_EQ(changes[2].node, "member flags");
    EXPECT_TRUE(changes[2].folded.empty());
}

TEST(ConsequenceFolding, ARemovedMemberExplainsOnlyTheMembersAfterIt) {
    std::vector<NodeChange> changes = {
        change(ChangeKind::SizeChanged, "", "byte_size changed from 24 to 16"),
        change(ChangeKind::AttributeChanged, "member len", "offset changed from 16 to 8"),
        change(ChangeKind::Removed, "member legacy", "removed (void * at offset 8)"),
    };
    foldConsequences(changes, offsets({{"member len", 16}, {"member legacy", 8}}));
    ASSERT_EQ(changes.size(), 1u) << testing::PrintToString(nodes(changes));
    EXPECT_EQ(changes[0].node, "member legacy");
    EXPECT_EQ(changes[0].folded.size(), 2u);
}

TEST(ConsequenceFolding, ASizeChangeWithNothingInsideStays) {
    std::vector<NodeChange> changes = {change(ChangeKind::SizeChanged, "", "alignment changed from 8 to 64")};
    foldConsequences(changes, offsets({}));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_TRUE(changes[0].folded.empty());
}

}  // namespace
}  // namespace kabiscope
