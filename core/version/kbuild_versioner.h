// versionInKbuildMode: every export versioned from the one compilation unit that exports it
// (docs/versioning-modes.md), with the units spread over threads.
//
// Two phases, each on every worker thread (worker w takes units w, w+N, w+2N...; each has its own
// DWARF session, name resolver, renderer and graph):
//  1. one walk over each unit records its scoped names, the claims its DIEs lay on exports
//     (pointer > external definition > definition > declaration) and the DIEs that may bind one;
//  2. after the claims are merged (the first unit with the strongest claim wins), each exporting
//     unit is versioned as its own scope, binding from the DIEs phase 1 kept.
// The graphs are then merged and the scopes put in unit order: the result is the same for any
// number of threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "exports/export_list.h"
#include "model/build_file.h"
#include "version/file_versioner.h"
#include "version/object_versioner.h"

namespace kabiscope {

class DwarfFile;

struct KbuildInputs {
    std::string path;
    std::shared_ptr<DwarfFile> dwarf;  // worker 0's session
    const ExportList* exports = nullptr;
    const std::unordered_map<std::string, AliasKey>* aliasKeys = nullptr;
    ObjectVersionerOptions versionerOptions;
    const VersionOptions* options = nullptr;
    std::function<void(const std::string&, size_t, size_t)> report;  // called on worker 0 only
};

// Adds the scopes and symbols to `build` (whose graph worker 0 renders into). Exports no unit
// describes come back with no version and a warning, as in gendwarfksyms.
void versionInKbuildMode(const KbuildInputs& inputs, BuildFile& build);

}  // namespace kabiscope
