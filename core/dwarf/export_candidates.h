// The DIEs that can define an exported symbol, as gendwarfksyms looks for them (spec §4): the
// subprograms and variables among a unit's top-level children, recursing only into namespaces,
// classes and structures. Never the DIEs inside functions.
#pragma once

#include <functional>

#include <elfutils/libdw.h>

namespace kabiscope {

class DwarfFile;

void forEachExportCandidate(const DwarfFile& file, Dwarf_Die unit, const std::function<void(Dwarf_Die&)>& visit);

}  // namespace kabiscope
