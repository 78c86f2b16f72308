// Debug-info layouts that distributions ship (docs/layouts.md): each one versions as the plain
// object does, or is refused with one line that names the file and says what to do. The
// fixtures are made at build time (tests/CMakeLists.txt: objcopy, gcc -gsplit-dwarf, dwz -m).
#include <gtest/gtest.h>

#include <elfutils/libdwfl.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>

#include "base/error.h"
#include "core/test_support.h"
#include "exports/export_list.h"
#include "output/writers.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

using test::fixturePath;

std::string symvers(const std::string& fixture, const VersionOptions& options = {}) {
    std::ostringstream out;
    writeSymverLines(versionFile(fixturePath(fixture), options), out);
    return out.str();
}

// The message versioning `fixture` fails with ("" when it does not fail).
std::string refusal(const std::string& fixture) {
    try {
        versionFile(fixturePath(fixture), {});
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), fixturePath(fixture));
        return e.problem();
    }
    return {};
}

TEST(Layouts, CompressedDebugSectionsVersionAsThePlainObject) {
    const std::string plain = symvers("render_basic.gcc.o");
    ASSERT_NE(plain.find("#SYMVER rb_add 0x"), std::string::npos);
    ASSERT_EQ(plain.find(" 0x00000000"), std::string::npos);
    EXPECT_EQ(symvers("layouts/compressed_zlib.o"), plain);      // SHF_COMPRESSED, ELFCOMPRESS_ZLIB
    EXPECT_EQ(symvers("layouts/compressed_zlib-gnu.o"), plain);  // legacy .zdebug_* sections
}

// The DWARF is read in the object's byte order: a big-endian object gives the CRCs of a
// little-endian one with the same type sizes and char signedness, and a 32-bit one its own sizes.
TEST(Layouts, BigEndianAnd32BitObjects) {
    const std::string littleEndian = symvers("layouts/render_basic.aarch64.o");
    ASSERT_EQ(littleEndian.find(" 0x00000000"), std::string::npos) << littleEndian;
    EXPECT_EQ(symvers("layouts/render_basic.s390x.o"), littleEndian);

    VersionOptions options;
    options.keepTypes = true;
    const BuildFile ppc = versionFile(fixturePath("layouts/render_basic.powerpc.o"), options);
    std::ostringstream symtypes;
    writeSymtypes(ppc, symtypes);
    EXPECT_NE(symtypes.str().find("formal_parameter base_type long byte_size(4) encoding(5) b"), std::string::npos)
        << symtypes.str();
    EXPECT_NE(symvers("layouts/render_basic.powerpc.o"), littleEndian);
}

TEST(Layouts, ZstdSectionsVersionOrSayHowToDecompressThem) {
    int major = 0, minor = 0;
    ASSERT_EQ(std::sscanf(dwfl_version(nullptr), "%d.%d", &major, &minor), 2);
    if (major == 0 && minor < 189) {  // elfutils reads ELFCOMPRESS_ZSTD from 0.189 on
        const std::string problem = refusal("layouts/compressed_zstd.o");
        EXPECT_NE(problem.find("such as zstd: run objcopy --decompress-debug-sections on it first"), std::string::npos)
            << problem;
    } else {
        EXPECT_EQ(symvers("layouts/compressed_zstd.o"), symvers("render_basic.gcc.o"));
    }
}

TEST(Layouts, SplitDwarfIsRefusedNotVersionedAsEmpty) {
    for (const char* version : {"4", "5"}) {
        const std::string object = std::string("layouts/split") + version + ".o";
        EXPECT_EQ(refusal(object), std::string("split DWARF (-gsplit-dwarf): its types are in split") + version +
                                       ".dwo, which kabiscope does not read (nor does gendwarfksyms); rebuild "
                                       "without -gsplit-dwarf");
        EXPECT_EQ(refusal(std::string("layouts/split") + version + ".dwo"),
                  "a split DWARF object (.dwo) has no symbols to version: give the object it belongs to, built "
                  "without -gsplit-dwarf");
    }
}

// dwz -m moved the types the two libraries share into multi_common.debug: the library reads
// them through DW_FORM_GNU_ref_alt, whose DIE offsets are the alternate file's own. In kbuild
// mode (each unit on its own, as the kernel's build versions objects) the CRCs are those of the
// library before dwz. Handed the whole file, units that had a type each now share one DIE, so
// gendwarfksyms' re-rendering quirks (reentry_test.cpp) fall differently, as with dwz on one
// file: every export still gets its CRC from its types.
std::map<std::string, std::string> crcsOf(const std::string& symverText) {
    std::map<std::string, std::string> out;
    std::istringstream in(symverText);
    for (std::string tag, name, crc; in >> tag >> name >> crc;) out[name] = crc;
    return out;
}

TEST(Layouts, DwzAlternateFileGivesTheCrcsOfTheLibraryBeforeDwz) {
    for (bool stable : {false, true}) {
        VersionOptions options;
        options.stable = stable;
        const std::string before = symvers("layouts/plain.so", options);
        ASSERT_NE(before.find("#SYMVER "), std::string::npos);
        ASSERT_EQ(before.find(" 0x00000000"), std::string::npos) << before;
        EXPECT_EQ(symvers("layouts/multi_a.so", options), before) << (stable ? "--stable" : "");

        options.wholeFile = true;
        const auto whole = crcsOf(symvers("layouts/multi_a.so", options));
        const auto wholeBefore = crcsOf(symvers("layouts/plain.so", options));
        ASSERT_EQ(whole.size(), wholeBefore.size());
        size_t same = 0;
        for (const auto& [name, crc] : whole) {
            ASSERT_TRUE(wholeBefore.count(name)) << name;
            EXPECT_NE(crc, "0x00000000") << name;
            same += wholeBefore.at(name) == crc;
        }
        EXPECT_GE(same, whole.size() / 2) << "most exports reach no re-rendered type";
    }
}

TEST(Layouts, DwzAlternateFileMissingIsNamed) {
    EXPECT_EQ(refusal("layouts/lonely/multi_a.so"),
              "its types are partly in the dwz file multi_common.debug (.gnu_debugaltlink), which was not found: put "
              "it there, or install the package that has it");
}

}  // namespace
}  // namespace kabiscope
