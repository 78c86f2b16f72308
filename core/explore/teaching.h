// How a type becomes a CRC, for people learning modversions: one symbol's CRC input cut into
// the pieces the expansion wrote (its own record, each type written in full the first time the
// walk meets it, each later reference written as its name), with the running CRC after each,
// the #SYMVER line, and what a module's __versions entry for it holds. `kabiscope teach` writes
// it (docs/teaching.md); the explorers can show the same steps.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "explore/explore_session.h"
#include "model/build.h"

namespace kabiscope {

struct TeachingPiece {
    enum class Kind {
        Text,
        Expand,
        Abbreviate
    };
    Kind kind;
    std::string name;   // Expand/Abbreviate: the type ("s#demo_stats"); Text: the record it belongs to
    unsigned depth;     // expansions around it (the symbol's own record: 0)
    size_t begin, end;  // its bytes in the CRC input
    uint32_t crcAfter;  // crc32 of the input up to `end`
    uint64_t die = 0;   // Expand: the DIE the type was rendered from (dwarf/die_access.h's key), 0 unknown
};

struct SymbolTeaching {
    std::string symbol, module, exportType, nameSpace, file;
    std::string input;                  // the exact bytes hashed
    std::vector<TeachingPiece> pieces;  // in input order
    uint32_t crc = 0;
    std::optional<uint32_t> recorded;  // the build's own CRC for it
    size_t typesExpanded = 0, referencesAbbreviated = 0;
    // The DIE the symbol binds to and the unit it was looked for in (spec §4), when the build
    // was read from DWARF: 0 and "" from symtypes or a reference.
    uint64_t bindingDie = 0;
    std::string unit;
    bool wholeFile = false;  // one scope for the file (an object, or --whole-file): `unit` is the file
};

// The steps for `symbol` of `file` (which must have types: hasTypes()).
SymbolTeaching teachSymbol(const BuildFile& file, const SymbolVersion& symbol);

// The piece of `teaching` that holds byte `offset` of its input (nullptr past the end), and the
// type whose expansion it lies in ("" for the symbol's own record).
const TeachingPiece* pieceAt(const SymbolTeaching& teaching, size_t offset);
std::string typeAt(const SymbolTeaching& teaching, size_t offset);

struct TeachingOptions {
    size_t maxPieces = 120;  // pieces listed (a kernel symbol has thousands); 0: all
};
// The plain-language walk through the steps. With `before` and `diff` (two builds): the same
// for the old side, then where the inputs first differ and the cause that byte belongs to.
void writeTeaching(const SymbolTeaching& teaching, std::ostream& out, const TeachingOptions& options = {},
                   const SymbolTeaching* before = nullptr, const DiffResult* diff = nullptr, const SymbolDiff* symbolDiff = nullptr);

// The walk for symbol `index` of an explorer's session, both builds' when both have its types,
// as the explorers show it ("" when no side has types for it).
std::string sessionTeachingText(const ExploreSession& session, size_t index);

}  // namespace kabiscope
