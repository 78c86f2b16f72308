#include "version/kbuild_versioner.h"

#include <algorithm>
#include <atomic>

#include "base/error.h"
#include "exports/export_list.h"
#include "base/threads.h"
#include "base/parallel_work.h"
#include "base/phase_timer.h"
#include "dwarf/die_access.h"
#include "dwarf/die_renderer.h"
#include "dwarf/dwarf_file.h"
#include "dwarf/fqn_resolver.h"
#include "version/crc_expander.h"

namespace kabiscope {

namespace {

// How strongly a unit claims an export: the higher, the better.
enum Claim : uint8_t {
    kNoClaim = 0,
    kDeclaration = 1,
    kDefinition = 2,
    kExternalDefinition = 3,
    kPointer = 4
};

std::string unitName(Dwarf_Die unit) {
    const char* name = die::name(&unit);
    return name ? name : "<unnamed unit>";
}

// An explicit count is honoured (up to one thread per unit); by default one per core, at most 4,
// and no more than one thread per 8 units, so small files stay single-threaded.
unsigned workerCount(const VersionOptions& options, size_t units) {
    size_t threads = options.threads;
    if (threads == 0) threads = std::min<size_t>(defaultThreads(), units / 8 + 1);
    return unsigned(std::max<size_t>(1, std::min(threads, units)));
}

struct Worker {
    std::shared_ptr<DwarfFile> dwarf;
    BuildFile part;  // its results (worker 0 writes into the caller's build)
    BuildFile* target = nullptr;
    std::unique_ptr<FqnResolver> fqns;
    std::vector<Claim> best;
    std::vector<int> unitOf;
    std::unordered_map<size_t, std::vector<Dwarf_Die>> candidates;
};

// Forgets the types of the scope just versioned (its nodes, type map and symbol targets): only
// its CRCs are wanted. The next scope reuses the nodes' storage.
void dropScopeTypes(BuildFile& target, const TypeGraph::Checkpoint& mark, size_t firstSymbol) {
    target.graph.rollback(mark);
    VersionScope& scope = *target.scopes.back();
    scope.types = {};
    scope.namedTargets = {};
    for (size_t i = firstSymbol; i < target.symbols.size(); ++i) target.symbols[i].target = TypeTarget{};
}

// Moves a part built on another thread into `into`: node ids shift by the graph offset, scope
// indices by the number of scopes already there.
void absorbPart(BuildFile& into, BuildFile&& part) {
    const NodeId offset = into.graph.absorb(std::move(part.graph));
    const uint32_t scopeBase = uint32_t(into.scopes.size());
    auto shift = [offset](TypeTarget target) {
        return target.valid() && !target.isRecord() ? TypeTarget::node(target.index() + offset) : target;
    };
    for (auto& scope : part.scopes) {
        scope->firstNode += offset;
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

// Orders scopes by compilation unit, as a single thread would have made them.
void orderScopesByUnit(BuildFile& build) {
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

}  // namespace

void versionInKbuildMode(const KbuildInputs& in, BuildFile& build) {
    const ExportList& exports = *in.exports;
    const VersionOptions& options = *in.options;
    const size_t unitCount = in.dwarf->units().size();
    std::unordered_map<std::string_view, size_t> exportIndex;
    for (size_t i = 0; i < exports.size(); ++i) exportIndex.emplace(exports.entries()[i].name, i);

    std::vector<Worker> workers(workerCount(options, unitCount));
    const unsigned stride = unsigned(workers.size());
    std::atomic<bool> stop{false};
    auto checkpoint = [&](unsigned w, const char* stage, size_t done) {
        if (stop) throw Cancelled();  // another worker failed; its error is the one reported
        if (w == 0)
            in.report(stage, done, unitCount);
        else if (options.cancelled && options.cancelled())
            throw Cancelled();
    };

    // Phase 1: names, claims and binding candidates, one walk per unit.
    runOnWorkers(unsigned(workers.size()), [&](unsigned w) {
        PhaseTimer timer("scan units");
        Worker& worker = workers[w];
        worker.dwarf = w == 0 ? in.dwarf : std::make_shared<DwarfFile>(in.path, in.dwarf->debugRoots());
        worker.target = w == 0 ? &build : &worker.part;
        if (w > 0) worker.part.sources.push_back(worker.dwarf);
        worker.fqns = std::make_unique<FqnResolver>(*worker.dwarf, worker.target->graph);
        worker.best.assign(exports.size(), kNoClaim);
        worker.unitOf.assign(exports.size(), -1);
        for (size_t u = w; u < unitCount; u += stride) {
            checkpoint(w, "reading units", u);
            std::vector<Dwarf_Die>* kept = nullptr;
            const std::function<void(Dwarf_Die&)> consider = [&](Dwarf_Die& die) {
                Dwarf_Die origin;
                Dwarf_Die source = die;
                const bool hasOrigin = die::reference(&die, DW_AT_abstract_origin, &origin);
                if (hasOrigin) source = origin;
                for (Dwarf_Die* candidate : {&die, &source}) {
                    if (candidate == &source && !hasOrigin) break;  // the same DIE again
                    const char* name = die::symbolName(candidate);
                    if (!name) continue;
                    std::string_view key(name);
                    const bool pointer = key.substr(0, kSymbolPointerPrefix.size()) == kSymbolPointerPrefix;
                    if (pointer) key.remove_prefix(kSymbolPointerPrefix.size());
                    auto it = exportIndex.find(key);  // most DIEs are not exports: look first
                    if (it == exportIndex.end()) continue;
                    const Claim claim = pointer                              ? kPointer
                                        : die::flag(&die, DW_AT_declaration) ? kDeclaration
                                        : die::flag(&source, DW_AT_external) ? kExternalDefinition
                                                                             : kDefinition;
                    if (claim > worker.best[it->second]) {
                        worker.best[it->second] = claim;
                        worker.unitOf[it->second] = int(u);
                    }
                    if (!kept) kept = &worker.candidates[u];
                    kept->push_back(die);
                    return;
                }
            };
            worker.fqns->addUnit(worker.dwarf->units()[u], &consider);
            worker.dwarf->releaseUnit(u);  // phase 2 reads again only the units that export
        }
    },
                 {&stop, {}});

    // Merge the claims: the strongest wins, the first unit on a tie (as one sequential scan).
    std::vector<Claim> best(exports.size(), kNoClaim);
    std::vector<int> unitOf(exports.size(), -1);
    for (const Worker& worker : workers)
        for (size_t i = 0; i < exports.size(); ++i)
            if (worker.best[i] > best[i] || (worker.best[i] == best[i] && worker.best[i] != kNoClaim &&
                                             worker.unitOf[i] < unitOf[i])) {
                best[i] = worker.best[i];
                unitOf[i] = worker.unitOf[i];
            }
    std::vector<std::vector<ExportInfo>> perUnit(unitCount);
    std::vector<ExportInfo> unclaimed;
    for (size_t i = 0; i < exports.size(); ++i) {
        if (unitOf[i] < 0)
            unclaimed.push_back(exports.entries()[i]);
        else
            perUnit[size_t(unitOf[i])].push_back(exports.entries()[i]);
    }

    // Phase 2: each exporting unit as its own scope, on the worker that read it.
    runOnWorkers(unsigned(workers.size()), [&](unsigned w) {
        Worker& worker = workers[w];
        BuildFile& target = *worker.target;
        DieRenderer renderer(*worker.dwarf, *worker.fqns, in.versionerOptions.rules, target.graph);
        CrcWorkspace workspace;
        for (size_t u = w; u < unitCount; u += stride) {
            checkpoint(w, "versioning", u);
            if (perUnit[u].empty()) continue;
            const Dwarf_Die unit = worker.dwarf->units()[u];
            const TypeGraph::Checkpoint mark = target.graph.checkpoint();
            const size_t firstSymbol = target.symbols.size();
            ObjectVersioner versioner(*worker.dwarf, *worker.fqns, renderer, std::move(perUnit[u]), *in.aliasKeys,
                                      in.versionerOptions);
            versioner.addUnit(unit, &worker.candidates[u]);
            versioner.finish(target, unitName(unit), NodeId(mark.nodes), workspace);
            target.scopes.back()->unit = u;
            renderer.forgetRenderedDies();
            worker.dwarf->releaseUnit(u);
            if (!in.options->keepTypes) dropScopeTypes(target, mark, firstSymbol);
        }
    },
                 {&stop, {}});

    for (size_t w = 1; w < workers.size(); ++w) absorbPart(build, std::move(workers[w].part));
    if (workers.size() > 1) orderScopesByUnit(build);
    for (auto& info : unclaimed) {
        SymbolVersion version;
        version.info = std::move(info);
        build.symbols.push_back(std::move(version));
    }
}

}  // namespace kabiscope
