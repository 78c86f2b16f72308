// check-modules on modules built at test time (tests/fixtures/modules): each version-table layout
// read as the kernel's loader reads it, each verdict rule, and the historic Module.symvers forms.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "base/error.h"
#include "core/test_support.h"
#include "elf/elf_file.h"
#include "modules/check_report.h"
#include "modules/module_check.h"

namespace kabiscope {
namespace {

ModuleImports importsOf(const std::string& fixture) { return readModuleImports(ElfFile(test::fixturePath(fixture))); }

KernelExports fixtureKernel() {
    KernelExports kernel;
    kernel.add(test::fixturePath("kernel_exports.o"));
    return kernel;
}

const ModuleProblem* findProblem(const std::vector<ModuleProblem>& list, const std::string& symbol, ImportProblem kind) {
    for (const auto& p : list)
        if (p.symbol == symbol && p.kind == kind) return &p;
    return nullptr;
}

TEST(ModuleImports, VersionsTableModinfoAndUndefinedSymbols) {
    const ModuleImports m = importsOf("mod_basic.o");
    EXPECT_EQ(m.table, VersionTable::Basic);
    ASSERT_EQ(m.crcs.size(), 3u);
    EXPECT_EQ(m.crcs.at("fx_printk"), 0x11111111u);
    EXPECT_EQ(m.crcs.at("fx_kmalloc"), 0x22222222u);
    EXPECT_EQ(m.name, "mod_basic");
    EXPECT_EQ(m.vermagic, "6.12.0-test SMP mod_unload modversions ");
    EXPECT_EQ(m.depends, (std::vector<std::string>{"fx_core", "fx_util"}));
    for (const char* name : {"fx_printk", "fx_kmalloc", "fx_kfree", "fx_gone", "fx_optional"})
        EXPECT_EQ(m.weak.count(name), 1u) << name;
    EXPECT_TRUE(m.weak.at("fx_optional"));
    EXPECT_FALSE(m.weak.at("fx_printk"));
}

TEST(ModuleImports, CompressedModulesReadTheSame) {
    const ModuleImports plain = importsOf("mod_basic.o");
    for (const char* packed : {"mod_basic.ko.xz", "mod_basic.ko.zst"}) {
        const ModuleImports m = importsOf(packed);
        EXPECT_EQ(m.crcs, plain.crcs) << packed;
        EXPECT_EQ(m.undefined, plain.undefined) << packed;
    }
}

// modversion_info holds the CRC in an unsigned long: 8 bytes or 4, in the target's byte order;
// the extended tables and __kcrctab hold 32-bit values in it. Each reads as written, with CRCs
// whose bytes differ so that a wrong byte order or word size cannot pass.
TEST(ModuleImports, EveryByteOrderAndWordSizeReadsAsWritten) {
    const std::map<std::string, uint32_t> basic = {{"fx_printk", 0x12345678u}, {"fx_kmalloc", 0x89abcdefu}};
    const std::map<std::string, uint32_t> extended = {{"fx_printk", 0x0badf00du}, {"fx_kmalloc", 0xfeedfaceu}};
    auto crcsOf = [](const ModuleImports& m) { return std::map<std::string, uint32_t>(m.crcs.begin(), m.crcs.end()); };
    for (const std::string suffix : {"", ".s390x", ".powerpc", ".i386"}) {
        const std::string arch = suffix.empty() ? "native" : suffix.substr(1);
        if (!suffix.empty()) {
            const ElfFile probe(test::fixturePath("mod_order" + suffix + ".o"));
            EXPECT_EQ(probe.isLittleEndian(), arch == "i386") << arch;
            EXPECT_EQ(probe.is64Bit(), arch == "s390x") << arch;
        }
        const ModuleImports m = importsOf("mod_order" + suffix + ".o");
        EXPECT_EQ(m.table, VersionTable::Basic) << arch;
        EXPECT_EQ(crcsOf(m), basic) << arch;
        EXPECT_EQ(m.vermagic, "6.12.0-test SMP mod_unload modversions ") << arch;
        const ModuleImports e = importsOf("mod_order_ext" + suffix + ".o");
        EXPECT_EQ(e.table, VersionTable::Extended) << arch;
        EXPECT_EQ(crcsOf(e), extended) << arch;

        KernelExports kernel;
        kernel.add(test::fixturePath("mod_order" + suffix + ".o"));
        ASSERT_NE(kernel.find("fx_order"), nullptr) << arch;
        EXPECT_EQ(kernel.find("fx_order")->crc, 0xa1b2c3d4u) << arch;
    }
}

TEST(ModuleImports, ExtendedTablesTakePrecedenceAndCarryLongNames) {
    const ModuleImports m = importsOf("mod_ext.o");
    EXPECT_EQ(m.table, VersionTable::Extended);
    EXPECT_EQ(m.crcs.at("fx_printk"), 0x11111111u) << "not __versions' stale 0x99999999";
    const std::string longName = "_RNvNtCs1234567890_6kernel5print11call_printk_with_a_really_long_name";
    ASSERT_GT(longName.size(), 55u);
    EXPECT_EQ(m.crcs.at(longName), 0x55555555u);
    EXPECT_EQ(m.onlyInExtended, std::vector<std::string>{longName});
    EXPECT_TRUE(m.tableProblem.empty());
}

TEST(ModuleImports, OneExtendedSectionAloneIsRefused) {
    const ModuleImports m = importsOf("mod_one_ext.o");
    EXPECT_NE(m.tableProblem.find("only __version_ext_crcs"), std::string::npos) << m.tableProblem;
    const ModuleVerdict v = checkModule(m, fixtureKernel());
    EXPECT_FALSE(v.loads);
    EXPECT_NE(findProblem(v.problems, "", ImportProblem::BadTables), nullptr);
}

TEST(ModuleImports, UbuntuVariableLengthRecords) {
    const ModuleImports m = importsOf("mod_ubuntu.o");
    EXPECT_EQ(m.table, VersionTable::Basic);
    EXPECT_EQ(m.crcs.at("fx_printk"), 0x11111111u);
    EXPECT_EQ(m.crcs.at("fx_kmalloc"), 0x33333333u);
}

TEST(ModuleImports, ATruncatedTableIsAnErrorNamingTheFile) {
    try {
        importsOf("mod_truncated.o");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("mod_truncated.o: malformed __versions table (70 bytes)"), std::string::npos)
            << e.what();
    }
}

TEST(ModuleCheck, EachRuleOfTheLoader) {
    const KernelExports kernel = fixtureKernel();
    ASSERT_EQ(kernel.size(), 3u);
    EXPECT_EQ(kernel.find("fx_printk")->crc, 0x11111111u);
    EXPECT_EQ(kernel.find("fx_kmalloc")->exportType, "EXPORT_SYMBOL_GPL");
    EXPECT_FALSE(kernel.find("fx_kfree")->crc.has_value());

    const ModuleVerdict v = checkModule(importsOf("mod_basic.o"), kernel);
    EXPECT_FALSE(v.loads);
    const ModuleProblem* mismatch = findProblem(v.problems, "fx_kmalloc", ImportProblem::CrcMismatch);
    ASSERT_NE(mismatch, nullptr);
    EXPECT_EQ(mismatch->moduleCrc, 0x22222222u);
    EXPECT_EQ(mismatch->kernelCrc, 0x33333333u);
    EXPECT_NE(findProblem(v.problems, "fx_gone", ImportProblem::MissingSymbol), nullptr);
    EXPECT_NE(findProblem(v.warnings, "fx_kfree", ImportProblem::ExporterNoCrc), nullptr);
    EXPECT_EQ(findProblem(v.problems, "fx_printk", ImportProblem::CrcMismatch), nullptr) << "its CRC matches";
    for (const auto& p : v.problems) EXPECT_NE(p.symbol, "fx_optional") << "a weak import may stay unresolved";
    EXPECT_EQ(v.problems.size(), 2u);
}

TEST(ModuleCheck, AMissingCrcWarnsOrFailsUnderDebiansRule) {
    KernelExports kernel;
    kernel.addExport({"fx_printk", 0x11111111u, "vmlinux", "EXPORT_SYMBOL", "", "test"});
    kernel.addExport({"fx_kmalloc", 0x33333333u, "vmlinux", "EXPORT_SYMBOL", "", "test"});
    const ModuleImports m = importsOf("mod_ubuntu.o");  // fx_printk and fx_kmalloc, both matching
    EXPECT_TRUE(checkModule(m, kernel).loads);
    ModuleImports lacking = m;
    lacking.crcs.erase("fx_kmalloc");
    const ModuleVerdict lenient = checkModule(lacking, kernel);
    EXPECT_TRUE(lenient.loads);
    EXPECT_NE(findProblem(lenient.warnings, "fx_kmalloc", ImportProblem::MissingCrc), nullptr);
    ModuleCheckOptions strict;
    strict.strictMissing = true;
    const ModuleVerdict debian = checkModule(lacking, kernel, strict);
    EXPECT_FALSE(debian.loads);
    EXPECT_NE(findProblem(debian.problems, "fx_kmalloc", ImportProblem::MissingCrc), nullptr);
}

// check_modstruct_version: module_layout is checked for every module, referred to or not.
TEST(ModuleCheck, ModuleLayoutIsCheckedForEveryModule) {
    KernelExports kernel;
    kernel.addExport({"fx_printk", 0x11111111u, "vmlinux", "EXPORT_SYMBOL", "", "test"});
    kernel.addExport({"fx_kmalloc", 0x33333333u, "vmlinux", "EXPORT_SYMBOL", "", "test"});
    kernel.addExport({"module_layout", 0x0badc0deu, "vmlinux", "EXPORT_SYMBOL", "", "test"});
    ModuleImports m = importsOf("mod_ubuntu.o");
    ASSERT_EQ(m.weak.count("module_layout"), 0u) << "the module does not refer to it";
    const ModuleVerdict lacking = checkModule(m, kernel);
    EXPECT_TRUE(lacking.loads);
    EXPECT_NE(findProblem(lacking.warnings, "module_layout", ImportProblem::MissingCrc), nullptr);
    m.crcs["module_layout"] = 0x0badc0de;
    EXPECT_TRUE(checkModule(m, kernel).loads);
    m.crcs["module_layout"] = 0x12345678;
    const ModuleVerdict stale = checkModule(m, kernel);
    EXPECT_FALSE(stale.loads);
    EXPECT_NE(findProblem(stale.problems, "module_layout", ImportProblem::CrcMismatch), nullptr);
}

TEST(ModuleCheck, NoVersionTableIsRefused) {
    const ModuleVerdict v = checkModule(importsOf("mod_unversioned.o"), fixtureKernel());
    EXPECT_FALSE(v.loads);
    EXPECT_NE(findProblem(v.problems, "", ImportProblem::NoVersions), nullptr);
}

TEST(ModuleCheck, VermagicIsComparedAfterTheRelease) {
    KernelExports kernel;
    kernel.add(test::fixturePath("kernel_exports.o"));
    kernel.add(test::fixturePath("mod_ext.o"));  // a module of that kernel's: its vermagic
    EXPECT_EQ(kernel.vermagic(), "6.12.0-test SMP mod_unload modversions ");
    ModuleImports m = importsOf("mod_ubuntu.o");
    m.vermagic = "6.12.9-other SMP mod_unload modversions ";  // another release: fine with CRCs
    EXPECT_EQ(findProblem(checkModule(m, kernel).problems, "", ImportProblem::Vermagic), nullptr);
    m.vermagic = "6.12.0-test SMP preempt mod_unload modversions ";
    EXPECT_NE(findProblem(checkModule(m, kernel).problems, "", ImportProblem::Vermagic), nullptr);
}

TEST(ModuleSymvers, EveryHistoricColumnOrder) {
    auto parse = [](const std::string& line) { return *parseModuleSymversLine("Module.symvers", 1, line); };
    const KernelExport now = parse("0x12345678\tfoo\tdrivers/net/foo\tEXPORT_SYMBOL_GPL\tFOO_NS");
    EXPECT_EQ(now.crc, 0x12345678u);
    EXPECT_EQ(now.module, "drivers/net/foo");
    EXPECT_EQ(now.exportType, "EXPORT_SYMBOL_GPL");
    EXPECT_EQ(now.nameSpace, "FOO_NS");
    const KernelExport emptyNs = parse("0xf7370f56\tsystem_state\tvmlinux\tEXPORT_SYMBOL\t");
    EXPECT_EQ(emptyNs.module, "vmlinux");
    EXPECT_EQ(emptyNs.nameSpace, "");
    const KernelExport middle = parse("0x0000abcd\tbar\tBAR_NS\tlib/bar\tEXPORT_SYMBOL");  // 5.3 - 5.x
    EXPECT_EQ(middle.nameSpace, "BAR_NS");
    EXPECT_EQ(middle.module, "lib/bar");
    const KernelExport old = parse("0x0000abcd\tbaz\tvmlinux\tEXPORT_SYMBOL");  // before 5.3
    EXPECT_EQ(old.module, "vmlinux");
    EXPECT_FALSE(parseModuleSymversLine("Module.symvers", 2, "").has_value());
    try {
        parseModuleSymversLine("Module.symvers", 7, "deadbeef\tfoo\tvmlinux\tEXPORT_SYMBOL");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("Module.symvers:7: 'deadbeef' is not a CRC"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parseModuleSymversLine("Module.symvers", 3, "0x1\tfoo\tvmlinux\tEXPORT_BOGUS\tNS\textra"), Error);
}

TEST(ModuleCheckReport, JsonFollowsTheDocumentedSchema) {
    ModuleCheckReport report;
    report.verdicts.push_back(checkModule(importsOf("mod_basic.o"), fixtureKernel()));
    std::ostringstream json;
    writeModuleCheckJson(report, json);
    const std::string text = json.str();
    for (const char* key : {"\"modules\"", "\"loads\":false", "\"kind\":\"crc_mismatch\"", "\"module_crc\":\"0x22222222\"",
                            "\"kernel_crc\":\"0x33333333\"", "\"do_not_load\":1", "\"warnings\""})
        EXPECT_NE(text.find(key), std::string::npos) << key << "\n"
                                                     << text;
}

}  // namespace
}  // namespace kabiscope
