// A build read from a consolidated reference (output/reference_writer.h,
// docs/reference-format.md): one build file per module, one scope per section, each section's
// types as its predecessors left them unless it says otherwise, read back into type nodes per
// scope; every CRC recomputed exactly as gendwarfksyms computes it.
#pragma once

#include <string>

#include "model/build.h"

namespace kabiscope {

// True when the file starts with the reference header line.
bool looksLikeReference(const std::string& path);

// Throws kabiscope::Error naming "<path>:<line>" for a malformed line, a rendering number that
// was never given, or a reference to a type no section defined.
Build readReferenceBuild(const std::string& path);

}  // namespace kabiscope
