#include "modules/module_imports.h"

#include <filesystem>

#include "base/error.h"
#include "elf/elf_file.h"
#include "output/writers.h"

namespace kabiscope {

const char* versionTableName(VersionTable table) {
    switch (table) {
    case VersionTable::Basic: return "__versions";
    case VersionTable::Extended: return "extended";
    case VersionTable::None: break;
    }
    return "none";
}

namespace {

bool printableName(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (uint8_t(c) < 0x20 || uint8_t(c) > 0x7e) return false;
    return true;
}

// The fixed layout: records of sizeof(unsigned long) + MODULE_NAME_LEN (64 - that) bytes.
bool readFixedVersions(std::string_view table, bool is64, bool little, std::vector<std::pair<std::string, uint64_t>>& out) {
    const size_t crcSize = is64 ? 8 : 4;
    const size_t record = 64;
    if (table.size() % record != 0) return false;
    for (size_t at = 0; at < table.size(); at += record) {
        const std::string_view field = table.substr(at + crcSize, record - crcSize);
        const size_t end = field.find('\0');
        if (end == std::string_view::npos || !printableName(field.substr(0, end))) return false;
        const uint64_t crc = readUnsigned(table, at, crcSize, little);
        if (crc > UINT32_MAX) return false;  // a CRC is 32 bits: not this layout
        out.emplace_back(std::string(field.substr(0, end)), crc);
    }
    return true;
}

// Ubuntu's variable-length records: u32 record length, u32 CRC, the name NUL-terminated and
// padded to 4 bytes.
bool readVariableVersions(std::string_view table, bool little, std::vector<std::pair<std::string, uint64_t>>& out) {
    for (size_t at = 0; at < table.size();) {
        if (table.size() - at < 12) return false;
        const uint64_t length = readUnsigned(table, at, 4, little);
        if (length < 12 || length % 4 != 0 || length > table.size() - at) return false;
        const std::string_view field = table.substr(at + 8, size_t(length) - 8);
        const size_t end = field.find('\0');
        if (end == std::string_view::npos || !printableName(field.substr(0, end))) return false;
        out.emplace_back(std::string(field.substr(0, end)), readUnsigned(table, at + 4, 4, little));
        at += size_t(length);
    }
    return true;
}

void readModinfo(std::string_view info, ModuleImports& out) {
    for (size_t at = 0; at < info.size();) {
        size_t end = info.find('\0', at);
        if (end == std::string_view::npos) end = info.size();
        const std::string_view entry = info.substr(at, end - at);
        at = end + 1;
        const size_t equals = entry.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = entry.substr(0, equals), value = entry.substr(equals + 1);
        if (key == "name") out.name = value;
        if (key == "vermagic") out.vermagic = value;
        if (key == "depends")
            for (size_t from = 0; from < value.size();) {
                size_t comma = value.find(',', from);
                if (comma == std::string_view::npos) comma = value.size();
                if (comma > from) out.depends.emplace_back(value.substr(from, comma - from));
                from = comma + 1;
            }
    }
}

}  // namespace

ModuleImports readModuleImports(const ElfFile& file) {
    ModuleImports out;
    out.path = file.path();
    const bool little = file.isLittleEndian();

    std::vector<std::pair<std::string, uint64_t>> basic;
    const std::optional<std::string_view> versions = file.sectionContents("__versions");
    if (versions && !versions->empty()) {
        const bool fixed = readFixedVersions(*versions, file.is64Bit(), little, basic);
        if (!fixed) {
            basic.clear();
            if (!readVariableVersions(*versions, little, basic))
                fail(file.path(), "malformed __versions table (", versions->size(),
                     " bytes): neither 64-byte modversion_info records nor variable-length ones");
        }
    }

    std::vector<std::pair<std::string, uint64_t>> extended;
    const std::optional<std::string_view> extCrcs = file.sectionContents("__version_ext_crcs");
    const std::optional<std::string_view> extNames = file.sectionContents("__version_ext_names");
    if (extCrcs.has_value() != extNames.has_value()) {
        out.tableProblem = std::string("only ") + (extCrcs ? "__version_ext_crcs" : "__version_ext_names") +
                           " is present: the loader rejects a module without both extended version sections";
    } else if (extCrcs) {
        if (extCrcs->size() % 4 != 0)
            fail(file.path(), "malformed __version_ext_crcs: ", extCrcs->size(), " bytes, not a whole number of u32 CRCs");
        size_t at = 0;
        for (size_t i = 0; i < extCrcs->size() / 4; ++i) {
            const size_t end = extNames->find('\0', at);
            if (end == std::string_view::npos) {
                out.tableProblem = "__version_ext_names has fewer names than __version_ext_crcs has CRCs";
                break;
            }
            std::string name(extNames->substr(at, end - at));
            if (!name.empty() && name[0] == '.') name.erase(0, 1);  // powerpc's dot symbols, as kmod does
            extended.emplace_back(std::move(name), readUnsigned(*extCrcs, i * 4, 4, little));
            at = end + 1;
        }
        if (out.tableProblem.empty() && extNames->find_first_not_of('\0', at) != std::string_view::npos)
            out.tableProblem = "__version_ext_names has more names than __version_ext_crcs has CRCs";
    }

    if (!extended.empty() || (extCrcs && extNames)) {
        out.table = VersionTable::Extended;
        for (auto& [name, crc] : extended) out.crcs.emplace(name, crc);
        std::unordered_map<std::string, bool> inBasic;
        for (const auto& entry : basic) inBasic.emplace(entry.first, true);
        for (const auto& entry : extended)
            if (!inBasic.count(entry.first)) out.onlyInExtended.push_back(entry.first);
    } else if (versions) {
        out.table = VersionTable::Basic;
        for (auto& [name, crc] : basic) out.crcs.emplace(name, crc);
    }

    if (const auto info = file.sectionContents(".modinfo")) readModinfo(*info, out);
    if (out.name.empty()) out.name = moduleNameFor(std::filesystem::path(out.path).filename().string());

    file.forEachSymbol([&](const ElfSymbol& symbol) {
        if (symbol.section != SHN_UNDEF || symbol.name.empty()) return;
        if (symbol.binding != STB_GLOBAL && symbol.binding != STB_WEAK) return;
        const std::string name(symbol.name);
        if (out.weak.emplace(name, symbol.binding == STB_WEAK).second) out.undefined.push_back(name);
    });
    return out;
}

}  // namespace kabiscope
