#include "version/file_versioner.h"

#include <algorithm>
#include <atomic>
#include <thread>
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

// Moves a part built on another thread into `into`: node ids shift by the graph offset, scope
// indices by the number of scopes already there.
void absorbPart(VersionedBuild& into, VersionedBuild&& part) {
    const NodeId offset = into.graph.absorb(std::move(part.graph));
    const uint32_t scopeBase = uint32_t(into.scopes.size());
    auto shift = [offset](TypeTarget target) {
        return target.valid() && !target.isRecord() ? TypeTarget::node(target.index() + offset) : target;
    };
    for (auto& scope : part.scopes) {
        scope->firstNode += offset;
        for (NodeId& id : scope->typeNodes) id += offset;
        for (auto& [id, target] : scope->namedTargets) {
            id += offset;
            target = shift(target);
        }
        for (auto& [name, target] : scope->types) target = shift(target);
        for (size_t r = 0; r < scope->overrides.size(); ++r) {
            Record& record = scope->overrides.record(RecordId(r));
            if (record.root != kNoNode) record.root += offset;
            for (auto& reference : record.references)
                if (reference.node != kNoNode) reference.node += offset;
        }
        into.scopes.push_back(std::move(scope));
    }
    for (auto& symbol : part.symbols) {
        symbol.target = shift(symbol.target);
        if (symbol.scope != UINT32_MAX) symbol.scope += scopeBase;
        into.symbols.push_back(std::move(symbol));
    }
    for (auto& warning : part.warnings) into.warnings.push_back(std::move(warning));
    for (auto& source : part.sources) into.sources.push_back(std::move(source));
}

// Orders scopes by compilation unit (as a single thread would have made them).
void orderScopesByUnit(VersionedBuild& build) {
    std::vector<uint32_t> order(build.scopes.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return build.scopes[a]->unit < build.scopes[b]->unit; });
    std::vector<uint32_t> newIndex(order.size());
    std::vector<std::unique_ptr<VersionScope>> sorted;
    for (uint32_t i = 0; i < order.size(); ++i) {
        newIndex[order[i]] = i;
        sorted.push_back(std::move(build.scopes[order[i]]));
    }
    build.scopes = std::move(sorted);
    for (auto& symbol : build.symbols)
        if (symbol.scope != UINT32_MAX) symbol.scope = newIndex[symbol.scope];
}

// An explicit count is honoured (up to one thread per exporting unit); by default one per core,
// at most 4, and a thread per 8 exporting units at least, so small files stay single-threaded.
unsigned workerCount(const VersionOptions& options, size_t exportingUnits) {
    size_t threads = options.threads;
    if (threads == 0)
        threads = std::min<size_t>({4u, std::max(1u, std::thread::hardware_concurrency()), exportingUnits / 8 + 1});
    return unsigned(std::max<size_t>(1, std::min(threads, exportingUnits)));
}

// kbuild mode: every exporting unit is its own scope and independent of the others, so units
// are dealt out to threads, each with its own DWARF session, renderer and graph; the graphs are
// merged afterwards and the scopes put back in unit order. Results do not depend on the count.
template <typename Report>
void versionUnitsInParallel(const std::string& path, const std::shared_ptr<DwarfFile>& mainDwarf,
                            std::vector<std::vector<ExportInfo>>& perUnit,
                            const std::unordered_map<std::string, AliasKey>& aliasKeys,
                            const ObjectVersionerOptions& versionerOptions, const VersionOptions& options,
                            const Report& report, VersionedBuild& build) {
    size_t exporting = 0;
    for (const auto& list : perUnit) exporting += !list.empty();
    const unsigned workers = workerCount(options, exporting);
    struct Part {
        VersionedBuild build;
        std::exception_ptr failure;
    };
    std::vector<Part> parts(workers);
    std::atomic<bool> stop{false};
    const size_t unitCount = perUnit.size();
    // Worker 0 builds straight into `build`; the others into parts merged afterwards.
    auto work = [&](unsigned w) {
        Part& part = parts[w];
        VersionedBuild& target = w == 0 ? build : part.build;
        try {
            std::shared_ptr<DwarfFile> dwarf = w == 0 ? mainDwarf : std::make_shared<DwarfFile>(path);
            if (w > 0) target.sources.push_back(dwarf);
            FqnResolver fqns(*dwarf, target.graph);
            DieRenderer renderer(*dwarf, fqns, versionerOptions.rules, target.graph);
            CrcWorkspace workspace;
            for (size_t u = w; u < unitCount; u += workers) {
                if (stop) return;
                if (w == 0)
                    report("versioning", u, unitCount);
                else if (options.cancelled && options.cancelled())
                    throw Cancelled();
                if (perUnit[u].empty()) continue;
                const Dwarf_Die unit = dwarf->units()[u];
                const NodeId firstNode = NodeId(target.graph.size());
                ObjectVersioner versioner(*dwarf, fqns, renderer, std::move(perUnit[u]), aliasKeys, versionerOptions);
                versioner.addUnit(unit);
                versioner.finish(target, unitName(unit), firstNode, workspace);
                target.scopes.back()->unit = u;
                renderer.forgetRenderedDies();
            }
        } catch (...) {
            part.failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& thread : threads) thread.join();
    for (auto& part : parts)
        if (part.failure) std::rethrow_exception(part.failure);
    for (unsigned w = 1; w < workers; ++w) absorbPart(build, std::move(parts[w].build));
    if (workers > 1) orderScopesByUnit(build);
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
        versionUnitsInParallel(path, dwarfOwner, perUnit, aliasKeys, versionerOptions, options, report, build);
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
        build.sources.clear();
    }
    if (std::getenv("KABISCOPE_TIMINGS"))
        std::fprintf(stderr, "kabiscope: graph: %zu nodes, %zu MB\n", build.graph.size(), build.graph.memoryBytes() >> 20);
    report("done", 1, 1);
    std::sort(build.symbols.begin(), build.symbols.end(),
              [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return build;
}

}  // namespace kabiscope
