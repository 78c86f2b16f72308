#include "diff/build_diff.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/error.h"
#include "base/phase_timer.h"
#include "graph/reference_edges.h"
#include "model/type_table.h"
#include "output/writers.h"
#include "version/crc_expander.h"

namespace kabiscope {

const char* symbolStatusName(SymbolStatus status) {
    switch (status) {
    case SymbolStatus::Unchanged: return "unchanged";
    case SymbolStatus::Changed: return "changed";
    case SymbolStatus::Added: return "added";
    case SymbolStatus::Removed: return "removed";
    }
    return "unknown";
}

std::string Cause::title() const {
    std::string t = type;
    if (!node.empty()) t += " " + node;
    return t + ": " + description;
}

namespace {

// What one side knows: the graph and per-node caches.
struct SideCache {
    const VersionedBuild* build = nullptr;
    std::vector<uint64_t> hashes;

    std::unordered_map<NodeId, std::vector<ReferenceEdge>> edges;

    const std::vector<ReferenceEdge>& edgesOf(NodeId root) {
        auto [it, inserted] = edges.try_emplace(root);
        if (inserted) it->second = referenceEdges(build->graph, root);
        return it->second;
    }
};

class Differ {
public:
    Differ(const LoadedBuild& oldBuild, const LoadedBuild& newBuild, const DiffOptions& options)
        : old_(oldBuild), new_(newBuild), options_(options) {}

    DiffResult run();

private:
    struct Side {
        const VersionedBuild* build;
        const SymbolVersion* symbol;
    };
    void explainSymbol(SymbolDiff& out, Side before, Side after);
    TypeTarget resolve(SideCache& cache, const VersionScope& scope, NodeId named);
    // The new-side types of a scope pair from which a changed type can be reached.
    const std::unordered_set<uint32_t>& relevantTypes(Side before, Side after);
    std::vector<uint32_t> compareType(Side before, Side after, const std::string& name, TypeTarget a, TypeTarget b);
    uint32_t causeFor(const std::string& type, const NodeChange& change, Side before, Side after, TypeTarget a,
                      TypeTarget b);
    std::string renderingOf(const VersionedBuild& build, const VersionScope& scope, TypeTarget target);
    SideCache& cacheFor(const VersionedBuild* build) {
        SideCache& cache = caches_[build];
        cache.build = build;
        return cache;
    }
    void findFirstDifference(SymbolDiff& out, Side before, Side after);

    const LoadedBuild& old_;
    const LoadedBuild& new_;
    const DiffOptions& options_;
    std::map<const VersionedBuild*, SideCache> caches_;
    std::map<const VersionedBuild*, std::unique_ptr<CrcInputReader>> readers_;
    std::vector<Cause> causes_;
    std::unordered_map<std::string, uint32_t> causeIndex_;
    // (old scope, new scope, reference name) -> causes found inside that type
    std::map<std::tuple<const void*, const void*, uint64_t, std::string>, std::vector<uint32_t>> typeMemo_;
    std::map<std::pair<const VersionScope*, const VersionScope*>, std::unordered_set<uint32_t>> relevant_;
};

std::string Differ::renderingOf(const VersionedBuild& build, const VersionScope& scope, TypeTarget target) {
    if (target.isRecord()) return scope.overrides.record(target.index()).rendering();
    return flattenNode(build.graph, target.index(), {}).rendering();
}

uint32_t Differ::causeFor(const std::string& type, const NodeChange& change, Side before, Side after, TypeTarget a,
                          TypeTarget b) {
    const std::string key = type + '\0' + change.node + '\0' + change.description;
    auto [it, inserted] = causeIndex_.emplace(key, uint32_t(causes_.size()));
    if (inserted) {
        Cause cause;
        cause.type = type;
        cause.node = change.node;
        cause.kind = change.kind;
        cause.description = change.description;
        const VersionScope& oldScope = *before.build->scopes[before.symbol->scope];
        const VersionScope& newScope = *after.build->scopes[after.symbol->scope];
        cause.oldRendering = renderingOf(*before.build, oldScope, a);
        cause.newRendering = renderingOf(*after.build, newScope, b);
        causes_.push_back(std::move(cause));
    }
    return it->second;
}

std::vector<uint32_t> Differ::compareType(Side before, Side after, const std::string& name, TypeTarget a,
                                          TypeTarget b) {
    const VersionScope* oldScope = before.build->scopes[before.symbol->scope].get();
    const VersionScope* newScope = after.build->scopes[after.symbol->scope].get();
    // Nodes identify a rendering across scopes; override records only within theirs.
    const bool byNode = !a.isRecord() && !b.isRecord();
    if (byNode) {
        SideCache& oc = cacheFor(before.build);
        SideCache& nc = cacheFor(after.build);
        if (renderingHash(before.build->graph, a.index(), oc.hashes) ==
            renderingHash(after.build->graph, b.index(), nc.hashes))
            return {};
    }
    auto key = std::make_tuple(byNode ? static_cast<const void*>(before.build) : oldScope,
                               byNode ? static_cast<const void*>(after.build) : newScope,
                               (uint64_t(a.value) << 32) | b.value, byNode ? std::string() : name);
    if (auto it = typeMemo_.find(key); it != typeMemo_.end()) return it->second;
    std::vector<uint32_t> found;
    if (a.isRecord() || b.isRecord()) {
        // A kABI type_string rule on either side: compare the texts.
        const std::string ra = renderingOf(*before.build, *oldScope, a);
        const std::string rb = renderingOf(*after.build, *newScope, b);
        if (ra != rb) found.push_back(causeFor(name, {ChangeKind::TypeChanged, "", "rendering changed (kABI type_string rule)"}, before, after, a, b));
    } else {
        SideCache& oc = cacheFor(before.build);
        SideCache& nc = cacheFor(after.build);
        if (renderingHash(before.build->graph, a.index(), oc.hashes) !=
            renderingHash(after.build->graph, b.index(), nc.hashes)) {
            for (const NodeChange& change : compareRecords(before.build->graph, a.index(), after.build->graph,
                                                           b.index(), oc.hashes, nc.hashes))
                found.push_back(causeFor(name, change, before, after, a, b));
        }
    }
    typeMemo_.emplace(std::move(key), found);
    return found;
}

TypeTarget Differ::resolve(SideCache& cache, const VersionScope& scope, NodeId named) {
    return resolveNamed(scope, cache.build->graph, named);
}

const std::unordered_set<uint32_t>& Differ::relevantTypes(Side before, Side after) {
    const VersionScope& oldScope = *before.build->scopes[before.symbol->scope];
    const VersionScope& newScope = *after.build->scopes[after.symbol->scope];
    auto [it, inserted] = relevant_.try_emplace({&oldScope, &newScope});
    if (!inserted) return it->second;
    // Once per pair of scopes: which types render differently, and (walking references
    // backwards) which types lead to one. A symbol's walk then never enters a type from which no
    // change can be reached, which is most of a kernel's types.
    SideCache& oc = cacheFor(before.build);
    SideCache& nc = cacheFor(after.build);
    std::unordered_map<uint32_t, std::vector<uint32_t>> referrers;
    std::vector<uint32_t> changed;
    std::vector<NodeId> children;
    for (const auto& [name, b] : newScope.types) {
        if (!b.isRecord()) {
            children.clear();
            namedChildren(after.build->graph, b.index(), children);
            for (NodeId named : children) {
                const TypeTarget child = resolve(nc, newScope, named);
                if (child.valid()) referrers[child.value].push_back(b.value);
            }
        }
        auto a = oldScope.types.find(name);
        if (a == oldScope.types.end()) continue;
        const bool differs =
            a->second.isRecord() || b.isRecord() ||
            renderingHash(before.build->graph, a->second.index(), oc.hashes) !=
                renderingHash(after.build->graph, b.index(), nc.hashes);
        if (differs) changed.push_back(b.value);
    }
    std::unordered_set<uint32_t>& relevant = it->second;
    std::vector<uint32_t> queue = changed;
    relevant.insert(changed.begin(), changed.end());
    for (size_t q = 0; q < queue.size(); ++q) {
        auto up = referrers.find(queue[q]);
        if (up == referrers.end()) continue;
        for (uint32_t parent : up->second)
            if (relevant.insert(parent).second) queue.push_back(parent);
    }
    return relevant;
}

void Differ::explainSymbol(SymbolDiff& out, Side before, Side after) {
    const VersionScope& oldScope = *before.build->scopes[before.symbol->scope];
    const VersionScope& newScope = *after.build->scopes[after.symbol->scope];
    SideCache& oc = cacheFor(before.build);
    SideCache& nc = cacheFor(after.build);
    const TypeGraph& oldGraph = before.build->graph;
    const TypeGraph& newGraph = after.build->graph;

    // Breadth-first over the types the symbol reaches, so each cause gets a shortest path. A
    // type is entered when its name resolves on both sides; a type known on one side only is
    // not entered: the reference to it changed, and that is the cause. References are followed
    // in the new rendering, and in the old one too where the two differ.
    struct Visit {
        TypeTarget before, after;
        int parent;
        const std::string* label;  // where in the parent the reference sits
        NodeId named;              // the reference's node (new side, or old side), for its name
        bool namedIsNew;
    };
    std::vector<Visit> visits;
    std::unordered_set<uint32_t> seenNew, seenOld;  // a name resolves to one target per side
    const std::unordered_set<uint32_t>& relevant = relevantTypes(before, after);
    std::unordered_set<uint32_t> found;
    auto nameOf = [&](const Visit& v) {
        return v.named == kNoNode ? out.name : (v.namedIsNew ? newGraph : oldGraph).referenceName(v.named);
    };
    auto addCauses = [&](const std::vector<uint32_t>& ids, size_t visit) {
        for (uint32_t id : ids) {
            if (!found.insert(id).second) continue;
            out.causes.push_back(id);
            std::vector<std::string> path;
            for (int v = int(visit); v >= 0; v = visits[size_t(v)].parent) {
                path.push_back(nameOf(visits[size_t(v)]));
                if (visits[size_t(v)].label && !visits[size_t(v)].label->empty()) path.push_back(*visits[size_t(v)].label);
            }
            std::reverse(path.begin(), path.end());
            if (!causes_[id].node.empty()) path.push_back(causes_[id].node);
            out.paths.push_back(std::move(path));
        }
    };
    auto enter = [&](NodeId named, bool namedIsNew, const std::string* label, size_t from) {
        TypeTarget a, b;
        if (namedIsNew) {
            b = resolve(nc, newScope, named);
            if (!b.valid() || !relevant.count(b.value) || !seenNew.insert(b.value).second) return;
            auto it = oldScope.types.find(newGraph.referenceName(named));
            if (it == oldScope.types.end() || !seenOld.insert(it->second.value).second) return;
            a = it->second;
        } else {
            a = resolve(oc, oldScope, named);
            if (!a.valid() || !seenOld.insert(a.value).second) return;
            auto it = newScope.types.find(oldGraph.referenceName(named));
            if (it == newScope.types.end() || !relevant.count(it->second.value) || !seenNew.insert(it->second.value).second)
                return;
            b = it->second;
        }
        visits.push_back({a, b, int(from), label, named, namedIsNew});
    };

    visits.push_back({before.symbol->target, after.symbol->target, -1, nullptr, kNoNode, true});
    for (size_t v = 0; v < visits.size(); ++v) {
        const Visit visit = visits[v];
        const std::string name = v == 0 ? out.name : nameOf(visit);
        const std::vector<uint32_t> ids = compareType(before, after, name, visit.before, visit.after);
        addCauses(ids, v);
        if (!visit.after.isRecord())
            for (const ReferenceEdge& edge : nc.edgesOf(visit.after.index())) enter(edge.named, true, &edge.label, v);
        const bool differs = !ids.empty() || visit.before.isRecord() || visit.after.isRecord();
        if (differs && !visit.before.isRecord())
            for (const ReferenceEdge& edge : oc.edgesOf(visit.before.index())) enter(edge.named, false, &edge.label, v);
    }
}

void Differ::findFirstDifference(SymbolDiff& out, Side before, Side after) {
    auto& oldReader = readers_[before.build];
    if (!oldReader) oldReader = std::make_unique<CrcInputReader>(*before.build);
    auto& newReader = readers_[after.build];
    if (!newReader) newReader = std::make_unique<CrcInputReader>(*after.build);
    const std::string a = oldReader->input(*before.symbol);
    const std::string b = newReader->input(*after.symbol);
    const auto mismatch = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    if (mismatch.first == a.end() && mismatch.second == b.end()) return;
    FirstDifference& first = out.firstDifference;
    first.found = true;
    first.offset = size_t(mismatch.first - a.begin());
    const size_t context = options_.contextBytes;
    first.contextStart = first.offset > context ? first.offset - context : 0;
    first.oldContext = a.substr(first.contextStart, 2 * context);
    first.newContext = b.substr(first.contextStart, 2 * context);
}

DiffResult Differ::run() {
    DiffResult result;
    result.oldPath = old_.path;
    result.newPath = new_.path;
    std::map<std::string, std::pair<LoadedBuild::SymbolRef, LoadedBuild::SymbolRef>> names;
    for (const auto& [name, ref] : old_.symbols) names[name].first = ref;
    for (const auto& [name, ref] : new_.symbols) names[name].second = ref;

    size_t done = 0;
    for (const auto& [name, pair] : names) {
        if (++done % 256 == 0) {
            if (options_.cancelled && options_.cancelled()) throw Cancelled();
            if (options_.progress) options_.progress("comparing symbols", done, names.size());
        }
        const auto& [before, after] = pair;
        SymbolDiff diff;
        diff.name = name;
        if (before.symbol) diff.oldCrc = before.symbol->crc;
        if (after.symbol) diff.newCrc = after.symbol->crc;
        const VersionedBuild* home = after.file ? after.file : before.file;
        diff.module = home->module;
        if (!before.symbol) {
            diff.status = SymbolStatus::Added;
        } else if (!after.symbol) {
            diff.status = SymbolStatus::Removed;
        } else if (before.symbol->crc == after.symbol->crc && before.symbol->versioned == after.symbol->versioned) {
            diff.status = SymbolStatus::Unchanged;
        } else {
            diff.status = SymbolStatus::Changed;
            if (before.symbol->versioned && after.symbol->versioned) {
                explainSymbol(diff, {before.file, before.symbol}, {after.file, after.symbol});
                if (options_.firstDifferences) findFirstDifference(diff, {before.file, before.symbol}, {after.file, after.symbol});
            }
        }
        result.symbols.push_back(std::move(diff));
    }

    // Rank causes by how many symbols they affect; renumber 1..n in that order.
    for (size_t s = 0; s < result.symbols.size(); ++s)
        for (uint32_t id : result.symbols[s].causes) causes_[id].symbols.push_back(uint32_t(s));
    std::vector<uint32_t> order(causes_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        if (causes_[a].symbols.size() != causes_[b].symbols.size()) return causes_[a].symbols.size() > causes_[b].symbols.size();
        return causes_[a].title() < causes_[b].title();
    });
    std::vector<uint32_t> rank(causes_.size());
    for (uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        result.causes.push_back(std::move(causes_[order[r]]));
        result.causes.back().id = r + 1;
    }
    result.causes.erase(std::remove_if(result.causes.begin(), result.causes.end(),
                                       [](const Cause& c) { return c.symbols.empty(); }),
                        result.causes.end());
    for (auto& symbol : result.symbols) {
        for (auto& id : symbol.causes) id = rank[id] + 1;
        // Present a symbol's causes in rank order, paths alongside.
        std::vector<size_t> idx(symbol.causes.size());
        for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return symbol.causes[a] < symbol.causes[b]; });
        std::vector<uint32_t> causes;
        std::vector<std::vector<std::string>> paths;
        for (size_t i : idx) {
            causes.push_back(symbol.causes[i]);
            paths.push_back(std::move(symbol.paths[i]));
        }
        symbol.causes = std::move(causes);
        symbol.paths = std::move(paths);
        switch (symbol.status) {
        case SymbolStatus::Changed: ++result.summary.changed; break;
        case SymbolStatus::Added: ++result.summary.added; break;
        case SymbolStatus::Removed: ++result.summary.removed; break;
        case SymbolStatus::Unchanged: ++result.summary.unchanged; break;
        }
    }
    return result;
}

}  // namespace

DiffResult diffBuilds(const LoadedBuild& oldBuild, const LoadedBuild& newBuild, const DiffOptions& options) {
    PhaseTimer timer("diff");
    Differ differ(oldBuild, newBuild, options);
    return differ.run();
}

}  // namespace kabiscope
