// A genksyms build written as one suse-kabi-tools consolidated symtypes file: what `kabiscope
// reference` writes for a build read from genksyms symtypes, so the reference of a distro kernel
// stays in the format its kABI tools already read (docs/genksyms-symtypes.md, "Sections").
//
// One `/* <scope> */` section per scope, its types sorted by name, then its symbols sorted by
// name; a type whose record is the same as its last definition in an earlier section is left
// out, and an opaque declaration (`{ UNKNOWN }`) is written `s##name`, the section's own.
#pragma once

#include <ostream>

#include "model/build.h"

namespace kabiscope {

// Every file of `build` must have Versioning::Genksyms and its types kept.
void writeConsolidatedSymtypes(const Build& build, std::ostream& out);

}  // namespace kabiscope
