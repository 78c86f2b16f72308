#include "version/object_versioner.h"

#include <algorithm>
#include <cstring>

#include "base/error.h"
#include "exports/export_list.h"
#include "base/phase_timer.h"
#include "dwarf/die_access.h"
#include "dwarf/die_renderer.h"
#include "dwarf/fqn_resolver.h"
#include "dwarf/dwarf_file.h"
#include "kabi/kabi_rules.h"
#include "output/gendwarfksyms_order.h"
#include "version/crc_expander.h"

namespace kabiscope {

namespace {

bool isPointerName(const char* name) {
    return name && std::strncmp(name, kSymbolPointerPrefix.data(), kSymbolPointerPrefix.size()) == 0;
}

}  // namespace

ObjectVersioner::ObjectVersioner(const DwarfFile& file, FqnResolver& fqns, DieRenderer& renderer,
                                 std::vector<ExportInfo> exports,
                                 const std::unordered_map<std::string, AliasKey>& aliasKeys,
                                 ObjectVersionerOptions options)
    : file_(file), path_(file.path()), fqns_(fqns), renderer_(renderer), options_(options) {
    exports_.reserve(exports.size());
    for (auto& info : exports) {
        Export e;
        e.info = std::move(info);
        if (auto it = aliasKeys.find(e.info.name); it != aliasKeys.end()) e.key = it->second;
        exports_.push_back(std::move(e));
    }
    std::vector<std::string_view> names;
    for (size_t i = 0; i < exports_.size(); ++i) {
        byName_.emplace(exports_[i].info.name, i);
        names.push_back(exports_[i].info.name);
        if (exports_[i].key) groups_[*exports_[i].key].push_back(i);
    }
    hashOrder_ = gendwarfksymsOrder(names);
    hashRank_.resize(hashOrder_.size());
    for (size_t rank = 0; rank < hashOrder_.size(); ++rank) hashRank_[hashOrder_[rank]] = rank;
}

template <typename Visit>
void ObjectVersioner::forGroup(size_t index, Visit&& visit) {
    if (!exports_[index].key) {
        visit(exports_[index]);
        return;
    }
    for (size_t member : groups_[*exports_[index].key]) visit(exports_[member]);
}

// gendwarfksyms' symbol_get: the export of that name, if it or an alias is still unbound.
std::optional<size_t> ObjectVersioner::unprocessed(const char* name) {
    if (!name || !*name) return std::nullopt;
    // Every unit declares the functions it calls, so the same names come back thousands of
    // times; the linker merged them into one string each, so the string's address is a key.
    const uint64_t key = reinterpret_cast<uintptr_t>(name);
    uint32_t index = exportOfName_.find(key);
    if (index == OffsetMap::kMissing) {
        std::string_view lookup(name);
        if (isPointerName(name)) lookup.remove_prefix(kSymbolPointerPrefix.size());
        const auto it = byName_.find(lookup);
        index = it == byName_.end() ? kNotExported : uint32_t(it->second);
        exportOfName_.insert(key, index);
    }
    if (index == kNotExported) return std::nullopt;
    bool open = false;
    forGroup(index, [&](Export& e) { open = open || e.state == State::Unprocessed; });
    return open ? std::optional<size_t>(index) : std::nullopt;
}

void ObjectVersioner::addUnit(Dwarf_Die unit, const std::vector<Dwarf_Die>* candidates) {
    // Pass 1 (names) and the search for candidates are one walk; binding waits until the whole
    // unit's names are known, as gendwarfksyms runs pass 2 after pass 1.
    std::vector<Dwarf_Die> collected;
    {
        PhaseTimer timer("fqn walk");
        const std::function<void(Dwarf_Die&)> collect = [&](Dwarf_Die& die) { collected.push_back(die); };
        fqns_.addUnit(unit, candidates ? nullptr : &collect);  // once per unit: addUnit checks
    }
    PhaseTimer timer("match and render");
    for (Dwarf_Die die : candidates ? *candidates : collected) matchCandidate(die);
    // Pass 3: exports still unbound but seen through a __gendwarfksyms_ptr_ pointer, in
    // gendwarfksyms' symbol order (only those with a pointer need looking at).
    if (withPointer_.empty()) return;
    std::sort(withPointer_.begin(), withPointer_.end(), [&](size_t a, size_t b) { return hashRank_[a] < hashRank_[b]; });
    for (size_t index : withPointer_)
        if (exports_[index].state == State::Unprocessed) bind(index, *exports_[index].pointer);
    withPointer_.clear();
}

void ObjectVersioner::matchCandidate(Dwarf_Die& die) {
    // The type comes from the abstract origin when there is one; the name is tried on the DIE
    // first, then on the origin (spec §4).
    Dwarf_Die origin;
    Dwarf_Die source = die;
    const bool hasOrigin = die::reference(&die, DW_AT_abstract_origin, &origin);
    if (hasOrigin) source = origin;
    std::optional<size_t> match = unprocessed(die::symbolName(&die));
    if (!match && hasOrigin) match = unprocessed(die::symbolName(&source));
    if (!match) return;
    if (isPointerName(die::symbolName(&source)))
        rememberPointer(*match, source);
    else
        bind(*match, source);
}

void ObjectVersioner::rememberPointer(size_t index, Dwarf_Die& source) {
    const char* name = die::symbolName(&source);
    Dwarf_Die pointer;
    if (!die::reference(&source, DW_AT_type, &pointer) || dwarf_tag(&pointer) != DW_TAG_pointer_type)
        fail(path_, name, " must be a pointer type");
    Dwarf_Die pointee;
    if (!die::reference(&pointer, DW_AT_type, &pointee)) fail(path_, name, " pointer missing a type attribute");
    const Dwarf_Die remembered = dwarf_tag(&pointee) == DW_TAG_subroutine_type ? pointee : pointer;
    forGroup(index, [&](Export& e) {
        e.pointer = remembered;
        withPointer_.push_back(size_t(&e - exports_.data()));
    });
}

void ObjectVersioner::bind(size_t index, Dwarf_Die die) {
    forGroup(index, [](Export& e) { e.state = State::Mapped; });
    const NodeId node = renderer_.renderSymbol(die);
    forGroup(index, [&](Export& e) { e.node = node; });
    boundInUnit_.push_back(index);
}

void ObjectVersioner::addUnitAsRecords(Dwarf_Die unit, TypeGraph& graph, CrcWorkspace& work,
                                       const std::vector<Dwarf_Die>* candidates) {
    asRecords_ = true;
    const TypeGraph::Checkpoint mark = graph.checkpoint();
    boundInUnit_.clear();
    addUnit(unit, candidates);
    if (renderer_.renderedOutsideHome()) throw NeedsAllUnitsTypes{};
    {
        PhaseTimer timer("type map");
        keepUnitRecords(graph, NodeId(mark.nodes), work);
    }
    graph.rollback(mark);
    renderer_.forgetRenderedDies();
}

void ObjectVersioner::keepUnitRecords(const TypeGraph& graph, NodeId firstNode, CrcWorkspace& work) {
    // Records outlive the nodes: they keep names, never node ids. Symbols' records are named
    // after the export, which no type name can be (those have a "s#"-style prefix).
    auto detached = [](Record record) {
        record.root = kNoNode;
        for (auto& reference : record.references) reference.node = kNoNode;
        return record;
    };
    work.lengths.reset(firstNode);
    const KabiRules* rules = options_.rules;
    std::string key;
    for (NodeId id = firstNode; id < graph.size(); ++id) {
        if (!graph.isNamedType(id)) continue;
        const TypeNode& node = graph.node(id);
        // Names are mostly views into the merged .debug_str, the same string in every unit:
        // its address (and the prefix) finds the entry without hashing the name.
        const uint64_t address = reinterpret_cast<uintptr_t>(node.name().data()) ^ (uint64_t(node.name().size()) << 48) ^
                                 (uint64_t(uint8_t(referencePrefix(node.kind))) << 56);
        uint32_t slot = bestOfName_.find(address);
        bool first = false;
        if (slot != OffsetMap::kMissing) {  // the key mixes bits: make sure it is this name
            const std::string& known = best_[slot].first;
            if (known[0] != referencePrefix(node.kind) || std::string_view(known).substr(1) != node.name()) slot = OffsetMap::kMissing;
        }
        if (slot == OffsetMap::kMissing) {
            key.assign(1, referencePrefix(node.kind));
            key += node.name();
            auto [it, inserted] = bestIndex_.try_emplace(key, uint32_t(best_.size()));
            if (inserted) best_.push_back({key, {}});
            first = inserted;
            slot = it->second;
            bestOfName_.insert(address, slot);
        }
        Best& best = best_[slot].second;
        if (best.fixed) continue;
        first = first || best.record == kNoRecord;
        if (first && rules)
            if (const std::string reference = makeReferenceName(best_[slot].first[0], node.name());
                const std::string* value = rules->typeString(reference)) {
                best.record = records_.offer(parseTypeString(path_, reference, *value));
                best.fixed = true;
                continue;
            }
        const size_t length = renderingLength(graph, id, work.lengths);
        if (!first && length <= best.length) continue;
        best.length = uint32_t(length);
        best.record = records_.offer(detached(flattenNode(graph, id, makeReferenceName(best_[slot].first[0], node.name()))));
    }
    for (size_t index : boundInUnit_) {
        Export& e = exports_[index];
        if (e.record != kNoRecord) continue;  // an alias of an export already kept
        // A type_string rule for the export itself: finish() takes the rule's record instead.
        const bool ruled = rules && rules->typeString(e.info.name);
        const RecordId record = ruled ? kNoRecord : records_.offer(detached(flattenNode(graph, e.node, e.info.name)));
        forGroup(index, [&](Export& member) {
            member.record = record;
            member.node = kNoNode;
        });
    }
}

void ObjectVersioner::buildTypeMap(const TypeGraph& graph, VersionScope& scope, CrcWorkspace& work) {
    // gendwarfksyms' die_map for this scope is every node its exports reach, which is every node
    // rendered for the scope: rendering only ever starts at an export's DIE.
    std::vector<NodeId> named;
    for (NodeId id = scope.firstNode; id < graph.size(); ++id)
        if (graph.isNamedType(id)) named.push_back(id);

    // Longest rendering wins; the first (in DIE rendering order) on a tie. Lengths are only
    // needed where a name has several renderings (rare in one unit, common in a whole vmlinux).
    // Names are grouped by (prefix, name) views first, so the reference string is built once per
    // name rather than once per rendering (a whole vmlinux has a rendering per unit).
    const KabiRules* rules = options_.rules;
    struct Name {
        TypeTarget* target;  // its entry in scope.types (map nodes are stable)
        bool fixed;          // a type_string rule defines it: no rendering competes
    };
    std::unordered_map<std::string, Name> byName;  // key: prefix letter + name
    std::string key;
    std::vector<const TypeTarget*> targetOf;  // per named node: its name's entry
    targetOf.reserve(named.size());
    for (NodeId id : named) {
        const TypeNode& node = graph.node(id);
        key.assign(1, referencePrefix(node.kind));
        key += node.name();
        auto found = byName.find(key);
        if (found == byName.end()) {
            std::string reference = makeReferenceName(key[0], node.name());
            Name name{nullptr, false};
            if (const std::string* value = rules ? rules->typeString(reference) : nullptr) {
                const RecordId record = scope.overrides.offer(parseTypeString(path_, reference, *value));
                name = {&scope.types.emplace(std::move(reference), TypeTarget::record(record)).first->second, true};
            } else {
                name.target = &scope.types.emplace(std::move(reference), TypeTarget::node(id)).first->second;
            }
            found = byName.emplace(key, name).first;
        } else if (!found->second.fixed &&
                   renderingLength(graph, id, work.lengths) > renderingLength(graph, found->second.target->index(), work.lengths)) {
            *found->second.target = TypeTarget::node(id);
        }
        targetOf.push_back(found->second.target);
    }
    scope.namedTargets.reserve(named.size());
    for (size_t i = 0; i < named.size(); ++i) scope.namedTargets.emplace_back(named[i], *targetOf[i]);
}

void ObjectVersioner::finish(BuildFile& build, std::string label, NodeId firstNode, CrcWorkspace& work) {
    auto scopeOwner = std::make_unique<VersionScope>();
    VersionScope& scope = *scopeOwner;
    scope.label = std::move(label);
    scope.firstNode = firstNode;
    work.reset(firstNode, NodeId(build.graph.size()));
    const uint32_t scopeIndex = uint32_t(build.scopes.size());
    if (asRecords_) {
        for (const auto& [key, best] : best_)
            scope.types.emplace(makeReferenceName(key[0], std::string_view(key).substr(1)), TypeTarget::record(best.record));
        best_.clear();
        bestIndex_.clear();
        scope.overrides = std::move(records_);
    } else {
        PhaseTimer timer("type map");
        buildTypeMap(build.graph, scope, work);
    }

    PhaseTimer crcTimer("crc");
    const KabiRules* rules = options_.rules;
    // Sharing expansions pays off only when several symbols of the scope are hashed.
    const size_t toHash = size_t(std::count_if(hashOrder_.begin(), hashOrder_.end(),
                                               [&](size_t index) { return exports_[index].state == State::Mapped; }));
    CrcExpander expander(build.graph, scope, rules, path_, work, toHash > 1 && !options_.captureCrcInput);
    for (size_t index : hashOrder_) {
        Export& e = exports_[index];
        if (e.state == State::Unprocessed) continue;
        e.target = asRecords_ ? TypeTarget::record(e.record) : TypeTarget::node(e.node);
        if (rules)
            if (const std::string* value = rules->typeString(e.info.name))
                e.target = TypeTarget::record(scope.overrides.offer(parseTypeString(path_, e.info.name, *value)));
        if (e.state == State::Processed) continue;
        std::string* capture = nullptr;
        if (options_.captureCrcInput) {
            scope.crcInputs.emplace_back(e.info.name, std::string());
            capture = &scope.crcInputs.back().second;
        }
        const uint32_t crc = expander.crc(e.target, e.info.name, capture);
        forGroup(index, [&](Export& member) {
            member.crc = crc;
            member.state = State::Processed;
        });
    }

    for (Export& e : exports_) {
        SymbolVersion version;
        version.info = std::move(e.info);
        version.hasCrc = e.state == State::Processed;
        version.crc = e.crc;
        version.scope = scopeIndex;
        version.target = e.target;
        build.symbols.push_back(std::move(version));
    }
    build.scopes.push_back(std::move(scopeOwner));
}

}  // namespace kabiscope
