// A build file read from genksyms symtypes (the kernel's KBUILD_SYMTYPES=1 files of distro
// kernels, one object's or several concatenated, or a suse-kabi-tools consolidated file): every
// exported symbol with the CRC genksyms gives it, recomputed from the records
// (version/genksyms_crc.h), one scope per section (readers/genksyms_symtypes.h).
#pragma once

#include <string>

#include "model/build_file.h"

namespace kabiscope {

// Throws kabiscope::Error naming the file (and line) for a malformed line or a reference to a
// type no section defines.
BuildFile readGenksymsFile(const std::string& path);

}  // namespace kabiscope
