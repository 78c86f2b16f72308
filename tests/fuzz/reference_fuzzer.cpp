// The consolidated reference (readers/reference_reader.h), CRCs recomputed from it.
#include "fuzz_input.h"
#include "readers/reference_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] { (void)kabiscope::readReferenceBuild(file.path()); });
    return 0;
}
