// GenksymsCrc: an exported symbol's CRC computed from genksyms symtypes records exactly as
// genksyms computes it from the preprocessed source.
//
// genksyms hashes a symbol's definition token by token, each token followed by one space, and
// expands every reference on the way: the first time an expansion meets a type, its whole
// definition is hashed in its place; after that only its name is ("struct foo", "enum bar", or
// the bare name of a typedef or enum constant). What was met is forgotten between symbols. The
// CRC is the standard CRC-32 of those bytes. A record may start with `extern`, which genksyms
// writes but does not hash. docs/genksyms-symtypes.md has the rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "readers/genksyms_symtypes.h"

namespace kabiscope {

class GenksymsCrc {
public:
    explicit GenksymsCrc(const GenksymsSymtypes& file);

    // The CRC of the exported symbol `record`, its names resolved by `scopes` (entered in the
    // record's section). `reached`, when given, receives each type record the expansion entered,
    // in order. A reference to a type the section cannot resolve is a kabiscope::Error naming
    // the line that refers to it.
    uint32_t crc(uint32_t record, const GenksymsScopes& scopes, std::vector<uint32_t>* reached = nullptr);

    // The bytes the last crc() hashed: the symbol's expansion, for explaining one CRC.
    const std::string& lastInput() const { return input_; }

private:
    uint32_t firstHashed(uint32_t record) const;  // 1 past a leading "extern"

    const GenksymsSymtypes& file_;
    std::vector<uint32_t> metIn_;  // per record: the expansion (epoch) that last met it
    uint32_t epoch_ = 0;
    std::string input_;
    struct Frame {
        uint32_t record;
        uint32_t next;  // its next token
    };
    std::vector<Frame> stack_;
};

}  // namespace kabiscope
