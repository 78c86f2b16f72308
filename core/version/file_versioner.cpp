#include "version/file_versioner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "base/error.h"
#include "base/phase_timer.h"
#include "dwarf/die_access.h"
#include "dwarf/die_renderer.h"
#include "dwarf/export_candidates.h"
#include "dwarf/fqn_resolver.h"
#include "dwarf/dwarf_file.h"
#include "elf/elf_file.h"
#include "kabi/kabi_rules.h"
#include "version/crc_expander.h"
#include "version/object_versioner.h"

namespace kabiscope {

namespace {

// Spec §2.2: (section, value) of every non-local defined symbol that is exported; first wins.
std::unordered_map<std::string, AliasKey> readAliasKeys(const ElfFile& elf, const ExportList& exports,
                                                        std::vector<std::string>& warnings) {
    std::unordered_map<std::string, AliasKey> keys;
    elf.forEachSymbol([&](const ElfSymbol& sym) {
        if (sym.binding == STB_LOCAL || sym.name.empty() || sym.section == SHN_UNDEF) return;
        if (!exports.contains(sym.name)) return;
        const AliasKey key{sym.section, sym.value};
        auto [it, inserted] = keys.emplace(std::string(sym.name), key);
        if (!inserted && it->second != key)
            warnings.push_back(elf.path() + ": multiple addresses for symbol " + std::string(sym.name));
    });
    return keys;
}

std::optional<KabiRules> readKabiRules(const ElfFile& elf, std::vector<std::string>& warnings) {
    KabiRules rules;
    rules.setSourceFile(elf.path());
    const auto section = elf.sectionContents(KabiRules::kSectionName);
    if (!section) return rules;
    std::string warning;
    rules = KabiRules::parseSection(elf.path(), *section, &warning);
    if (!warning.empty()) warnings.push_back(elf.path() + ": " + warning);
    return rules;
}

std::string unitName(Dwarf_Die unit) {
    const char* name = die::name(&unit);
    return name ? name : "<unnamed unit>";
}

// How strongly a unit claims an export: the higher, the better (kbuild mode).
enum Claim { kNoClaim = 0, kDeclaration = 1, kDefinition = 2, kExternalDefinition = 3, kPointer = 4 };

// For each export, the unit that kbuild would have versioned it in.
std::vector<int> assignExportsToUnits(const DwarfFile& dwarf, const ExportList& exports) {
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < exports.size(); ++i) index.emplace(exports.entries()[i].name, i);
    std::vector<int> unitOf(exports.size(), -1);
    std::vector<Claim> best(exports.size(), kNoClaim);
    constexpr std::string_view kPointerPrefix = "__gendwarfksyms_ptr_";

    auto consider = [&](int unit, Dwarf_Die& die) {
        Dwarf_Die origin;
        Dwarf_Die source = die;
        if (die::reference(&die, DW_AT_abstract_origin, &origin)) source = origin;
        for (Dwarf_Die* candidate : {&die, &source}) {
            const char* name = die::symbolName(candidate);
            if (!name) continue;
            std::string_view key(name);
            Claim claim;
            if (key.substr(0, kPointerPrefix.size()) == kPointerPrefix) {
                key.remove_prefix(kPointerPrefix.size());
                claim = kPointer;
            } else if (die::flag(&die, DW_AT_declaration)) {
                claim = kDeclaration;
            } else {
                claim = die::flag(&source, DW_AT_external) ? kExternalDefinition : kDefinition;
            }
            auto it = index.find(key);
            if (it == index.end()) continue;
            if (claim > best[it->second]) {
                best[it->second] = claim;
                unitOf[it->second] = unit;
            }
            return;
        }
    };
    for (size_t u = 0; u < dwarf.units().size(); ++u)
        forEachExportCandidate(dwarf, dwarf.units()[u], [&](Dwarf_Die& die) { consider(int(u), die); });
    return unitOf;
}

}  // namespace

VersionedBuild versionFile(const std::string& path, const VersionOptions& options) {
    VersionedBuild build;
    build.path = path;
    auto report = [&](const std::string& stage, size_t done, size_t total) {
        if (options.cancelled && options.cancelled()) throw Cancelled();
        if (options.progress) options.progress(stage, done, total);
    };

    report("reading symbols", 0, 1);
    ElfFile elf(path);
    ExportList exports = options.exports ? *options.exports : discoverExports(elf, options.exportSource);
    if (exports.empty()) return build;  // gendwarfksyms exits at once on an empty list

    auto dwarfOwner = std::make_shared<DwarfFile>(path);
    const DwarfFile& dwarf = *dwarfOwner;
    build.source = dwarfOwner;
    const auto aliasKeys = readAliasKeys(elf, exports, build.warnings);
    std::optional<KabiRules> rules;
    if (options.stable) rules = readKabiRules(elf, build.warnings);

    ObjectVersionerOptions versionerOptions;
    versionerOptions.rules = rules ? &*rules : nullptr;
    versionerOptions.captureCrcInput = options.captureCrcInput;
    const auto& units = dwarf.units();
    FqnResolver fqns(dwarf, build.graph);
    DieRenderer renderer(dwarf, fqns, versionerOptions.rules, build.graph);
    CrcWorkspace workspace;

    if (options.wholeFile || units.size() == 1) {
        ObjectVersioner versioner(dwarf, fqns, renderer, exports.entries(), aliasKeys, versionerOptions);
        for (size_t u = 0; u < units.size(); ++u) {
            report("versioning", u, units.size());
            versioner.addUnit(units[u]);
        }
        report("computing CRCs", units.size(), units.size());
        versioner.finish(build, path, 0, workspace);
    } else {
        report("finding exporting units", 0, units.size());
        std::vector<int> unitOf;
        {
            PhaseTimer timer("assign exports to units");
            unitOf = assignExportsToUnits(dwarf, exports);
        }
        std::vector<std::vector<ExportInfo>> perUnit(units.size());
        std::vector<ExportInfo> unclaimed;
        for (size_t i = 0; i < exports.size(); ++i) {
            if (unitOf[i] < 0)
                unclaimed.push_back(exports.entries()[i]);
            else
                perUnit[size_t(unitOf[i])].push_back(exports.entries()[i]);
        }
        for (size_t u = 0; u < units.size(); ++u) {
            report("versioning", u, units.size());
            if (perUnit[u].empty()) continue;
            const NodeId firstNode = NodeId(build.graph.size());
            ObjectVersioner versioner(dwarf, fqns, renderer, std::move(perUnit[u]), aliasKeys, versionerOptions);
            versioner.addUnit(units[u]);
            versioner.finish(build, unitName(units[u]), firstNode, workspace);
            renderer.forgetRenderedDies();
        }
        for (auto& info : unclaimed) {
            build.warnings.push_back(path + ": no information for symbol " + info.name);
            SymbolVersion version;
            version.info = std::move(info);
            build.symbols.push_back(std::move(version));
        }
    }
    if (options.detachFromDwarf) {
        PhaseTimer timer("detach from DWARF");
        build.graph.detachFromSource();
        build.source.reset();
    }
    if (std::getenv("KABISCOPE_TIMINGS"))
        std::fprintf(stderr, "kabiscope: graph: %zu nodes, %zu MB\n", build.graph.size(), build.graph.memoryBytes() >> 20);
    report("done", 1, 1);
    std::sort(build.symbols.begin(), build.symbols.end(),
              [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return build;
}

}  // namespace kabiscope
