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
    EXPECT_THROW(KabiRules::parseSection("f.o", "1\0x", &warning), Error);                       // too small
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
