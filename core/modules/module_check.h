// checkModule: would the kernel's loader accept this module, and if not, why.
//
// The rules of kernel/module/version.c and main.c, applied to every symbol the module leaves
// undefined (docs/check-modules.md):
// - no exporter: the load fails ("Unknown symbol"), unless the symbol is weak;
// - the exporter has no CRC: accepted;
// - the module's version table has the name with another CRC: the load fails ("disagrees
//   about version of symbol");
// - the table lacks the name: accepted with a warning ("no symbol version for"); Debian's
//   kernels refuse it (`strictMissing`);
// - a module with no version table at all on a modversions kernel is refused unless forced;
//   a module with only one of the two extended sections is refused;
// - module_layout, when the kernel exports it, is checked like an import of every module
//   (check_modstruct_version), referred to or not;
// - vermagic: compared after its first word (the release) when the module has CRCs, as
//   same_magic() does; in full otherwise.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/kernel_exports.h"
#include "modules/module_imports.h"

namespace kabiscope {

enum class ImportProblem : uint8_t {
    CrcMismatch,    // fails
    MissingSymbol,  // fails
    NoVersions,     // fails: the module has no version table
    BadTables,      // fails: one extended section without the other, counts that disagree
    Vermagic,       // fails
    MissingCrc,     // warning (fails with strictMissing): the module's table lacks the name
    ExporterNoCrc,  // warning: exported without a CRC, accepted whatever the module says
    ExtendedOnly,   // warning: the name is only in the extended table (long or Rust names)
};
const char* importProblemName(ImportProblem kind);  // "crc_mismatch", "missing_symbol", ...

struct ModuleProblem {
    std::string symbol;  // "" for a module-level problem (vermagic, tables)
    ImportProblem kind;
    std::optional<uint64_t> moduleCrc;
    std::optional<uint32_t> kernelCrc;
    std::string exporter;  // the module that exports it ("vmlinux", "ext4")
    std::string detail;    // one line for people
};

struct ModuleVerdict {
    ModuleImports module;
    bool loads = true;
    std::vector<ModuleProblem> problems;  // what stops the load
    std::vector<ModuleProblem> warnings;  // what the loader accepts with a warning
    size_t checked = 0;                   // undefined symbols checked
};

struct ModuleCheckOptions {
    bool strictMissing = false;  // Debian: an import missing from the version table fails
    bool checkVermagic = true;   // when the kernel's vermagic is known
};

ModuleVerdict checkModule(ModuleImports module, const KernelExports& kernel, const ModuleCheckOptions& options = {});

// Reads and checks module files on a few threads (most of the time goes to decompressing
// .ko.xz files), results in the order given: a verdict, or the one-line error of a file that
// cannot be read. `done` (if given) counts finished files, for progress.
struct ModuleFileOutcome {
    std::optional<ModuleVerdict> verdict;
    std::string error;
};
std::vector<ModuleFileOutcome> checkModuleFiles(const std::vector<std::string>& files, const KernelExports& kernel,
                                                const ModuleCheckOptions& options, std::atomic<size_t>* done = nullptr);

}  // namespace kabiscope
