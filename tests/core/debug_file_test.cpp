// The DWARF of a stripped, installed module read from its debug file under a debug root: by
// path as Debian's -dbg packages lay modules out, and by build-id; a debug file of another build
// at the right path is refused, and a module with none gets an error that says where it looked.
#include <gtest/gtest.h>

#include "base/error.h"
#include "core/test_support.h"
#include "dwarf/debug_file_lookup.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

const std::string kInstalled = "debug_tree/installed/lib/modules/9.9.9-kabiscope/kernel/drivers/fx/fx.ko.xz";

std::string versionsOf(const std::string& path, std::vector<std::string> roots = {}) {
    VersionOptions options;
    options.debugRoots = std::move(roots);
    const BuildFile build = versionFile(path, options);
    std::string out;
    for (const SymbolVersion& s : build.symbols) out += s.name() + " " + std::to_string(s.crc) + "\n";
    return out;
}

TEST(DebugFileLookup, PathsUnderARootFollowTheDbgPackagesLayout) {
    EXPECT_EQ(debugFileCandidates("/lib/modules/6.12.117+deb12-cloud-amd64/kernel/fs/ext4/ext4.ko.xz", {"/usr/lib/debug"}),
              std::vector<std::string>{"/usr/lib/debug/lib/modules/6.12.117+deb12-cloud-amd64/kernel/fs/ext4/ext4.ko"});
    // An unpacked package maps as an installed one; every root is searched in turn.
    EXPECT_EQ(debugFileCandidates("/data/6.12.115/lib/modules/R/kernel/a.ko.zst", {"/r1", "/r2"}),
              (std::vector<std::string>{"/r1/lib/modules/R/kernel/a.ko", "/r2/lib/modules/R/kernel/a.ko"}));
    EXPECT_EQ(debugFileCandidates("/boot/vmlinux-6.1.0-57-cloud-amd64", {"/dbg"}),
              std::vector<std::string>{"/dbg/boot/vmlinux-6.1.0-57-cloud-amd64"});
    EXPECT_TRUE(debugFileCandidates("/home/me/src/foo.ko", {"/usr/lib/debug"}).empty())
        << "a module outside lib/modules/ has no place in a -dbg package";
    EXPECT_EQ(dwflDebuginfoPath({"/a", "/b"}), ":.debug:/a:/b");
}

TEST(DebugFileLookup, AStrippedModuleVersionsFromItsDebugFileByPathAndByBuildId) {
    const std::string built = versionsOf(test::fixturePath("debug_tree/fx.ko"));
    ASSERT_NE(built.find("rp_register"), std::string::npos);
    EXPECT_EQ(versionsOf(test::fixturePath(kInstalled), {test::fixturePath("debug_tree/debug/usr/lib/debug")}), built);
    EXPECT_EQ(versionsOf(test::fixturePath(kInstalled), {test::fixturePath("debug_tree/by-id")}), built);
    // The right root among several.
    EXPECT_EQ(versionsOf(test::fixturePath(kInstalled),
                         {test::fixturePath("debug_tree/by-id/.build-id"), test::fixturePath("debug_tree/debug/usr/lib/debug")}),
              built);
}

TEST(DebugFileLookup, ADebugFileOfAnotherBuildIsRefused) {
    try {
        versionsOf(test::fixturePath(kInstalled), {test::fixturePath("debug_tree/wrong")});
        FAIL() << "the other build's debug file was read";
    } catch (const Error& e) {
        EXPECT_NE(e.problem().find("is of another build (build-id "), std::string::npos) << e.problem();
        EXPECT_NE(e.problem().find("debug_tree/wrong/lib/modules/9.9.9-kabiscope/kernel/drivers/fx/fx.ko"), std::string::npos)
            << e.problem();
    }
}

TEST(DebugFileLookup, WithoutADebugFileTheErrorSaysWhereItLooked) {
    try {
        versionsOf(test::fixturePath(kInstalled), {test::fixturePath("debug_tree/installed")});
        FAIL() << "a module without DWARF versioned";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), test::fixturePath(kInstalled));
        EXPECT_NE(e.problem().find("no DWARF debugging information, and no debug file for build-id "), std::string::npos)
            << e.problem();
        EXPECT_NE(e.problem().find("under " + test::fixturePath("debug_tree/installed")), std::string::npos) << e.problem();
    }
}

}  // namespace
}  // namespace kabiscope
