// The kABI rules section (.discard.gendwarfksyms.kabi_rules, kabi/kabi_rules.h), and the same
// bytes as a rules file (--kabi-rules).
#include <string>

#include "fuzz_input.h"
#include "kabi/kabi_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kabiscope::fuzz::expectAnswer([&] {
        std::string warning;
        (void)kabiscope::KabiRules::parseSection("object.o", kabiscope::fuzz::text(data, size), &warning);
    });
    kabiscope::fuzz::expectAnswer([&] { (void)kabiscope::KabiRules::parseText("rules.txt", kabiscope::fuzz::text(data, size)); });
    return 0;
}
