// The symbol list format, parsed exactly as gendwarfksyms reads its stdin.
#include <gtest/gtest.h>

#include <sstream>

#include "base/error.h"
#include "exports/export_list.h"

namespace kabiscope {
namespace {

TEST(ExportListTest, FirstTokenCountsAndDuplicatesAreIgnored) {
    std::istringstream in("foo extra tokens\n  bar\nfoo\nbaz");
    const ExportList list = ExportList::parse(in, "-");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list.entries()[0].name, "foo");
    EXPECT_EQ(list.entries()[1].name, "bar");
    EXPECT_EQ(list.entries()[2].name, "baz");
}

TEST(ExportListTest, BlankLineIsMalformed) {
    std::istringstream in("foo\n\nbar\n");
    try {
        ExportList::parse(in, "list.txt");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "list.txt");
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos);
    }
}

}  // namespace
}  // namespace kabiscope
