// The exports of a linked kernel or module as its __ksymtab tables hold them.
//
// An entry of __ksymtab / __ksymtab_gpl is the kernel's struct kernel_symbol: value, name and
// (since 5.4) namespace, each a 32-bit offset from the field itself
// (CONFIG_HAVE_ARCH_PREL32_RELOCATIONS: x86-64, arm64, powerpc, s390, ...) or a pointer, into
// __ksymtab_strings; "" means no namespace. In a vmlinux the fields are final; in a module
// (relocatable) they are relocations against __ksymtab_strings.
//
// An entry is found by its `__ksymtab_<name>` label where there is one (every kbuild since
// 2.6), and otherwise through the name field itself: a module's relocations, or a vmlinux's
// final offsets, checked to land on a string. Its CRC is the `__crc_<name>` label in __kcrctab*,
// or without labels the same index of the parallel __kcrctab* (the loader's own rule:
// kernel/module/main.c reads crcs[i] for syms[i]). docs/check-modules.md has the details.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kabiscope {

class ElfFile;

struct KsymtabEntry {
    std::string name;
    bool gpl = false;  // in __ksymtab_gpl
    std::string nameSpace;
    std::optional<uint32_t> crc;  // none: exported without one (an assembler export)
};

// Every entry of both tables, in table order (__ksymtab, then __ksymtab_gpl), then the labels
// of other __ksymtab* sections (an unlinked object's ___ksymtab+<name>, the old _unused ones).
// A label or CRC outside its section is a kabiscope::Error naming the file.
std::vector<KsymtabEntry> readKsymtab(const ElfFile& file);

}  // namespace kabiscope
