// The symbol list format, parsed exactly as gendwarfksyms reads its stdin; and the INI symbol
// lists of a review (Android GKI, libabigail, RHEL stablelists).
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

TEST(ExportListTest, AndroidAndLibabigailIniListsWithCommentsAndSections) {
    std::istringstream in("# GKI list for vendor foo\n[abi_symbol_list]\n  alloc_chrdev_region\n  __alloc_pages\n\n"
                          "; libabigail comment\n[vendor_whitelist]\nkfree\n  alloc_chrdev_region\n");
    const ExportList list = ExportList::parse(in, "abi_gki_aarch64_foo");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list.entries()[0].name, "alloc_chrdev_region");
    EXPECT_EQ(list.entries()[1].name, "__alloc_pages");
    EXPECT_EQ(list.entries()[2].name, "kfree");
}

TEST(ExportListTest, RhelStablelistWithTabIndentedNames) {
    std::istringstream in("[rhel9_x86_64_stablelist]\n\tpci_enable_device\n\tpci_disable_device\n");
    const ExportList list = ExportList::parse(in, "kabi_stablelist_x86_64");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_TRUE(list.contains("pci_enable_device"));
    EXPECT_TRUE(list.contains("pci_disable_device"));
}

TEST(ExportListTest, MalformedIniListsNameTheLine) {
    for (const char* text : {"[abi_symbol_list]\nfoo\n[broken\n", "[abi_symbol_list]\nfoo bar\n"}) {
        std::istringstream in(text);
        try {
            ExportList::parse(in, "list.ini");
            FAIL() << text;
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), "list.ini");
            EXPECT_NE(e.problem().find(std::string(text).find("[broken") != std::string::npos ? "line 3: malformed section header"
                                                                                              : "line 2: malformed symbol list line"),
                      std::string::npos)
                << e.problem();
        }
    }
}

}  // namespace
}  // namespace kabiscope
