// Types gendwarfksyms reaches again while it is still rendering them (a function pointer whose
// parameter leads to a struct holding the same pointer type): its second rendering, the one it
// keeps, drops the " ," before the parameter in progress. Three units sharing one header
// (tests/fixtures/reentry), each alone, linked and versioned whole, linked in kbuild mode, and as
// a shared library compressed by dwz,
// against what the kernel's gendwarfksyms printed for them (tests/data/reentry/regenerate).
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "core/test_support.h"
#include "exports/export_list.h"
#include "output/writers.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

using test::dataPath;
using test::readFile;

std::string expected(const std::string& name, bool stable, const std::string& suffix) {
    return readFile(dataPath("reentry/" + name + (stable ? ".stable" : "") + suffix));
}

ExportList symbolList(const std::string& name) {
    std::istringstream in(readFile(dataPath("reentry/" + name + ".syms")));
    return ExportList::parse(in, name + ".syms");
}

struct Case {
    std::string name;    // expected files tests/data/reentry/<name>.*
    std::string object;  // fixture object
    bool wholeFile;
    bool stable;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << (c.stable ? " --stable" : ""); }

std::vector<Case> cases() {
    std::vector<Case> out;
    for (bool stable : {false, true}) {
        for (const char* unit : {"ops", "peer", "mixed"})
            out.push_back({unit, std::string("reentry_") + unit + ".o", false, stable});
        out.push_back({"whole", "reentry.o", true, stable});
        out.push_back({"dwz", "reentry_dwz.so", true, stable});
    }
    return out;
}

class Reentry : public testing::TestWithParam<Case> {
protected:
    // The options gendwarfksyms was run with for this case.
    static VersionOptions optionsFor(const Case& c) {
        VersionOptions options;
        options.stable = c.stable;
        options.wholeFile = c.wholeFile;
        options.exports = symbolList(c.name);
        options.captureCrcInput = true;
        return options;
    }
};

TEST_P(Reentry, SymversSymtypesAndCrcInputAreByteIdentical) {
    const Case& c = GetParam();
    const VersionOptions options = optionsFor(c);
    const BuildFile build = versionFile(test::fixturePath(c.object), options);
    std::ostringstream symvers, symtypes, crcInput;
    writeSymverLines(build, symvers);
    writeSymtypes(build, symtypes);
    writeCrcInputs(build, crcInput);
    EXPECT_EQ(symvers.str(), expected(c.name, c.stable, ".symvers"));
    EXPECT_EQ(symtypes.str(), expected(c.name, c.stable, ".symtypes"));
    EXPECT_EQ(crcInput.str(), expected(c.name, c.stable, ".versions"));
}

// Only the CRCs wanted: whole-file mode reduces each unit to records as it goes (and the dwz
// library, whose units reach into partial units, falls back to keeping them all), with the
// units' names walked on a second thread or on this one. Same CRCs and CRC inputs.
TEST_P(Reentry, CrcsWithoutTypesKeptAreTheSame) {
    const Case& c = GetParam();
    for (unsigned threads : {1u, 2u}) {
        VersionOptions options = optionsFor(c);
        options.keepTypes = false;
        options.threads = threads;
        const BuildFile inputs = versionFile(test::fixturePath(c.object), options);
        options.captureCrcInput = false;
        const BuildFile shared = versionFile(test::fixturePath(c.object), options);
        std::ostringstream symvers, crcInput, sharedSymvers;
        writeSymverLines(inputs, symvers);
        writeCrcInputs(inputs, crcInput);
        writeSymverLines(shared, sharedSymvers);
        EXPECT_EQ(symvers.str(), expected(c.name, c.stable, ".symvers")) << threads << " threads";
        EXPECT_EQ(sharedSymvers.str(), expected(c.name, c.stable, ".symvers")) << threads << " threads";
        EXPECT_EQ(crcInput.str(), expected(c.name, c.stable, ".versions")) << threads << " threads";
        EXPECT_EQ(inputs.graph.size(), 0u);
    }
}

INSTANTIATE_TEST_SUITE_P(Units, Reentry, testing::ValuesIn(cases()), [](const testing::TestParamInfo<Case>& info) {
    return info.param.name + (info.param.stable ? "_stable" : "");
});

// The data shows what is being tested: separators gone where a parameter was in progress, kept
// where the same struct was reached first (peer.c), and across units the longer one wins.
TEST(ReentryData, ShowsTheDroppedSeparator) {
    const std::string ops = expected("ops", false, ".symtypes");
    EXPECT_NE(ops.find("s#re_a } byte_size(8)formal_parameter pointer_type { s#re_b }"), std::string::npos);
    EXPECT_NE(ops.find("encoding(5) , formal_parameter pointer_type { s#re_a } byte_size(8)formal_parameter pointer_type { s#re_c }"),
              std::string::npos)
        << "only the separator before the parameter in progress goes";
    const std::string peer = expected("peer", false, ".symtypes");
    EXPECT_NE(peer.find("s#re_a } byte_size(8) , formal_parameter pointer_type { s#re_b }"), std::string::npos);
    const std::string stable = expected("ops", true, ".symtypes");
    EXPECT_NE(stable.find("s#re_k } byte_size(8) ) -> base_type void } byte_size(8) cb"), std::string::npos)
        << "the second rendering of the parameter decides its name";
}

std::map<std::string, std::string> symverLines(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string tag, name, crc;
    while (in >> tag >> name >> crc) out[name] = crc;
    return out;
}

// kbuild mode on the linked file, and on the shared library after dwz (its types moved into
// partial units that the units import): each export as its own object gave it.
TEST(ReentryKbuild, EachExportGetsItsOwnObjectsVersion) {
    for (const char* file : {"reentry.o", "reentry_dwz.so"})
        for (bool stable : {false, true}) {
            VersionOptions options;
            options.stable = stable;
            options.exports = symbolList("whole");
            const BuildFile build = versionFile(test::fixturePath(file), options);
            std::ostringstream symvers;
            writeSymverLines(build, symvers);
            std::map<std::string, std::string> want;
            for (const char* unit : {"ops", "peer", "mixed"}) want.merge(symverLines(expected(unit, stable, ".symvers")));
            EXPECT_EQ(symverLines(symvers.str()), want) << file << (stable ? " --stable" : "");
        }
}

// dwz moved the shared types into partial units: handed the whole file, gendwarfksyms meets
// them in another order, and its CRCs change; kabiscope's follow (the Reentry cases above).
TEST(ReentryData, DwzChangesWhatTheWholeFileGives) {
    EXPECT_NE(expected("dwz", false, ".symvers"), expected("whole", false, ".symvers"));
}

}  // namespace
}  // namespace kabiscope
