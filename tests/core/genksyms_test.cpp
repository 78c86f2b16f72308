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
#include "diff/build_diff.h"
#include "model/build.h"
#include "model/type_table.h"
#include "readers/genksyms_record_parser.h"
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

TEST(Genksyms, ATreeOfPerObjectFilesIsOneScopePerFile) {
    test::TempDir dir("genksyms-tree");
    fs::create_directories(dir.path() / "drivers/base");
    fs::create_directories(dir.path() / "net");
    fs::copy_file(genksymsData("core.v1.symtypes"), dir.path() / "drivers/base/core.symtypes");
    fs::copy_file(genksymsData("net.v1.symtypes"), dir.path() / "net/net.symtypes");
    fs::copy_file(genksymsData("drv.v1.symtypes"), dir.path() / "drv.symtypes");
    dir.write("net/empty.symtypes", "");  // an object exporting nothing
    EXPECT_EQ(detectBuildInput(dir.path().string()), BuildInput::GenksymsTree);
    const BuildFile file = readGenksymsTree(dir.path().string());
    ASSERT_EQ(file.scopes.size(), 3u);
    EXPECT_EQ(file.scopes[0]->label, "drivers/base/core.symtypes");
    EXPECT_EQ(file.scopes[2]->label, "net/net.symtypes");
    EXPECT_EQ(computed(file), symverLines(test::readFile(genksymsData("all.v1.symver"))));
    // An error names the file of the tree it is in.
    dir.write("net/bad.symtypes", "f int f ( s#nowhere ) \n");
    try {
        readGenksymsTree(dir.path().string());
        FAIL() << "an undefined reference was read";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("net/bad.symtypes:1: f refers to s#nowhere"), std::string::npos) << e.what();
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

// The records' nodes (readers/genksyms_record_parser.h) flatten back to the records' exact text.
TEST(GenksymsNodes, EveryRecordFlattensBackToItsText) {
    size_t records = 0;
    for (const char* name : {"all.v1.symtypes", "all.v2.symtypes", "all.v1.kabi", "all.v2.kabi"}) {
        const GenksymsSymtypes file = readGenksymsSymtypes(genksymsData(name));
        TypeGraph graph;
        ReferenceStubs stubs(graph, genksymsReferenceKind);
        for (const GenksymsRecord& record : file.records) {
            const NodeId root = parseGenksymsRecord(graph, stubs, file, record);
            EXPECT_EQ(flattenNode(graph, root, std::string(record.key)).rendering(), record.text) << name << " " << record.key;
            ++records;
        }
    }
    EXPECT_GT(records, 80u);
}

// The items a reviewer thinks in: one member per declarator, with the C spelling of its type.
TEST(GenksymsNodes, MembersParametersAndEnumeratorsAreItems) {
    const BuildFile file = readGenksymsFile(genksymsData("core.v1.symtypes"));
    const VersionScope& scope = *file.scopes[0];
    const TypeGraph& g = file.graph;
    auto items = [&](NodeId id) {
        std::vector<std::pair<std::string, std::string>> out;  // name, type spelling
        for (const Fragment& f : g.fragments(id)) {
            if (f.kind() != Fragment::Kind::Child) continue;
            const TypeNode& item = g.node(f.child());
            if (item.kind != NodeKind::Member && item.kind != NodeKind::Parameter && item.kind != NodeKind::Enumerator)
                continue;
            std::string type;
            for (const Fragment& inner : g.fragments(f.child()))
                if (inner.kind() == Fragment::Kind::Child) {
                    const TypeNode& t = g.node(inner.child());
                    type = t.kind == NodeKind::BaseType ? std::string(t.name()) : std::string(t.keyword()) + " {...}";
                    break;
                }
            out.emplace_back(std::string(item.name()), type);
        }
        return out;
    };
    const NodeId device = scope.types.at("s#device").index();
    EXPECT_EQ(g.node(device).kind, NodeKind::Structure);
    const auto members = items(device);
    ASSERT_EQ(members.size(), 15u);
    EXPECT_EQ(members[3], (std::pair<std::string, std::string>{"pages", "struct page *[4]"}));
    EXPECT_EQ(members[6], (std::pair<std::string, std::string>{"release", "void (*)(struct device *)"}));
    EXPECT_EQ(members[7], (std::pair<std::string, std::string>{"probe", "int (*)(struct device *, const struct list_head *, ...)"}));
    EXPECT_EQ(members[10], (std::pair<std::string, std::string>{"private_data", "int"}));
    EXPECT_EQ(members[11], (std::pair<std::string, std::string>{"", "union {...}"}));  // the anonymous union
    const auto list = items(scope.types.at("s#list_head").index());
    EXPECT_EQ(list, (std::vector<std::pair<std::string, std::string>>{{"next", "struct list_head *"},
                                                                      {"prev", "struct list_head *"}}));
    const auto stats = items(scope.types.at("s#stats").index());
    ASSERT_EQ(stats.size(), 5u);
    EXPECT_EQ(stats[2], (std::pair<std::string, std::string>{"flags", "unsigned int : 3"}));
    EXPECT_EQ(stats[3], (std::pair<std::string, std::string>{"busy", "unsigned int : 1"}));
    EXPECT_EQ(stats[4], (std::pair<std::string, std::string>{"counts", "int[MAX_NR_ZONES]"}));
    const auto zones = items(scope.types.at("e#zone_type").index());
    ASSERT_EQ(zones.size(), 4u);
    EXPECT_EQ(zones[1].first, "ZONE_NORMAL");
    for (const SymbolVersion& symbol : file.symbols)
        if (symbol.name() == "device_create") {
            const NodeId root = symbol.target.index();
            EXPECT_EQ(g.node(root).keyword(), "function");
            EXPECT_EQ(items(root), (std::vector<std::pair<std::string, std::string>>{
                                       {"", "struct device *"}, {"", "const char *"}, {"", "..."}}));
        }
}

// The diff of the two versions names each change the fixture's header made, at its node.
TEST(GenksymsNodes, DiffNamesEveryChangeAtItsMember) {
    auto build = [](const std::string& name) {
        Build b;
        b.path = genksymsData(name);
        b.files.push_back(readGenksymsFile(b.path));
        b.index();
        return b;
    };
    const Build oldBuild = build("all.v1.symtypes");
    const Build newBuild = build("all.v2.kabi");  // a consolidated new side: types inherited across sections
    const DiffResult diff = diffBuilds(oldBuild, newBuild);
    std::vector<std::string> causes;
    for (const Cause& cause : diff.causes)
        causes.push_back(cause.type + " " + cause.node + ": " + cause.description + " [" +
                         std::to_string(cause.symbols.size()) + "]");
    // The enum constant's value moved because an enumerator was inserted before it: folded under
    // that insertion, and its own cause only for the symbols that do not reach the enum.
    EXPECT_EQ(causes, (std::vector<std::string>{
                          "e#zone_type enumerator ZONE_DEVICE: added [7]",
                          "s#device member private_data: type changed from int to long [7]",
                          "s#stats member rx_dropped: added (u64) [7]",
                          "s#kobject : declaration-only became a full definition [7]",
                          "E#MAX_NR_ZONES : value changed from ( 4 ) + 2 to ( 4 ) + 3 [2]",
                      }));
    EXPECT_EQ(diff.causes.front().foldedSummary(), "changes the value of E#MAX_NR_ZONES");
    size_t changed = 0;
    for (const SymbolDiff& symbol : diff.symbols) changed += symbol.status == SymbolStatus::Changed;
    EXPECT_EQ(changed, 9u);
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
    EXPECT_EQ(compared, 2u * 14u);
}

}  // namespace
}  // namespace kabiscope
