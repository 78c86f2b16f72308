#include "elf/elf_file.h"
#include "exports/export_discovery.h"

#include <algorithm>
#include <cstring>

#include "exports/ksymtab_reader.h"

namespace kabiscope {

namespace {

constexpr std::string_view kExportLabel = "__export_symbol_";

// nm's letter class for a defined global symbol: 'T', 'R', 'D', 'B' or 0 for anything else.
char nmClass(const ElfSymbol& sym) {
    if (sym.section == SHN_UNDEF || sym.section >= SHN_LORESERVE) return 0;
    if (!(sym.sectionFlags & SHF_ALLOC)) return 0;
    if (sym.sectionFlags & SHF_EXECINSTR) return 'T';
    if (sym.sectionType == SHT_NOBITS) return 'B';
    if (!(sym.sectionFlags & SHF_WRITE)) return 'R';
    return 'D';
}

// Reads "license\0namespace\0" at the label's offset in .export_symbol (kernel layout).
void readExportRecord(const ElfFile& file, const ElfSymbol& label, ExportInfo& info) {
    if (label.sectionName != ".export_symbol") return;
    const auto contents = file.sectionContents(".export_symbol");
    if (!contents || label.value >= contents->size()) return;
    const char* at = contents->data() + label.value;
    const size_t left = contents->size() - label.value;
    const size_t licenseLength = strnlen(at, left);
    if (licenseLength == left) return;
    if (std::string_view(at, licenseLength) == "GPL") info.exportType = "EXPORT_SYMBOL_GPL";
    const char* ns = at + licenseLength + 1;
    const size_t nsLeft = left - licenseLength - 1;
    const size_t nsLength = strnlen(ns, nsLeft);
    if (nsLength < nsLeft) info.nameSpace.assign(ns, nsLength);
}

ExportList kbuildCExports(const ElfFile& file) {
    std::vector<ExportInfo> found;
    file.forEachSymbol([&](const ElfSymbol& sym) {
        if (sym.name.size() <= kExportLabel.size() || sym.name.substr(0, kExportLabel.size()) != kExportLabel) return;
        ExportInfo info;
        info.name = std::string(sym.name.substr(kExportLabel.size()));
        readExportRecord(file, sym, info);
        found.push_back(std::move(info));
    });
    // `nm` lists symbols sorted by name.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    ExportList list;
    for (auto& info : found) list.add(std::move(info));
    return list;
}

ExportList rustExports(const ElfFile& file) {
    ExportList list;
    file.forEachSymbol([&](const ElfSymbol& sym) {
        if (sym.binding == STB_LOCAL || sym.binding == STB_WEAK) return;
        if (sym.type == STT_SECTION || sym.type == STT_FILE || sym.name.empty()) return;
        if (!nmClass(sym)) return;
        if (sym.name.find("__cfi") != std::string_view::npos) return;
        list.add(std::string(sym.name));
    });
    return list;
}

ExportList ksymtabExports(const ElfFile& file) {
    std::vector<ExportInfo> found;
    for (KsymtabEntry& entry : readKsymtab(file)) {
        ExportInfo info;
        info.name = std::move(entry.name);
        if (entry.gpl) info.exportType = "EXPORT_SYMBOL_GPL";
        info.nameSpace = std::move(entry.nameSpace);
        found.push_back(std::move(info));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    ExportList list;
    for (auto& info : found) list.add(std::move(info));
    return list;
}

bool hasSymbolWithPrefix(const ElfFile& file, std::string_view prefix) {
    bool found = false;
    file.forEachSymbol([&](const ElfSymbol& sym) {
        if (!found && sym.name.size() > prefix.size() && sym.name.substr(0, prefix.size()) == prefix) found = true;
    });
    return found;
}

}  // namespace

ExportList discoverExports(const ElfFile& file, ExportSource source) {
    switch (source) {
    case ExportSource::KbuildC: return kbuildCExports(file);
    case ExportSource::Rust: return rustExports(file);
    case ExportSource::Ksymtab: return ksymtabExports(file);
    case ExportSource::Automatic: break;
    }
    if (hasSymbolWithPrefix(file, kExportLabel)) return kbuildCExports(file);
    if (hasSymbolWithPrefix(file, kKsymtabPrefix) || file.section("__ksymtab") || file.section("__ksymtab_gpl"))
        return ksymtabExports(file);
    return {};
}

}  // namespace kabiscope
