#include "exports/ksymtab_reader.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>
#include <unordered_map>

#include "base/error.h"
#include "elf/elf_file.h"
#include "exports/export_list.h"

namespace kabiscope {

namespace {

constexpr std::string_view kCrcPrefix = "__crc_";

// Whether `n` bytes at `at` lie inside `size` bytes, without overflow for a crafted offset.
bool fits(uint64_t size, uint64_t at, uint64_t n) { return at <= size && n <= size - at; }

// The NUL-terminated string at `offset` of the strings section: nullopt when the offset is
// outside or the string is unterminated. It may start inside another string: the linker merges
// tails in __ksymtab_strings (SHF_MERGE|SHF_STRINGS), so "free_irq" can end "devm_free_irq".
std::optional<std::string> stringAt(const ElfSection& strings, uint64_t offset) {
    if (offset >= strings.contents.size()) return std::nullopt;
    const char* start = strings.contents.data() + offset;
    const size_t length = strnlen(start, strings.contents.size() - offset);
    if (offset + length == strings.contents.size()) return std::nullopt;
    return std::string(start, length);
}

// Where one entry sits in its table, and its name.
struct Located {
    uint64_t offset;
    std::string name;
};

// How the fields of a table are stored, and where a field's value leads into the strings.
class FieldReader {
public:
    FieldReader(const ElfFile& file, const ElfSection& table, const ElfSection& strings)
        : file_(file), table_(table), strings_(strings) {
        if (!file.isRelocatable()) return;
        file.forEachRelocation(table.index, [&](const ElfRelocation& r) {
            int64_t addend = r.addend;
            if (r.inPlaceAddend && fits(table.contents.size(), r.offset, 4)) {  // SHT_REL (32-bit Arm, ...)
                const uint64_t raw = readUnsigned(table.contents, r.offset, 4, file.isLittleEndian());
                addend = int64_t(int32_t(uint32_t(raw)));
            }
            relocations_[r.offset] = {r.symbolSection, r.symbolValue + uint64_t(addend)};
        });
    }

    // The string the field at `at` (`size` bytes) refers to, if it refers to one.
    std::optional<std::string> stringField(uint64_t at, unsigned size) const {
        if (file_.isRelocatable()) {
            auto it = relocations_.find(at);
            if (it == relocations_.end() || it->second.section != strings_.index) return std::nullopt;
            return stringAt(strings_, it->second.value);
        }
        if (!fits(table_.contents.size(), at, size)) return std::nullopt;
        const uint64_t raw = readUnsigned(table_.contents, at, size, file_.isLittleEndian());
        // A place-relative offset (4 bytes) first; a pointer where that lands on no string.
        if (size == 4 && !pointers_) {
            const uint64_t relative = table_.address + at + uint64_t(int64_t(int32_t(uint32_t(raw))));
            if (auto s = stringInStrings(relative)) return s;
        }
        return stringInStrings(raw);
    }

    // The offsets of the value fields of a relocatable table: relocations not against the strings.
    std::vector<uint64_t> valueFieldOffsets() const {
        std::vector<uint64_t> out;
        for (const auto& [offset, target] : relocations_)
            if (target.section != strings_.index) out.push_back(offset);
        return out;
    }
    // The first field after `from` that refers to a string: the name field of that entry.
    std::optional<uint64_t> nextStringField(uint64_t from) const {
        for (auto it = relocations_.upper_bound(from); it != relocations_.end(); ++it)
            if (it->second.section == strings_.index) return it->first;
        return std::nullopt;
    }

    void readPointers(bool pointers) { pointers_ = pointers; }

private:
    std::optional<std::string> stringInStrings(uint64_t address) const {
        if (address < strings_.address) return std::nullopt;
        return stringAt(strings_, address - strings_.address);
    }

    struct Target {
        uint32_t section;
        uint64_t value;
    };
    const ElfFile& file_;
    const ElfSection& table_;
    const ElfSection& strings_;
    std::map<uint64_t, Target> relocations_;
    bool pointers_ = false;
};

bool isExportLabel(const ElfSymbol& sym) {
    return sym.name.size() > kKsymtabPrefix.size() && sym.name.substr(0, kKsymtabPrefix.size()) == kKsymtabPrefix;
}

// The entries of a table by their __ksymtab_<name> labels, in offset order. A label outside the
// table is an error naming the file.
std::vector<Located> entriesByLabel(const ElfFile& file, const ElfSection& table) {
    std::vector<Located> out;
    const uint64_t base = file.isRelocatable() ? 0 : table.address;
    file.forEachSymbol([&](const ElfSymbol& sym) {
        if (sym.section != table.index || !isExportLabel(sym)) return;
        if (sym.value < base || sym.value - base >= table.contents.size())
            fail(file.path(), sym.name, " lies outside ", sym.sectionName);
        out.push_back({sym.value - base, std::string(sym.name.substr(kKsymtabPrefix.size()))});
    });
    std::sort(out.begin(), out.end(), [](const Located& a, const Located& b) { return a.offset < b.offset; });
    return out;
}

// Entry size from the spacing of the entries (the table's size when there is one).
uint64_t entrySpacing(const std::vector<uint64_t>& offsets, uint64_t tableSize) {
    uint64_t spacing = offsets.size() == 1 ? tableSize : UINT64_MAX;
    for (size_t i = 1; i < offsets.size(); ++i)
        if (offsets[i] > offsets[i - 1]) spacing = std::min(spacing, offsets[i] - offsets[i - 1]);
    return spacing;
}

// A relocatable table without labels: each entry starts with its value field (a relocation
// against the exported symbol), and its name is the next field that refers to a string.
std::vector<Located> entriesByRelocation(const FieldReader& fields) {
    std::vector<Located> out;
    const std::vector<uint64_t> starts = fields.valueFieldOffsets();
    for (size_t i = 0; i < starts.size(); ++i) {
        const std::optional<uint64_t> nameField = fields.nextStringField(starts[i]);
        if (!nameField || (i + 1 < starts.size() && *nameField >= starts[i + 1])) continue;
        const unsigned size = unsigned(*nameField - starts[i]);
        if (auto name = fields.stringField(*nameField, size); name && !name->empty()) out.push_back({starts[i], *name});
    }
    return out;
}

// A linked table without labels: the layout (field size, 2 or 3 fields) under which every
// entry's name field lands on a string.
std::vector<Located> entriesByLayout(const ElfFile& file, const ElfSection& table, FieldReader& fields, unsigned& fieldSize) {
    const uint64_t size = table.contents.size();
    for (unsigned field : {4u, file.is64Bit() ? 8u : 0u}) {
        if (field == 0) continue;
        for (unsigned count : {3u, 2u}) {
            const uint64_t entry = uint64_t(field) * count;
            if (size == 0 || size % entry != 0) continue;
            fields.readPointers(field == 8);
            std::vector<Located> out;
            bool valid = true;
            for (uint64_t at = 0; at < size && valid; at += entry) {
                auto name = fields.stringField(at + field, field);
                valid = name && !name->empty();
                if (valid) out.push_back({at, *name});
            }
            if (valid) {
                fieldSize = field;
                return out;
            }
        }
    }
    return {};
}

// CRCs by `__crc_<name>` label in the file's __kcrctab* sections.
std::unordered_map<std::string, uint32_t> crcsByLabel(const ElfFile& file) {
    std::unordered_map<std::string, uint32_t> out;
    file.forEachSymbol([&](const ElfSymbol& symbol) {
        if (symbol.name.substr(0, kCrcPrefix.size()) != kCrcPrefix || symbol.sectionName.rfind("__kcrctab", 0) != 0) return;
        const std::optional<ElfSection> table = file.section(symbol.sectionName);
        if (!table) return;
        const uint64_t base = file.isRelocatable() ? 0 : table->address;
        const uint64_t at = symbol.value - base;
        if (symbol.value < base || !fits(table->contents.size(), at, 4))
            fail(file.path(), symbol.name, " lies outside ", symbol.sectionName);
        out[std::string(symbol.name.substr(kCrcPrefix.size()))] =
            uint32_t(readUnsigned(table->contents, at, 4, file.isLittleEndian()));
    });
    return out;
}

}  // namespace

std::vector<KsymtabEntry> readKsymtab(const ElfFile& file) {
    std::vector<KsymtabEntry> out;
    const std::optional<ElfSection> strings = file.section("__ksymtab_strings");
    const std::unordered_map<std::string, uint32_t> labelledCrcs = crcsByLabel(file);
    for (const bool gpl : {false, true}) {
        const std::optional<ElfSection> table = file.section(gpl ? "__ksymtab_gpl" : "__ksymtab");
        if (!table) continue;
        std::vector<Located> entries = entriesByLabel(file, *table);
        const bool labelled = !entries.empty();
        std::optional<FieldReader> fields;
        if (strings) fields.emplace(file, *table, *strings);
        unsigned fieldSize = 0;
        if (!labelled && fields)
            entries = file.isRelocatable() ? entriesByRelocation(*fields) : entriesByLayout(file, *table, *fields, fieldSize);
        if (labelled && fields) {  // fields of 4 bytes (offsets, 32-bit pointers) or 8 (64-bit pointers)
            std::vector<uint64_t> offsets;
            offsets.reserve(entries.size());
            for (const Located& e : entries) offsets.push_back(e.offset);
            const uint64_t spacing = entrySpacing(offsets, table->contents.size());
            fieldSize = spacing >= 24 && file.is64Bit() ? 8 : 4;
            fields->readPointers(fieldSize == 8);
        }
        // Without labels, the CRCs of the parallel table by index, when it has one per entry.
        const std::optional<ElfSection> crcTable = file.section(gpl ? "__kcrctab_gpl" : "__kcrctab");
        const bool crcsByIndex = labelledCrcs.empty() && crcTable && crcTable->contents.size() == 4 * entries.size();
        for (size_t i = 0; i < entries.size(); ++i) {
            KsymtabEntry entry;
            entry.name = std::move(entries[i].name);
            entry.gpl = gpl;
            if (fields) {
                // The namespace field: the third, right after the name field.
                uint64_t nameField = entries[i].offset + fieldSize;
                unsigned size = fieldSize;
                if (file.isRelocatable()) {  // the name field is the first string field, 4 or 8 bytes in
                    const std::optional<uint64_t> found = fields->nextStringField(entries[i].offset);
                    const uint64_t distance = found ? *found - entries[i].offset : 0;
                    size = distance == 4 || distance == 8 ? unsigned(distance) : 0;
                    if (size) nameField = *found;
                }
                const bool followsEntry = i + 1 >= entries.size() || nameField + size < entries[i + 1].offset;
                if (size > 0 && followsEntry)
                    if (auto ns = fields->stringField(nameField + size, size); ns && !ns->empty()) entry.nameSpace = *ns;
            }
            if (crcsByIndex) {
                entry.crc = uint32_t(readUnsigned(crcTable->contents, 4 * i, 4, file.isLittleEndian()));
            } else if (auto crc = labelledCrcs.find(entry.name); crc != labelledCrcs.end()) {
                entry.crc = crc->second;
            }
            out.push_back(std::move(entry));
        }
    }
    // Labels in other __ksymtab* sections: an unlinked object's per-symbol ___ksymtab+<name>
    // (4.17 to 6.4), __ksymtab_unused* and _gpl_future (before 5.13). Their names only.
    file.forEachSymbol([&](const ElfSymbol& sym) {
        if (!isExportLabel(sym) || sym.section == SHN_UNDEF || sym.sectionName.find("ksymtab") == std::string_view::npos ||
            sym.sectionName == "__ksymtab" || sym.sectionName == "__ksymtab_gpl" || sym.sectionName == "__ksymtab_strings")
            return;
        KsymtabEntry entry;
        entry.name = std::string(sym.name.substr(kKsymtabPrefix.size()));
        entry.gpl = sym.sectionName.find("_gpl") != std::string_view::npos;
        if (auto crc = labelledCrcs.find(entry.name); crc != labelledCrcs.end()) entry.crc = crc->second;
        out.push_back(std::move(entry));
    });
    return out;
}

}  // namespace kabiscope
