// Symbol lists (exports/export_list.h): plain, gendwarfksyms' stdin format, INI lists.
#include <sstream>

#include "exports/export_list.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kabiscope::fuzz::expectAnswer([&] {
        std::istringstream in{std::string(kabiscope::fuzz::text(data, size))};
        (void)kabiscope::ExportList::parse(in, "list");
    });
    return 0;
}
