// ModuleImports: what a kernel module asks of the kernel it is loaded into, read the way the
// kernel's loader reads it (kernel/module/version.c, docs/check-modules.md).
//
// - The symbols it leaves undefined: the loader resolves each one against the exports.
// - Its version table: `__versions`, 64-byte `struct modversion_info` records on 64-bit targets
//   (an `unsigned long` CRC then a NUL-padded name; 32 + 32 on 32-bit), in the object's byte
//   order; Ubuntu's variable-length records (u32 length, u32 CRC, padded name) are recognised
//   too. The extended tables `__version_ext_crcs` (u32 each) and `__version_ext_names` (names
//   one after another, NUL-terminated), used by 6.14+ for long and Rust names, take precedence
//   when both are present; a module with only one of them is rejected by the loader.
// - `.modinfo`: name, vermagic, depends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kabiscope {

class ElfFile;

enum class VersionTable : uint8_t {
    None,
    Basic,
    Extended
};
const char* versionTableName(VersionTable table);  // "none", "__versions", "extended"

struct ModuleImports {
    std::string path;
    std::string name;      // .modinfo name=, else the file name without .ko...
    std::string vermagic;  // .modinfo vermagic=
    std::vector<std::string> depends;
    VersionTable table = VersionTable::None;  // the table the loader uses
    // The loader's table: import name -> CRC. Names in the other table only are listed in
    // `onlyInBasic` / `onlyInExtended` (a long name modpost could not put in __versions).
    std::unordered_map<std::string, uint64_t> crcs;
    std::vector<std::string> onlyInExtended;
    // The symbols the module leaves undefined, in symbol-table order, and which are weak (a
    // missing weak symbol is no reason to refuse the module).
    std::vector<std::string> undefined;
    std::unordered_map<std::string, bool> weak;
    // A table the loader refuses: only one extended section, or counts that disagree.
    std::string tableProblem;
};

// Reads a module (`.ko`, or any relocatable object, compressed or not). A malformed table
// (truncated record, name without its NUL) is a kabiscope::Error naming the file.
ModuleImports readModuleImports(const ElfFile& file);

}  // namespace kabiscope
