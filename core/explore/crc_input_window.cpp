#include "explore/crc_input_window.h"

#include "output/writers.h"
#include "version/crc_expander.h"

namespace kabiscope {

namespace {

std::string inputOf(const Build::SymbolRef& ref) {
    if (!ref.symbol || !ref.file || !ref.symbol->hasTypes()) return {};
    CrcInputReader reader(*ref.file);
    return reader.input(*ref.symbol);
}

}  // namespace

CrcInputs crcInputsOf(const Build::SymbolRef& before, const Build::SymbolRef& after, bool single) {
    CrcInputs inputs;
    inputs.newInput = inputOf(after);
    inputs.oldInput = single ? inputs.newInput : inputOf(before);
    const std::string& a = inputs.oldInput;
    const std::string& b = inputs.newInput;
    while (inputs.firstDifference < a.size() && inputs.firstDifference < b.size() && a[inputs.firstDifference] == b[inputs.firstDifference])
        ++inputs.firstDifference;
    return inputs;
}

CrcInputWindow crcInputWindow(const std::string& text, size_t first, size_t contextBefore, size_t contextAfter) {
    CrcInputWindow window;
    if (first > text.size()) first = text.size();
    const size_t start = first > contextBefore ? first - contextBefore : 0;
    window.clippedStart = start > 0;
    window.before = text.substr(start, first - start);
    if (first < text.size()) {
        window.marked = text.substr(first, 1);
        window.after = text.substr(first + 1, contextAfter);
    }
    window.clippedEnd = first + 1 + contextAfter < text.size();
    return window;
}

std::string crcInputSummary(const std::string& input, const std::optional<uint32_t>& recorded) {
    const uint32_t crc = crcOfInput(input);
    std::string text = std::to_string(input.size()) + " bytes, crc32 = " + formatCrc(crc);
    if (recorded) text += crc == *recorded ? " (= the symbol's version)" : " (differs from the recorded version!)";
    return text;
}

}  // namespace kabiscope
