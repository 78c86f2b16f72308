// gendwarfksyms symtypes as a build (readers/symtypes_reader.h), CRCs recomputed from it.
#include <sstream>

#include "fuzz_input.h"
#include "output/writers.h"
#include "readers/symtypes_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] {
        const kabiscope::BuildFile build = kabiscope::readSymtypesFile(file.path());
        std::ostringstream out;
        kabiscope::writeSymverLines(build, out);
    });
    return 0;
}
