// ReachSets: what each entry reaches, through cycles, indexed piece by piece (the CRC expander's
// test for "this expansion cannot depend on what came before", docs/crc-sharing.md).
#include <gtest/gtest.h>

#include <vector>

#include "version/reach_sets.h"

namespace kabiscope {
namespace {

// 0 -> 1 -> 2 -> 1 (a cycle), 3 -> 2, 4 -> 4 (a self-loop), 5 alone.
const std::vector<std::vector<uint32_t>> kGraph = {{1}, {2}, {1}, {2}, {4}, {}};

Bitset setOf(std::initializer_list<uint32_t> entries) {
    Bitset set;
    for (uint32_t e : entries) setBit(set, e);
    return set;
}

void index(ReachSets& reach, uint32_t root, size_t budget = SIZE_MAX) {
    reach.index(
        root, [](uint32_t e) -> const std::vector<uint32_t>& { return kGraph[e]; }, [] { return kGraph.size(); },
        budget);
}

Bitset reachOf(const ReachSets& reach, uint32_t entry) {
    Bitset set;
    reach.addTo(entry, set);
    set.resize(1);
    return set;
}

TEST(ReachSets, EachEntryReachesItsComponentAndEverythingBelow) {
    ReachSets reach;
    index(reach, 0);
    EXPECT_TRUE(reach.indexed(0) && reach.indexed(1) && reach.indexed(2));
    EXPECT_FALSE(reach.indexed(3));
    EXPECT_EQ(reachOf(reach, 0), setOf({0, 1, 2}));
    EXPECT_EQ(reachOf(reach, 1), setOf({1, 2}));
    EXPECT_EQ(reachOf(reach, 2), setOf({1, 2}));
    index(reach, 3);  // a later root reuses what is indexed
    index(reach, 4);
    index(reach, 5);
    EXPECT_EQ(reachOf(reach, 3), setOf({1, 2, 3}));
    EXPECT_EQ(reachOf(reach, 4), setOf({4}));
    EXPECT_EQ(reachOf(reach, 5), setOf({5}));
}

TEST(ReachSets, DisjointMeansNothingReachedIsInTheSet) {
    ReachSets reach;
    for (uint32_t root = 0; root < kGraph.size(); ++root) index(reach, root);
    EXPECT_TRUE(reach.disjoint(3, setOf({0, 4, 5})));
    EXPECT_FALSE(reach.disjoint(3, setOf({2})));
    EXPECT_FALSE(reach.disjoint(0, setOf({1})));
    EXPECT_TRUE(reach.disjoint(5, Bitset{}));
}

TEST(ReachSets, StopsOnceOverBudget) {
    ReachSets reach;
    index(reach, 0, /*budget=*/0);
    EXPECT_TRUE(reach.overBudget());
    EXPECT_EQ(reach.bytes(), sizeof(uint64_t));  // stopped after the first component
}

}  // namespace
}  // namespace kabiscope
