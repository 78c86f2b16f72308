// Finding the exported symbols of an object the way kbuild does.
//
//  * C objects: every `__export_symbol_<name>` label (EXPORT_SYMBOL under CONFIG_GENDWARFKSYMS);
//    the label starts a record in .export_symbol holding the license and the namespace.
//  * Rust objects: kbuild's rust_exports rule — every defined global text/rodata/data/bss symbol
//    (nm letters T, R, D, B) whose name does not contain "__cfi", in symbol table order.
//  * Linked kernels and modules: every entry of their __ksymtab tables (exports/ksymtab_reader.h).
#pragma once

#include "exports/export_list.h"

namespace kabiscope {

class ElfFile;

enum class ExportSource {
    Automatic,  // __export_symbol_ labels if any, else the __ksymtab tables, else none
    KbuildC,
    Rust,
    Ksymtab,
};

ExportList discoverExports(const ElfFile& file, ExportSource source);

}  // namespace kabiscope
