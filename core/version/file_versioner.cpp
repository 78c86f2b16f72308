#include "version/file_versioner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "base/error.h"
#include "base/large_stack.h"
#include "base/limits.h"
#include "base/phase_timer.h"
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


VersionedBuild versionFileHere(const std::string& path, const VersionOptions& options) {
    VersionedBuild build;
    build.path = path;
    build.module = moduleNameFor(path);
    auto report = [&](const std::string& stage, size_t done, size_t total) {
        if (options.cancelled && options.cancelled()) throw Cancelled();
        if (options.progress) options.progress(stage, done, total);
    };

    report("reading symbols", 0, 1);
    ElfFile elf(path);
    ExportList exports;
    if (!options.exports) {
        exports = discoverExports(elf, options.exportSource);
    } else if (options.exportsFilterDiscovered) {
        const ExportList own = discoverExports(elf, options.exportSource);
        for (const ExportInfo& info : own.entries())
            if (options.exports->contains(info.name)) exports.add(info);
        // An object that is neither a module nor a kernel has no export table of its own: the
        // list is its exports, as for gendwarfksyms.
        if (own.empty() && !elf.sectionContents(".modinfo") && !elf.sectionContents("__ksymtab_strings"))
            exports = *options.exports;
    } else {
        exports = *options.exports;
    }
    if (exports.empty()) return build;  // gendwarfksyms exits at once on an empty list

    auto dwarfOwner = std::make_shared<DwarfFile>(path);
    const DwarfFile& dwarf = *dwarfOwner;
    build.sources.push_back(dwarfOwner);
    const auto aliasKeys = readAliasKeys(elf, exports, build.warnings);
    std::optional<KabiRules> rules;
    if (options.stable) rules = readKabiRules(elf, build.warnings);

    ObjectVersionerOptions versionerOptions;
    versionerOptions.rules = rules ? &*rules : nullptr;
    versionerOptions.captureCrcInput = options.captureCrcInput;
    const auto& units = dwarf.units();
    if (options.wholeFile || units.size() == 1) {
        FqnResolver fqns(dwarf, build.graph);
        DieRenderer renderer(dwarf, fqns, versionerOptions.rules, build.graph);
        CrcWorkspace workspace;
        ObjectVersioner versioner(dwarf, fqns, renderer, exports.entries(), aliasKeys, versionerOptions);
        for (size_t u = 0; u < units.size(); ++u) {
            report("versioning", u, units.size());
            versioner.addUnit(units[u]);
        }
        report("computing CRCs", units.size(), units.size());
        versioner.finish(build, path, 0, workspace);
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
    if (options.detachFromDwarf && build.typesKept) {
        PhaseTimer timer("detach from DWARF");
        build.graph.detachFromSource();
        build.sources.clear();
    }
    if (std::getenv("KABISCOPE_TIMINGS"))
        std::fprintf(stderr, "kabiscope: graph: %zu nodes, %zu MB\n", build.graph.size(), build.graph.memoryBytes() >> 20);
    report("done", 1, 1);
    std::sort(build.symbols.begin(), build.symbols.end(),
              [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return build;
}

}  // namespace

VersionedBuild versionFile(const std::string& path, const VersionOptions& options) {
    // Rendering recurses as deep as the types nest (base/limits.h). Here first; past what this
    // thread's stack holds, again on a large one.
    try {
        return versionFileHere(path, options);
    } catch (const NeedsLargeStack&) {
    }
    VersionedBuild build;
    try {
        runOnLargeStack([&] { build = versionFileHere(path, options); });
    } catch (const NeedsLargeStack&) {
        fail(path, "types nested more than ", kMaxNestingOnOrdinaryStack,
             " levels deep, and no thread with a large stack could be started");
    }
    return build;
}

}  // namespace kabiscope
