// Waivers (review/waivers.h): any text parses or is refused with file:line; what parses writes
// out and reads back to the same file.
#include <cstdlib>
#include <sstream>

#include "fuzz_input.h"
#include "review/waivers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kabiscope::fuzz::expectAnswer([&] {
        std::istringstream in{std::string(kabiscope::fuzz::text(data, size))};
        const kabiscope::Waivers waivers = kabiscope::Waivers::parse(in, "waivers");
        std::ostringstream once;
        waivers.write(once);
        std::istringstream back(once.str());
        std::ostringstream twice;
        kabiscope::Waivers::parse(back, "written").write(twice);
        if (once.str() != twice.str()) std::abort();  // the file format must round-trip
    });
    return 0;
}
