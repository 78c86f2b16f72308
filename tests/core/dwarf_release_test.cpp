// Releasing the pages of units already read (DwarfFile::releaseUnit): on a linked file the
// resident .debug_info shrinks and every DIE reads back the same afterwards; on a relocatable
// object, whose DWARF libdwfl relocates in memory, nothing is released. Versioning the linked
// file gives exactly what the same units give relocatable (inline names copied while resident).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <dwarf.h>

#include "core/test_support.h"
#include "dwarf/dwarf_file.h"
#include "output/writers.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

// Resident KiB of the mapping of this process that holds `address` (/proc/self/smaps).
long residentKiB(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    const auto at = reinterpret_cast<uintptr_t>(address);
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        unsigned long from = 0, to = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &from, &to) == 2 && line.find(':') > line.find(' ')) {
            inside = at >= from && at < to;
        } else if (inside && line.rfind("Rss:", 0) == 0) {
            return std::stol(line.substr(4));
        }
    }
    return -1;
}

// Every DIE's name, offset and tag, unit by unit, in DIE order.
std::string walk(const DwarfFile& file) {
    std::string out;
    for (Dwarf_Die unit : file.units()) {
        Dwarf_Die die;
        if (dwarf_child(&unit, &die) != 0) continue;
        do {
            const char* name = dwarf_diename(&die);
            out += std::to_string(dwarf_dieoffset(&die)) + " " + std::to_string(dwarf_tag(&die)) + " " + (name ? name : "") + "\n";
            Dwarf_Die member;
            if (dwarf_child(&die, &member) == 0) do {
                    const char* memberName = dwarf_diename(&member);
                    out += "  " + std::string(memberName ? memberName : "") + "\n";
                } while (dwarf_siblingof(&member, &member) == 0);
        } while (dwarf_siblingof(&die, &die) == 0);
    }
    return out;
}

TEST(DwarfRelease, ALinkedFilesUnitsLeaveMemoryAndReadBackTheSame) {
    const DwarfFile file(test::fixturePath("wide.elf"));
    ASSERT_EQ(file.units().size(), 3u);
    Dwarf_Die first = file.units()[0];
    const char* info = static_cast<const char*>(first.addr);
    ASSERT_TRUE(file.inReleasableInfo(info));
    const std::string before = walk(file);
    ASSERT_NE(before.find("  a99\n"), std::string::npos) << "the fixture's inline member names";
    const long resident = residentKiB(info);
    for (size_t u = 0; u < file.units().size(); ++u) file.releaseUnit(u);
    const long released = residentKiB(info);
    EXPECT_GT(resident, 0);
    EXPECT_LT(released, resident) << "the units' full pages are no longer resident";
    EXPECT_EQ(walk(file), before);
}

TEST(DwarfRelease, ARelocatableObjectsDwarfIsNeverReleased) {
    const DwarfFile file(test::fixturePath("wide.o"));
    Dwarf_Die first = file.units()[0];
    EXPECT_FALSE(file.inReleasableInfo(static_cast<const char*>(first.addr)));
}

std::string outputs(const std::string& fixture, unsigned threads) {
    VersionOptions options;
    options.threads = threads;
    options.captureCrcInput = true;
    const BuildFile build = versionFile(test::fixturePath(fixture), options);
    std::ostringstream out;
    writeSymverLines(build, out);
    writeSymtypes(build, out);
    writeCrcInputs(build, out);
    return out.str();
}

TEST(DwarfRelease, ALinkedFileVersionsAsItsUnitsDoRelocatable) {
    const std::string relocatable = outputs("wide.o", 1);
    ASSERT_NE(relocatable.find(" a99 "), std::string::npos);
    for (unsigned threads : {1u, 2u}) EXPECT_EQ(outputs("wide.elf", threads), relocatable) << threads << " threads";
}

}  // namespace
}  // namespace kabiscope
