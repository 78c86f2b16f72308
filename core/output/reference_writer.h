// The consolidated reference of a build (`kabiscope reference BUILD -o PATH`): what every
// export's version depends on, as the symtypes text the kernel community reads, one section per
// versioning scope, with each distinct rendering of a type written once. A kABI reviewer keeps
// it in git instead of last release's debug package. The format is docs/reference-format.md;
// readers/reference_reader.h reads it back, CRCs recomputed exactly.
#pragma once

#include <ostream>

#include "model/build.h"

namespace kabiscope {

// Needs the build's types (VersionOptions::keepTypes); files and scopes in the build's order.
void writeReference(const Build& build, std::ostream& out);

inline constexpr const char* kReferenceHeader = "# kabiscope reference 1";
// The section of a module's exports that no DWARF describes (CRC 0, "no information"): names alone.
inline constexpr const char* kNoDwarfSection = "exports without DWARF";
// The section of how a module exports each symbol: "<name> <export type>[ <namespace>]".
inline constexpr const char* kExportsSection = "export types and namespaces";

}  // namespace kabiscope
