// loadBuild on a build directory: its vmlinux and .ko files load on several threads, and the
// result (file order, module names, every CRC) must not depend on how many.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
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
    static std::string describe(const LoadedBuild& build) {
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

}  // namespace
}  // namespace kabiscope
