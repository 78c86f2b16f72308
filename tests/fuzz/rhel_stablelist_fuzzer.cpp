// One RHEL kABI stablelist entry file (readers/rhel_stablelist.h), as the entry of the symbol
// the seeds name.
#include "fuzz_input.h"
#include "readers/rhel_stablelist.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const kabiscope::fuzz::MemoryFile file(data, size);
    kabiscope::fuzz::expectAnswer([&] { (void)kabiscope::readStablelistEntry(file.path(), "__alloc_skb"); });
    return 0;
}
