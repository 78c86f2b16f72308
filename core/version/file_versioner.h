// versionFile: the versions of every exported symbol of one ELF file.
//
// Two modes (docs/versioning-modes.md):
//  * whole file: exactly what gendwarfksyms gives when handed the whole file — one die_map and
//    one type_map across all compilation units;
//  * kbuild (default): each export is versioned from the one unit that exports it (the unit
//    holding its __gendwarfksyms_ptr_ DIE, else the unit defining it), as if gendwarfksyms had
//    been run on the object that unit came from. That is what a kernel built with
//    gendwarfksyms recorded. For a single-unit object both modes agree.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "exports/export_discovery.h"
#include "exports/export_list.h"
#include "kabi/kabi_rules.h"
#include "model/build_file.h"

namespace kabiscope {

struct VersionOptions {
    bool stable = false;  // --stable: kABI rules and __kabi_ members
    // --kabi-rules FILE: rules applied after each object's own section, as if appended to it
    // (with `stable`; docs/kabi-rules.md).
    std::optional<KabiRules> kabiRules;
    bool wholeFile = false;  // --whole-file
    ExportSource exportSource = ExportSource::Automatic;
    std::optional<ExportList> exports;  // --symbols: overrides discovery
    // With `exports`, for a list applied to many files (a directory, several files): version
    // only the listed names the file exports itself (found by discovery), so that a file is
    // not given a "no information" entry for every name another file exports. An object that is
    // neither a module nor a kernel (a plain .o) still takes the whole list, as gendwarfksyms does.
    bool exportsFilterDiscovered = false;
    bool captureCrcInput = false;  // keep gendwarfksyms' --dump-versions text
    // Where a stripped object's debug file is looked for (--debug-root; empty: /usr/lib/debug).
    std::vector<std::string> debugRoots;
    // Copy the DWARF strings the graph uses and close the file afterwards, so a build kept in
    // memory (diff, explorer) does not also keep the DWARF mapped. Costs a pass over the graph.
    bool detachFromDwarf = false;
    // False: forget each compilation unit's types as soon as its CRCs are computed (kbuild
    // mode; a single scope's at the end), and close the DWARF, for callers that only print
    // versions (CRC inputs, if captured, stay). A vmlinux then loads in a fraction of the
    // memory. Symtypes, diffs and the explorer need the types.
    bool keepTypes = true;
    // Threads for kbuild mode (units are independent; each thread opens its own DWARF session),
    // and for versionFiles() the files loaded at once. 0: one per core, at most 4.
    unsigned threads = 0;
    // Progress: (stage, done, total). Called from the loading thread.
    std::function<void(const std::string&, size_t, size_t)> progress;
    // For several files (versionFiles, a directory): a file that cannot be read (a corrupt
    // module in a tree of a thousand) is skipped and reported, instead of failing the load.
    bool keepGoing = false;
    // Checked between units: returning true stops the load with kabiscope::Cancelled.
    std::function<bool()> cancelled;
};

BuildFile versionFile(const std::string& path, const VersionOptions& options);

}  // namespace kabiscope
