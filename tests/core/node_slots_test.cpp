// NodeSlots: per-node scratch values in a window over a scope's nodes. The window must be sized
// to the scope when its end is known, and stay small when it is not (a whole kernel's scope has
// millions of nodes; a module's a few hundred).
#include <gtest/gtest.h>

#include "base/node_slots.h"

namespace kabiscope {
namespace {

TEST(NodeSlots, KnownEndSizesTheWindowToTheScopeAtOnce) {
    NodeSlots<uint32_t> slots(UINT32_MAX);
    slots.reset(1000, 1100);
    slots[1010] = 7;
    EXPECT_EQ(slots.windowSize(), 100u);
    slots[1099] = 8;
    EXPECT_EQ(slots.windowSize(), 100u);
    EXPECT_EQ(slots[1010], 7u);
    EXPECT_EQ(slots[1050], UINT32_MAX);
    slots[5] = 3;  // below the window: kept aside
    EXPECT_EQ(slots[5], 3u);
    EXPECT_EQ(slots.windowSize(), 100u);
}

TEST(NodeSlots, UnknownEndGrowsWithTheIndexesUsed) {
    NodeSlots<uint32_t> slots(0);
    slots.reset(0);
    slots[3] = 1;
    EXPECT_LE(slots.windowSize(), 8u);
    slots[100] = 2;
    EXPECT_LE(slots.windowSize(), 202u);
    EXPECT_EQ(slots[3], 1u);
    EXPECT_EQ(slots[100], 2u);
}

TEST(NodeSlots, IndexPastAKnownEndStillWorks) {
    NodeSlots<uint32_t> slots(0);
    slots.reset(0, 10);
    slots[25] = 4;
    EXPECT_EQ(slots[25], 4u);
    EXPECT_LE(slots.windowSize(), 52u);
}

}  // namespace
}  // namespace kabiscope
