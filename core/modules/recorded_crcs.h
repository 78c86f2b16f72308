// compareRecorded: the CRCs kabiscope computes (gendwarfksyms' rules) against those a kernel
// records (its __kcrctab, or its Module.symvers), to tell how that kernel was versioned.
//
// A kernel built with CONFIG_GENDWARFKSYMS records exactly the CRCs computed from its DWARF
// (with --stable when it was built with KBUILD_GENDWARFKSYMS_STABLE). A genksyms kernel (Debian,
// RHEL, SUSE, Ubuntu) records CRCs of its preprocessed source, which share nothing with them.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "model/build_file.h"
#include "modules/kernel_exports.h"

namespace kabiscope {

struct RecordedComparison {
    size_t compared = 0;  // symbols versioned by kabiscope and recorded with a CRC
    size_t equal = 0;
    std::vector<std::string> differing;    // names, sorted
    std::vector<std::string> notRecorded;  // versioned here, not in the recorded exports
    std::vector<std::string> noDwarf;      // recorded, but without DWARF here (CRC 0)
    // "gendwarfksyms" when every compared CRC matches, "genksyms" when almost none does
    // (under 1%), "mixed" in between (a build with other options, or partly rebuilt).
    std::string versionedWith() const;
};

RecordedComparison compareRecorded(const std::deque<BuildFile>& builds, const KernelExports& recorded);

}  // namespace kabiscope
