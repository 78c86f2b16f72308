// Module.symvers as a build (readers/module_symvers_reader.h) and as a kernel's exports.
#include "fuzz_input.h"
#include "modules/kernel_exports.h"
#include "readers/module_symvers_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] { (void)kabiscope::readModuleSymversBuild(file.path()); });
    kabiscope::fuzz::expectAnswer([&] { kabiscope::forEachModuleSymversLine(file.path(), [](kabiscope::KernelExport&&) {}); });
    return 0;
}
