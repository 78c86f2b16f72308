// A module as `kabiscope check-modules` reads it: the ELF (compressed or not), .modinfo, the
// __versions table and the extended __version_ext_crcs/__version_ext_names tables, the
// undefined symbols; then checked against an empty kernel. From the bytes as an in-memory file.
#include "elf/elf_file.h"
#include "fuzz_input.h"
#include "modules/kernel_exports.h"
#include "modules/module_check.h"
#include "modules/module_imports.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] {
        const kabiscope::ElfFile elf(file.path());
        kabiscope::ModuleImports imports = kabiscope::readModuleImports(elf);
        (void)kabiscope::checkModule(std::move(imports), kabiscope::KernelExports{});
    });
    return 0;
}
