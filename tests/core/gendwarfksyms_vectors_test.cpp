// The reference vectors: for every case of tests/data/gendwarfksyms (outputs of the kernel's
// gendwarfksyms), kabiscope must give the same #SYMVER lines, symtypes file and CRC input
// (--dump-versions), byte for byte, with and without --stable.
#include <gtest/gtest.h>

#include <sstream>

#include "core/test_support.h"
#include "elf/elf_file.h"
#include "exports/export_discovery.h"
#include "output/gendwarfksyms_order.h"
#include "output/writers.h"
#include "version/crc_expander.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

using test::dataPath;
using test::readFile;

struct VectorParam {
    test::VectorCase vector;
    bool stable;
};

void PrintTo(const VectorParam& p, std::ostream* os) { *os << p.vector.name << (p.stable ? " --stable" : ""); }

std::string paramName(const testing::TestParamInfo<VectorParam>& info) {
    std::string name = info.param.vector.name + (info.param.stable ? "_stable" : "");
    for (char& c : name)
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

std::vector<VectorParam> allParams() {
    std::vector<VectorParam> params;
    for (const auto& c : test::vectorCases()) {
        params.push_back({c, false});
        params.push_back({c, true});
    }
    return params;
}

class GendwarfksymsVectors : public testing::TestWithParam<VectorParam> {
protected:
    std::string expected(const std::string& suffix) const {
        const auto& p = GetParam();
        return dataPath("gendwarfksyms/expected/" + p.vector.name + (p.stable ? ".stable" : "") + suffix);
    }
    std::string object() const { return dataPath("gendwarfksyms/" + GetParam().vector.object); }
    ExportList symbolList() const {
        std::istringstream in(readFile(dataPath("gendwarfksyms/expected/" + GetParam().vector.name + ".syms")));
        return ExportList::parse(in, "syms");
    }
};

TEST(GendwarfksymsVectorSet, HasEveryPublicCase) { EXPECT_EQ(test::vectorCases().size(), 39u); }

TEST_P(GendwarfksymsVectors, SymversSymtypesAndCrcInputAreByteIdentical) {
    VersionOptions options;
    options.stable = GetParam().stable;
    options.exports = symbolList();
    options.captureCrcInput = true;
    const BuildFile build = versionFile(object(), options);

    std::ostringstream symvers, symtypes, crcInput;
    writeSymverLines(build, symvers);
    writeSymtypes(build, symtypes);
    writeCrcInputs(build, crcInput);

    EXPECT_EQ(symvers.str(), readFile(expected(".symvers")));
    EXPECT_EQ(crcInput.str(), readFile(expected(".versions")));
    if (test::fileExists(expected(".symtypes")))
        EXPECT_EQ(symtypes.str(), readFile(expected(".symtypes")));
    else
        EXPECT_TRUE(build.symbols.empty()) << "gendwarfksyms writes no symtypes file here";
}

// Without --crc-input the expander shares expansions between the symbols of a scope and hashes
// them through crc32_combine (docs/crc-sharing.md): the CRCs must not change, and each must still
// be the CRC of the symbol's exact input.
TEST_P(GendwarfksymsVectors, SharedExpansionsGiveTheSameCrcs) {
    VersionOptions options;
    options.stable = GetParam().stable;
    options.exports = symbolList();
    const BuildFile build = versionFile(object(), options);
    std::ostringstream symvers;
    writeSymverLines(build, symvers);
    EXPECT_EQ(symvers.str(), readFile(expected(".symvers")));
    CrcInputReader inputs(build);
    for (const SymbolVersion& symbol : build.symbols)
        if (symbol.hasCrc) {
            EXPECT_EQ(crcOfInput(inputs.input(symbol)), symbol.crc) << symbol.name();
        }
}

// Cases whose symbol list came from the object (kbuild's nm rules), not written by hand.
class ExportDiscovery : public testing::TestWithParam<VectorParam> {};

TEST_P(ExportDiscovery, MatchesKbuildSymbolList) {
    const auto& vector = GetParam().vector;
    ElfFile elf(dataPath("gendwarfksyms/" + vector.object));
    const ExportList found = discoverExports(elf, vector.mode == "rust" ? ExportSource::Rust : ExportSource::Automatic);
    std::string names;
    for (const auto& e : found.entries()) names += e.name + "\n";
    EXPECT_EQ(names, readFile(dataPath("gendwarfksyms/expected/" + vector.name + ".syms")));
}

TEST_P(GendwarfksymsVectors, WholeFileModeAgreesOnSingleUnitObjects) {
    VersionOptions options;
    options.stable = GetParam().stable;
    options.exports = symbolList();
    const BuildFile kbuild = versionFile(object(), options);
    options.wholeFile = true;
    const BuildFile whole = versionFile(object(), options);
    std::ostringstream a, b;
    writeSymverLines(kbuild, a);
    writeSymverLines(whole, b);
    EXPECT_EQ(a.str(), b.str());
}

// gendwarfksyms' own stdout order is kept for the plain (not --stable) runs.
class PrintOrder : public GendwarfksymsVectors {};

TEST_P(PrintOrder, MatchesGendwarfksymsStdout) {
    VersionOptions options;
    options.exports = symbolList();
    const BuildFile build = versionFile(object(), options);
    std::vector<std::string_view> names;
    for (const auto& e : options.exports->entries()) names.push_back(e.name);
    std::string raw;
    for (size_t index : gendwarfksymsOrder(names)) {
        const auto& name = options.exports->entries()[index].name;
        const auto it = std::find_if(build.symbols.begin(), build.symbols.end(),
                                     [&](const SymbolVersion& s) { return s.name() == name; });
        ASSERT_NE(it, build.symbols.end());
        raw += "#SYMVER " + name + " " + formatCrc(it->crc) + "\n";
    }
    EXPECT_EQ(raw, readFile(expected(".stdout")));
}

std::vector<VectorParam> discoveredCases() {
    std::vector<VectorParam> params;
    for (const auto& c : test::vectorCases())
        if (c.mode != "list") params.push_back({c, false});
    return params;
}

std::vector<VectorParam> plainCases() {
    std::vector<VectorParam> params;
    for (const auto& c : test::vectorCases()) params.push_back({c, false});
    return params;
}

INSTANTIATE_TEST_SUITE_P(Reference, GendwarfksymsVectors, testing::ValuesIn(allParams()), paramName);
INSTANTIATE_TEST_SUITE_P(Reference, ExportDiscovery, testing::ValuesIn(discoveredCases()), paramName);
INSTANTIATE_TEST_SUITE_P(Reference, PrintOrder, testing::ValuesIn(plainCases()), paramName);

}  // namespace
}  // namespace kabiscope
