// Text outputs of a BuildFile: #SYMVER lines, Module.symvers lines, the symtypes file and
// gendwarfksyms' --dump-versions text. Each is byte-compatible with the tool it imitates.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "model/build_file.h"
#include "model/type_table.h"

namespace kabiscope {

// "#SYMVER <name> 0x<crc>" per symbol, in the build's (name) order.
void writeSymverLines(const BuildFile& build, std::ostream& out);
void writeSymverLine(const SymbolVersion& symbol, std::ostream& out);

// Module.symvers: "0x<crc>\t<name>\t<module>\t<export type>\t<namespace>".
void writeModuleSymversLine(const SymbolVersion& symbol, const std::string& module, std::ostream& out);

// The module name Module.symvers uses for a file: "vmlinux", or the path without ".ko"/".o"
// (and, for an installed module, without .../lib/modules/<release>/kernel/ before it).
std::string moduleNameFor(const std::string& path);

// gendwarfksyms' --symtypes file: per scope, every type_map entry and every bound symbol,
// sorted by name in byte order.
void writeSymtypes(const BuildFile& build, std::ostream& out);
// The records a scope's symtypes lines are made of (its types, then its versioned symbols),
// sorted by name: given to `visit` one scope at a time, so a whole kernel's are never all in memory.
void forEachScopeRecords(const BuildFile& build, const std::function<void(size_t scope, std::vector<Record>& records)>& visit);

// gendwarfksyms' --dump-versions: "<name> <CRC input>" per alias group, in its order.
// Needs VersionOptions::captureCrcInput.
void writeCrcInputs(const BuildFile& build, std::ostream& out);

std::string formatCrc(uint32_t crc);  // "0x0123abcd"

}  // namespace kabiscope
