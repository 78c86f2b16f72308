// genksyms symtypes as a build (readers/genksyms_reader.h): records, sections, nodes and CRCs,
// then the build written back as a consolidated file (output/genksyms_writer.h).
#include <sstream>

#include "fuzz_input.h"
#include "model/build.h"
#include "output/genksyms_writer.h"
#include "output/writers.h"
#include "readers/genksyms_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] {
        kabiscope::Build build;
        build.path = file.path();
        build.files.push_back(kabiscope::readGenksymsFile(file.path()));
        build.index();
        std::ostringstream out;
        kabiscope::writeSymverLines(build.files.front(), out);
        kabiscope::writeConsolidatedSymtypes(build, out);
    });
    return 0;
}
