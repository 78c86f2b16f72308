// readBuild: a build from whatever a path holds, told by content — the one entry point every
// command and the explorer load builds through.
//
// Readers plug in behind it: DWARF (a vmlinux, a module, an object, compressed or not, or a
// directory of them: version/build_loader.h) and a Module.symvers (CRCs without types:
// readers/module_symvers_reader.h; RHEL's stablelist directories too: readers/rhel_stablelist.h),
// gendwarfksyms symtypes (its renderings read back into type
// nodes: readers/symtypes_reader.h, docs/symtypes-graph.md), genksyms symtypes (genksyms' CRCs
// recomputed: readers/genksyms_reader.h), a kabiscope reference (its records read back into
// type nodes: readers/reference_reader.h).
#pragma once

#include <string>
#include <utility>

#include "model/build.h"
#include "version/file_versioner.h"

namespace kabiscope {

enum class BuildInput {
    Dwarf,
    Directory,
    ModuleSymvers,
    Stablelist,
    Symtypes,
    GenksymsSymtypes,
    GenksymsTree,
    Reference
};

// What `path` holds. A directory holding genksyms symtypes files (a kernel built with
// KBUILD_SYMTYPES=1) is a GenksymsTree even when it also holds the vmlinux and modules: that
// kernel's CRCs are the ones genksyms computed from them. A RHEL kabi_<arch> directory (or the
// kabi-module directory above one) is a Stablelist. Anything that is not a directory, a Module.symvers or symtypes text is
// taken as DWARF, whose reader then says what is wrong with it (missing, empty, not ELF, ...).
BuildInput detectBuildInput(const std::string& path);

Build readBuild(const std::string& path, const VersionOptions& options);

// Two builds; two DWARF builds load at once (version/build_loader.h's loadBuildPair).
std::pair<Build, Build> readBuildPair(const std::string& oldPath, const std::string& newPath, const VersionOptions& options);

// The names `path` exports, without reading any DWARF (its symbol tables, or the text itself):
// a quick check of a symbol name before a build is loaded.
std::vector<std::string> exportNamesIn(const std::string& path, const VersionOptions& options);

}  // namespace kabiscope
