// Severity rules (review/severity_rules.h): any text parses or is refused with file:line, and
// matching what parsed never fails.
#include <sstream>

#include "fuzz_input.h"
#include "review/severity_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kabiscope::fuzz::expectAnswer([&] {
        std::istringstream in{std::string(kabiscope::fuzz::text(data, size))};
        const kabiscope::SeverityRules rules = kabiscope::SeverityRules::parse(in, "rules");
        (void)rules.match("drivers/net/x", "NS", "symbol");
        (void)rules.match("vmlinux", "", "");
    });
    return 0;
}
