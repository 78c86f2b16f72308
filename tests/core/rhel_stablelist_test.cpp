// RHEL's kABI stablelist directories (kabi-module/kabi_<arch>/, one file per symbol) as a build
// of recorded CRCs, as a review's symbol list and as a kernel for check-modules: entries read
// as show-kabi reads them (#I picks the line, closed ranges are no longer stable, names with a
// '.' are not entries), and every malformed entry named by file and line.
#include <gtest/gtest.h>

#include "base/error.h"
#include "core/test_support.h"
#include "modules/kernel_exports.h"
#include "readers/read_build.h"
#include "readers/rhel_stablelist.h"
#include "readers/symbol_list_reader.h"

namespace kabiscope {
namespace {

const SymbolVersion* symbolIn(const Build& build, const std::string& name) {
    const auto it = build.symbols.find(name);
    return it == build.symbols.end() ? nullptr : it->second.symbol;
}

class StablelistTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_.write("kabi-module/kabi_x86_64/__alloc_skb", "#2-\n0xd93dd652\t__alloc_skb\tvmlinux\tEXPORT_SYMBOL\t\n\n");
        dir_.write("kabi-module/kabi_x86_64/bar_probe",
                   "#0-\n#I:1\n#P:drivers/bar/core.c\n"
                   "0x00000001\tbar_probe\tdrivers/bar/bar\tEXPORT_SYMBOL_GPL\n"
                   "0x00000002\tbar_probe\tdrivers/bar/bar\tEXPORT_SYMBOL_GPL\tBAR_NS\n");
        dir_.write("kabi-module/kabi_x86_64/retired_fn", "#0-3\n0x00000003\tretired_fn\tvmlinux\tEXPORT_SYMBOL\n");
        dir_.write("kabi-module/kabi_x86_64/README.txt", "not an entry: its name has a '.'\n");
    }
    std::string path(const std::string& relative) const { return (dir_.path() / relative).string(); }
    // The one-line problem of reading `relative` as a build.
    std::string problemOf(const std::string& relative) const {
        try {
            readBuild(path(relative), {});
        } catch (const Error& e) {
            return e.file() + ": " + e.problem();
        }
        return "read without an error";
    }
    test::TempDir dir_{"stablelist"};
};

TEST_F(StablelistTest, AnArchDirectoryAndTheKabiModuleAboveItAreStablelists) {
    EXPECT_EQ(detectBuildInput(path("kabi-module/kabi_x86_64")), BuildInput::Stablelist);
    EXPECT_EQ(detectBuildInput(path("kabi-module")), BuildInput::Stablelist);
    EXPECT_EQ(stablelistArchDirectory(path("kabi-module")), path("kabi-module/kabi_x86_64"));
    EXPECT_EQ(stablelistArchDirectory(path("kabi-module/kabi_x86_64/")), path("kabi-module/kabi_x86_64"));
    dir_.write("other/notes", "#2-\n");  // a range line, but not under a kabi_<arch> directory
    EXPECT_EQ(detectBuildInput(path("other")), BuildInput::Directory);
}

TEST_F(StablelistTest, EntriesAreReadAsShowKabiReadsThem) {
    const Build build = readBuild(path("kabi-module"), {});
    ASSERT_EQ(build.files.size(), 2u);  // one per module: drivers/bar/bar, vmlinux
    EXPECT_EQ(build.files[0].module, "drivers/bar/bar");
    EXPECT_EQ(build.files[1].module, "vmlinux");
    EXPECT_EQ(build.files[0].versioning, Versioning::Recorded);
    EXPECT_FALSE(build.files[0].typesKept);
    const SymbolVersion* bar = symbolIn(build, "bar_probe");
    ASSERT_NE(bar, nullptr);
    EXPECT_EQ(bar->crc, 0x2u) << "#I:1 picks the second symbol line";
    EXPECT_EQ(bar->info.nameSpace, "BAR_NS");
    EXPECT_EQ(bar->info.exportType, "EXPORT_SYMBOL_GPL");
    const SymbolVersion* skb = symbolIn(build, "__alloc_skb");
    ASSERT_NE(skb, nullptr);
    EXPECT_EQ(skb->crc, 0xd93dd652u);
    EXPECT_EQ(symbolIn(build, "retired_fn"), nullptr) << "its range closed at minor 3";
    EXPECT_EQ(build.symbols.size(), 2u) << "README.txt is not an entry";
}

TEST_F(StablelistTest, IsAReviewsSymbolListAndAKernelForCheckModules) {
    const ExportList list = readSymbolList(path("kabi-module/kabi_x86_64"));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_TRUE(list.contains("__alloc_skb"));
    EXPECT_TRUE(list.contains("bar_probe"));
    EXPECT_FALSE(list.contains("retired_fn"));

    KernelExports kernel;
    EXPECT_EQ(kernel.add(path("kabi-module")), 2u);
    ASSERT_NE(kernel.find("bar_probe"), nullptr);
    EXPECT_EQ(kernel.find("bar_probe")->crc, 0x2u);
    EXPECT_EQ(kernel.find("bar_probe")->module, "drivers/bar/bar");
}

TEST_F(StablelistTest, SeveralArchitecturesMustBeNamed) {
    dir_.write("kabi-module/kabi_aarch64/__alloc_skb", "#2-\n0x12345678\t__alloc_skb\tvmlinux\tEXPORT_SYMBOL\t\n");
    EXPECT_EQ(problemOf("kabi-module"), path("kabi-module") + ": a kABI stablelist for 2 architectures (kabi_aarch64, kabi_x86_64): "
                                                              "name one, as in " +
                                            path("kabi-module/kabi_aarch64"));
    const Build aarch64 = readBuild(path("kabi-module/kabi_aarch64"), {});
    ASSERT_NE(symbolIn(aarch64, "__alloc_skb"), nullptr);
    EXPECT_EQ(symbolIn(aarch64, "__alloc_skb")->crc, 0x12345678u);
}

TEST_F(StablelistTest, MalformedEntriesNameTheFileAndLine) {
    const std::string entry = path("kabi-module/kabi_x86_64/zz_entry");
    auto problemWith = [&](const std::string& text) {
        dir_.write("kabi-module/kabi_x86_64/zz_entry", text);
        return problemOf("kabi-module/kabi_x86_64");
    };
    EXPECT_EQ(problemWith("0x1\tzz_entry\tvmlinux\tEXPORT_SYMBOL\n"),
              entry + ":1: expected the release range '#<first>-[<last>]', found '0x1\tzz_entry\tvmlinux\tEXPORT_SYMBOL'");
    EXPECT_EQ(problemWith(""), entry + ": empty: a stablelist entry starts with its release range ('#<first>-[<last>]')");
    EXPECT_EQ(problemWith("#1-\n0x1\tsomething_else\tvmlinux\tEXPORT_SYMBOL\n"),
              entry + ":2: the line is for 'something_else', but the file is the entry of 'zz_entry'");
    EXPECT_EQ(problemWith("#1-\n#I:x\n"), entry + ":2: '#I:' needs a line index, found 'x'");
    EXPECT_EQ(problemWith("#1-\n#I:2\n0x1\tzz_entry\tvmlinux\tEXPORT_SYMBOL\n"),
              entry + ": no Module.symvers line number 2 (#I:2) after the release range");
    EXPECT_EQ(problemWith("#1-\n\n0x1\tzz_entry\tvmlinux\tEXPORT_SYMBOL\n"),
              entry + ":2: blank where the symbol's Module.symvers line should be");
    EXPECT_EQ(problemWith("#1-\n0xnope\tzz_entry\tvmlinux\tEXPORT_SYMBOL\n").substr(0, entry.size() + 3), entry + ":2:");
}

TEST_F(StablelistTest, AListWhoseRangesAllClosedIsAnError) {
    test::TempDir retired("stablelist-retired");
    retired.write("kabi_s390x/old_fn", "#0-2\n0x00000003\told_fn\tvmlinux\tEXPORT_SYMBOL\n");
    const std::string arch = (retired.path() / "kabi_s390x").string();
    try {
        readBuild(arch, {});
        FAIL() << "read";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem(), "no symbol of this kABI stablelist is still stable (every range has closed)");
    }
}

}  // namespace
}  // namespace kabiscope
