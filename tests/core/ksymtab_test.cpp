// Exports read from __ksymtab tables as a linked kernel (resolved offsets) and a module
// (relocations) hold them: export type from the table, namespace through the namespace offset
// into __ksymtab_strings; and a diff that reports a namespace or export type change.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "core/test_support.h"
#include "diff/build_diff.h"
#include "version/build_loader.h"
#include "elf/elf_file.h"
#include "exports/export_discovery.h"
#include "exports/ksymtab_reader.h"
#include "modules/kernel_exports.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

std::map<std::string, std::string> describe(const std::string& fixture) {
    ElfFile elf(test::fixturePath(fixture));
    std::map<std::string, std::string> out;
    const ExportList exports = discoverExports(elf, ExportSource::Automatic);
    for (const ExportInfo& e : exports.entries())
        out[e.name] = e.exportType + " " + e.nameSpace;
    return out;
}

TEST(Ksymtab, NamespacesAndExportTypesInModulesAndKernels) {
    const std::map<std::string, std::string> want = {{"ks_gpl_ns", "EXPORT_SYMBOL_GPL KS_GPL"},
                                                     {"ks_in_ns", "EXPORT_SYMBOL KS_CORE"},
                                                     {"ks_plain", "EXPORT_SYMBOL "}};
    EXPECT_EQ(describe("ksymtab.o"), want) << "relocatable: offsets are relocations";
    EXPECT_EQ(describe("ksymtab.elf"), want) << "linked: offsets resolved";
    EXPECT_EQ(describe("ksymtab32.o"), want) << "32-bit, SHT_REL relocations";
    EXPECT_EQ(describe("ksymtab_net.o").at("ks_in_ns"), "EXPORT_SYMBOL KS_NET");
}

std::map<std::string, std::string> entries(const std::string& fixture) {
    ElfFile elf(test::fixturePath(fixture));
    std::map<std::string, std::string> out;
    for (const KsymtabEntry& e : readKsymtab(elf)) {
        char crc[16] = "-";
        if (e.crc) std::snprintf(crc, sizeof crc, "0x%08x", *e.crc);
        out[e.name] = std::string(e.gpl ? "gpl " : "") + crc + " " + e.nameSpace;
    }
    return out;
}

// Stripped of the __ksymtab_<name> and __crc_<name> labels, a module's tables still name its
// exports through their relocations, a kernel's through the resolved offsets, and the CRCs are
// those of the parallel __kcrctab by index, as the loader reads them.
TEST(Ksymtab, WithoutLabelsTheTablesThemselvesNameTheExportsAndTheirCrcs) {
    const std::map<std::string, std::string> want = {{"ks_gpl_ns", "gpl 0x3000000c KS_GPL"},
                                                     {"ks_in_ns", "0x2000000b KS_CORE"},
                                                     {"ks_plain", "0x1000000a "}};
    for (const char* fixture : {"ksymtab.o", "ksymtab32.o", "ksymtab.elf"}) {
        EXPECT_EQ(entries(fixture), want) << fixture << ": by labels";
        std::string unlabelled = fixture;
        unlabelled.replace(0, 7, "ksymtab_unlabelled");
        EXPECT_EQ(entries(unlabelled), want) << unlabelled << ": by the tables alone";
        EXPECT_EQ(describe(unlabelled), describe(fixture)) << unlabelled << ": export discovery agrees";
    }
    for (const char* arch : {"s390x", "powerpc", "i386"})  // big-endian, 32-bit: the same table
        EXPECT_EQ(entries(std::string("ksymtab.") + arch + ".o"), want) << arch;
    KernelExports kernel;
    EXPECT_EQ(kernel.add(test::fixturePath("ksymtab_unlabelled.elf")), 3u);
    ASSERT_NE(kernel.find("ks_in_ns"), nullptr);
    EXPECT_EQ(kernel.find("ks_in_ns")->crc, 0x2000000bu);
    EXPECT_EQ(kernel.find("ks_in_ns")->nameSpace, "KS_CORE");
}

// An unlinked object of 4.17 to 6.4 has one ___ksymtab+<name> section per export: the labels
// there still name the exports, GPL-only from a ___ksymtab_gpl+ section.
TEST(Ksymtab, PerSymbolSectionsOfAnUnlinkedObject) {
    const std::map<std::string, std::string> want = {{"ks_old", "EXPORT_SYMBOL "}, {"ks_old_gpl", "EXPORT_SYMBOL_GPL "}};
    EXPECT_EQ(describe("ksymtab_old.o"), want);
}

// A symbol list names what to version; the file's own table still says how each is exported,
// so a file given with --symbols and the same file in a directory agree.
TEST(Ksymtab, ASymbolListKeepsTheFilesExportTypesAndNamespaces) {
    std::istringstream listed("ks_plain\nks_gpl_ns\nks_in_ns\nks_missing\n");
    VersionOptions options;
    options.exports = ExportList::parse(listed, "list");
    const BuildFile build = versionFile(test::fixturePath("ksymtab_net.o"), options);
    std::map<std::string, std::string> got;
    for (const SymbolVersion& s : build.symbols) got[s.name()] = s.info.exportType + " " + s.info.nameSpace;
    EXPECT_EQ(got.at("ks_in_ns"), "EXPORT_SYMBOL KS_NET");
    EXPECT_EQ(got.at("ks_plain"), "EXPORT_SYMBOL_GPL ");
    EXPECT_EQ(got.at("ks_missing"), "EXPORT_SYMBOL ") << "a listed name the file lacks is still versioned (CRC 0)";
}

TEST(Ksymtab, ADiffReportsANamespaceAndAnExportTypeChange) {
    const DiffResult diff = diffBuilds(loadBuild(test::fixturePath("ksymtab.o"), {}),
                                       loadBuild(test::fixturePath("ksymtab_net.o"), {}));
    EXPECT_EQ(diff.summary.changed, 0u) << "the types are the same";
    EXPECT_EQ(diff.summary.exportChanged, 2u);
    EXPECT_TRUE(diff.anyChange());
    std::map<std::string, const SymbolDiff*> byName;
    for (const auto& s : diff.symbols) byName[s.name] = &s;
    EXPECT_EQ(byName.at("ks_in_ns")->oldNamespace, "KS_CORE");
    EXPECT_EQ(byName.at("ks_in_ns")->newNamespace, "KS_NET");
    EXPECT_EQ(byName.at("ks_plain")->newExportType, "EXPORT_SYMBOL_GPL");
    EXPECT_FALSE(byName.at("ks_gpl_ns")->exportChanged());
}

}  // namespace
}  // namespace kabiscope
