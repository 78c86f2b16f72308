// Reports of `kabiscope check-modules`: text for people, JSON for scripts (docs/check-modules.md),
// Markdown and HTML for review pages.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "modules/module_check.h"

namespace kabiscope {

struct ModuleCheckReport {
    std::vector<std::string> kernelSources;
    size_t kernelExports = 0;
    std::string kernelVermagic;
    std::vector<ModuleVerdict> verdicts;  // in the order the modules were given / found
    bool strictMissing = false;
    // With --old-build/--new-build: the diff of what the modules were built against and the
    // target, restricted to the mismatched imports. Each crc_mismatch is explained from it.
    const DiffResult* diff = nullptr;
    size_t loading() const;
};

void writeModuleCheckText(const ModuleCheckReport& report, std::ostream& out);
void writeModuleCheckJson(const ModuleCheckReport& report, std::ostream& out);
void writeModuleCheckMarkdown(const ModuleCheckReport& report, std::ostream& out);
void writeModuleCheckHtml(const ModuleCheckReport& report, std::ostream& out);

}  // namespace kabiscope
