#include "explore/module_check_run.h"

#include "modules/kernel_exports.h"
#include "modules/module_files.h"

namespace kabiscope {

ModuleCheckRun runModuleCheck(const std::vector<std::string>& modules, const std::vector<std::string>& kernels, bool strictMissing) {
    ModuleCheckRun run;
    KernelExports kernel;
    for (const std::string& source : kernels) kernel.add(source);
    run.kernelExports = kernel.size();
    ModuleCheckOptions options;
    options.strictMissing = strictMissing;
    for (ModuleFileOutcome& outcome : checkModuleFiles(findModuleFiles(modules), kernel, options)) {
        if (outcome.verdict)
            run.verdicts.push_back(std::move(*outcome.verdict));
        else
            run.errors.push_back(outcome.error);
    }
    return run;
}

}  // namespace kabiscope
