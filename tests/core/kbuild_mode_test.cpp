// kbuild mode on a file holding several compilation units (three objects linked with ld -r):
// every export gets exactly the version its own object gives (what kbuild recorded), and the
// result does not depend on how many threads version the units.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "core/test_support.h"
#include "output/writers.h"
#include "version/crc_expander.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

std::map<std::string, uint32_t> crcs(const BuildFile& build) {
    std::map<std::string, uint32_t> out;
    for (const auto& symbol : build.symbols) out[symbol.name()] = symbol.crc;
    return out;
}

TEST(KbuildMode, EachExportIsVersionedAsItsOwnObjectWouldBe) {
    const BuildFile linked = versionFile(test::fixturePath("multi_unit.o"), {});
    EXPECT_EQ(linked.scopes.size(), 3u) << "one scope per exporting unit";
    std::map<std::string, uint32_t> expected;
    for (const char* object : {"render_basic.gcc.o", "render_kabi.v1.o", "ripple.1.o"})
        for (const auto& [name, crc] : crcs(versionFile(test::fixturePath(object), {}))) expected[name] = crc;
    EXPECT_EQ(crcs(linked), expected);
}

TEST(KbuildMode, ThreadCountDoesNotChangeAnyOutput) {
    auto run = [](unsigned threads) {
        VersionOptions options;
        options.threads = threads;
        options.captureCrcInput = true;
        const BuildFile build = versionFile(test::fixturePath("multi_unit.o"), options);
        std::ostringstream out;
        writeSymverLines(build, out);
        writeSymtypes(build, out);
        writeCrcInputs(build, out);
        return out.str();
    };
    const std::string single = run(1);
    EXPECT_FALSE(single.empty());
    EXPECT_EQ(run(2), single);
    EXPECT_EQ(run(3), single);
}

TEST(KbuildMode, DroppingTypesKeepsEveryCrcAndFreesTheGraph) {
    for (unsigned threads : {1u, 2u}) {
        VersionOptions options;
        options.threads = threads;
        const BuildFile kept = versionFile(test::fixturePath("multi_unit.o"), options);
        options.keepTypes = false;
        options.captureCrcInput = true;
        const BuildFile dropped = versionFile(test::fixturePath("multi_unit.o"), options);
        EXPECT_TRUE(kept.typesKept);
        EXPECT_FALSE(dropped.typesKept);
        EXPECT_GT(kept.graph.size(), 0u);
        EXPECT_EQ(dropped.graph.size(), 0u) << threads << " threads";
        EXPECT_EQ(crcs(dropped), crcs(kept)) << threads << " threads";
        std::ostringstream inputs;
        writeCrcInputs(dropped, inputs);
        EXPECT_NE(inputs.str().find("rp_rx subprogram"), std::string::npos) << "CRC inputs are captured before the drop";
        std::ostringstream symtypes;
        EXPECT_THROW(writeSymtypes(dropped, symtypes), std::logic_error);
        CrcInputReader reader(dropped);  // nothing to expand any more: no input, no stale read
        for (const SymbolVersion& symbol : dropped.symbols) EXPECT_EQ(reader.input(symbol), "") << symbol.name();
    }
}

TEST(KbuildMode, DroppingTypesOfASingleScopeKeepsItsCrcsAndInputs) {
    for (bool wholeFile : {false, true}) {
        VersionOptions options;
        options.wholeFile = wholeFile;
        options.captureCrcInput = true;
        const BuildFile kept = versionFile(test::fixturePath("ripple.1.o"), options);
        options.keepTypes = false;
        const BuildFile dropped = versionFile(test::fixturePath("ripple.1.o"), options);
        EXPECT_FALSE(dropped.typesKept);
        EXPECT_EQ(dropped.graph.size(), 0u);
        EXPECT_TRUE(dropped.sources.empty()) << "the DWARF is closed";
        EXPECT_EQ(crcs(dropped), crcs(kept));
        std::ostringstream a, b;
        writeCrcInputs(kept, a);
        writeCrcInputs(dropped, b);
        EXPECT_EQ(b.str(), a.str());
    }
}

TEST(KbuildMode, WholeFileModeMixesTheUnits) {
    VersionOptions whole;
    whole.wholeFile = true;
    const BuildFile build = versionFile(test::fixturePath("multi_unit.o"), whole);
    EXPECT_EQ(build.scopes.size(), 1u);
    EXPECT_EQ(crcs(build).size(), crcs(versionFile(test::fixturePath("multi_unit.o"), {})).size());
}

// Whole-file mode without types kept reduces each unit to records; a type_string rule for an
// export itself must still replace that export's rendering (it used to lose to it).
TEST(KbuildMode, WholeFileRecordsKeepAnExportsOwnTypeStringRule) {
    VersionOptions options;
    options.wholeFile = true;
    options.stable = true;
    const BuildFile kept = versionFile(test::fixturePath("typestr_multi.o"), options);
    options.keepTypes = false;
    const BuildFile records = versionFile(test::fixturePath("typestr_multi.o"), options);
    EXPECT_EQ(kept.scopes.size(), 1u);
    ASSERT_TRUE(crcs(kept).count("ts_pinned"));
    EXPECT_EQ(crcs(records), crcs(kept));
}

}  // namespace
}  // namespace kabiscope
