// VersionedBuild: every exported symbol of a build with its version, and the types behind it.
//
// This is the core's model of a build, independent of where it was read from. A build has one
// or more scopes: a scope is what one gendwarfksyms run sees (one object file; in kbuild mode
// on a vmlinux, one compilation unit), with its own type graph and type_map. Each symbol points
// to its scope and to its record there. Loaded once, then read-only: the diff engine and the
// explorer share it without copying.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exports/export_list.h"
#include "model/type_graph.h"
#include "model/type_table.h"

namespace kabiscope {

struct VersionScope {
    std::string label;                    // the object or compilation unit it stands for
    TypeGraph graph;
    TypeTable types;                      // gendwarfksyms' type_map
    std::vector<Record> symbolRecords;    // one per bound symbol, for symtypes and the explorer
    // gendwarfksyms' --dump-versions lines (<name> <CRC input>), in its order; filled on request.
    std::vector<std::pair<std::string, std::string>> crcInputs;
};

struct SymbolVersion {
    ExportInfo info;                      // name, export type, namespace
    bool versioned = false;               // false: no DWARF for it, CRC 0 ("no information")
    uint32_t crc = 0;
    uint32_t scope = UINT32_MAX;          // index into VersionedBuild::scopes
    uint32_t record = UINT32_MAX;         // index into that scope's symbolRecords
    const std::string& name() const { return info.name; }
};

struct VersionedBuild {
    std::string path;
    std::vector<std::unique_ptr<VersionScope>> scopes;
    std::vector<SymbolVersion> symbols;   // sorted by name (byte order)
    std::vector<std::string> warnings;    // "no information for symbol x", ...
};

}  // namespace kabiscope
