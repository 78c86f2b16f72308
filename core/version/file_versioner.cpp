#include "version/file_versioner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "base/error.h"
#include "base/large_stack.h"
#include "base/limits.h"
#include "base/phase_timer.h"
#include "base/threads.h"
#include "dwarf/die_access.h"
#include "dwarf/die_renderer.h"
#include "dwarf/fqn_resolver.h"
#include "dwarf/dwarf_file.h"
#include "elf/elf_file.h"
#include "kabi/kabi_rules.h"
#include "version/crc_expander.h"
#include "output/writers.h"
#include "version/kbuild_versioner.h"
#include "version/object_versioner.h"
#include "version/unit_scanner.h"

namespace kabiscope {

namespace {

// Files with fewer units version too fast for a second thread to pay off.
constexpr size_t kUnitsWorthScanningAhead = 16;

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


// The graph takes its own copy of the DWARF text it borrowed; the build lets go of the sessions.
void detach(BuildFile& build) {
    PhaseTimer timer("detach from DWARF");
    build.graph.detachFromSource();
    build.sources.clear();
}

BuildFile versionFileHere(const std::string& path, const VersionOptions& options) {
    BuildFile build;
    build.path = path;
    build.module = moduleNameFor(path);
    auto report = [&](const std::string& stage, size_t done, size_t total) {
        if (options.cancelled && options.cancelled()) throw Cancelled();
        if (options.progress) options.progress(stage, done, total);
    };

    report("reading symbols", 0, 1);
    ElfFile elf(path);
    // A .dwo has no symbols, so it would version to nothing: said, not printed as no exports.
    if (elf.section(".debug_info.dwo") && !elf.section(".debug_info"))
        fail(path, kDwoRefusal);
    // A list keeps its order (gendwarfksyms' print and binding order follow it); what the file's
    // own export table says of a name (export type, namespace) is kept where it has one.
    ExportList exports;
    if (!options.exports) {
        exports = discoverExports(elf, options.exportSource);
    } else {
        const ExportList own = discoverExports(elf, options.exportSource);
        std::unordered_map<std::string_view, const ExportInfo*> ownInfo;
        for (const ExportInfo& info : own.entries()) ownInfo.emplace(info.name, &info);
        // Applied to many files, the list selects among the file's exports; an object that is
        // neither a module nor a kernel has no export table: the list is its exports, as for
        // gendwarfksyms.
        const bool select = options.exportsFilterDiscovered &&
                            (!own.empty() || elf.sectionContents(".modinfo") || elf.sectionContents("__ksymtab_strings"));
        for (const ExportInfo& listed : options.exports->entries()) {
            const auto it = ownInfo.find(listed.name);
            if (it != ownInfo.end())
                exports.add(*it->second);
            else if (!select)
                exports.add(listed);
        }
    }
    if (exports.empty()) return build;  // gendwarfksyms exits at once on an empty list

    auto dwarfOwner = std::make_shared<DwarfFile>(path, options.debugRoots);
    const DwarfFile& dwarf = *dwarfOwner;
    build.sources.push_back(dwarfOwner);
    const auto aliasKeys = readAliasKeys(elf, exports, build.warnings);
    std::optional<KabiRules> rules;
    if (options.stable) {
        rules = readKabiRules(elf, build.warnings);
        if (options.kabiRules) rules->applyOver(*options.kabiRules);  // after the section's own records
    }

    ObjectVersionerOptions versionerOptions;
    versionerOptions.rules = rules ? &*rules : nullptr;
    versionerOptions.captureCrcInput = options.captureCrcInput;
    const auto& units = dwarf.units();
    if (options.wholeFile || units.size() == 1) {
        // Only CRCs wanted from a file of many units: each unit's renderings are reduced to the
        // records the CRCs need as it goes (ObjectVersioner::addUnitAsRecords), unless the types
        // of one unit reach into another, which needs every unit's renderings kept.
        bool asRecords = !options.keepTypes && units.size() > 1;
        // With a second core, the next units' names are walked while this one renders (by
        // default only where there are enough units to pay for the second DWARF session).
        const bool scanAhead = units.size() > 1 && (options.threads >= 2 || (options.threads == 0 && defaultThreads() > 1 &&
                                                                             units.size() >= kUnitsWorthScanningAhead));
        for (;;) {
            try {
                auto fqns = std::make_unique<FqnResolver>(dwarf, build.graph);
                auto renderer = std::make_unique<DieRenderer>(dwarf, *fqns, versionerOptions.rules, build.graph);
                CrcWorkspace workspace;
                ObjectVersioner versioner(dwarf, *fqns, *renderer, exports.entries(), aliasKeys, versionerOptions);
                std::unique_ptr<UnitScanner> scanner;
                if (scanAhead) {
                    std::vector<std::string> names;
                    for (const ExportInfo& e : exports.entries()) names.push_back(e.name);
                    scanner = std::make_unique<UnitScanner>(path, dwarf.debugRoots(), std::move(names));
                }
                std::vector<Dwarf_Die> candidates;
                for (size_t u = 0; u < units.size(); ++u) {
                    report("versioning", u, units.size());
                    const std::vector<Dwarf_Die>* found = nullptr;
                    if (scanner) {
                        const UnitScanner::Unit scanned = scanner->take(u);
                        fqns->adoptUnit(units[u], scanned.names);
                        candidates.clear();
                        for (Dwarf_Off offset : scanned.candidates) {
                            Dwarf_Die die;
                            if (!dwarf_offdie(dwarf.dwarf(), offset, &die)) dwarf.failWithDwarfError("cannot read a DIE");
                            candidates.push_back(die);
                        }
                        found = &candidates;
                    }
                    if (asRecords)
                        versioner.addUnitAsRecords(units[u], build.graph, workspace, found);
                    else
                        versioner.addUnit(units[u], found);
                    dwarf.releaseUnit(u);  // a later look back faults its bytes in again
                }
                const size_t unitCount = units.size();
                if (options.keepTypes && options.detachFromDwarf) {
                    // Everything DWARF is done: close it before the CRCs, which only read the
                    // graph. On a whole kernel that is 200 MB of libdw state and the file's
                    // mapping, at the moment a diff's two loads peak together.
                    scanner.reset();
                    renderer.reset();
                    fqns.reset();
                    detach(build);
                    dwarfOwner.reset();
                }
                report("computing CRCs", unitCount, unitCount);
                versioner.finish(build, path, 0, workspace);
                break;
            } catch (const NeedsAllUnitsTypes&) {
                build.graph = TypeGraph();
                asRecords = false;
            }
        }
    } else {
        KbuildInputs inputs;
        inputs.path = path;
        inputs.dwarf = dwarfOwner;
        inputs.exports = &exports;
        inputs.aliasKeys = &aliasKeys;
        inputs.versionerOptions = versionerOptions;
        inputs.options = &options;
        inputs.report = report;
        versionInKbuildMode(inputs, build);
    }
    if (!options.keepTypes) {
        // Only the CRCs are wanted: kbuild mode already forgot each unit's types; a single
        // scope's go now, and with them the DWARF session (files of a build directory add up).
        build.graph = TypeGraph();
        for (auto& scope : build.scopes) {
            scope->types = {};
            scope->namedTargets = {};
        }
        for (auto& symbol : build.symbols) symbol.target = TypeTarget{};
        build.sources.clear();
        build.typesKept = false;
    }
    if (options.detachFromDwarf && build.typesKept && !build.sources.empty()) detach(build);
    if (std::getenv("KABISCOPE_TIMINGS"))
        PhaseTimes::global().note("graph: " + std::to_string(build.graph.size()) + " nodes, " +
                                  std::to_string(build.graph.memoryBytes() >> 20) + " MB");
    report("done", 1, 1);
    std::sort(build.symbols.begin(), build.symbols.end(),
              [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return build;
}

BuildFile versionFileOnSomeStack(const std::string& path, const VersionOptions& options) {
    // Rendering recurses as deep as the types nest (base/limits.h). Here first; past what this
    // thread's stack holds, again on a large one.
    try {
        return versionFileHere(path, options);
    } catch (const NeedsLargeStack&) {
    }
    BuildFile build;
    try {
        runOnLargeStack([&] { build = versionFileHere(path, options); });
    } catch (const NeedsLargeStack&) {
        fail(path, "types nested more than ", kMaxNestingOnOrdinaryStack,
             " levels deep, and no thread with a large stack could be started");
    }
    return build;
}

}  // namespace

BuildFile versionFile(const std::string& path, const VersionOptions& options) {
    try {
        return versionFileOnSomeStack(path, options);
    } catch (const Error& e) {  // the type graph's limits know no file: this is the one
        if (e.file().empty()) throw Error(path, e.problem());
        throw;
    }
}

}  // namespace kabiscope
