#include "diff/node_compare.h"

#include "diff/consequence_folding.h"

#include <functional>
#include <map>
#include <string>
#include <optional>

#include "base/limits.h"
#include "graph/reference_edges.h"
#include "model/type_facts.h"
#include "model/type_table.h"

namespace kabiscope {

const char* changeKindName(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added: return "added";
    case ChangeKind::Removed: return "removed";
    case ChangeKind::TypeChanged: return "type changed";
    case ChangeKind::Renamed: return "renamed";
    case ChangeKind::AttributeChanged: return "attribute changed";
    case ChangeKind::SizeChanged: return "size changed";
    case ChangeKind::ValueChanged: return "value changed";
    case ChangeKind::Definition: return "definition changed";
    case ChangeKind::KindChanged: return "kind changed";
    }
    return "changed";
}

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

void mix(uint64_t& h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
}

// A C-like spelling of a type for descriptions: "unsigned int", "const char *", "struct foo",
// "u64", "int[4]". Exact renderings stay available in the reports.
std::string prettyType(const TypeGraph& graph, NodeId id, unsigned depth = 0) {
    if (depth > 32) return "...";
    const TypeNode& n = graph.node(id);
    if (graph.isNamedType(id)) {
        std::string name(n.name());
        switch (n.kind) {
        case NodeKind::Structure:
        case NodeKind::Class: return "struct " + name;
        case NodeKind::Union: return "union " + name;
        case NodeKind::Enumeration: return "enum " + name;
        default: return name;
        }
    }
    std::optional<NodeId> inner;
    std::vector<NodeId> parameters;
    std::string bounds;
    for (const Fragment& f : graph.fragments(id)) {
        if (f.kind() == Fragment::Kind::Child) {
            const NodeKind kind = graph.node(f.child()).kind;
            if (kind == NodeKind::Parameter)
                parameters.push_back(f.child());
            else if (kind == NodeKind::Subrange)
                bounds += shortRendering(graph, f.child(), 40);
            else
                inner = f.child();
        }
    }
    const std::string target = inner ? prettyType(graph, *inner, depth + 1) : std::string("void");
    switch (n.kind) {
    case NodeKind::BaseType: return std::string(n.name());
    case NodeKind::Modifier: {
        if (!n.name().empty()) return std::string(n.name());  // Rust names its pointers: "&Foo"
        const std::string_view keyword = n.keyword();
        if (keyword == "pointer_type") {
            if (inner && graph.node(*inner).kind == NodeKind::Subroutine) return "pointer to " + target;
            return target + " *";
        }
        if (keyword == "const_type") return "const " + target;
        if (keyword == "volatile_type") return "volatile " + target;
        if (keyword == "restrict_type") return target + " restrict";
        return std::string(keyword.substr(0, keyword.size() - 5)) + " " + target;
    }
    case NodeKind::Array: return target + bounds;
    case NodeKind::Subroutine: {
        std::string text = "function(";
        for (size_t i = 0; i < parameters.size(); ++i) {
            auto type = std::optional<NodeId>();
            for (const Fragment& f : graph.fragments(parameters[i]))
                if (f.kind() == Fragment::Kind::Child) {
                    type = f.child();
                    break;
                }
            text += (i ? ", " : "") + (type ? prettyType(graph, *type, depth + 1) : std::string("void"));
        }
        return text + ") -> " + target;
    }
    case NodeKind::Structure:
    case NodeKind::Class: return "struct { ... }";
    case NodeKind::Union: return "union { ... }";
    case NodeKind::Enumeration: return "enum { ... }";
    case NodeKind::Unspecified: return "unspecified type";
    default: return shortRendering(graph, id);
    }
}

// One side of a comparison: a graph and its hash memo.
struct Side {
    const TypeGraph& graph;
    const RenderingHashes& hashes;

    const TypeNode& node(NodeId id) const { return graph.node(id); }
    // Hash of a child as it appears inside its parent's record: named types by reference name.
    uint64_t tokenHash(NodeId id) const {
        if (graph.isNamedType(id)) {
            uint64_t h = kFnvOffset;
            mix(h, graph.referenceName(id));
            return h;
        }
        return hashes.of(id);
    }
    // The items that are written: an enumerator a kABI rule ignores stays in the graph as an
    // empty node, and is no item of the rendering (nor a change).
    std::vector<NodeId> items(NodeId id) const {
        std::vector<NodeId> out = itemsOf(graph, id);
        std::erase_if(out, [&](NodeId item) { return graph.fragments(item).empty(); });
        return out;
    }
    // The type a member, parameter, typedef, modifier or variable refers to: its first child
    // that is not a list item; for a function, the last such child (after "->").
    std::optional<NodeId> typeChild(NodeId id, bool last = false) const {
        std::optional<NodeId> found;
        for (const Fragment& f : graph.fragments(id)) {
            if (f.kind() != Fragment::Kind::Child || isListItem(graph.node(f.child()).kind)) continue;
            found = f.child();
            if (!last) break;
        }
        return found;
    }
    std::map<NumberLabel, uint64_t> numbers(NodeId id) const { return numbersOf(graph, id); }
    std::string typeText(std::optional<NodeId> type) const {
        if (!type) return "void";
        return prettyType(graph, *type);
    }
    // Not expanded: a declaration, a private (.c) definition or a declonly rule.
    bool isExpanded(NodeId id) const { return kabiscope::isExpanded(graph, id); }
};

const char* numberName(NumberLabel label) {
    switch (label) {
    case NumberLabel::ByteSize: return "byte_size";
    case NumberLabel::Encoding: return "encoding";
    case NumberLabel::Alignment: return "alignment";
    case NumberLabel::Accessibility: return "accessibility";
    case NumberLabel::BitSize: return "bit_size";
    case NumberLabel::DataBitOffset: return "bit offset";
    case NumberLabel::DataMemberLocation: return "offset";
    case NumberLabel::DiscrValue: return "discriminant";
    case NumberLabel::Bound: return "bound";
    case NumberLabel::Plain: return "value";
    }
    return "value";
}

std::string optionalNumber(const std::map<NumberLabel, uint64_t>& numbers, NumberLabel label) {
    auto it = numbers.find(label);
    return it == numbers.end() ? std::string("none") : std::to_string(it->second);
}

class Comparer {
public:
    Comparer(Side oldSide, Side newSide) : old_(oldSide), new_(newSide) {}

    std::vector<NodeChange> compareRoots(NodeId a, NodeId b) {
        if (old_.hashes.of(a) == new_.hashes.of(b)) return {};
        const TypeNode& na = old_.node(a);
        const TypeNode& nb = new_.node(b);
        if (na.kind != nb.kind || na.keyword() != nb.keyword()) {
            add(ChangeKind::KindChanged, "",
                std::string("changed from ") + std::string(na.keyword()) + " to " + std::string(nb.keyword()), a, b);
            return std::move(changes_);
        }
        switch (nb.kind) {
        case NodeKind::Structure:
        case NodeKind::Class:
        case NodeKind::Union:
        case NodeKind::Enumeration: compareAggregate(a, b, ""); break;
        case NodeKind::Symbol:
            if (nb.keyword() == "subprogram" || nb.keyword() == "function")  // gendwarfksyms', genksyms'
                compareFunction(a, b);
            else
                compareTypePart(a, b, "type", false);
            break;
        case NodeKind::Constant:  // genksyms' E#: its value is an expression of the enum before it
            add(ChangeKind::ValueChanged, "",
                "value changed from " + shortRendering(old_.graph, a) + " to " + shortRendering(new_.graph, b), a, b);
            break;
        default: compareTypePart(a, b, "type", false); break;
        }
        if (changes_.empty())  // differs only in layout of text the rules above do not name
            add(ChangeKind::TypeChanged, "", "rendering changed", a, b);
        return std::move(changes_);
    }

private:
    void add(ChangeKind kind, std::string node, std::string description, NodeId a, NodeId b) {
        changes_.push_back({kind, std::move(node), std::move(description), a, b, {}, {}});
    }
    // "<name> changed from X to Y" for number `label`, with the numbers themselves kept.
    void addNumber(ChangeKind kind, std::string node, NumberLabel label, const std::map<NumberLabel, uint64_t>& before,
                   const std::map<NumberLabel, uint64_t>& after, NodeId a, NodeId b) {
        auto value = [label](const std::map<NumberLabel, uint64_t>& numbers) -> std::optional<uint64_t> {
            const auto it = numbers.find(label);
            return it == numbers.end() ? std::nullopt : std::optional<uint64_t>(it->second);
        };
        add(kind, std::move(node),
            std::string(numberName(label)) + " changed from " + optionalNumber(before, label) + " to " + optionalNumber(after, label), a, b);
        changes_.back().number = NumberChange{label, value(before), value(after)};
    }

    static std::string join(const std::string& prefix, const std::string& label) {
        return prefix.empty() ? label : prefix + "." + label;
    }

    // Labels shared with paths and trees (graph/reference_edges.h): items are numbered per kind,
    // unnamed members among the unnamed.
    static std::vector<std::string> labelsOf(const Side& side, const std::vector<NodeId>& items) {
        std::vector<std::string> labels;
        size_t positions[32] = {};
        size_t unnamed = 0;
        for (NodeId id : items) {
            const TypeNode& n = side.node(id);
            const bool unnamedMember = n.kind == NodeKind::Member && n.name().empty();
            labels.push_back(itemLabel(n, positions[size_t(n.kind) % 32]++, unnamed));
            if (unnamedMember) ++unnamed;
        }
        return labels;
    }

    void compareAggregate(NodeId a, NodeId b, const std::string& prefix) {
        const bool expandedA = old_.isExpanded(a);
        const bool expandedB = new_.isExpanded(b);
        if (expandedA != expandedB) {
            add(ChangeKind::Definition, prefix,
                expandedB ? "declaration-only became a full definition" : "full definition became declaration-only", a,
                b);
            return;
        }
        const auto numbersA = old_.numbers(a);
        const auto numbersB = new_.numbers(b);
        for (NumberLabel label : {NumberLabel::ByteSize, NumberLabel::Alignment}) {
            if (optionalNumber(numbersA, label) != optionalNumber(numbersB, label))
                addNumber(ChangeKind::SizeChanged, prefix, label, numbersA, numbersB, a, b);
        }
        compareItemLists(old_.items(a), new_.items(b), prefix, old_.node(a).kind != NodeKind::Enumeration);
    }

    // Items are matched by name; unnamed ones by their position among the unnamed.
    void compareItemLists(const std::vector<NodeId>& as, const std::vector<NodeId>& bs, const std::string& prefix,
                          bool reportTypes) {
        const auto labelsA = labelsOf(old_, as);
        const auto labelsB = labelsOf(new_, bs);
        std::map<std::string, size_t> byKey;
        for (size_t i = 0; i < as.size(); ++i) byKey.emplace(labelKey(labelsA[i]), i);
        constexpr size_t kNone = SIZE_MAX;
        std::vector<size_t> match(bs.size(), kNone);  // the old item of each new one
        for (size_t j = 0; j < bs.size(); ++j) {
            auto it = byKey.find(labelKey(labelsB[j]));
            if (it == byKey.end()) continue;
            match[j] = it->second;
            byKey.erase(it);
        }
        std::vector<size_t> removed;
        removed.reserve(byKey.size());
        for (const auto& [k, i] : byKey) removed.push_back(i);  // in label order, as reported
        // A named item gone and another come with the same rendering but its name (the same
        // type at the same offset, or the same value) is one change, a rename.
        std::vector<bool> renamed(bs.size(), false);
        for (size_t j = 0; j < bs.size(); ++j) {
            if (match[j] != kNone) continue;
            const auto it = std::find_if(removed.begin(), removed.end(), [&](size_t i) { return isRename(as[i], bs[j]); });
            if (it == removed.end()) continue;
            match[j] = *it;
            renamed[j] = true;
            removed.erase(it);
        }
        // In the new side's order: folding takes a change before the later members it moved.
        for (size_t j = 0; j < bs.size(); ++j) {
            if (match[j] == kNone)
                add(ChangeKind::Added, join(prefix, labelsB[j]), describeItem(new_, bs[j], "added"), kNoNode, bs[j]);
            else if (renamed[j])
                add(ChangeKind::Renamed, join(prefix, labelsB[j]),
                    describeItem(new_, bs[j], ("renamed from " + std::string(old_.node(as[match[j]]).name())).c_str()),
                    as[match[j]], bs[j]);
            else
                compareItem(as[match[j]], bs[j], join(prefix, labelsB[j]), reportTypes);
        }
        for (size_t i : removed)
            add(ChangeKind::Removed, join(prefix, labelsA[i]), describeItem(old_, as[i], "removed"), as[i], kNoNode);
    }

    // Two named members or enumerators that differ in their name only.
    bool isRename(NodeId a, NodeId b) const {
        const TypeNode& na = old_.node(a);
        const TypeNode& nb = new_.node(b);
        if (na.kind != nb.kind || (nb.kind != NodeKind::Member && nb.kind != NodeKind::Enumerator)) return false;
        if (na.name().empty() || nb.name().empty()) return false;
        if (old_.numbers(a) != new_.numbers(b)) return false;
        if (nb.kind == NodeKind::Enumerator) return true;
        const auto ta = old_.typeChild(a);
        const auto tb = new_.typeChild(b);
        return ta && tb && old_.tokenHash(*ta) == new_.tokenHash(*tb);
    }

    std::string describeItem(const Side& side, NodeId id, const char* what) const {
        const std::string facts = itemFacts(side, id);
        return facts.empty() ? std::string(what) : std::string(what) + " " + facts;
    }
    // "(long unsigned int at offset 8)" for a member, "(= 3)" for an enumerator, else "".
    std::string itemFacts(const Side& side, NodeId id) const {
        const TypeNode& n = side.node(id);
        if (n.kind == NodeKind::Member || n.kind == NodeKind::Parameter) {
            std::string text = "(" + side.typeText(side.typeChild(id));
            const auto numbers = side.numbers(id);
            if (auto it = numbers.find(NumberLabel::DataMemberLocation); it != numbers.end())
                text += " at offset " + std::to_string(it->second);
            return text + ")";
        }
        if (n.kind == NodeKind::Enumerator) {
            const auto numbers = side.numbers(id);
            if (auto it = numbers.find(NumberLabel::Plain); it != numbers.end()) return "(= " + std::to_string(it->second) + ")";
        }
        return {};
    }

    void compareItem(NodeId a, NodeId b, const std::string& label, bool reportTypes) {
        if (old_.hashes.of(a) == new_.hashes.of(b)) return;
        const TypeNode& na = old_.node(a);
        const TypeNode& nb = new_.node(b);
        if (na.kind == NodeKind::Parameter && na.name() != nb.name())
            add(ChangeKind::Renamed, label,
                "renamed from " + (na.name().empty() ? std::string("(unnamed)") : std::string(na.name())) + " to " +
                    (nb.name().empty() ? std::string("(unnamed)") : std::string(nb.name())),
                a, b);
        const auto numbersA = old_.numbers(a);
        const auto numbersB = new_.numbers(b);
        for (NumberLabel label2 : {NumberLabel::DataMemberLocation, NumberLabel::DataBitOffset, NumberLabel::BitSize,
                                   NumberLabel::Accessibility, NumberLabel::Plain, NumberLabel::DiscrValue}) {
            if (optionalNumber(numbersA, label2) == optionalNumber(numbersB, label2)) continue;
            const bool isValue = label2 == NumberLabel::Plain || label2 == NumberLabel::DiscrValue;
            addNumber(isValue ? ChangeKind::ValueChanged : ChangeKind::AttributeChanged, label, label2, numbersA, numbersB, a, b);
        }
        if (nb.kind == NodeKind::Variant || nb.kind == NodeKind::VariantPart) {
            compareItemLists(old_.items(a), new_.items(b), label, true);
            return;
        }
        const size_t before = changes_.size();
        if (reportTypes) compareTypePart(a, b, label, false);
        // An enumerator whose value is text, not a number (genksyms writes "A = 1 << 4"; an
        // implicit value is not written at all): its text is what changed.
        if (changes_.size() == before && nb.kind == NodeKind::Enumerator && numbersA.empty() && numbersB.empty())
            add(ChangeKind::ValueChanged, label,
                "changed from " + shortRendering(old_.graph, a) + " to " + shortRendering(new_.graph, b), a, b);
    }

    // The type of a member, parameter, typedef or variable. Anonymous structs and unions are
    // looked into, so a change deep in `union { struct { ... } }` names the inner member.
    void compareTypePart(NodeId a, NodeId b, const std::string& label, bool last) {
        const auto ta = old_.typeChild(a, last);
        const auto tb = new_.typeChild(b, last);
        if (!ta && !tb) return;
        if (ta && tb && old_.tokenHash(*ta) == new_.tokenHash(*tb)) return;
        if (ta && tb && !old_.graph.isNamedType(*ta) && !new_.graph.isNamedType(*tb)) {
            const TypeNode& na = old_.node(*ta);
            const TypeNode& nb = new_.node(*tb);
            if (na.kind == nb.kind && isAggregate(nb.kind)) {
                compareAggregate(*ta, *tb, label);
                return;
            }
        }
        add(ChangeKind::TypeChanged, label,
            "type changed from " + old_.typeText(ta) + " to " + new_.typeText(tb), ta.value_or(kNoNode),
            tb.value_or(kNoNode));
    }

    void compareFunction(NodeId a, NodeId b) {
        const auto as = old_.items(a);
        const auto bs = new_.items(b);
        const auto labelsA = labelsOf(old_, as);
        const auto labelsB = labelsOf(new_, bs);
        const size_t common = std::min(as.size(), bs.size());
        for (size_t i = 0; i < common; ++i) compareItem(as[i], bs[i], labelsB[i], true);
        for (size_t i = common; i < bs.size(); ++i)
            add(ChangeKind::Added, labelsB[i], describeItem(new_, bs[i], "added"), kNoNode, bs[i]);
        for (size_t i = common; i < as.size(); ++i)
            add(ChangeKind::Removed, labelsA[i], describeItem(old_, as[i], "removed"), as[i], kNoNode);
        compareTypePart(a, b, "return type", true);
    }

    Side old_;
    Side new_;
    std::vector<NodeChange> changes_;
};

}  // namespace

namespace {

// The bytes a node's hash covers go to `scratch` from `start` on: its text, a reference's name,
// an anonymous child's own hash. Hashing them as one run with std::hash (word at a time) keeps
// the hash independent of how the text was cut into fragments.
uint64_t hashInto(const TypeGraph& graph, NodeId id, std::atomic<uint64_t>* memo, std::string& scratch, unsigned depth) {
    if (const uint64_t known = memo[id].load(std::memory_order_relaxed)) return known;
    // The renderer never nests anonymous types deeper (base/limits.h): past it only a cycle, which
    // the graph cannot have, would go on.
    if (depth > kMaxAnonymousNesting) return 2;
    const size_t start = scratch.size();
    for (const Fragment& f : graph.fragments(id)) {
        const NodeId child = appendPrinted(scratch, f);
        if (child == kNoNode) continue;
        if (graph.isNamedType(child)) {
            appendReferenceName(scratch, referencePrefix(graph.node(child).kind), graph.node(child).name());
            scratch += '\0';  // a name ends where no rendering text can
        } else if (graph.fragments(child).empty()) {
            continue;  // renders as nothing (an enumerator a kABI rule ignores): no part of the text
        } else {
            const uint64_t h = hashInto(graph, child, memo, scratch, depth + 1);
            scratch += '\1';
            scratch.append(reinterpret_cast<const char*>(&h), sizeof h);
        }
    }
    uint64_t h = std::hash<std::string_view>{}(std::string_view(scratch).substr(start));
    scratch.resize(start);
    if (h <= 1) h += 2;  // 0 means "not hashed yet"
    memo[id].store(h, std::memory_order_relaxed);
    return h;
}

}  // namespace

RenderingHashes::RenderingHashes(const TypeGraph& graph)
    : graph_(graph), memo_(std::make_unique<std::atomic<uint64_t>[]>(graph.size())) {}

uint64_t RenderingHashes::of(NodeId id) const {
    if (const uint64_t known = memo_[id].load(std::memory_order_relaxed)) return known;
    thread_local std::string scratch;
    return hashInto(graph_, id, memo_.get(), scratch, 0);
}

std::vector<NodeChange> compareRecords(const RenderingHashes& oldHashes, NodeId oldRoot, const RenderingHashes& newHashes,
                                       NodeId newRoot) {
    const TypeGraph& oldGraph = oldHashes.graph();
    Comparer comparer(Side{oldGraph, oldHashes}, Side{newHashes.graph(), newHashes});
    std::vector<NodeChange> changes = comparer.compareRoots(oldRoot, newRoot);
    foldConsequences(changes, [&](const NodeChange& change) -> std::optional<uint64_t> {
        if (change.oldNode == kNoNode) return std::nullopt;
        return memberByteOffset(oldGraph, change.oldNode);
    });
    return changes;
}


std::string prettyTypeName(const TypeGraph& graph, NodeId id) { return prettyType(graph, id); }

std::string shortRendering(const TypeGraph& graph, NodeId id, size_t limit) {
    std::string text = flattenNode(graph, id, {}).rendering();
    if (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.size() > limit) text = text.substr(0, limit) + "...";
    return text;
}

}  // namespace kabiscope
