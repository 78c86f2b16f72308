// loadBuild on a build directory: its vmlinux and .ko files load on several threads, and the
// result (file order, module names, every CRC) must not depend on how many.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include <unistd.h>

#include "base/error.h"
#include "core/test_support.h"
#include "version/build_loader.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

// A build directory made of test fixtures renamed as a kernel build's files.
class BuildDirectory : public testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("kabiscope-build-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        add("render_basic.gcc.o", "vmlinux");
        add("ripple.1.o", "drivers/net/ripple.ko");
        add("member_added.1.o", "drivers/misc/member_added.ko");
        add("multi_unit.o", "fs/multi.ko");
        add("enum_change.1.o", "lib/enum_change.ko");
    }
    void TearDown() override { fs::remove_all(root_); }
    void add(const std::string& fixture, const std::string& as) {
        fs::create_directories((root_ / as).parent_path());
        fs::copy_file(test::fixturePath(fixture), root_ / as);
    }
    static std::string describe(const Build& build) {
        std::ostringstream out;
        for (const auto& file : build.files) {
            out << fs::path(file.path).filename().string() << " " << file.module << "\n";
            for (const auto& symbol : file.symbols) out << "  " << symbol.name() << " " << symbol.crc << "\n";
        }
        return out.str();
    }
    fs::path root_;
};

TEST_F(BuildDirectory, ThreadCountDoesNotChangeTheBuild) {
    VersionOptions options;
    options.threads = 1;
    const std::string single = describe(loadBuild(root_.string(), options));
    EXPECT_NE(single.find("vmlinux vmlinux\n"), std::string::npos) << single;
    EXPECT_NE(single.find("ripple.ko drivers/net/ripple\n"), std::string::npos) << single;
    EXPECT_NE(single.find("  rp_rx "), std::string::npos) << single;
    for (unsigned threads : {2u, 3u, 8u}) {
        options.threads = threads;
        EXPECT_EQ(describe(loadBuild(root_.string(), options)), single) << threads << " threads";
    }
}

TEST_F(BuildDirectory, ABrokenFileFailsTheLoadNamingIt) {
    std::ofstream(root_ / "drivers/net/broken.ko") << "not an ELF file";
    for (unsigned threads : {1u, 3u}) {
        VersionOptions options;
        options.threads = threads;
        try {
            loadBuild(root_.string(), options);
            FAIL() << "expected an error";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("broken.ko"), std::string::npos) << e.what();
        }
    }
}

// --keep-going: the broken file is reported and the others load.
TEST_F(BuildDirectory, KeepGoingSkipsABrokenFileAndReportsIt) {
    std::ofstream(root_ / "drivers/net/broken.ko") << "not an ELF file";
    VersionOptions options;
    options.keepGoing = true;
    const Build build = loadBuild(root_.string(), options);
    ASSERT_EQ(build.skipped.size(), 1u);
    EXPECT_NE(build.skipped[0].find("broken.ko: not an ELF file"), std::string::npos) << build.skipped[0];
    EXPECT_EQ(build.files.size(), 5u);
    EXPECT_TRUE(build.symbols.count("rp_rx"));
}

// Two builds loading at once report one percentage that never goes back, naming both.
TEST_F(BuildDirectory, APairReportsOneMonotonicProgressNamingBoth) {
    std::vector<std::pair<std::string, size_t>> seen;
    VersionOptions options;
    options.progress = [&](const std::string& stage, size_t done, size_t total) {
        EXPECT_EQ(total, 1000u);
        seen.emplace_back(stage, done);
    };
    const std::string other = (root_ / "lib/enum_change.ko").string();
    loadBuildPair(root_.string(), other, options);
    ASSERT_FALSE(seen.empty());
    for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].second, seen[i - 1].second) << seen[i].first;
    EXPECT_EQ(seen.back().second, 1000u);
    EXPECT_NE(seen.back().first.find("enum_change.ko 100%"), std::string::npos) << seen.back().first;
    EXPECT_NE(seen.back().first.find(root_.filename().string()), std::string::npos) << seen.back().first;
}

// A symbol list given for a directory selects among each file's own exports: a file that does
// not export a listed name gets no entry for it (it used to get a CRC-0 "no information" one,
// which then stood for the symbol, so every listed symbol read "unchanged 0x00000000").
TEST_F(BuildDirectory, ASymbolListSelectsAmongEachFilesExports) {
    add("render_basic.gcc.o", "boot/vmlinux-6.12.115+deb12-cloud-amd64");  // Debian's -dbg layout
    fs::remove(root_ / "vmlinux");
    std::ofstream(root_ / "vmlinux-gdb.py") << "import gdb\n";  // a build tree's: not a kernel
    std::istringstream listed("rp_rx\nma_open\nrb_add\nnot_exported_anywhere\n");
    VersionOptions options;
    options.exports = ExportList::parse(listed, "list");
    const Build build = loadBuild(root_.string(), options);
    const Build full = loadBuild(root_.string(), {});
    for (const char* name : {"rp_rx", "ma_open", "rb_add"}) {
        ASSERT_TRUE(build.symbols.count(name)) << name;
        const auto& ref = build.symbols.at(name);
        EXPECT_TRUE(ref.symbol->hasCrc) << name;
        EXPECT_EQ(ref.symbol->crc, full.symbols.at(name).symbol->crc) << name;
        EXPECT_EQ(ref.file->path, full.symbols.at(name).file->path) << name;
    }
    EXPECT_EQ(build.symbols.size(), 3u) << "only the listed names the files export";
    size_t entries = 0, exported = 0;  // fs/multi.ko links ripple and render_basic: it exports two
    for (const auto& file : build.files) entries += file.symbols.size();
    for (const auto& file : full.files)
        for (const auto& symbol : file.symbols) exported += options.exports->contains(symbol.name());
    EXPECT_EQ(entries, exported) << "no file names a symbol only another file exports";
    EXPECT_EQ(exported, 5u);
    ASSERT_EQ(build.warnings.size(), 1u);
    EXPECT_NE(build.warnings[0].find("not_exported_anywhere"), std::string::npos) << build.warnings[0];
}

// A file that only names a symbol never stands for it when another file versions it.
TEST_F(BuildDirectory, TheIndexPrefersAVersionedEntry) {
    Build build = loadBuild(root_.string(), {});
    ASSERT_GE(build.files.size(), 2u);
    SymbolVersion named;
    named.info.name = "rp_rx";
    named.hasCrc = false;
    build.files.front().symbols.push_back(named);  // the first file now names it first
    build.index();
    EXPECT_TRUE(build.symbols.at("rp_rx").symbol->hasCrc);
}

}  // namespace
}  // namespace kabiscope
