// genksyms symtypes (readers/genksyms_reader.h): every CRC recomputed from the records equals the
// real genksyms binary's, for single objects, concatenations and consolidated files, and for
// files the installed genksyms writes at test time from the committed preprocessed fixtures
// (tests/data/genksyms/regenerate made them with Debian's linux-kbuild-6.12 genksyms).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "base/error.h"
#include "core/test_support.h"
#include "readers/genksyms_reader.h"
#include "readers/genksyms_symtypes.h"
#include "readers/read_build.h"
#include "version/genksyms_crc.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

// "#SYMVER name 0xcrc" lines by name.
std::map<std::string, std::string> symverLines(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    for (std::string tag, name, crc; in >> tag >> name >> crc;) out[name] = crc;
    return out;
}

std::map<std::string, std::string> computed(const BuildFile& file) {
    std::map<std::string, std::string> out;
    for (const SymbolVersion& symbol : file.symbols) {
        char crc[16];
        std::snprintf(crc, sizeof crc, "0x%08x", symbol.crc);
        out[symbol.name()] = crc;
    }
    return out;
}

std::string genksymsData(const std::string& name) { return test::dataPath("genksyms/" + name); }

const char* const kObjects[] = {"core", "net", "drv"};

TEST(Genksyms, EveryObjectsCrcsEqualGenksyms) {
    for (const char* object : kObjects)
        for (int v : {1, 2}) {
            const std::string base = std::string(object) + ".v" + std::to_string(v);
            const BuildFile file = readGenksymsFile(genksymsData(base + ".symtypes"));
            EXPECT_EQ(file.versioning, Versioning::Genksyms);
            EXPECT_EQ(file.scopes.size(), 1u) << base;
            EXPECT_EQ(computed(file), symverLines(test::readFile(genksymsData(base + ".symver")))) << base;
        }
}

TEST(Genksyms, ConcatenatedObjectsSplitWhereANameComesAgain) {
    for (int v : {1, 2}) {
        const BuildFile file = readGenksymsFile(genksymsData("all.v" + std::to_string(v) + ".symtypes"));
        EXPECT_EQ(file.scopes.size(), 3u);
        EXPECT_EQ(computed(file), symverLines(test::readFile(genksymsData("all.v" + std::to_string(v) + ".symver"))));
    }
}

TEST(Genksyms, ConsolidatedFileInheritsOmittedTypesAndKeepsLocalDeclarations) {
    for (int v : {1, 2}) {
        const std::string path = genksymsData("all.v" + std::to_string(v) + ".kabi");
        EXPECT_EQ(detectBuildInput(path), BuildInput::GenksymsSymtypes);
        const BuildFile file = readGenksymsFile(path);
        ASSERT_EQ(file.scopes.size(), 3u);
        EXPECT_EQ(file.scopes[1]->label, "net.symtypes");
        EXPECT_EQ(computed(file), symverLines(test::readFile(genksymsData("all.v" + std::to_string(v) + ".symver"))));
    }
}

TEST(Genksyms, DetectedByContentNotByName) {
    EXPECT_EQ(detectBuildInput(genksymsData("core.v1.symtypes")), BuildInput::GenksymsSymtypes);
    EXPECT_EQ(detectBuildInput(test::dataPath("gendwarfksyms/expected/fx_basic.gcc.symtypes")), BuildInput::Symtypes);
    test::TempDir dir("genksyms-detect");
    // An object exporting only base types has no type lines: its symbol's line names itself.
    EXPECT_EQ(detectBuildInput(dir.write("x.txt", "foo int foo ( void ) \n")), BuildInput::GenksymsSymtypes);
    EXPECT_EQ(detectBuildInput(dir.write("y.txt", "hello world\n")), BuildInput::Dwarf);  // whose reader says "not ELF"
}

// The rule that makes genksyms' CRCs what they are: a type met again within one symbol's
// expansion is hashed as "struct <name>", a typedef or enum constant as its bare name.
TEST(Genksyms, ATypeMetAgainIsHashedByName) {
    test::TempDir dir("genksyms-rule");
    const std::string path = dir.write("a.symtypes",
                                       "t#u32 typedef unsigned int u32 \n"
                                       "s#node struct node { s#node * next ; t#u32 a ; t#u32 b ; } \n"
                                       "E#MAX ( 3 ) + 1 \n"
                                       "f int f ( s#node * , int [ E#MAX ] , int [ E#MAX ] ) \n");
    const GenksymsSymtypes file = readGenksymsSymtypes(path);
    GenksymsScopes scopes(file);
    scopes.enter(0);
    GenksymsCrc crc(file);
    std::vector<uint32_t> reached;
    const uint32_t value = crc.crc(3, scopes, &reached);
    EXPECT_EQ(crc.lastInput(),
              "int f ( struct node { struct node * next ; typedef unsigned int u32 a ; u32 b ; } * , int [ ( 3 ) + 1 ] "
              ", int [ MAX ] ) ");
    EXPECT_EQ(reached, (std::vector<uint32_t>{1, 0, 2}));
    // What genksyms prints for the C these records came from (typedef unsigned int u32; struct
    // node { struct node *next; u32 a; u32 b; }; enum { X = 3, MAX }; int f(struct node *n, int
    // x[MAX], int y[MAX])): the standard CRC-32 of the bytes above.
    EXPECT_EQ(value, 0xda16962fu) << std::hex << value;
}

TEST(Genksyms, BadInputIsOneErrorNamingFileAndLine) {
    test::TempDir dir("genksyms-bad");
    auto errorOf = [&](const std::string& text) {
        const std::string path = dir.write("bad.symtypes", text);
        try {
            readGenksymsFile(path);
        } catch (const Error& e) {
            return std::string(e.what()).substr(path.size());
        }
        return std::string("no error");
    };
    EXPECT_EQ(errorOf("s#a struct a { int x ; } \nf int f ( s#b ) \n"),
              ":2: f refers to s#b, which the file does not define");
    EXPECT_EQ(errorOf("x#a struct a { } \nf int f ( ) \n"), ":1: unknown type prefix 'x#' (genksyms writes t#, e#, s#, u# and E#)");
    EXPECT_EQ(errorOf("f\n"), ":1: expected '<name> <definition>': f has no definition");
    EXPECT_EQ(errorOf("s#'a b struct a { } \n"), ":1: unclosed quote in 's#'a b struct a { }'");
    EXPECT_EQ(errorOf("/* a.o */\ns#a struct a { } \ns#a struct a { int x ; } \nf int f ( ) \n"),
              ":3: s#a is defined twice in section 'a.o'");
    EXPECT_EQ(errorOf("/* a.o \nf int f ( ) \n"), ":1: unclosed '/*' section line");
    EXPECT_EQ(errorOf("t##a\nf int f ( ) \n"), ":1: 't##' declares only structs, unions and enums");
    EXPECT_EQ(errorOf("s#a struct a { int x ; } \n"), ": no exported symbols in it: only types");
    EXPECT_EQ(errorOf(""), ": no records in it: not a symtypes file");
}

// The oracle at test time: the installed genksyms (Debian's linux-kbuild-6.1, which
// scripts/install-deps installs; KABISCOPE_GENKSYMS overrides) run on every committed
// preprocessed fixture; kabiscope must give the CRCs it prints for the symtypes it writes.
std::string installedGenksyms() {
    if (const char* given = std::getenv("KABISCOPE_GENKSYMS")) return given;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib", ec)) {
        const fs::path candidate = entry.path() / "scripts/genksyms/genksyms";
        if (entry.path().filename().string().rfind("linux-kbuild-", 0) == 0 && fs::exists(candidate))
            return candidate.string();
    }
    return "";
}

TEST(Genksyms, InstalledGenksymsAgreesOnEveryFixture) {
    const std::string genksyms = installedGenksyms();
    ASSERT_FALSE(genksyms.empty()) << "no genksyms: install Debian's linux-kbuild-6.1 (scripts/install-deps) "
                                      "or set KABISCOPE_GENKSYMS";
    test::TempDir dir("genksyms-oracle");
    size_t compared = 0;
    for (const char* object : kObjects)
        for (int v : {1, 2}) {
            const std::string base = std::string(object) + ".v" + std::to_string(v);
            const std::string symtypes = (dir.path() / (base + ".symtypes")).string();
            const std::string symver = (dir.path() / (base + ".symver")).string();
            const std::string command = "'" + genksyms + "' -T '" + symtypes + "' < '" + genksymsData(base + ".i") +
                                        "' > '" + symver + "'";
            ASSERT_EQ(std::system(command.c_str()), 0) << command;
            const auto expected = symverLines(test::readFile(symver));
            ASSERT_FALSE(expected.empty()) << base;
            EXPECT_EQ(computed(readGenksymsFile(symtypes)), expected) << base;
            compared += expected.size();
        }
    EXPECT_EQ(compared, 2u * 11u);
}

}  // namespace
}  // namespace kabiscope
