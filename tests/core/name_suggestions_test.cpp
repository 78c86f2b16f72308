// suggestNames: the "did you mean" list for a symbol no build exports.
#include <gtest/gtest.h>

#include "exports/name_suggestions.h"

namespace kabiscope {
namespace {

const std::vector<std::string> kNames = {"_printk", "vprintk", "bprintf", "printk_timed_ratelimit", "kmalloc",
                                         "kmalloc_node", "__kmalloc", "kfree", "netif_rx"};

TEST(NameSuggestions, LeadingUnderscoresComeFirst) {
    const auto got = suggestNames("printk", kNames);
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.front(), "_printk");
    EXPECT_EQ(got, (std::vector<std::string>{"_printk", "vprintk", "bprintf"}));
}

TEST(NameSuggestions, SmallTyposWithinAThirdOfTheName) {
    EXPECT_EQ(suggestNames("netif_xr", kNames), std::vector<std::string>{"netif_rx"});
    EXPECT_EQ(suggestNames("kmaloc", kNames, 1), std::vector<std::string>{"kmalloc"});
}

TEST(NameSuggestions, NothingCloseGivesNothing) {
    EXPECT_TRUE(suggestNames("completely_different_name", kNames).empty());
    EXPECT_TRUE(suggestNames("x", {}).empty());
}

}  // namespace
}  // namespace kabiscope
