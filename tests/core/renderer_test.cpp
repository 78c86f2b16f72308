// The renderer on DWARF compiled at build time (tests/fixtures/*.c, gcc -g and -gdwarf-4):
// one construct per export, each rendering checked against gendwarfksyms' grammar (spec §5-§8).
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <zlib.h>

#include "base/error.h"
#include "core/test_support.h"
#include "output/writers.h"
#include "version/crc_expander.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

// name -> rendering, from the symtypes output of one fixture object.
std::map<std::string, std::string> symtypesOf(const std::string& object, bool stable = false) {
    VersionOptions options;
    options.stable = stable;
    const BuildFile build = versionFile(test::fixturePath(object), options);
    std::ostringstream out;
    writeSymtypes(build, out);
    std::map<std::string, std::string> records;
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
        const auto space = line.find(' ');
        records[line.substr(0, space)] = line.substr(space + 1);
    }
    return records;
}

uint32_t crcOf(const BuildFile& build, const std::string& name) {
    for (const auto& s : build.symbols)
        if (s.name() == name) return s.crc;
    ADD_FAILURE() << "no symbol " << name;
    return 0;
}

// Deep nesting (core/base/limits.h): the fixtures are generated at build time.
BuildFile versionDeep(const std::string& fixture, const std::string& symbol, VersionOptions options = {}) {
    std::istringstream names(symbol + "\n");
    options.exports = ExportList::parse(names, "list");
    return versionFile(test::fixturePath(fixture + ".o"), options);
}

TEST(Renderer, TypedefChainsDeeperThanAnOrdinaryStackVersion) {
    VersionOptions options;
    options.captureCrcInput = true;
    const BuildFile build = versionDeep("typedef_chain_16000", "deep_chain", options);
    ASSERT_EQ(build.symbols.size(), 1u);
    EXPECT_TRUE(build.symbols[0].hasCrc);
    std::ostringstream inputs;
    writeCrcInputs(build, inputs);
    EXPECT_NE(inputs.str().find("variable typedef_type chain15999 { typedef_type chain15998 { "), std::string::npos);
    EXPECT_NE(inputs.str().find("typedef_type chain0 { base_type int byte_size(4) encoding(5) }"), std::string::npos);
    // The CRC input view (explorer, explain) expands it again, on an ordinary stack.
    CrcInputReader reader(build);
    EXPECT_EQ(crcOfInput(reader.input(build.symbols[0])), build.symbols[0].crc);
}

TEST(Renderer, AnonymousNestingUpToTheLimitVersions) {
    const BuildFile build = versionDeep("pointer_chain_1000", "deep_pointer");
    ASSERT_EQ(build.symbols.size(), 1u);
    EXPECT_TRUE(build.symbols[0].hasCrc);
}

TEST(Renderer, AnonymousNestingBeyondTheLimitIsAnErrorNotACrash) {
    try {
        versionDeep("pointer_chain_3000", "deep_pointer");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("pointer_chain_3000.o"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("anonymous types nested more than 2048 levels"), std::string::npos) << e.what();
    }
}

TEST(Renderer, FunctionParametersKeepTheirNamesAndVarargsVanish) {
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["rb_add"],
              "subprogram ( formal_parameter base_type int byte_size(4) encoding(5) a , formal_parameter base_type long "
              "int byte_size(8) encoding(5) b ) -> base_type int byte_size(4) encoding(5)");
    EXPECT_EQ(records["rb_log"],
              "subprogram ( formal_parameter pointer_type { const_type { base_type char byte_size(1) encoding(6) } } "
              "byte_size(8) fmt ) -> base_type int byte_size(4) encoding(5)");
}

TEST(Renderer, NamedTypesBecomeReferencesWithTheirOwnRecords) {
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["rb_origin"], "variable s#rb_point");
    EXPECT_EQ(records["s#rb_point"],
              "structure_type rb_point { member base_type int byte_size(4) encoding(5) x data_member_location(0) , "
              "member base_type int byte_size(4) encoding(5) y data_member_location(4) , member t#rb_u64 tag "
              "data_member_location(8) } byte_size(16)");
    EXPECT_EQ(records["t#rb_u64"], "typedef_type rb_u64 { base_type long long unsigned int byte_size(8) encoding(7) }");
}

TEST(Renderer, NegativeEnumeratorsPrintAsUnsigned64Bit) {
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["e#rb_mode"],
              "enumeration_type rb_mode { enumerator RB_OFF = 0 , enumerator RB_ON = 4 , enumerator RB_BROKEN = "
              "18446744073709551615 } byte_size(4)");
}

TEST(Renderer, BitfieldsUseDataBitOffsetInDwarf5AndLoseItInDwarf4) {
    const std::string five = symtypesOf("render_basic.gcc.o")["s#rb_flags"];
    const std::string four = symtypesOf("render_basic.dwarf4.o")["s#rb_flags"];
    EXPECT_NE(five.find("mode bit_size(3) data_bit_offset(1)"), std::string::npos) << five;
    EXPECT_NE(four.find("mode bit_size(3) data_member_location(0)"), std::string::npos) << four;
    // The zero-width bitfield leaves no member; the 2-D array keeps both bounds.
    EXPECT_NE(five.find("member array_type[2][3] { base_type char byte_size(1) encoding(6) } name"), std::string::npos);
    EXPECT_EQ(five.find("bit_size(0)"), std::string::npos);
}

TEST(Renderer, PrivateAndDeclarationOnlyStructsAreNotExpanded) {
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["s#rb_private"], "structure_type rb_private { }");
    EXPECT_EQ(records["s#rb_opaque"], "structure_type rb_opaque { }");
}

TEST(Renderer, SelfReferenceStaysAReference) {
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["s#rb_list"],
              "structure_type rb_list { member pointer_type { s#rb_list } byte_size(8) next data_member_location(0) , "
              "member pointer_type { s#rb_list } byte_size(8) prev data_member_location(8) } byte_size(16)");
}

TEST(Renderer, DeclaredOnlyExportFallsBackToItsTypePointer) {
    // rb_external has no DIE of its own beyond gcc's declaration; parameters come unnamed.
    auto records = symtypesOf("render_basic.gcc.o");
    EXPECT_EQ(records["rb_external"],
              "subprogram ( formal_parameter base_type unsigned int byte_size(4) encoding(7) ) -> base_type long int "
              "byte_size(8) encoding(5)");
}

TEST(Renderer, EveryCrcIsZlibCrc32OfItsExpandedInput) {
    VersionOptions options;
    options.captureCrcInput = true;
    const BuildFile build = versionFile(test::fixturePath("render_basic.gcc.o"), options);
    ASSERT_EQ(build.symbols.size(), 9u);
    ASSERT_EQ(build.scopes.size(), 1u);
    ASSERT_EQ(build.scopes[0]->crcInputs.size(), 9u);
    for (const auto& [name, input] : build.scopes[0]->crcInputs) {
        const uint32_t expected = uint32_t(crc32(0, reinterpret_cast<const Bytef*>(input.data()), uInt(input.size())));
        EXPECT_EQ(crcOf(build, name), expected) << name;
        // The first reference is expanded: no "s#rb_list" before the struct was written out.
        if (name == "rb_list_add") {
            EXPECT_EQ(input.find("structure_type rb_list {"), input.find("structure_type"));
            EXPECT_NE(input.find("s#rb_list"), std::string::npos);
        }
    }
}

TEST(Renderer, ExportRecordsGiveLicenseAndNamespace) {
    const BuildFile build = versionFile(test::fixturePath("render_basic.gcc.o"), {});
    std::map<std::string, const SymbolVersion*> byName;
    for (const auto& s : build.symbols) byName[s.name()] = &s;
    EXPECT_EQ(byName.at("rb_add")->info.exportType, "EXPORT_SYMBOL");
    EXPECT_EQ(byName.at("rb_origin")->info.exportType, "EXPORT_SYMBOL_GPL");
    EXPECT_EQ(byName.at("rb_default_mode")->info.nameSpace, "RB_NS");
}

TEST(Renderer, StableRulesHideReservedSlotsAndIgnoredEnumerators) {
    const auto v1 = versionFile(test::fixturePath("render_kabi.v1.o"), {});
    const auto v2 = versionFile(test::fixturePath("render_kabi.v2.o"), {});
    EXPECT_NE(crcOf(v1, "rk_probe"), crcOf(v2, "rk_probe")) << "without --stable the change shows";
    VersionOptions stable;
    stable.stable = true;
    const auto s1 = versionFile(test::fixturePath("render_kabi.v1.o"), stable);
    const auto s2 = versionFile(test::fixturePath("render_kabi.v2.o"), stable);
    EXPECT_EQ(crcOf(s1, "rk_probe"), crcOf(s2, "rk_probe")) << "with --stable it is hidden";
    auto records = symtypesOf("render_kabi.v2.o", true);
    EXPECT_EQ(records["s#rk_dev"],
              "structure_type rk_dev { member base_type int byte_size(4) encoding(5) id data_member_location(0) , "
              "member base_type long unsigned int byte_size(8) encoding(7) data_member_location(8) } byte_size(16)");
    EXPECT_EQ(records["e#rk_cmd"],
              "enumeration_type rk_cmd { enumerator RK_READ = 0 , enumerator RK_WRITE = 1 , enumerator RK_MAX = 2 } "
              "byte_size(4)");
}

}  // namespace
}  // namespace kabiscope
