// compareMembers: a type's two renderings side by side, member by member, changed first.
#include <gtest/gtest.h>

#include "diff/member_table.h"

namespace kabiscope {
namespace {

TEST(MemberTable, PairsMembersByNameAndPutsTheChangedFirst) {
    const std::string before =
        "structure_type q { member base_type int byte_size(4) encoding(5) a data_member_location(0) , "
        "member pointer_type { s#x } byte_size(8) b data_member_location(8) , "
        "member base_type int byte_size(4) encoding(5) gone data_member_location(16) } byte_size(24)";
    const std::string after =
        "structure_type q { member base_type int byte_size(4) encoding(5) a data_member_location(0) , "
        "member base_type long int byte_size(8) encoding(5) fresh data_member_location(8) , "
        "member pointer_type { s#x } byte_size(8) b data_member_location(16) } byte_size(24)";
    const MemberTable table = compareMembers(before, after);
    ASSERT_TRUE(table.hasList);
    EXPECT_EQ(table.oldHead, "structure_type q {");
    EXPECT_EQ(table.newTail, "} byte_size(24)");
    ASSERT_EQ(table.lines.size(), 4u);
    EXPECT_EQ(table.changedCount(), 3u);
    EXPECT_EQ(table.lines[0].name, "fresh");
    EXPECT_EQ(table.lines[0].change, MemberLine::Change::Added);
    EXPECT_EQ(table.lines[1].name, "b");
    EXPECT_EQ(table.lines[1].change, MemberLine::Change::Changed);
    EXPECT_EQ(table.lines[1].oldText, "member pointer_type { s#x } byte_size(8) b data_member_location(8)");
    EXPECT_EQ(table.lines[2].name, "gone");
    EXPECT_EQ(table.lines[2].change, MemberLine::Change::Removed);
    EXPECT_EQ(table.lines[3].name, "a");
    EXPECT_EQ(table.lines[3].change, MemberLine::Change::Same);
}

TEST(MemberTable, NestedListsStayInsideTheirItem) {
    // The " , " inside a member's function pointer type is not a separator of the struct's list.
    const std::string text =
        "structure_type ops { member pointer_type { subroutine_type ( formal_parameter int , formal_parameter long ) -> "
        "base_type void } byte_size(8) cb data_member_location(0) } byte_size(8)";
    const MemberTable table = compareMembers(text, text);
    ASSERT_EQ(table.lines.size(), 1u);
    EXPECT_EQ(table.lines[0].name, "cb");
    EXPECT_EQ(table.changedCount(), 0u);
}

TEST(MemberTable, BitFieldsAndMembersOfAnonymousTypesAreNamedByTheirOwnName) {
    const std::string before =
        "structure_type s { member base_type unsigned int byte_size(4) encoding(7) flags bit_size(3) data_member_location(0) , "
        "member structure_type { member base_type int byte_size(4) encoding(5) a data_member_location(0) } u data_member_location(4) , "
        "member union_type { member base_type int byte_size(4) encoding(5) x data_member_location(0) } data_member_location(8) } byte_size(12)";
    const std::string after =
        "structure_type s { member base_type unsigned int byte_size(4) encoding(7) flags bit_size(4) data_member_location(0) , "
        "member structure_type { member base_type int byte_size(4) encoding(5) a data_member_location(0) } u data_member_location(4) , "
        "member union_type { member base_type int byte_size(4) encoding(5) x data_member_location(0) } data_member_location(8) } byte_size(12)";
    const MemberTable table = compareMembers(before, after);
    ASSERT_EQ(table.lines.size(), 3u);
    EXPECT_EQ(table.lines[0].name, "flags");  // not "bit_size(4)": a width change is one changed line
    EXPECT_EQ(table.lines[0].change, MemberLine::Change::Changed);
    EXPECT_EQ(table.lines[1].name, "u");  // not the nested "a"
    EXPECT_EQ(table.lines[2].name, "(unnamed, item 3)");
    EXPECT_EQ(table.lines[2].change, MemberLine::Change::Same);
}

TEST(MemberTable, EnumeratorsAndPlainTypes) {
    const MemberTable e = compareMembers("enumeration_type e { enumerator A = 0 , enumerator B = 1 } byte_size(4)",
                                         "enumeration_type e { enumerator A = 0 , enumerator B = 2 } byte_size(4)");
    ASSERT_EQ(e.lines.size(), 2u);
    EXPECT_EQ(e.lines[0].name, "B");
    EXPECT_EQ(e.lines[0].change, MemberLine::Change::Changed);
    const MemberTable plain = compareMembers("base_type int byte_size(4)", "base_type long byte_size(8)");
    EXPECT_FALSE(plain.hasList);
    ASSERT_EQ(plain.lines.size(), 1u);
    EXPECT_EQ(plain.lines[0].change, MemberLine::Change::Changed);
    const MemberTable unbalanced = compareMembers("structure_type x { member a", "structure_type x { member a");
    EXPECT_FALSE(unbalanced.hasList);
}

}  // namespace
}  // namespace kabiscope
