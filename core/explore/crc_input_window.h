// A symbol's CRC input on each side and where the two first differ, cut to a window around that
// byte: what the explorers show under "CRC input" so a person sees the exact bytes that moved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/build.h"

namespace kabiscope {

struct CrcInputs {
    std::string oldInput, newInput;  // "" for a side without the symbol or its types
    size_t firstDifference = 0;      // index of the first differing byte (the shorter length if one is a prefix)
    bool differ() const { return oldInput != newInput; }
};

// The exact bytes hashed for each side (one build alone: the same on both).
CrcInputs crcInputsOf(const Build::SymbolRef& before, const Build::SymbolRef& after, bool single);

// A window of `text` around `first`: [start, first) as context, the byte at `first` (none past
// the end), then up to `after` bytes; `clippedStart`/`clippedEnd` say whether text was cut.
struct CrcInputWindow {
    std::string before, marked, after;
    bool clippedStart = false, clippedEnd = false;
};
CrcInputWindow crcInputWindow(const std::string& text, size_t first, size_t contextBefore = 120, size_t contextAfter = 240);

// "<n> bytes, crc32 = 0x…" with " (= the symbol's version)" or " (differs from the recorded
// version!)" when the recorded CRC is known.
std::string crcInputSummary(const std::string& input, const std::optional<uint32_t>& recorded);

}  // namespace kabiscope
