// Finding the exported symbols of an object the way kbuild does.
//
//  * C objects: every `__export_symbol_<name>` label (EXPORT_SYMBOL under CONFIG_GENDWARFKSYMS);
//    the label starts a record in .export_symbol holding the license and the namespace.
//  * Rust objects: kbuild's rust_exports rule — every defined global text/rodata/data/bss symbol
//    (nm letters T, R, D, B) whose name does not contain "__cfi", in symbol table order.
//  * Linked kernels and modules: every `__ksymtab_<name>` symbol.
#pragma once

#include "elf/elf_file.h"
#include "exports/export_list.h"

namespace kabiscope {

enum class ExportSource {
    Automatic,  // __export_symbol_ labels if any, else __ksymtab_ symbols, else none
    KbuildC,
    Rust,
    Ksymtab,
};

ExportList discoverExports(const ElfFile& file, ExportSource source);

}  // namespace kabiscope
