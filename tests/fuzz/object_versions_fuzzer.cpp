// An object file versioned as `kabiscope versions` does (ELF, DWARF through libdw, the export
// tables, the CRCs): from the bytes as an in-memory file.
#include <sstream>

#include "fuzz_input.h"
#include "output/writers.h"
#include "version/file_versioner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] {
        kabiscope::VersionOptions options;
        options.threads = 1;
        const kabiscope::BuildFile build = kabiscope::versionFile(file.path(), options);
        std::ostringstream out;
        kabiscope::writeSymverLines(build, out);
        kabiscope::writeSymtypes(build, out);
    });
    return 0;
}
