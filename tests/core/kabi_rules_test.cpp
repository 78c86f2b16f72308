// Parsing of the kABI rules section and rule lookups (spec §8.1-8.2).
#include <gtest/gtest.h>

#include "base/error.h"
#include "kabi/kabi_rules.h"

namespace kabiscope {
namespace {

std::string record(const std::string& version, const std::string& kind, const std::string& target,
                   const std::string& value) {
    std::string out = version;
    out += '\0';
    out += kind;
    out += '\0';
    out += target;
    out += '\0';
    out += value;
    out += '\0';
    return out;
}

TEST(KabiRulesTest, LaterRecordWinsAndLookupsWork) {
    const std::string bytes = record("1", "byte_size", "foo", "16") + record("1", "byte_size", "foo", "24") +
                              record("1", "declonly", "bar", "") + record("1", "enumerator_ignore", "e X", "") +
                              record("1", "enumerator_value", "e Y", "7") + record("1", "type_string", "s#z", "int");
    std::string warning;
    const KabiRules rules = KabiRules::parseSection("f.o", bytes, &warning);
    EXPECT_TRUE(warning.empty());
    EXPECT_EQ(rules.byteSize("foo"), 24u);
    EXPECT_TRUE(rules.isDeclOnly("bar"));
    EXPECT_FALSE(rules.isDeclOnly(""));
    EXPECT_TRUE(rules.isEnumeratorIgnored("e", "X"));
    EXPECT_EQ(rules.enumeratorValue("e", "Y"), 7u);
    ASSERT_NE(rules.typeString("s#z"), nullptr);
    EXPECT_EQ(*rules.typeString("s#z"), "int");
}

TEST(KabiRulesTest, MalformedSectionsAreErrorsNamingTheFile) {
    std::string warning;
    EXPECT_THROW(KabiRules::parseSection("f.o", "1\0x", &warning), Error);                                  // too small
    EXPECT_THROW(KabiRules::parseSection("f.o", std::string("1\0declonly\0foo\0x", 16), &warning), Error);  // no NUL
    EXPECT_THROW(KabiRules::parseSection("f.o", record("2", "declonly", "foo", ""), &warning), Error);
    EXPECT_THROW(KabiRules::parseSection("f.o", record("1", "frobnicate", "foo", ""), &warning), Error);
    try {
        KabiRules::parseSection("drivers/x.o", record("1", "nope", "foo", ""), &warning);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "drivers/x.o");
        EXPECT_NE(std::string(e.what()).find("unsupported kABI rule type 'nope'"), std::string::npos);
    }
}

TEST(KabiRulesTest, InvalidNumbersFailWhenUsed) {
    std::string warning;
    const KabiRules rules = KabiRules::parseSection("f.o", record("1", "byte_size", "foo", "12x"), &warning);
    EXPECT_THROW(rules.byteSize("foo"), Error);
}

TEST(KabiRulesTest, TrailingBytesOnlyWarn) {
    std::string warning;
    const std::string bytes = record("1", "declonly", "foo", "") + std::string("1\0", 2);
    const KabiRules rules = KabiRules::parseSection("f.o", bytes, &warning);
    EXPECT_TRUE(rules.isDeclOnly("foo"));
    EXPECT_FALSE(warning.empty());
}

}  // namespace
}  // namespace kabiscope

namespace kabiscope {
namespace {

std::string problemOf(const std::string& text) {
    try {
        KabiRules::parseText("rules.txt", text);
    } catch (const Error& e) {
        return e.what();
    }
    return "parsed";
}

TEST(KabiRulesFile, LinesAreTheSectionsRecordsAsText) {
    const KabiRules rules = KabiRules::parseText("rules.txt",
                                                 "# what if kcmd's sentinel kept its value\n"
                                                 "\n"
                                                 "enumerator_ignore\tkcmd KCMD_TRIM\t\n"
                                                 "enumerator_value\tkcmd KCMD_MAX\t2\r\n"
                                                 "declonly\tkpriv\n"  // no value, no tab
                                                 "byte_size\tts_outer\t16\n"
                                                 "type_string\ts#ts_inner\tstructure_type ts_inner { }\n");
    EXPECT_EQ(rules.size(), 5u);
    EXPECT_TRUE(rules.isEnumeratorIgnored("kcmd", "KCMD_TRIM"));
    EXPECT_EQ(rules.enumeratorValue("kcmd", "KCMD_MAX"), 2u) << "a CRLF line ending is not part of the value";
    EXPECT_TRUE(rules.isDeclOnly("kpriv"));
    EXPECT_EQ(rules.byteSize("ts_outer"), 16u);
    ASSERT_NE(rules.typeString("s#ts_inner"), nullptr);
    EXPECT_EQ(*rules.typeString("s#ts_inner"), "structure_type ts_inner { }") << "a value keeps its spaces";
}

TEST(KabiRulesFile, AFileAppliesOverTheSectionAsIfAppendedToIt) {
    KabiRules section = KabiRules::parseSection("obj.o", record("1", "enumerator_value", "kcmd KCMD_MAX", "2") + record("1", "declonly", "kpriv", ""), nullptr);
    section.applyOver(KabiRules::parseText("rules.txt", "enumerator_value\tkcmd KCMD_MAX\t3\nbyte_size\tkdev\t24\n"));
    EXPECT_EQ(section.enumeratorValue("kcmd", "KCMD_MAX"), 3u) << "the later record wins";
    EXPECT_TRUE(section.isDeclOnly("kpriv")) << "the section's other rules stay";
    EXPECT_EQ(section.byteSize("kdev"), 24u);
}

TEST(KabiRulesFile, MemberIgnoreIsARulesFileWhatIfOnly) {
    const KabiRules rules = KabiRules::parseText("rules.txt", "member_ignore\tfh_conf extra\n");
    EXPECT_TRUE(rules.isMemberIgnored("fh_conf", "extra"));
    EXPECT_FALSE(rules.isMemberIgnored("fh_conf", "id"));
    EXPECT_FALSE(rules.isMemberIgnored("other", "extra"));
    try {  // gendwarfksyms knows no such rule: in a section it is refused, as there
        KabiRules::parseSection("obj.o", record("1", "member_ignore", "fh_conf extra", ""), nullptr);
        FAIL() << "a member_ignore record in a section was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("unsupported kABI rule type 'member_ignore'"), std::string::npos) << e.what();
    }
}

TEST(KabiRulesFile, MemberRenameGivesTheOldNameInRulesFilesOnly) {
    const KabiRules rules = KabiRules::parseText("rules.txt", "member_rename\tfr_dev renamed_flags\tflags\n");
    ASSERT_NE(rules.memberRename("fr_dev", "renamed_flags"), nullptr);
    EXPECT_EQ(*rules.memberRename("fr_dev", "renamed_flags"), "flags");
    EXPECT_EQ(rules.memberRename("fr_dev", "flags"), nullptr);
    EXPECT_EQ(rules.memberRename("other", "renamed_flags"), nullptr);
    EXPECT_FALSE(rules.isMemberIgnored("fr_dev", "renamed_flags")) << "a rename is no ignore";
    try {
        KabiRules::parseSection("obj.o", record("1", "member_rename", "fr_dev renamed_flags", "flags"), nullptr);
        FAIL() << "a member_rename record in a section was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("unsupported kABI rule type 'member_rename'"), std::string::npos) << e.what();
    }
}

TEST(KabiRulesFile, MalformedLinesNameTheFileAndLine) {
    EXPECT_EQ(problemOf("declonly kpriv\n"), "rules.txt:1: expected TYPE<TAB>TARGET<TAB>VALUE, found 'declonly kpriv'");
    EXPECT_EQ(problemOf("# ok\nshrink\tkpriv\t\n"),
              "rules.txt:2: unknown kABI rule type 'shrink' (declonly, enumerator_ignore, enumerator_value, byte_size, type_string, member_ignore or member_rename)");
    EXPECT_EQ(problemOf("declonly\t\t\n"), "rules.txt:1: a declonly rule without a target");
    EXPECT_EQ(problemOf("byte_size\tkdev\tbig\n"), "rules.txt:1: byte_size needs an unsigned value, found 'big'");
    EXPECT_EQ(problemOf("enumerator_value\tkcmd KCMD_MAX\t\n"), "rules.txt:1: enumerator_value needs an unsigned value, found ''");
    EXPECT_EQ(problemOf("byte_size\tkdev\t99999999999999999999999\n"),
              "rules.txt:1: byte_size needs an unsigned value, found '99999999999999999999999'");
    EXPECT_EQ(problemOf(std::string("declonly\tk\0x\t\n", 13)), "rules.txt:1: a NUL byte in a rule");
    EXPECT_EQ(problemOf("member_rename\tfr_dev renamed_flags\n"),
              "rules.txt:1: member_rename needs the member's old name as its value, found ''");
    EXPECT_EQ(problemOf("member_rename\tfr_dev renamed_flags\ttwo words\n"),
              "rules.txt:1: member_rename needs the member's old name as its value, found 'two words'");
    try {
        KabiRules::parseFile("/nonexistent/rules.txt");
        FAIL() << "read a missing file";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "/nonexistent/rules.txt");
    }
}

}  // namespace
}  // namespace kabiscope
