#include "diff/build_diff.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/error.h"
#include "base/parallel_work.h"
#include "base/threads.h"
#include "base/phase_timer.h"
#include "diff/cross_type_folding.h"
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

std::vector<std::string> DiffResult::pathTo(const SymbolDiff& symbol, size_t i) const {
    std::vector<std::string> path = paths.expand(symbol.paths[i]);
    const Cause& cause = causes[symbol.causes[i] - 1];
    if (!cause.node.empty()) path.push_back(cause.node);
    return path;
}

std::string Cause::title() const {
    std::string t = type;
    if (!node.empty()) t += " " + node;
    return t + ": " + description;
}

std::string Cause::changeText() const {
    std::string text = node.empty() ? description : node + ": " + description;
    if (const std::string folded = foldedSummary(); !folded.empty()) text += " (" + folded + ")";
    return text;
}

std::string Cause::foldedSummary() const {
    if (folded.empty()) return {};
    size_t shifted = 0, other = 0;
    std::string size;
    std::vector<std::string> otherTypes;  // whose members this change moved, in first-seen order
    std::vector<std::string> constants;   // genksyms' enum constants whose value it changed
    for (const Folded& f : folded) {
        if (isReferenceName(f.type) && f.type[0] == 'E') {
            if (std::find(constants.begin(), constants.end(), f.type) == constants.end()) constants.push_back(f.type);
        } else if (!f.type.empty()) {
            if (std::find(otherTypes.begin(), otherTypes.end(), f.type) == otherTypes.end()) otherTypes.push_back(f.type);
        } else if (f.number && f.number->isOffset()) {
            ++shifted;
        } else if (f.node.empty() && f.number && f.number->isByteSize()) {
            auto value = [](const std::optional<uint64_t>& v) { return v ? std::to_string(*v) : std::string("none"); };
            size = "byte_size " + value(f.number->before) + " -> " + value(f.number->after);
        } else {
            ++other;
        }
    }
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (shifted) add("+" + std::to_string(shifted) + " member" + (shifted == 1 ? "" : "s") + " shifted");
    if (!size.empty()) add(size);
    if (other) add("+" + std::to_string(other) + " more folded");
    if (!otherTypes.empty()) {
        constexpr size_t kNamed = 3;
        std::string types;
        for (size_t i = 0; i < otherTypes.size() && i < kNamed; ++i) types += (i ? ", " : "") + otherTypes[i];
        if (otherTypes.size() > kNamed) types += " and " + std::to_string(otherTypes.size() - kNamed) + " more";
        add("moves members of " + types);
    }
    if (!constants.empty()) {
        std::string names;
        for (size_t i = 0; i < constants.size() && i < 3; ++i) names += (i ? ", " : "") + constants[i];
        if (constants.size() > 3) names += " and " + std::to_string(constants.size() - 3) + " more";
        add("changes the value of " + names);
    }
    return out;
}

namespace {

// What every thread of a diff may learn of one build, kept once: the rendering hashes and
// what each named node resolves to. Slots fill in as threads need them; computing one twice
// gives the same value, so threads share them without locks (a whole kernel has 6 million
// nodes per build: one copy per thread would cost 100 MB each).
struct BuildFacts {
    explicit BuildFacts(const BuildFile& build)
        : hashes(build.graph), resolved(std::make_unique<std::atomic<uint32_t>[]>(build.graph.size())) {}
    RenderingHashes hashes;
    // A named node's target in its scope, plus one (0: not resolved yet; an unresolved name stays
    // UINT32_MAX): a node is in one scope only, so one slot per node (resolveNamed searches the
    // scope's table).
    std::unique_ptr<std::atomic<uint32_t>[]> resolved;
};

// The facts of each build of a diff, made when a thread first asks.
class SharedFacts {
public:
    BuildFacts& of(const BuildFile* build) {
        std::lock_guard lock(mutex_);
        auto& facts = facts_[build];
        if (!facts) facts = std::make_unique<BuildFacts>(*build);
        return *facts;
    }

private:
    std::mutex mutex_;
    std::map<const BuildFile*, std::unique_ptr<BuildFacts>> facts_;
};

// What one thread knows of one side: the shared facts and its own caches.
struct SideCache {
    const BuildFile* build = nullptr;
    BuildFacts* facts = nullptr;

    // The named nodes a rendering refers to, in referenceEdges' order; their labels (where in
    // the rendering each sits) are only made for the few renderings on a cause's path.
    std::unordered_map<NodeId, std::vector<NodeId>> children;
    std::unordered_map<NodeId, std::vector<uint32_t>> labelTexts;  // root -> PathSteps text per edge

    const std::vector<NodeId>& childrenOf(NodeId root) {
        auto [it, inserted] = children.try_emplace(root);
        if (inserted) namedChildren(build->graph, root, it->second);
        return it->second;
    }
    uint32_t labelText(NodeId root, uint32_t edge, PathSteps& paths) {
        auto [it, inserted] = labelTexts.try_emplace(root);
        if (inserted)
            for (const ReferenceEdge& e : referenceEdges(build->graph, root)) it->second.push_back(paths.text(e.label));
        return edge < it->second.size() ? it->second[edge] : paths.text("");
    }

    uint64_t hash(NodeId id) const { return facts->hashes.of(id); }
    TypeTarget resolve(const VersionScope& scope, NodeId named) {
        std::atomic<uint32_t>& slot = facts->resolved[named];
        uint32_t value = slot.load(std::memory_order_relaxed);
        if (value == 0) {
            const TypeTarget found = resolveNamed(scope, build->graph, named);
            value = found.valid() ? found.value + 1 : UINT32_MAX;
            slot.store(value, std::memory_order_relaxed);
        }
        TypeTarget target;
        if (value != UINT32_MAX) target.value = value - 1;
        return target;
    }

    // Targets a symbol's walk has entered: generation stamps per node, cleared in O(1).
    std::vector<uint32_t> seenStamp;
    uint32_t generation = 0;
    std::unordered_set<uint32_t> seenRecords;
    void clearSeen() {
        if (seenStamp.empty()) seenStamp.assign(build->graph.size(), 0);
        if (++generation == 0) {
            std::fill(seenStamp.begin(), seenStamp.end(), 0);
            generation = 1;
        }
        seenRecords.clear();
    }
    bool markSeen(TypeTarget target) {  // false when seen already
        if (target.isRecord()) return seenRecords.insert(target.value).second;
        uint32_t& stamp = seenStamp[target.index()];
        if (stamp == generation) return false;
        stamp = generation;
        return true;
    }
};

// The new-side types of one pair of scopes from which a changed type can be reached: node
// stamps (cleared in O(1) for the next pair), records in a set (kABI type_string rules are few).
class RelevantTypes {
public:
    void reset(size_t nodes) {
        if (stamps_.size() < nodes) stamps_.assign(nodes, 0);
        if (++generation_ == 0) {
            std::fill(stamps_.begin(), stamps_.end(), 0);
            generation_ = 1;
        }
        records_.clear();
    }
    bool insert(uint32_t value) {  // false when present already
        const TypeTarget target{value};
        if (target.isRecord()) return records_.insert(value).second;
        uint32_t& stamp = stamps_[target.index()];
        if (stamp == generation_) return false;
        stamp = generation_;
        return true;
    }
    bool contains(TypeTarget target) const {
        if (target.isRecord()) return records_.count(target.value) != 0;
        return target.index() < stamps_.size() && stamps_[target.index()] == generation_;
    }

private:
    std::vector<uint32_t> stamps_;
    uint32_t generation_ = 0;
    std::unordered_set<uint32_t> records_;
};

// A side of a changed symbol: the file it lives in and its version there.
struct Side {
    const BuildFile* build;
    const SymbolVersion* symbol;
};

// The enums of `scope` with an enumerator named `name`: what a genksyms enum constant (E#name)
// takes its value from, for folding its change under theirs (diff/cross_type_folding.h).
std::vector<std::string> enumsNaming(const BuildFile& build, const VersionScope& scope, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& [key, target] : scope.types) {
        if (key.rfind("e#", 0) != 0 || target.isRecord()) continue;
        for (const Fragment& f : build.graph.fragments(target.index()))
            if (f.kind() == Fragment::Kind::Child && build.graph.node(f.child()).kind == NodeKind::Enumerator &&
                build.graph.node(f.child()).name() == name) {
                out.push_back(key);
                break;
            }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string renderingOf(const BuildFile& build, const VersionScope& scope, TypeTarget target) {
    if (target.isRecord()) return scope.overrides.record(target.index()).rendering();
    return flattenNode(build.graph, target.index(), {}).rendering();
}

// Explains changed symbols, one at a time, with caches that pay off across symbols of the same
// pair of scopes. Each diff thread has its own; their causes are merged afterwards.
class Explainer {
public:
    Explainer(const DiffOptions& options, SharedFacts& facts) : options_(options), facts_(facts) {}

    // Fills `out`'s causes (ids into causes()) and paths, and its first difference if asked.
    // `order` is the symbol's index in the result: the lowest one that finds a cause provides
    // its renderings, as in a sequential run.
    void explain(SymbolDiff& out, size_t order, Side before, Side after);

    // Where a cause was first found (lowest symbol order): its renderings come from there.
    struct Finder {
        size_t order;
        Side before, after;
        TypeTarget a, b;
    };
    const std::vector<Cause>& causes() const { return causes_; }
    const PathSteps& paths() const { return paths_; }
    const std::vector<Finder>& finders() const { return finders_; }

private:
    void explainSymbol(SymbolDiff& out, Side before, Side after);
    TypeTarget resolve(SideCache& cache, const VersionScope& scope, NodeId named);
    // The new-side types of a scope pair from which a changed type can be reached.
    // Computed when the pair of scopes changes: the jobs come grouped by pair (explainAll).
    const RelevantTypes& relevantTypes(Side before, Side after);
    // `nameOf` gives the type's reference name, made only when the two renderings differ.
    std::vector<uint32_t> compareType(Side before, Side after, const std::function<std::string()>& nameOf, TypeTarget a,
                                      TypeTarget b);
    // The record names of named nodes of the new side, typedefs followed to the struct or union
    // they name.
    std::vector<std::string> typeNames(Side after, const std::vector<NodeId>& nodes);
    uint32_t causeFor(const std::string& type, const NodeChange& change, Side before, Side after, TypeTarget a,
                      TypeTarget b);
    SideCache& cacheFor(const BuildFile* build) {
        SideCache& cache = caches_[build];
        if (!cache.build) {
            cache.build = build;
            cache.facts = &facts_.of(build);
        }
        return cache;
    }
    void findFirstDifference(SymbolDiff& out, Side before, Side after);

    const DiffOptions& options_;
    SharedFacts& facts_;
    size_t order_ = 0;  // of the symbol being explained
    std::map<const BuildFile*, SideCache> caches_;
    std::map<const BuildFile*, std::unique_ptr<CrcInputReader>> readers_;
    std::vector<Cause> causes_;    // without renderings: the merge adds them
    std::vector<Finder> finders_;  // parallel to causes_
    PathSteps paths_;              // the symbols' paths; the merge renumbers them
    std::unordered_map<std::string, uint32_t> causeIndex_;
    // (old build, new build, node pair) -> causes found inside that type; for kABI type_string
    // records (old scope, new scope, record pair, name), since records are per scope
    std::map<std::tuple<const void*, const void*, uint64_t, std::string>, std::vector<uint32_t>> typeMemo_;
    std::pair<const VersionScope*, const VersionScope*> relevantPair_{nullptr, nullptr};
    RelevantTypes relevant_;
    std::vector<NodeId> scratchChildren_;
    std::vector<std::pair<TypeTarget, TypeTarget>> scratchPairs_;
    // For the current pair of scopes: a named node's target on the other side (same name).
    struct ScopePairCache {
        std::unordered_map<NodeId, TypeTarget> oldOfNew, newOfOld;
    };
    ScopePairCache pair_;
};

std::string causeKey(const Cause& cause) { return cause.type + '\0' + cause.node + '\0' + cause.description; }

void Explainer::explain(SymbolDiff& out, size_t order, Side before, Side after) {
    order_ = order;
    explainSymbol(out, before, after);
    if (options_.firstDifferences || out.name == options_.firstDifferenceOf) findFirstDifference(out, before, after);
}

uint32_t Explainer::causeFor(const std::string& type, const NodeChange& change, Side before, Side after,
                             TypeTarget a, TypeTarget b) {
    Cause cause;
    cause.type = type;
    cause.node = change.node;
    cause.kind = change.kind;
    cause.description = change.description;
    cause.number = change.number;
    cause.oldNode = change.oldNode;
    cause.newNode = change.newNode;
    cause.oldFile = before.build;
    cause.newFile = after.build;
    for (const NodeChange& folded : change.folded) cause.folded.push_back({folded.node, folded.description, {}, folded.number});
    auto [it, inserted] = causeIndex_.emplace(causeKey(cause), uint32_t(causes_.size()));
    if (inserted) {
        if (change.newNode != kNoNode && !b.isRecord()) {
            if (change.number && change.number->isOffset())
                cause.shiftedBy = typeNames(after, namedTypesHeldBefore(after.build->graph, b.index(), change.newNode));
            else if (change.number && change.number->isByteSize())
                cause.shiftedBy = typeNames(after, namedTypesHeldIn(after.build->graph, change.newNode));
            else if (after.build->graph.node(b.index()).kind == NodeKind::Constant)
                cause.shiftedBy = enumsNaming(*after.build, *after.build->scopes[after.symbol->scope],
                                              after.build->graph.node(b.index()).name());
        }
        causes_.push_back(std::move(cause));
        finders_.push_back({order_, before, after, a, b});
    }
    return it->second;
}

std::vector<uint32_t> Explainer::compareType(Side before, Side after, const std::function<std::string()>& nameOf,
                                             TypeTarget a, TypeTarget b) {
    const VersionScope* oldScope = before.build->scopes[before.symbol->scope].get();
    const VersionScope* newScope = after.build->scopes[after.symbol->scope].get();
    // Nodes identify a rendering across scopes; override records only within theirs.
    const bool byNode = !a.isRecord() && !b.isRecord();
    if (byNode) {
        SideCache& oc = cacheFor(before.build);
        SideCache& nc = cacheFor(after.build);
        if (oc.hash(a.index()) == nc.hash(b.index()))
            return {};
    }
    std::string name = byNode ? std::string() : nameOf();  // records are per scope and name
    auto key = std::make_tuple(byNode ? static_cast<const void*>(before.build) : oldScope,
                               byNode ? static_cast<const void*>(after.build) : newScope,
                               (uint64_t(a.value) << 32) | b.value, name);
    if (auto it = typeMemo_.find(key); it != typeMemo_.end()) return it->second;
    if (byNode) name = nameOf();
    std::vector<uint32_t> found;
    if (a.isRecord() || b.isRecord()) {
        // A kABI type_string rule on either side: compare the texts.
        const std::string ra = renderingOf(*before.build, *oldScope, a);
        const std::string rb = renderingOf(*after.build, *newScope, b);
        if (ra != rb) found.push_back(causeFor(name, {ChangeKind::TypeChanged, "", "rendering changed (kABI type_string rule)", kNoNode, kNoNode, {}, {}}, before, after, a, b));
    } else {  // the hashes differ (checked above)
        SideCache& oc = cacheFor(before.build);
        SideCache& nc = cacheFor(after.build);
        for (const NodeChange& change :
             compareRecords(oc.facts->hashes, a.index(), nc.facts->hashes, b.index()))
            found.push_back(causeFor(name, change, before, after, a, b));
    }
    typeMemo_.emplace(std::move(key), found);
    return found;
}

std::vector<std::string> Explainer::typeNames(Side after, const std::vector<NodeId>& nodes) {
    const TypeGraph& graph = after.build->graph;
    const VersionScope& scope = *after.build->scopes[after.symbol->scope];
    SideCache& cache = cacheFor(after.build);
    std::vector<std::string> names;
    for (NodeId named : nodes) {
        for (unsigned hops = 0; hops < 8; ++hops) {  // t#foo_t -> s#foo
            const TypeTarget target = resolve(cache, scope, named);
            if (!target.valid() || target.isRecord() || graph.node(target.index()).kind != NodeKind::Typedef) {
                names.push_back(graph.referenceName(named));
                break;
            }
            const std::optional<NodeId> type = typeChildOf(graph, target.index());
            const std::optional<NodeId> next = type ? namedTypeHeldBy(graph, *type) : std::nullopt;
            if (!next) {  // the typedef's own rendering holds the type (or it is a pointer)
                names.push_back(graph.referenceName(named));
                break;
            }
            named = *next;
        }
    }
    return names;
}

TypeTarget Explainer::resolve(SideCache& cache, const VersionScope& scope, NodeId named) {
    return cache.resolve(scope, named);
}

const RelevantTypes& Explainer::relevantTypes(Side before, Side after) {
    const VersionScope& oldScope = *before.build->scopes[before.symbol->scope];
    const VersionScope& newScope = *after.build->scopes[after.symbol->scope];
    if (relevantPair_ == std::make_pair(&oldScope, &newScope)) return relevant_;
    relevantPair_ = {&oldScope, &newScope};
    pair_.oldOfNew.clear();
    pair_.newOfOld.clear();
    PhaseTimer timer("diff: relevant types (threads summed)");
    // Once per pair of scopes: which types render differently, and (walking references
    // backwards) which types lead to one. A symbol's walk then never enters a type from which no
    // change can be reached, which is most of a kernel's types.
    SideCache& oc = cacheFor(before.build);
    SideCache& nc = cacheFor(after.build);
    std::vector<std::pair<uint32_t, uint32_t>> referrers;  // (type, a type referring to it), sorted below
    std::vector<uint32_t> changed;
    std::vector<NodeId>& children = scratchChildren_;  // not kept: most types are never walked
    // In node order, not the type map's: a scope's nodes lie together in rendering order, so
    // the walk reads the graph and the hash slots nearly in sequence instead of at random.
    std::vector<std::pair<TypeTarget, TypeTarget>>& pairs = scratchPairs_;  // (new, old or invalid)
    pairs.clear();
    pairs.reserve(newScope.types.size());
    for (const auto& [name, b] : newScope.types) {
        const auto a = oldScope.types.find(name);
        pairs.emplace_back(b, a == oldScope.types.end() ? TypeTarget{} : a->second);
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return x.first.value < y.first.value; });
    for (const auto& [b, a] : pairs) {
        if (!b.isRecord()) {
            children.clear();
            namedChildren(after.build->graph, b.index(), children);
            for (NodeId named : children) {
                const TypeTarget child = resolve(nc, newScope, named);
                if (child.valid()) referrers.emplace_back(child.value, b.value);
            }
        }
        if (!a.valid()) continue;
        const bool differs = a.isRecord() || b.isRecord() || oc.hash(a.index()) != nc.hash(b.index());
        if (differs) changed.push_back(b.value);
    }
    RelevantTypes& relevant = relevant_;
    relevant.reset(after.build->graph.size());
    std::vector<uint32_t> queue;
    for (uint32_t type : changed)
        if (relevant.insert(type)) queue.push_back(type);
    std::sort(referrers.begin(), referrers.end());
    for (size_t q = 0; q < queue.size(); ++q) {
        auto up = std::lower_bound(referrers.begin(), referrers.end(), std::make_pair(queue[q], uint32_t(0)));
        for (; up != referrers.end() && up->first == queue[q]; ++up)
            if (relevant.insert(up->second)) queue.push_back(up->second);
    }
    return relevant;
}

void Explainer::explainSymbol(SymbolDiff& out, Side before, Side after) {
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
        uint32_t edge;  // which of the parent's references (on the named node's side)
        NodeId named;   // the reference's node (new side, or old side), for its name
        bool namedIsNew;
    };
    constexpr uint32_t kNoEdge = UINT32_MAX;
    std::vector<Visit> visits;
    oc.clearSeen();  // a name resolves to one target per side
    nc.clearSeen();
    const RelevantTypes& relevant = relevantTypes(before, after);
    ScopePairCache& pair = pair_;
    std::unordered_set<uint32_t> found;
    auto nameOf = [&](const Visit& v) {
        return v.named == kNoNode ? out.name : (v.namedIsNew ? newGraph : oldGraph).referenceName(v.named);
    };
    // A visit's path as interned steps: its own step last, each parent's step naming the
    // reference followed from it.
    constexpr uint32_t kUnnamed = UINT32_MAX;
    std::vector<uint32_t> nameTexts;
    const uint32_t noText = paths_.text("");
    auto nameText = [&](size_t v) {
        if (nameTexts.size() <= v) nameTexts.resize(visits.size(), kUnnamed);
        if (nameTexts[v] == kUnnamed) nameTexts[v] = paths_.text(nameOf(visits[v]));
        return nameTexts[v];
    };
    auto labelText = [&](const Visit& v) {
        if (v.edge == kNoEdge) return noText;
        const Visit& parent = visits[size_t(v.parent)];
        return v.namedIsNew ? nc.labelText(parent.after.index(), v.edge, paths_) : oc.labelText(parent.before.index(), v.edge, paths_);
    };
    auto pathTo = [&](size_t visit) {
        uint32_t step = paths_.step(nameText(visit), noText, PathSteps::kEnd);
        for (size_t v = visit; visits[v].parent >= 0; v = size_t(visits[v].parent))
            step = paths_.step(nameText(size_t(visits[v].parent)), labelText(visits[v]), step);
        return step;
    };
    auto addCauses = [&](const std::vector<uint32_t>& ids, size_t visit) {
        uint32_t path = PathSteps::kEnd;
        for (uint32_t id : ids) {
            if (!found.insert(id).second) continue;
            if (order_ < finders_[id].order)  // found from the cache by an earlier symbol
                finders_[id] = {order_, before, after, visits[visit].before, visits[visit].after};
            out.causes.push_back(id);
            if (path == PathSteps::kEnd) path = pathTo(visit);
            out.paths.push_back(path);
        }
    };
    auto enter = [&](NodeId named, bool namedIsNew, uint32_t edge, size_t from) {
        TypeTarget a, b;
        // The other side's target of the same name, found by name once per named node.
        auto across = [&](std::unordered_map<NodeId, TypeTarget>& memo, const TypeGraph& graph,
                          const VersionScope& other) {
            auto [it, inserted] = memo.try_emplace(named);
            if (inserted) {
                auto found = other.types.find(graph.referenceName(named));
                if (found != other.types.end()) it->second = found->second;
            }
            return it->second;
        };
        if (namedIsNew) {
            b = resolve(nc, newScope, named);
            if (!b.valid() || !relevant.contains(b) || !nc.markSeen(b)) return;
            a = across(pair.oldOfNew, newGraph, oldScope);
            if (!a.valid() || !oc.markSeen(a)) return;
        } else {
            a = resolve(oc, oldScope, named);
            if (!a.valid() || !oc.markSeen(a)) return;
            b = across(pair.newOfOld, oldGraph, newScope);
            if (!b.valid() || !relevant.contains(b) || !nc.markSeen(b)) return;
        }
        visits.push_back({a, b, int(from), edge, named, namedIsNew});
    };

    visits.push_back({before.symbol->target, after.symbol->target, -1, kNoEdge, kNoNode, true});
    for (size_t v = 0; v < visits.size(); ++v) {
        const Visit visit = visits[v];
        const std::vector<uint32_t> ids =
            compareType(
                before, after, [&] { return v == 0 ? out.name : nameOf(visit); }, visit.before, visit.after);
        addCauses(ids, v);
        if (!visit.after.isRecord()) {
            const std::vector<NodeId>& refs = nc.childrenOf(visit.after.index());
            for (uint32_t e = 0; e < refs.size(); ++e) enter(refs[e], true, e, v);
        }
        const bool differs = !ids.empty() || visit.before.isRecord() || visit.after.isRecord();
        if (differs && !visit.before.isRecord()) {
            const std::vector<NodeId>& refs = oc.childrenOf(visit.before.index());
            for (uint32_t e = 0; e < refs.size(); ++e) enter(refs[e], false, e, v);
        }
    }
}

void Explainer::findFirstDifference(SymbolDiff& out, Side before, Side after) {
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

// The symbols to explain, grouped by the pair of scopes they are versioned in (the explainer's
// caches are per pair), groups in the order of their first symbol.
struct Job {
    size_t order;
    Side before, after;
};

std::vector<std::vector<Job>> groupByScopes(const std::vector<Job>& jobs) {
    std::map<std::tuple<const void*, uint32_t, const void*, uint32_t>, size_t> groupOf;
    std::vector<std::vector<Job>> groups;
    for (const Job& job : jobs) {
        const auto key = std::make_tuple(job.before.build, job.before.symbol->scope, job.after.build, job.after.symbol->scope);
        auto [it, inserted] = groupOf.emplace(key, groups.size());
        if (inserted) groups.emplace_back();
        groups[it->second].push_back(job);
    }
    return groups;
}

unsigned threadCount(const DiffOptions& options, size_t groups) {
    size_t threads = options.threads;
    if (threads == 0) threads = defaultThreads();
    return unsigned(std::max<size_t>(1, std::min<size_t>({threads, groups, 64})));
}

// Explains every job on `threads` explainers. The calling thread explains too, and is the only
// one to report progress and check for cancellation.
std::vector<Explainer> explainAll(std::vector<SymbolDiff>& symbols, const std::vector<Job>& jobs,
                                  std::vector<uint8_t>& explainerOf, SharedFacts& facts, const DiffOptions& options) {
    std::vector<std::vector<Job>> groups = groupByScopes(jobs);
    const unsigned threads = threadCount(options, groups.size());
    // Deterministic balance: the largest groups first, each to the least loaded thread.
    std::vector<size_t> bySize(groups.size());
    for (size_t g = 0; g < groups.size(); ++g) bySize[g] = g;
    std::stable_sort(bySize.begin(), bySize.end(), [&](size_t a, size_t b) { return groups[a].size() > groups[b].size(); });
    std::vector<std::vector<size_t>> assigned(threads);
    std::vector<size_t> load(threads, 0);
    for (size_t g : bySize) {
        const size_t t = size_t(std::min_element(load.begin(), load.end()) - load.begin());
        assigned[t].push_back(g);
        load[t] += groups[g].size();
        for (const Job& job : groups[g]) explainerOf[job.order] = uint8_t(t);
    }

    std::vector<Explainer> explainers;
    explainers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) explainers.emplace_back(options, facts);
    std::atomic<size_t> done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr reportFailure;  // a throwing callback stops the run, threads joined first
    auto report = [&] {
        try {
            if (options.cancelled && options.cancelled()) stop = true;
            if (options.progress) options.progress("comparing symbols", done, jobs.size());
        } catch (...) {
            if (!reportFailure) reportFailure = std::current_exception();
            stop = true;
        }
    };
    auto work = [&](unsigned t) {
        size_t mine = 0;
        for (size_t g : assigned[t])
            for (const Job& job : groups[g]) {
                if (stop) return;
                explainers[t].explain(symbols[job.order], job.order, job.before, job.after);
                ++done;
                if (t == 0 && ++mine % 32 == 0) report();
            }
    };
    std::exception_ptr workFailure;
    try {
        runOnWorkers(threads, work, {&stop, report});  // the helpers' share still running: reports
    } catch (...) {
        workFailure = std::current_exception();
    }
    if (reportFailure) std::rethrow_exception(reportFailure);
    if (workFailure) std::rethrow_exception(workFailure);
    if (stop) throw Cancelled();
    return explainers;
}

// Which tool computed a build's CRCs, when every file says the same (a Module.symvers does not say).
std::optional<Versioning> versioningOf(const Build& build) {
    std::optional<Versioning> found;
    for (const BuildFile& file : build.files) {
        if (file.versioning == Versioning::Recorded) continue;
        if (found && *found != file.versioning) return std::nullopt;
        found = file.versioning;
    }
    return found;
}

const char* versioningName(Versioning versioning) {
    return versioning == Versioning::Genksyms ? "genksyms (from the preprocessed source)" : "gendwarfksyms (from DWARF)";
}

DiffResult compare(const Build& oldBuild, const Build& newBuild, const DiffOptions& options) {
    std::optional<PhaseTimer> setupTimer(std::in_place, "diff: jobs");
    DiffResult result;
    result.oldPath = oldBuild.path;
    result.newPath = newBuild.path;
    const auto oldVersioning = versioningOf(oldBuild), newVersioning = versioningOf(newBuild);
    if (oldVersioning && newVersioning && *oldVersioning != *newVersioning)
        result.notes.push_back(std::string("the old build's CRCs are ") + versioningName(*oldVersioning) +
                               ", the new build's " + versioningName(*newVersioning) +
                               ": the two tools hash different things, so no CRC of one equals the other's");
    std::map<std::string, std::pair<Build::SymbolRef, Build::SymbolRef>> names;
    for (const auto& [name, ref] : oldBuild.symbols) names[name].first = ref;
    for (const auto& [name, ref] : newBuild.symbols) names[name].second = ref;

    // A module name tells files of a build apart; two single files are the same module.
    const bool severalFiles = oldBuild.files.size() > 1 && newBuild.files.size() > 1;
    std::vector<Job> jobs;
    for (const auto& [name, pair] : names) {
        const auto& [before, after] = pair;
        SymbolDiff diff;
        diff.name = name;
        if (before.symbol) diff.oldCrc = before.symbol->crc;
        if (after.symbol) diff.newCrc = after.symbol->crc;
        const BuildFile* home = after.file ? after.file : before.file;
        diff.module = home->module;
        if (before.file && severalFiles) diff.oldModule = before.file->module;
        if (before.symbol && after.symbol) {
            // A side that does not know how its symbol is exported takes the other's word.
            const ExportInfo& oldInfo = before.symbol->info.declarationKnown ? before.symbol->info : after.symbol->info;
            const ExportInfo& newInfo = after.symbol->info.declarationKnown ? after.symbol->info : before.symbol->info;
            diff.oldNamespace = oldInfo.nameSpace;
            diff.newNamespace = newInfo.nameSpace;
            diff.oldExportType = oldInfo.exportType;
            diff.newExportType = newInfo.exportType;
        }
        if (!before.symbol) {
            diff.status = SymbolStatus::Added;
        } else if (!after.symbol) {
            diff.status = SymbolStatus::Removed;
        } else if (before.symbol->crc == after.symbol->crc && before.symbol->hasCrc == after.symbol->hasCrc) {
            diff.status = SymbolStatus::Unchanged;
        } else {
            diff.status = SymbolStatus::Changed;
            using U = SymbolDiff::Unexplained;
            if (!before.symbol->hasCrc) diff.unexplained = U::NoDwarfOld;
            else if (!after.symbol->hasCrc) diff.unexplained = U::NoDwarfNew;
            else if (!before.symbol->hasTypes() && !after.symbol->hasTypes()) diff.unexplained = U::NoTypesEither;
            else if (!before.symbol->hasTypes()) diff.unexplained = U::NoTypesOld;
            else if (!after.symbol->hasTypes()) diff.unexplained = U::NoTypesNew;
            else jobs.push_back({result.symbols.size(), {before.file, before.symbol}, {after.file, after.symbol}});
        }
        result.symbols.push_back(std::move(diff));
    }
    std::vector<uint8_t> explainerOf(result.symbols.size(), 0);
    setupTimer.reset();
    std::optional<PhaseTimer> explainTimer(std::in_place, "diff: explain");
    SharedFacts facts;  // declared first: destroyed after the explainers that point into it
    const std::vector<Explainer> explainers = explainAll(result.symbols, jobs, explainerOf, facts, options);
    explainTimer.reset();
    PhaseTimer mergeTimer("diff: merge, fold, rank");

    // One table of path steps; the symbols' path ids renumbered into it.
    for (size_t e = 0; e < explainers.size(); ++e) {
        const std::vector<uint32_t> ids = result.paths.merge(explainers[e].paths());
        for (size_t s = 0; s < result.symbols.size(); ++s)
            if (explainerOf[s] == e)
                for (uint32_t& path : result.symbols[s].paths) path = ids[path];
    }

    // Merge the explainers' causes by identity, in symbol order: a cause's renderings come from
    // the first symbol that found it, whichever thread explained it.
    std::vector<Cause> causes;
    std::unordered_map<std::string, uint32_t> causeIndex;
    for (size_t s = 0; s < result.symbols.size(); ++s) {
        const Explainer& explainer = explainers[explainerOf[s]];
        for (uint32_t& id : result.symbols[s].causes) {
            const Cause& local = explainer.causes()[id];
            auto [it, inserted] = causeIndex.emplace(causeKey(local), uint32_t(causes.size()));
            if (inserted) {
                Cause cause = local;
                const Explainer::Finder& finder = explainer.finders()[id];
                cause.oldRendering = renderingOf(*finder.before.build, *finder.before.build->scopes[finder.before.symbol->scope], finder.a);
                cause.newRendering = renderingOf(*finder.after.build, *finder.after.build->scopes[finder.after.symbol->scope], finder.b);
                causes.push_back(std::move(cause));
            }
            id = it->second;
        }
    }

    for (SymbolDiff& symbol : result.symbols)  // walked, and no type change found (kABI rules, ...)
        if (symbol.status == SymbolStatus::Changed && symbol.causes.empty() && symbol.unexplained == SymbolDiff::Unexplained::No)
            symbol.unexplained = SymbolDiff::Unexplained::NoTypeChange;

    foldAcrossTypes(causes, result.symbols);

    // Rank causes by how many symbols they affect, then by how near their symbols they sit (a
    // change in a function's own parameter before one deep in a struct it reaches); renumber
    // 1..n in that order.
    std::vector<bool> ranked(causes.size(), false);
    for (size_t s = 0; s < result.symbols.size(); ++s) {
        const SymbolDiff& symbol = result.symbols[s];
        for (size_t i = 0; i < symbol.causes.size(); ++i) {
            Cause& cause = causes[symbol.causes[i]];
            cause.symbols.push_back(uint32_t(s));
            const auto hops = uint32_t(result.paths.hops(symbol.paths[i]));
            if (!ranked[symbol.causes[i]] || hops < cause.hops) cause.hops = hops;
            ranked[symbol.causes[i]] = true;
        }
    }
    std::vector<uint32_t> order(causes.size());
    std::vector<std::string> titles(causes.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        order[i] = i;
        titles[i] = causes[i].title();
    }
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        if (causes[a].symbols.size() != causes[b].symbols.size()) return causes[a].symbols.size() > causes[b].symbols.size();
        if (causes[a].hops != causes[b].hops) return causes[a].hops < causes[b].hops;
        return titles[a] < titles[b];
    });
    std::vector<uint32_t> rank(causes.size());
    for (uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        result.causes.push_back(std::move(causes[order[r]]));
        result.causes.back().id = r + 1;
    }
    for (auto& symbol : result.symbols) {
        for (auto& id : symbol.causes) id = rank[id] + 1;
        // Present a symbol's causes in rank order, paths alongside.
        std::vector<size_t> idx(symbol.causes.size());
        for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return symbol.causes[a] < symbol.causes[b]; });
        std::vector<uint32_t> causes;
        std::vector<uint32_t> paths;
        for (size_t i : idx) {
            causes.push_back(symbol.causes[i]);
            paths.push_back(symbol.paths[i]);
        }
        symbol.causes = std::move(causes);
        symbol.paths = std::move(paths);
        switch (symbol.status) {
        case SymbolStatus::Changed: ++result.summary.changed; break;
        case SymbolStatus::Added: ++result.summary.added; break;
        case SymbolStatus::Removed: ++result.summary.removed; break;
        case SymbolStatus::Unchanged: ++result.summary.unchanged; break;
        }
        if (symbol.exportChanged()) ++result.summary.exportChanged;
    }
    return result;
}

}  // namespace

std::string unexplainedText(const SymbolDiff& symbol) {
    using U = SymbolDiff::Unexplained;
    switch (symbol.unexplained) {
    case U::No: return {};
    case U::NoDwarfOld: return "no DWARF for it in the old build (CRC 0)";
    case U::NoDwarfNew: return "no DWARF for it in the new build (CRC 0)";
    case U::NoTypesOld: return "the old build has no types for it (CRCs only): the CRC changed, the cause cannot be named";
    case U::NoTypesNew: return "the new build has no types for it (CRCs only): the CRC changed, the cause cannot be named";
    case U::NoTypesEither: return "neither build has types for it (CRCs only)";
    case U::NoTypeChange: return "its types render the same on both sides";
    }
    return {};
}

DiffResult diffBuilds(const Build& oldBuild, const Build& newBuild, const DiffOptions& options) {
    PhaseTimer timer("diff");
    return compare(oldBuild, newBuild, options);
}

}  // namespace kabiscope
