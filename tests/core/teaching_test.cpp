// The teaching view's steps (explore/teaching.h) against gendwarfksyms' own --dump-versions for
// every reference vector: the pieces tile the exact CRC input, an abbreviated reference is
// written as its name, the running CRC ends at the symbol's #SYMVER CRC; and on the demo pair,
// the first differing byte is placed in the type whose change the diff names.
#include <gtest/gtest.h>

#include <dwarf.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/test_support.h"
#include "explore/explore_session.h"
#include "explore/teaching.h"
#include "version/crc_expander.h"
#include "dwarf/dwarf_file.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// "<name> <input>" lines of gendwarfksyms --dump-versions, by name.
std::map<std::string, std::string> dumpedInputs(const std::string& path) {
    std::map<std::string, std::string> inputs;
    std::istringstream in(readFile(path));
    for (std::string line; std::getline(in, line);) {
        const size_t space = line.find(' ');
        if (space != std::string::npos) inputs.emplace(line.substr(0, space), line.substr(space + 1));
    }
    return inputs;
}

TEST(Teaching, PiecesTileGendwarfksymsCrcInputAndEndAtItsCrc) {
    size_t symbols = 0, compared = 0, abbreviated = 0;
    for (const test::VectorCase& vector : test::vectorCases()) {
        for (bool stable : {false, true}) {
            SCOPED_TRACE(vector.name + (stable ? " --stable" : ""));
            const std::string expected = test::dataPath("gendwarfksyms/expected/" + vector.name + (stable ? ".stable" : "") + ".versions");
            VersionOptions options;
            options.stable = stable;
            std::istringstream list(readFile(test::dataPath("gendwarfksyms/expected/" + vector.name + ".syms")));
            options.exports = ExportList::parse(list, "syms");
            const BuildFile build = versionFile(test::dataPath("gendwarfksyms/" + vector.object), options);
            const std::map<std::string, std::string> dumped = dumpedInputs(expected);
            for (const SymbolVersion& symbol : build.symbols) {
                if (!symbol.hasTypes()) continue;
                const SymbolTeaching t = teachSymbol(build, symbol);
                const auto it = dumped.find(symbol.name());
                if (it != dumped.end()) {  // an alias shares its group's line
                    EXPECT_EQ(t.input, it->second) << symbol.name();
                    ++compared;
                }
                EXPECT_EQ(t.crc, symbol.crc) << symbol.name();
                ASSERT_FALSE(t.pieces.empty()) << symbol.name();
                size_t at = 0;
                std::string rebuilt;
                for (const TeachingPiece& piece : t.pieces) {
                    if (piece.kind == TeachingPiece::Kind::Expand) {
                        EXPECT_EQ(piece.begin, at) << "an expansion starts where the text before it ends";
                        continue;
                    }
                    EXPECT_EQ(piece.begin, at) << symbol.name() << ": the pieces leave no gap";
                    rebuilt += t.input.substr(piece.begin, piece.end - piece.begin);
                    if (piece.kind == TeachingPiece::Kind::Abbreviate) {
                        EXPECT_EQ(t.input.substr(piece.begin, piece.end - piece.begin), piece.name);
                        ++abbreviated;
                    }
                    EXPECT_EQ(piece.crcAfter, crcOfInput(std::string_view(t.input).substr(0, piece.end)));
                    at = piece.end;
                }
                EXPECT_EQ(rebuilt, t.input) << symbol.name();
                EXPECT_EQ(t.pieces.back().crcAfter, t.crc);
                ++symbols;
            }
        }
    }
    EXPECT_GT(symbols, 100u);
    EXPECT_GT(compared, 100u) << "inputs compared with gendwarfksyms' own dump";
    EXPECT_GT(abbreviated, 0u) << "some vector meets a type twice";
}

// The DIEs the steps name are the ones libdw finds at those offsets: the symbol's binding DIE is
// a subprogram or variable of its name, each type written in full comes from a DIE of its name.
TEST(Teaching, TheDiesNamedAreTheSymbolsAndTypesOwn) {
    size_t bound = 0, types = 0;
    for (const test::VectorCase& vector : test::vectorCases()) {
        if (vector.mode != "kbuild") continue;  // C: a type's DIE name is its fqn
        SCOPED_TRACE(vector.name);
        const std::string object = test::dataPath("gendwarfksyms/" + vector.object);
        VersionOptions options;
        std::istringstream list(readFile(test::dataPath("gendwarfksyms/expected/" + vector.name + ".syms")));
        options.exports = ExportList::parse(list, "syms");
        const BuildFile build = versionFile(object, options);
        const DwarfFile dwarf(object);
        auto dieAt = [&](uint64_t offset, Dwarf_Die& die) { return dwarf_offdie(dwarf.dwarf(), Dwarf_Off(offset), &die) != nullptr; };
        for (const SymbolVersion& symbol : build.symbols) {
            if (!symbol.hasTypes() || symbol.target.isRecord()) continue;
            const SymbolTeaching t = teachSymbol(build, symbol);
            Dwarf_Die die;
            ASSERT_NE(t.bindingDie, 0u) << symbol.name();
            ASSERT_TRUE(dieAt(t.bindingDie, die)) << symbol.name();
            const int tag = dwarf_tag(&die);
            const char* name = dwarf_diename(&die);
            if (tag == DW_TAG_subprogram || tag == DW_TAG_variable) {
                ASSERT_NE(name, nullptr) << symbol.name();
                // An alias binds to the DIE of its group's symbol (spec §2): count the group's own.
                if (symbol.name() == name) ++bound;
            } else {  // no DIE of its name: its __gendwarfksyms_ptr_ pointer's pointee function type, or the pointer type
                EXPECT_TRUE(tag == DW_TAG_subroutine_type || tag == DW_TAG_pointer_type) << symbol.name() << " binds to DWARF tag " << tag;
            }
            for (const TeachingPiece& piece : t.pieces) {
                if (piece.kind != TeachingPiece::Kind::Expand || !piece.die) continue;
                ASSERT_TRUE(dieAt(piece.die, die)) << piece.name;
                const char* typeName = dwarf_diename(&die);
                ASSERT_NE(typeName, nullptr) << piece.name;
                EXPECT_EQ(piece.name.substr(2), typeName) << symbol.name();
                ++types;
            }
        }
    }
    EXPECT_GT(bound, 50u);
    EXPECT_GT(types, 50u);
}

TEST(Teaching, TheFirstDifferenceOfTheDemoPairIsInTheTypeTheDiffBlames) {
    ExploreRequest request;
    request.oldPath = KABISCOPE_DEMO_DIR "/demo.0.o";
    request.newPath = KABISCOPE_DEMO_DIR "/demo.1.o";
    request.stable = true;
    const auto session = loadExploreSession(request, {}, {});
    const size_t index = size_t(session->indexOf("demo_register"));
    const auto& sides = session->sides[index];
    const SymbolTeaching before = teachSymbol(*sides.before.file, *sides.before.symbol);
    const SymbolTeaching after = teachSymbol(*sides.after.file, *sides.after.symbol);
    size_t first = 0;
    while (before.input[first] == after.input[first]) ++first;
    EXPECT_EQ(typeAt(after, first), "s#demo_stats");
    EXPECT_EQ(typeAt(after, 0), "") << "the symbol's own record";
    std::ostringstream out;
    writeTeaching(after, out, {}, &before, &session->diff, &session->diff.symbols[index]);
    const std::string text = out.str();
    EXPECT_NE(text.find("#SYMVER demo_register 0x5cde0f10"), std::string::npos);
    EXPECT_NE(text.find("That byte is in the expansion of s#demo_stats."), std::string::npos) << text;
    EXPECT_NE(text.find("#1 s#demo_stats member rx_dropped: added (long unsigned int at offset 16)   <- the first differing byte belongs to this one"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("10 0f de 5c 00 00 00 00"), std::string::npos) << "the __versions bytes, little-endian";
}

}  // namespace
}  // namespace kabiscope
