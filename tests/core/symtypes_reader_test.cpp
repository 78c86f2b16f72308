// CRCs recomputed from gendwarfksyms' symtypes equal gendwarfksyms' own, byte for byte, for every
// reference vector (tests/data/gendwarfksyms/expected: the kernel tool's outputs); a
// concatenation of two objects' files keeps each object's type map; malformed text is an error
// naming file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "base/error.h"
#include "core/test_support.h"
#include "output/writers.h"
#include "readers/read_build.h"
#include "readers/symtypes_reader.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

std::string symverLines(const BuildFile& file) {
    std::ostringstream out;
    writeSymverLines(file, out);
    return out.str();
}

// The expected #SYMVER lines without gendwarfksyms' "no information" entries (CRC 0 for a
// listed name without DWARF), which a symtypes file cannot hold.
std::string withoutUnversioned(const std::string& symvers, const BuildFile& file) {
    std::istringstream in(symvers);
    std::string out, line;
    while (std::getline(in, line)) {
        const bool zero = line.size() > 11 && line.compare(line.size() - 11, 11, " 0x00000000") == 0;
        const std::string name = line.substr(8, line.find(' ', 8) - 8);
        const bool held = std::any_of(file.symbols.begin(), file.symbols.end(), [&](const SymbolVersion& s) { return s.name() == name; });
        if (zero && !held) continue;
        out += line + "\n";
    }
    return out;
}

TEST(SymtypesReader, CrcsRecomputedFromEveryReferenceVectorMatchGendwarfksyms) {
    size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(test::dataPath("gendwarfksyms/expected"))) {
        const std::string path = entry.path().string();
        if (entry.path().extension() != ".symtypes") continue;
        const std::string symvers = path.substr(0, path.size() - 9) + ".symvers";
        if (!test::fileExists(symvers)) continue;
        ASSERT_EQ(detectBuildInput(path), BuildInput::Symtypes) << path;
        const BuildFile file = readSymtypesFile(path);
        EXPECT_EQ(symverLines(file), withoutUnversioned(test::readFile(symvers), file)) << path;
        ++compared;
    }
    EXPECT_GE(compared, 70u);
}

TEST(SymtypesReader, ConcatenatedFilesKeepEachObjectsTypes) {
    const std::string a = test::dataPath("gendwarfksyms/expected/fx_basic.gcc.symtypes");
    const std::string b = test::dataPath("gendwarfksyms/expected/fx_kabi.gcc.symtypes");
    const std::string both = (fs::temp_directory_path() / ("kabiscope-both-" + std::to_string(::getpid()) + ".symtypes")).string();
    std::ofstream(both) << test::readFile(a) << test::readFile(b);
    const BuildFile joined = readSymtypesFile(both);
    fs::remove(both);
    EXPECT_EQ(joined.scopes.size(), 2u);
    std::string expected = symverLines(readSymtypesFile(a)) + symverLines(readSymtypesFile(b));
    std::vector<std::string> lines;
    std::istringstream in(expected);
    for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
    std::sort(lines.begin(), lines.end());
    expected.clear();
    for (const auto& line : lines) expected += line;
    EXPECT_EQ(symverLines(joined), expected);
}

TEST(SymtypesReader, MalformedTextNamesFileAndLine) {
    const std::string path = (fs::temp_directory_path() / ("kabiscope-bad-" + std::to_string(::getpid()) + ".symtypes")).string();
    std::ofstream(path) << "s#foo structure_type foo { member base_type int x }\nfx_bar subprogram ( s#'unclosed )\n";
    try {
        readSymtypesFile(path);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), path + ":2");
        EXPECT_NE(e.problem().find("incomplete s# type reference"), std::string::npos) << e.problem();
    }
    std::ofstream(path) << "fx_bar subprogram ( s#missing )\n";
    try {
        readSymtypesFile(path);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(e.problem().find("unknown type reference to 's#missing'"), std::string::npos) << e.problem();
    }
    fs::remove(path);
}

}  // namespace
}  // namespace kabiscope
