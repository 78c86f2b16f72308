// TypeTable and type_string parsing: the longest-wins rule and gendwarfksyms' reference syntax.
#include <gtest/gtest.h>

#include "base/error.h"
#include "model/type_table.h"

namespace kabiscope {
namespace {

TEST(TypeString, SplitsReferencesAnywhereIncludingQuotedOnes) {
    const Record r = parseTypeString("f.o", "s#x", "structure_type x { member s#'a b' m , member t#u32 n }");
    ASSERT_EQ(r.references.size(), 2u);
    EXPECT_EQ(r.references[0].name, "s#'a b'");
    EXPECT_EQ(r.references[1].name, "t#u32");
    EXPECT_EQ(r.rendering(), "structure_type x { member s#'a b' m , member t#u32 n }");
    EXPECT_EQ(r.length(), r.rendering().size());
}

TEST(TypeString, ReferenceMayStartMidWord) {
    // gendwarfksyms scans every position, not only word starts.
    const Record r = parseTypeString("f.o", "t#y", "xs#foo bar");
    ASSERT_EQ(r.references.size(), 1u);
    EXPECT_EQ(r.references[0].name, "s#foo");
    EXPECT_EQ(r.text, "x bar");
}

TEST(TypeString, RejectsEmptyValuesNamesAndUnclosedQuotes) {
    EXPECT_THROW(parseTypeString("f.o", "s#x", ""), Error);
    EXPECT_THROW(parseTypeString("f.o", "s#x", "member s# x"), Error);
    EXPECT_THROW(parseTypeString("f.o", "s#x", "member s#'' x"), Error);
    EXPECT_THROW(parseTypeString("f.o", "s#x", "member s#'open x"), Error);
}

TEST(TypeTableTest, LongestRenderingWinsAndTiesKeepTheFirst) {
    TypeTable table;
    Record shortRecord;
    shortRecord.name = "s#foo";
    shortRecord.text = "structure_type foo { }";
    Record longRecord = shortRecord;
    longRecord.text = "structure_type foo { member int a }";
    Record tie = longRecord;
    tie.text = "structure_type foo { member int b }";
    const RecordId id = table.offer(shortRecord);
    EXPECT_EQ(table.offer(longRecord), id);
    EXPECT_EQ(table.record(id).text, longRecord.text);
    table.offer(tie);
    EXPECT_EQ(table.record(id).text, longRecord.text);
    table.offer(shortRecord);
    EXPECT_EQ(table.record(id).text, longRecord.text);
    EXPECT_EQ(table.size(), 1u);
}

TEST(ReferenceName, QuotesOnlyNamesWithSpaces) {
    EXPECT_EQ(makeReferenceName('s', "core::result::Result<u64, ()>"), "s#'core::result::Result<u64, ()>'");
    EXPECT_EQ(makeReferenceName('t', "u64"), "t#u64");
}

}  // namespace
}  // namespace kabiscope
