// The consolidated reference (output/reference_writer.h, readers/reference_reader.h): written
// from DWARF and read back, every export has the CRC, export type, namespace and module it had;
// each distinct rendering of a type is written once; malformed references are refused with
// file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "base/error.h"
#include "core/test_support.h"
#include "output/reference_writer.h"
#include "output/writers.h"
#include "readers/read_build.h"
#include "readers/reference_reader.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

class ReferenceTest : public ::testing::Test {
protected:
    std::string write(const std::string& name, const std::string& text) { return dir_.write(name, text); }
    // The reference of `build`, written to a file.
    std::string referenceOf(const Build& build) {
        std::ostringstream out;
        writeReference(build, out);
        return write("build.ref", out.str());
    }
    // Module.symvers lines of every file of a build, sorted: all a reference must keep.
    static std::string symvers(const Build& build) {
        std::vector<std::string> lines;
        for (const BuildFile& file : build.files)
            for (const SymbolVersion& symbol : file.symbols) {
                std::ostringstream line;
                writeModuleSymversLine(symbol, file.module, line);
                lines.push_back(line.str());
            }
        std::sort(lines.begin(), lines.end());
        std::string out;
        for (const std::string& line : lines) out += line;
        return out;
    }
    static Build load(const std::string& path, bool stable = false) {
        VersionOptions options;
        options.keepTypes = true;
        options.stable = stable;
        return readBuild(path, options);
    }
    std::string error(const std::string& text) {
        try {
            readReferenceBuild(write("bad.ref", text));
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    }
    test::TempDir dir_{"reference"};
};

TEST_F(ReferenceTest, ALinkedFileReadsBackWithEveryCrcOfEveryUnit) {
    for (const char* fixture : {"multi_unit.o", "wide.elf", "wide.o"}) {
        const Build build = load(test::fixturePath(fixture));
        const std::string path = referenceOf(build);
        EXPECT_EQ(detectBuildInput(path), BuildInput::Reference);
        const Build back = readReferenceBuild(path);
        EXPECT_EQ(symvers(back), symvers(build)) << fixture;
        EXPECT_FALSE(symvers(back).empty());
    }
}

TEST_F(ReferenceTest, KabiRulesAreKeptInTheRenderingsTheyProduce) {
    const Build build = load(test::fixturePath("render_kabi.v1.o"), true);
    EXPECT_EQ(symvers(readReferenceBuild(referenceOf(build))), symvers(build));
}

TEST_F(ReferenceTest, ADirectoryKeepsItsModulesAndEachRenderingIsWrittenOnce) {
    fs::create_directories(dir_.path() / "tree" / "drivers");
    fs::copy_file(test::fixturePath("ripple.1.o"), dir_.path() / "tree" / "drivers" / "ripple.ko");
    fs::copy_file(test::fixturePath("ripple.0.o"), dir_.path() / "tree" / "ripple_old.ko");
    const Build build = load((dir_.path() / "tree").string());
    ASSERT_EQ(build.files.size(), 2u);
    const std::string path = referenceOf(build);
    const Build back = readReferenceBuild(path);
    EXPECT_EQ(symvers(back), symvers(build));
    // Both modules see struct rp_netdev the same: written once, the second module inherits it.
    std::ifstream in(path);
    size_t lines = 0;
    for (std::string line; std::getline(in, line);) lines += line.rfind("s#rp_netdev ", 0) == 0 ? 1 : 0;
    EXPECT_EQ(lines, 1u);
}

// As a build, a reference's records are type nodes again (readers/rendering_parser.h): every
// symbol and every type its scope resolves, inherited ones included, so a diff names members.
TEST_F(ReferenceTest, AReferenceReadsBackIntoTypeNodes) {
    for (const char* fixture : {"ripple.1.o", "multi_unit.o"}) {
        const std::string path = referenceOf(load(test::fixturePath(fixture)));
        const Build build = readBuild(path, {});
        size_t symbols = 0, types = 0;
        for (const BuildFile& file : build.files) {
            for (const SymbolVersion& symbol : file.symbols) {
                if (!symbol.hasCrc) continue;
                ASSERT_TRUE(symbol.hasTypes()) << fixture << " " << symbol.name();
                EXPECT_FALSE(symbol.target.isRecord()) << fixture << " " << symbol.name();
                ++symbols;
            }
            for (const auto& scope : file.scopes) {
                for (const auto& [name, target] : scope->types) {
                    EXPECT_FALSE(target.isRecord()) << fixture << " " << name;
                    ++types;
                }
                EXPECT_EQ(scope->overrides.size(), 0u) << "text records are dropped once all are nodes";
            }
        }
        EXPECT_GT(symbols, 0u) << fixture;
        EXPECT_GT(types, 0u) << fixture;
    }
}

TEST_F(ReferenceTest, AMalformedReferenceIsRefusedWithFileAndLine) {
    const std::string head = std::string(kReferenceHeader) + "\n";
    EXPECT_NE(error("# kabiscope reference 2\n").find("bad.ref:1: a reference of another format version"), std::string::npos);
    EXPECT_NE(error(head + "s#foo structure_type foo { }\n").find("bad.ref:2: a line before the first section header"),
              std::string::npos);
    EXPECT_NE(error(head + "/* vmlinux: a.o */\ns#foo@2\n").find("bad.ref:3: s#foo has no rendering 2 before this line"),
              std::string::npos);
    EXPECT_NE(error(head + "/* vmlinux a.o */\n").find("bad.ref:2: expected a section header"), std::string::npos);
    EXPECT_NE(error(head + "/* vmlinux: a.o */\nfoo subprogram ( formal_parameter s#missing x )\n")
                  .find("bad.ref:2: its symbols refer to s#missing, which no section defines"),
              std::string::npos);
    EXPECT_NE(error(head + "/* vmlinux: " + kExportsSection + " */\nfoo EXPORT_SYMBOL NS extra\n")
                  .find("bad.ref:3: expected '<name> <export type> [<namespace>]'"),
              std::string::npos);
}

}  // namespace
}  // namespace kabiscope
