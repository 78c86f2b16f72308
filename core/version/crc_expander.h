// CrcExpander: a symbol's CRC, computed the way gendwarfksyms computes it (spec §7).
//
// The CRC input is the symbol's record with every type reference replaced, on its first
// occurrence, by that type's record (recursively); later occurrences stay literal ("s#foo").
// The bytes are streamed into zlib's crc32 as they are produced, never built into one string,
// unless the caller asks for the exact input (--crc-input).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/type_table.h"

namespace kabiscope {

class KabiRules;

class CrcExpander {
public:
    // `rules` (may be null) supplies type_string definitions for references absent from `table`;
    // `file` names the object in errors.
    CrcExpander(TypeTable& table, const KabiRules* rules, std::string file);

    // CRC-32 of the expansion of `root`; appends the exact bytes to `capture` when not null.
    uint32_t crc(const Record& root, std::string* capture);

private:
    struct Sink;
    void expand(const Record& record, Sink& sink);
    RecordId resolve(const Record::Reference& reference, const Record& owner);

    TypeTable& table_;
    const KabiRules* rules_;
    std::string file_;
    std::vector<uint32_t> expandedIn_;  // per record: the generation that expanded it
    uint32_t generation_ = 0;
    unsigned depth_ = 0;
};

}  // namespace kabiscope
