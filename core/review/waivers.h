// Waivers: the changes a kABI reviewer accepted, with a reason and a name, kept in git.
//
// A waiver names a root cause by what it is (the type, the node and the kind of change, as the
// diff reports them), never by its rank, so it still applies on the next run; or it names a
// symbol-level change (a removal, a CRC change no type explains, a stricter export type or
// namespace, a move to another module). The file is blocks of "key = value" lines:
//
//   [waiver]
//   type = s#mm_struct
//   node = member kabi_reserved1
//   change = type changed
//   reason = KABI_USE of the reserved slot, see KABI-1234
//   by = Jane Doe <jane@example.org>
//
// docs/sign-off.md has every key.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "diff/build_diff.h"

namespace kabiscope {

// Symbol-level changes a waiver can name with `symbol =` (the spelling in `change =`).
enum class SymbolChange {
    Removed,
    UnexplainedCrc,
    ExportType,
    Namespace,
    Module
};
const char* symbolChangeName(SymbolChange change);  // "removed", "crc changed", "export type", ...

struct Waiver {
    // A root cause: type + node + change (+ description when given) ...
    std::string type, node, change, description;
    // ... or a symbol-level change of one symbol (a glob: '*' and '?').
    std::string symbol;
    std::string reason, by;
    std::string where;  // "waivers.txt:12", the line of its [waiver]

    bool isForSymbol() const { return !symbol.empty(); }
    bool matches(const Cause& cause) const;
    bool matches(const SymbolDiff& symbol, SymbolChange change) const;
};

class Waivers {
public:
    // Throws kabiscope::Error naming "<source>:<line>" for a malformed line or an incomplete block.
    static Waivers parse(std::istream& in, const std::string& source);
    static Waivers readFile(const std::string& path);

    const std::vector<Waiver>& entries() const { return entries_; }
    // The first waiver of a cause, or of one change of a symbol; SIZE_MAX when none.
    size_t find(const Cause& cause) const;
    size_t find(const SymbolDiff& symbol, SymbolChange change) const;

    // The waiver of `cause` a reviewer gives (its description pins the exact change).
    static Waiver forCause(const Cause& cause, const std::string& reason, const std::string& by);
    // One waiver block for `cause`, to append to a waiver file.
    static std::string blockFor(const Cause& cause, const std::string& reason, const std::string& by);

    // Adds a waiver (checked as a parsed block is; throws kabiscope::Error naming `where`).
    void add(Waiver waiver);
    // The whole file: every waiver as a block, in order, each followed by a blank line; parse()
    // reads it back to the same waivers. Values are written on one line each.
    void write(std::ostream& out) const;

private:
    std::vector<Waiver> entries_;
};

}  // namespace kabiscope
