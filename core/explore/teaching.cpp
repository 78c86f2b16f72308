#include "explore/teaching.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <zlib.h>

#include "diff/report_writers.h"
#include "output/writers.h"
#include "version/crc_expander.h"

namespace kabiscope {

namespace {

// A snippet of input text for one line: at most `width` bytes, "…" when cut.
std::string snippet(const std::string& input, size_t begin, size_t end, size_t width = 70) {
    std::string text = input.substr(begin, std::min(end - begin, width));
    if (end - begin > width) text += "\u2026";
    return text;
}

std::string hex(uint32_t value) { return formatCrc(value); }

}  // namespace

SymbolTeaching teachSymbol(const BuildFile& file, const SymbolVersion& symbol) {
    SymbolTeaching t;
    t.symbol = symbol.name();
    t.module = file.module;
    t.file = file.path;
    t.exportType = symbol.info.exportType;
    t.nameSpace = symbol.info.nameSpace;
    if (symbol.hasCrc) t.recorded = symbol.crc;
    // Where the types came from: a node keeps the offset of the DIE it was rendered from.
    const VersionScope* scope = symbol.scope < file.scopes.size() ? file.scopes[symbol.scope].get() : nullptr;
    if (!symbol.target.isRecord() && symbol.target.valid()) t.bindingDie = file.graph.node(symbol.target.index()).origin();
    if (scope) {
        t.unit = scope->label;
        t.wholeFile = scope->label == file.path;  // one scope for the file: an object, or --whole-file
    }
    auto dieOf = [&](const std::string& type) -> uint64_t {
        if (!scope) return 0;
        const auto it = scope->types.find(type);
        return it == scope->types.end() || it->second.isRecord() || !it->second.valid() ? 0 : file.graph.node(it->second.index()).origin();
    };
    CrcInputReader reader(file);
    std::vector<ExpansionEvent> events;
    t.input = reader.trace(symbol, events);
    t.crc = crcOfInput(t.input);
    // Between two events, the bytes belong to the innermost expansion open there.
    std::vector<std::string> open;
    size_t at = 0;
    // The running CRC, carried along the input once (not recomputed from the start per piece).
    uLong running = crc32(0L, Z_NULL, 0);
    size_t hashed = 0;
    auto addPiece = [&](TeachingPiece::Kind kind, const std::string& name, unsigned depth, size_t begin, size_t end) {
        if (end > hashed) {
            running = crc32_z(running, reinterpret_cast<const Bytef*>(t.input.data() + hashed), end - hashed);
            hashed = end;
        }
        t.pieces.push_back(TeachingPiece{kind, name, depth, begin, end, uint32_t(running)});
    };
    auto textUpTo = [&](size_t offset) {
        if (offset > at && !open.empty()) addPiece(TeachingPiece::Kind::Text, open.back(), unsigned(open.size() - 1), at, offset);
        at = std::max(at, offset);
    };
    for (const ExpansionEvent& e : events) {
        textUpTo(e.offset);
        switch (e.kind) {
        case ExpansionEvent::Kind::Expand:
            if (!open.empty()) {
                addPiece(TeachingPiece::Kind::Expand, e.name, unsigned(open.size()), e.offset, e.offset);
                t.pieces.back().die = dieOf(e.name);
                ++t.typesExpanded;
            }
            open.push_back(e.name);
            break;
        case ExpansionEvent::Kind::Abbreviate:
            addPiece(TeachingPiece::Kind::Abbreviate, e.name, unsigned(open.size()), e.offset, e.offset + e.name.size());
            at = e.offset + e.name.size();
            ++t.referencesAbbreviated;
            break;
        case ExpansionEvent::Kind::End:
            if (!open.empty()) open.pop_back();
            break;
        }
    }
    return t;
}

const TeachingPiece* pieceAt(const SymbolTeaching& teaching, size_t offset) {
    for (const TeachingPiece& piece : teaching.pieces)
        if (piece.kind != TeachingPiece::Kind::Expand && offset >= piece.begin && offset < piece.end) return &piece;
    return nullptr;
}

std::string typeAt(const SymbolTeaching& teaching, size_t offset) {
    const TeachingPiece* piece = pieceAt(teaching, offset);
    if (!piece) return {};
    if (piece->kind == TeachingPiece::Kind::Abbreviate) return piece->name;
    return piece->depth == 0 ? std::string() : piece->name;
}

namespace {

// "DIE 0x1a2b", or "DIE 0x1a2b of the dwz alternate file" (dwarf/die_access.h's keys).
std::string dieName(uint64_t die) {
    char text[32];
    std::snprintf(text, sizeof text, "DIE 0x%llx", static_cast<unsigned long long>(die & ~kAlternateDieBit));
    return std::string(text) + (die & kAlternateDieBit ? " of the dwz alternate file" : "");
}

void writePieces(const SymbolTeaching& t, std::ostream& out, const TeachingOptions& options) {
    out << "  bytes          running crc32  what\n";
    size_t shown = 0;
    for (const TeachingPiece& piece : t.pieces) {
        if (options.maxPieces && shown == options.maxPieces) {
            out << "  ... " << (t.pieces.size() - shown) << " more pieces (--all lists every one)\n";
            break;
        }
        ++shown;
        char range[32];
        std::snprintf(range, sizeof range, "%6zu-%-6zu", piece.begin, piece.end);
        const std::string indent(2 * size_t(piece.depth), ' ');
        switch (piece.kind) {
        case TeachingPiece::Kind::Expand:
            out << "  " << std::string(13, ' ') << "  " << std::string(13, ' ') << "  " << indent << piece.name
                << "  first time: written out in full" << (piece.die ? ", from " + dieName(piece.die) : std::string()) << "\n";
            break;
        case TeachingPiece::Kind::Abbreviate:
            out << "  " << range << "  " << hex(piece.crcAfter) << "     " << indent << piece.name
                << "  met before: written as its name only\n";
            break;
        case TeachingPiece::Kind::Text:
            out << "  " << range << "  " << hex(piece.crcAfter) << "     " << indent << "\"" << snippet(t.input, piece.begin, piece.end)
                << "\"\n";
            break;
        }
    }
}

void writeSide(const SymbolTeaching& t, std::ostream& out, const TeachingOptions& options, const char* label) {
    out << label << t.symbol << " in " << t.file << " (module " << t.module << ", " << t.exportType
        << (t.nameSpace.empty() ? std::string() : ", namespace " + t.nameSpace) << ")\n\n";
    if (t.bindingDie) {
        out << "Step 0. The DIE it binds to\n"
            << "  " << t.symbol << " is the DWARF entry at " << dieName(t.bindingDie) << (t.wholeFile ? "" : " of unit " + t.unit)
            << ".\n"
            << "  gendwarfksyms takes the first subprogram or variable of that name at a unit's top level (or\n"
            << "  in a namespace, class or struct on the way), in DWARF order, declarations included, "
            << (t.wholeFile ? "looking in\n  each unit of the file in turn.\n"
                            : "and kbuild\n  versions each object on its own, so only the unit that exports it is looked in.\n")
            << "  With none, it takes the type of its __gendwarfksyms_ptr_ pointer (the function type it\n"
            << "  points to, else the pointer type).\n\n";
    }
    out << "Step 1. The declaration as text\n"
           "  gendwarfksyms writes the symbol's DWARF declaration as a line of text: its kind (subprogram,\n"
           "  variable), its parameters and their types. A type with a name (s# struct, u# union, e# enum,\n"
           "  t# typedef) is written out in full the first time the walk meets it, and after that only\n"
           "  as its name, so a type used twice costs its text once and a type that points to itself ends.\n\n";
    auto count = [](size_t n, const char* one, const char* many) { return std::to_string(n) + ' ' + (n == 1 ? one : many); };
    out << "Step 2. The type string, piece by piece (" << count(t.pieces.size(), "piece", "pieces") << ": "
        << count(t.typesExpanded, "type", "types") << " written in full, "
        << count(t.referencesAbbreviated, "reference", "references") << " written as a name)\n";
    writePieces(t, out, options);
    out << "\nStep 3. The CRC\n"
        << "  zlib's crc32 of all " << t.input.size() << " bytes = " << hex(t.crc) << ". gendwarfksyms prints:\n"
        << "    #SYMVER " << t.symbol << ' ' << hex(t.crc) << '\n';
    if (t.recorded)
        out << "  " << (*t.recorded == t.crc ? "This is the version the build records for it." : "The build records " + hex(*t.recorded) + ": it was not versioned from these types.")
            << '\n';
    char bytes[64];
    std::snprintf(bytes, sizeof bytes, "%02x %02x %02x %02x 00 00 00 00", t.crc & 0xff, (t.crc >> 8) & 0xff, (t.crc >> 16) & 0xff,
                  t.crc >> 24);
    out << "\nStep 4. In a module that uses " << t.symbol << "\n"
        << "  When a module calling " << t.symbol << " is built, modpost copies this CRC from Module.symvers\n"
        << "  into the module's __versions section, one 64-byte entry per imported symbol:\n"
        << "    struct modversion_info { unsigned long crc = " << hex(t.crc) << "; char name[56] = \"" << t.symbol << "\"; }\n"
        << "  on x86-64: " << bytes << ", then the name padded with NUL bytes. A name longer than 55\n"
        << "  bytes (Rust) goes to __version_ext_crcs and __version_ext_names instead (6.14 and later).\n"
        << "\nStep 5. When the module loads\n"
        << "  The kernel finds " << t.symbol << " in its export table and compares the CRC it was built with\n"
        << "  (__kcrctab) with the module's entry. Equal: the symbol is linked. Different: \"disagrees about\n"
        << "  version of symbol " << t.symbol << "\" and the module is refused. A type change anywhere in\n"
        << "  step 2 changes the CRC, so a module built against the old types cannot load.\n";
}

}  // namespace

void writeTeaching(const SymbolTeaching& teaching, std::ostream& out, const TeachingOptions& options,
                   const SymbolTeaching* before, const DiffResult* diff, const SymbolDiff* symbolDiff) {
    if (!before) {
        writeSide(teaching, out, options, "How the modversion of ");
        return;
    }
    writeSide(*before, out, options, "Old build: how the modversion of ");
    out << "\n"
        << std::string(100, '-') << "\n\n";
    writeSide(teaching, out, options, "New build: how the modversion of ");
    out << "\nStep 6. What changed\n";
    if (before->input == teaching.input) {
        out << "  Both builds hash the same " << teaching.input.size() << " bytes: the CRC is the same, " << hex(teaching.crc)
            << ".\n";
        return;
    }
    size_t first = 0;
    while (first < before->input.size() && first < teaching.input.size() && before->input[first] == teaching.input[first])
        ++first;
    out << "  The inputs agree on their first " << first << " bytes and differ from there:\n"
        << "    old: \"" << snippet(before->input, first, before->input.size(), 60) << "\"\n"
        << "    new: \"" << snippet(teaching.input, first, teaching.input.size(), 60) << "\"\n";
    const std::string oldType = typeAt(*before, first), newType = typeAt(teaching, first);
    const std::string where = !newType.empty() ? newType : oldType;
    out << "  That byte is in " << (where.empty() ? "the symbol's own record" : "the expansion of " + where) << ".\n";
    out << "  One differing byte changes the whole CRC: " << hex(before->crc) << " -> " << hex(teaching.crc) << ".\n";
    if (!diff || !symbolDiff) return;
    if (symbolDiff->causes.empty()) {
        const std::string why = unexplainedText(*symbolDiff);
        if (!why.empty()) out << "  " << why << '\n';
        return;
    }
    out << "  The diff names the change" << (symbolDiff->causes.size() == 1 ? "" : "s") << " behind it:\n";
    for (uint32_t id : symbolDiff->causes) {
        const Cause& cause = diff->causes[id - 1];
        const bool here = !where.empty() && cause.type == where;
        out << "    #" << id << ' ' << cause.title() << (here ? "   <- the first differing byte belongs to this one" : "") << '\n';
    }
}

std::string sessionTeachingText(const ExploreSession& session, size_t index) {
    const auto& sides = session.sides[index];
    const Build::SymbolRef& now = sides.after.symbol ? sides.after : sides.before;
    if (!now.symbol || !now.symbol->hasTypes()) return {};
    std::ostringstream out;
    const SymbolTeaching after = teachSymbol(*now.file, *now.symbol);
    if (!session.single() && sides.before.symbol && sides.before.symbol->hasTypes() && sides.after.symbol) {
        const SymbolTeaching before = teachSymbol(*sides.before.file, *sides.before.symbol);
        writeTeaching(after, out, {}, &before, &session.diff, &session.diff.symbols[index]);
    } else {
        writeTeaching(after, out, {});
    }
    return out.str();
}

}  // namespace kabiscope
