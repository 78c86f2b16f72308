// readBuild: builds told by content, and a Module.symvers as a build of CRCs without types. A
// reference written from a DWARF build diffs like that build (same changed, added and removed
// symbols, same CRCs), says why no cause can be named, and a malformed line names file and line.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include "base/error.h"
#include "core/test_support.h"
#include "diff/build_diff.h"
#include "diff/report_writers.h"
#include "output/writers.h"
#include "readers/module_symvers_reader.h"
#include "readers/read_build.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

class ReadBuildTest : public ::testing::Test {
protected:
    std::string write(const std::string& name, const std::string& text) { return dir_.write(name, text); }
    // The Module.symvers a kernel build writes for `build`'s files.
    std::string symversOf(const std::string& name, const Build& build) {
        std::ostringstream out;
        for (const BuildFile& file : build.files)
            for (const SymbolVersion& symbol : file.symbols) writeModuleSymversLine(symbol, file.module, out);
        return write(name, out.str());
    }
    test::TempDir dir_{"read-build"};
};

TEST_F(ReadBuildTest, InputsAreToldByContent) {
    EXPECT_EQ(detectBuildInput(test::fixturePath("ripple.0.o")), BuildInput::Dwarf);
    EXPECT_EQ(detectBuildInput(test::fixturePath("mod_basic.ko.xz")), BuildInput::Dwarf);
    EXPECT_EQ(detectBuildInput(dir_.path().string()), BuildInput::Directory);
    EXPECT_EQ(detectBuildInput(write("a.symvers", "# a comment\n0x12345678\tfoo\tvmlinux\tEXPORT_SYMBOL\t\n")),
              BuildInput::ModuleSymvers);
    EXPECT_EQ(detectBuildInput(write("a.symtypes", "s#foo structure_type foo { } byte_size(4)\n")), BuildInput::Symtypes);
    EXPECT_EQ(detectBuildInput(write("b.symtypes", "s#foo struct foo { int a ; }\n")), BuildInput::GenksymsSymtypes);
    EXPECT_EQ(detectBuildInput(write("notes.txt", "hello\n")), BuildInput::Dwarf) << "whose reader says what is wrong";
    try {
        readBuild((dir_.path() / "b.symtypes").string(), {});
        FAIL() << "a symtypes file of types only read as a build";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem(), "no exported symbols in it: only types");
    }
}

TEST_F(ReadBuildTest, AModuleSymversIsABuildOfCrcsWithoutTypes) {
    const std::string path = write("Module.symvers",
                                   "0x12345678\tfoo\tvmlinux\tEXPORT_SYMBOL\t\n"
                                   "0x0badf00d\tbar\tdrivers/net/bar\tEXPORT_SYMBOL_GPL\tBAR_NS\n"
                                   "0x00000000\tbaz\tvmlinux\tEXPORT_SYMBOL\t\n");
    const Build build = readBuild(path, {});
    ASSERT_EQ(build.files.size(), 2u) << "one file per module";
    EXPECT_FALSE(build.hasTypes());
    const auto& bar = *build.symbols.at("bar").symbol;
    EXPECT_TRUE(bar.hasCrc);
    EXPECT_FALSE(bar.hasTypes());
    EXPECT_EQ(bar.crc, 0x0badf00du);
    EXPECT_EQ(bar.info.exportType, "EXPORT_SYMBOL_GPL");
    EXPECT_EQ(bar.info.nameSpace, "BAR_NS");
    EXPECT_EQ(build.symbols.at("bar").file->module, "drivers/net/bar");
    EXPECT_EQ(build.symbols.at("foo").file->module, "vmlinux");
}

TEST_F(ReadBuildTest, AReferenceDiffsLikeItsBuildAndSaysWhyThereIsNoCause) {
    const Build old = readBuild(test::fixturePath("ripple.0.o"), {});
    const Build now = readBuild(test::fixturePath("ripple.1.o"), {});
    const DiffResult dwarf = diffBuilds(old, now, {});
    ASSERT_GT(dwarf.summary.changed, 0u);
    const Build oldText = readBuild(symversOf("old.symvers", old), {});
    const Build newText = readBuild(symversOf("new.symvers", now), {});
    const DiffResult text = diffBuilds(oldText, newText, {});
    ASSERT_EQ(text.symbols.size(), dwarf.symbols.size());
    for (size_t i = 0; i < text.symbols.size(); ++i) {
        EXPECT_EQ(text.symbols[i].name, dwarf.symbols[i].name);
        EXPECT_EQ(text.symbols[i].status, dwarf.symbols[i].status) << text.symbols[i].name;
        EXPECT_EQ(text.symbols[i].oldCrc, dwarf.symbols[i].oldCrc) << text.symbols[i].name;
        EXPECT_EQ(text.symbols[i].newCrc, dwarf.symbols[i].newCrc) << text.symbols[i].name;
        if (text.symbols[i].status == SymbolStatus::Changed) {
            EXPECT_TRUE(text.symbols[i].causes.empty());
            EXPECT_EQ(text.symbols[i].unexplained, SymbolDiff::Unexplained::NoTypesEither);
            EXPECT_FALSE(dwarf.symbols[i].causes.empty()) << "the DWARF names the cause";
        }
    }
    EXPECT_TRUE(text.causes.empty());
    // Types on one side only: still no cause, and which side lacks them is said.
    const DiffResult mixed = diffBuilds(old, newText, {});
    for (const SymbolDiff& s : mixed.symbols)
        if (s.status == SymbolStatus::Changed) {
            EXPECT_EQ(s.unexplained, SymbolDiff::Unexplained::NoTypesNew) << s.name;
            EXPECT_NE(unexplainedText(s).find("new build has no types"), std::string::npos);
        }
    std::ostringstream json;
    writeDiffJson(text, json, {});
    EXPECT_NE(json.str().find("\"no_cause\":\"neither build has types for it (CRCs only)\""), std::string::npos);
}

TEST_F(ReadBuildTest, AMalformedLineNamesFileAndLine) {
    const std::string path = write("bad.symvers", "0x12345678\tfoo\tvmlinux\tEXPORT_SYMBOL\t\n0x1234\tbar\n");
    try {
        readBuild(path, {});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), path + ":2");
        EXPECT_NE(e.problem().find("expected 3 to 5 tab-separated fields"), std::string::npos) << e.problem();
    }
}

}  // namespace
}  // namespace kabiscope
