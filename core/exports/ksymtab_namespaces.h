// The symbol namespace of each export in a linked kernel or module's __ksymtab tables.
//
// An entry of __ksymtab / __ksymtab_gpl is the kernel's struct kernel_symbol: value, name and
// namespace, each a 32-bit offset from the field itself (CONFIG_HAVE_ARCH_PREL32_RELOCATIONS:
// x86-64, arm64, powerpc, s390, ...) or a pointer, into __ksymtab_strings; "" means no
// namespace. The exporting `__ksymtab_<name>` symbol marks the entry. In a vmlinux the fields
// are final; in a module (relocatable) they are relocations against __ksymtab_strings.
#pragma once

#include <string>
#include <unordered_map>

namespace kabiscope {

class ElfFile;

// Export name -> namespace, for the exports that have one.
std::unordered_map<std::string, std::string> readKsymtabNamespaces(const ElfFile& file);

}  // namespace kabiscope
