// runModuleCheck: what an explorer's Modules view shows — every module file found under the
// arguments checked against the kernel the sources make up (modules/module_check.h), with the
// files that could not be read listed apart. The Qt and terminal explorers run it off their
// UI thread; an unreadable kernel source is a kabiscope::Error.
#pragma once

#include <string>
#include <vector>

#include "modules/module_check.h"

namespace kabiscope {

struct ModuleCheckRun {
    std::vector<ModuleVerdict> verdicts;
    std::vector<std::string> errors;  // files that could not be read, one line each
    size_t kernelExports = 0;
};

ModuleCheckRun runModuleCheck(const std::vector<std::string>& modules, const std::vector<std::string>& kernels, bool strictMissing);

}  // namespace kabiscope
