#include "exports/ksymtab_namespaces.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "elf/elf_file.h"
#include "exports/export_list.h"

namespace kabiscope {

namespace {

uint64_t readUnsigned(std::string_view bytes, uint64_t at, unsigned size, bool little) {
    uint64_t value = 0;
    for (unsigned i = 0; i < size; ++i) {
        const uint64_t byte = uint8_t(bytes[at + i]);
        value |= little ? byte << (8 * i) : byte << (8 * (size - 1 - i));
    }
    return value;
}

// The NUL-terminated string at `offset` in the strings section, if it lies inside it.
std::optional<std::string> stringAt(const ElfSection& strings, uint64_t offset) {
    if (offset >= strings.contents.size()) return std::nullopt;
    const char* start = strings.contents.data() + offset;
    const size_t length = strnlen(start, strings.contents.size() - offset);
    if (offset + length == strings.contents.size()) return std::nullopt;  // unterminated
    return std::string(start, length);
}

struct Entry {
    std::string name;
    uint64_t offset;  // of the entry in its section
};

void readTable(const ElfFile& file, const ElfSection& table, const std::vector<Entry>& entries,
               const ElfSection& strings, std::unordered_map<std::string, std::string>& out) {
    if (entries.empty()) return;
    // Entries are three fields of 4 bytes (offsets, or 32-bit pointers) or of 8 (64-bit
    // pointers): the spacing of the entries tells, or the table's size when there is one entry.
    uint64_t spacing = entries.size() == 1 ? table.contents.size() : UINT64_MAX;
    for (size_t i = 1; i < entries.size(); ++i)
        if (entries[i].offset > entries[i - 1].offset) spacing = std::min(spacing, entries[i].offset - entries[i - 1].offset);
    const unsigned field = spacing >= 24 && file.is64Bit() ? 8 : 4;
    const uint64_t namespaceField = 2 * field;
    if (file.isRelocatable()) {
        std::unordered_map<uint64_t, uint64_t> targets;  // field offset -> offset in strings
        file.forEachRelocation(table.index, [&](const ElfRelocation& r) {
            if (r.symbolSection != strings.index) return;
            int64_t addend = r.addend;
            if (r.inPlaceAddend && r.offset + field <= table.contents.size()) {  // SHT_REL (32-bit Arm, ...)
                const uint64_t raw = readUnsigned(table.contents, r.offset, field, file.isLittleEndian());
                addend = field == 4 ? int64_t(int32_t(uint32_t(raw))) : int64_t(raw);
            }
            targets[r.offset] = r.symbolValue + uint64_t(addend);
        });
        for (const Entry& e : entries) {
            auto it = targets.find(e.offset + namespaceField);
            if (it == targets.end()) continue;
            if (auto ns = stringAt(strings, it->second); ns && !ns->empty()) out[e.name] = *ns;
        }
        return;
    }
    for (const Entry& e : entries) {
        const uint64_t at = e.offset + namespaceField;
        if (at + field > table.contents.size()) continue;
        const uint64_t raw = readUnsigned(table.contents, at, field, file.isLittleEndian());
        // A place-relative offset first; a pointer where that lands outside the strings.
        const uint64_t relative = table.address + at + uint64_t(int64_t(int32_t(uint32_t(raw))));
        uint64_t target = relative;
        if (field == 8 || relative < strings.address || relative >= strings.address + strings.contents.size()) target = raw;
        if (target < strings.address) continue;
        if (auto ns = stringAt(strings, target - strings.address); ns && !ns->empty()) out[e.name] = *ns;
    }
}

}  // namespace

std::unordered_map<std::string, std::string> readKsymtabNamespaces(const ElfFile& file) {
    std::unordered_map<std::string, std::string> out;
    const auto strings = file.section("__ksymtab_strings");
    if (!strings) return out;
    for (const char* name : {"__ksymtab", "__ksymtab_gpl"}) {
        const auto table = file.section(name);
        if (!table) continue;
        std::vector<Entry> entries;
        file.forEachSymbol([&](const ElfSymbol& sym) {
            if (sym.section != table->index || sym.name.size() <= kKsymtabPrefix.size() ||
                sym.name.substr(0, kKsymtabPrefix.size()) != kKsymtabPrefix)
                return;
            const uint64_t base = file.isRelocatable() ? 0 : table->address;
            if (sym.value < base) return;
            entries.push_back({std::string(sym.name.substr(kKsymtabPrefix.size())), sym.value - base});
        });
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
        readTable(file, *table, entries, *strings, out);
    }
    return out;
}

}  // namespace kabiscope
