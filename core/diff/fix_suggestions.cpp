#include "diff/fix_suggestions.h"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

#include "diff/node_compare.h"
#include "graph/reference_edges.h"
#include "model/type_table.h"

namespace kabiscope {

namespace {

// What the KABI_* macros and rules name a type by (model/type_graph.h).
std::string fqnOf(const std::string& type) { return std::string(referencedName(type)); }

// "member rx_dropped" -> "rx_dropped"; "enumerator FOO" -> "FOO".
std::string itemName(const std::string& node, const char* kind) {
    const std::string prefix = std::string(kind) + " ";
    return node.rfind(prefix, 0) == 0 && node.find('.') == std::string::npos ? node.substr(prefix.size()) : std::string();
}

bool isAggregateType(const std::string& type) { return type.rfind("s#", 0) == 0 || type.rfind("u#", 0) == 0; }

// The enumerators of an enum's rendering, "enumerator NAME = VALUE", in order.
std::vector<std::pair<std::string, std::string>> enumeratorsOf(const std::string& rendering) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream words(rendering);
    std::vector<std::string> w;
    for (std::string word; words >> word;) w.push_back(word);
    for (size_t i = 0; i + 3 < w.size(); ++i)
        if (w[i] == "enumerator" && w[i + 2] == "=") out.emplace_back(w[i + 1], w[i + 3]);
    return out;
}

// The record's rendering with one item's text taken out, as gendwarfksyms writes a struct whose
// member is KABI_IGNOREd (the member is not written, nor its separator).
std::optional<std::string> withoutItem(const std::string& record, const std::string& item) {
    const size_t at = record.find(item);
    if (at == std::string::npos || item.empty()) return std::nullopt;
    std::string out = record.substr(0, at) + record.substr(at + item.size());
    if (item.rfind(" ,", 0) != 0) {  // the first item: the next one loses its separator instead
        const size_t next = out.find(" ,", at);
        if (next == at) out.erase(next, 2);
    }
    return out;
}

class Suggester {
public:
    Suggester(const DiffResult& diff, const Build& oldBuild, const FixOptions& options)
        : diff_(diff), oldBuild_(oldBuild), options_(options) {}

    FixSuggestion suggest(const Cause& cause);

private:
    // The rule fix applied by versioning the new build again: which causes it leaves.
    struct Recomputed {
        DiffResult diff;
    };
    const Recomputed* recompute(const std::string& rules);
    void verifyByRules(FixSuggestion& fix, const std::vector<const Cause*>& fixed);
    void countSingleCause(FixSuggestion& fix, const Cause& cause) const;
    FixSuggestion memberAdded(const Cause& cause);
    FixSuggestion enumeratorAdded(const Cause& cause);
    FixSuggestion definition(const Cause& cause);
    FixSuggestion reservedUse(const Cause& cause);
    FixSuggestion memberRenamed(const Cause& cause);

    const DiffResult& diff_;
    const Build& oldBuild_;
    const FixOptions& options_;
    std::map<std::string, std::unique_ptr<Recomputed>> recomputed_;
    std::unique_ptr<Build> stableOld_;  // options_.stableOld(), once
};

const Suggester::Recomputed* Suggester::recompute(const std::string& rules) {
    if (!options_.reversion) return nullptr;
    auto [it, inserted] = recomputed_.try_emplace(rules);
    if (inserted) {
        it->second = std::make_unique<Recomputed>();
        const Build rebuilt = options_.reversion(KabiRules::parseText("suggested fix", rules));
        if (options_.stableOld && !stableOld_) stableOld_ = std::make_unique<Build>(options_.stableOld());
        it->second->diff = diffBuilds(stableOld_ ? *stableOld_ : oldBuild_, rebuilt, {});
    }
    return it->second.get();
}

// Verified when, after the rules, none of `fixed` is a cause any more; restored counts the
// symbols the first one changed whose CRC is then the old one.
void Suggester::verifyByRules(FixSuggestion& fix, const std::vector<const Cause*>& fixed) {
    const Recomputed* after = recompute(fix.rules);
    if (!after) {
        fix.why += " Not recomputed: the new build cannot be versioned again here.";
        return;
    }
    bool gone = true;
    for (const Cause* c : fixed)
        for (const Cause& left : after->diff.causes) gone = gone && !(left.type == c->type && left.node == c->node);
    fix.restored = 0;
    for (uint32_t index : fixed.front()->symbols) {
        const std::string& name = diff_.symbols[index].name;
        const auto it = std::lower_bound(after->diff.symbols.begin(), after->diff.symbols.end(), name,
                                         [](const SymbolDiff& s, const std::string& n) { return s.name < n; });
        if (it != after->diff.symbols.end() && it->name == name && it->status == SymbolStatus::Unchanged) ++fix.restored;
    }
    fix.verified = gone;
}

// For a fix proven on the record's text: the symbols this cause alone changed get their old
// input back, the others still differ by their other causes.
void Suggester::countSingleCause(FixSuggestion& fix, const Cause& cause) const {
    fix.restored = size_t(std::count_if(cause.symbols.begin(), cause.symbols.end(),
                                        [&](uint32_t index) { return diff_.symbols[index].causes.size() == 1; }));
}

FixSuggestion Suggester::memberAdded(const Cause& cause) {
    FixSuggestion fix;
    const std::string member = itemName(cause.node, "member");
    if (member.empty() || !cause.newFile || cause.newNode == kNoNode) {
        fix.why = "an anonymous member was added; no single KABI_IGNORE line names it.";
        return fix;
    }
    const TypeGraph& graph = cause.newFile->graph;
    const std::string item = flattenNode(graph, cause.newNode, {}).rendering();
    const std::optional<NodeId> type = typeChildOf(graph, cause.newNode);
    const std::string spelling = (type ? prettyTypeName(graph, *type) : std::string("void")) + " " + member;
    const std::optional<std::string> hidden = withoutItem(cause.newRendering, item);
    bool shifted = false, resized = false, embeds = false;
    std::optional<uint64_t> oldSize;
    for (const Cause::Folded& f : cause.folded) {
        if (!f.type.empty()) embeds = true;
        else if (f.number && f.number->isOffset()) shifted = true;
        else if (f.node.empty() && f.number && f.number->isByteSize()) resized = true, oldSize = f.number->before;
    }
    const std::string ignore = "member_ignore\t" + fqnOf(cause.type) + " " + member + "\n";
    // Proven twice where it can be: on the record (the rendering without the member is the old
    // one), and by versioning the new build again with the member ignored.
    auto prove = [&](FixSuggestion& f) {
        if (options_.reversion) verifyByRules(f, {&cause});
        else {
            f.verified = true;
            countSingleCause(f, cause);
        }
    };
    if (hidden && *hidden == cause.oldRendering) {
        fix.exists = fix.safe = true;
        fix.text = "KABI_IGNORE(0, " + spelling + ");";
        fix.rules = ignore;
        fix.why = "The member fits in padding: no other member moved and the size did not change. Hidden by "
                  "KABI_IGNORE, the type string of " +
                  cause.type + " is the old one again.";
        prove(fix);
        return fix;
    }
    if (shifted) {
        fix.why = "The member was inserted before others and moved them: modules built against the old layout would "
                  "read the wrong fields. No rule hides that. Add it at the end, or into a hole or a reserved field.";
        return fix;
    }
    if (resized && oldSize && hidden) {
        std::string restored = *hidden;
        // The size is the type's last number: put the old one back, as KABI_BYTE_SIZE would.
        const size_t at = restored.rfind(" byte_size(");
        if (at != std::string::npos) {
            const size_t close = restored.find(')', at);
            restored = restored.substr(0, at) + " byte_size(" + std::to_string(*oldSize) + restored.substr(close);
        }
        if (restored == cause.oldRendering) {
            fix.exists = true;
            fix.text = "KABI_IGNORE(0, " + spelling + ");\nKABI_BYTE_SIZE(" + fqnOf(cause.type) + ", " + std::to_string(*oldSize) + ");";
            fix.rules = ignore + "byte_size\t" + fqnOf(cause.type) + "\t" + std::to_string(*oldSize) + "\n";
            prove(fix);
            if (embeds) {
                fix.why = "The member was appended and grew " + cause.type + ", which other types embed by value (" +
                          cause.foldedSummary() + "): their members moved too, so the old CRC would hide a real break.";
            } else {
                fix.safe = true;
                fix.why = "The member was appended, so no other member moved, and no type in these builds embeds " + cause.type +
                          " by value. Safe as long as only the kernel allocates it (modules use pointers to it); the "
                          "type string is the old one with the member hidden and the old size kept.";
            }
            return fix;
        }
    }
    fix.why = "The member changed the layout in a way no KABI_IGNORE or size rule can hide.";
    return fix;
}

FixSuggestion Suggester::enumeratorAdded(const Cause& cause) {
    FixSuggestion fix;
    const std::string added = itemName(cause.node, "enumerator");
    const std::string en = fqnOf(cause.type);
    // Other enumerators of the same enum whose value moved: each is a cause of its own.
    std::vector<const Cause*> moved;
    for (const Cause& other : diff_.causes)
        if (other.type == cause.type && other.kind == ChangeKind::ValueChanged && other.node.rfind("enumerator ", 0) == 0)
            moved.push_back(&other);
    const auto enumerators = enumeratorsOf(cause.newRendering);
    std::vector<const Cause*> fixed{&cause};
    fix.rules = "enumerator_ignore\t" + en + " " + added + "\n";
    fix.text = "KABI_ENUMERATOR_IGNORE(" + en + ", " + added + ");";
    if (moved.size() > 1) {
        fix.why = "Adding " + added + " moved the values of " + std::to_string(moved.size()) +
                  " other enumerators: modules built with the old values would pass the wrong ones. Add it at the end.";
        return fix;
    }
    if (moved.size() == 1) {
        const Cause& sentinel = *moved.front();
        const std::string name = itemName(sentinel.node, "enumerator");
        const bool last = !enumerators.empty() && enumerators.back().first == name;
        if (!last || !sentinel.number || !sentinel.number->before) {
            fix.why = "Adding " + added + " moved the value of " + name + ", which is not the last enumerator: modules "
                                                                          "built with its old value would pass the wrong one.";
            return fix;
        }
        const std::string old = std::to_string(*sentinel.number->before);
        fix.rules += "enumerator_value\t" + en + " " + name + "\t" + old + "\n";
        fix.text += "\nKABI_ENUMERATOR_VALUE(" + en + ", " + name + ", " + old + ");";
        fixed.push_back(&sentinel);
        fix.why = added + " was added before the last enumerator, " + name + ", whose value moved to make room. "
                                                                             "Ignoring " +
                  added + " and keeping " + name + "'s old value leaves every other value as it was.";
    } else {
        fix.why = added + " was appended: no other enumerator's value moved.";
    }
    fix.exists = fix.safe = true;
    verifyByRules(fix, fixed);
    return fix;
}

FixSuggestion Suggester::definition(const Cause& cause) {
    FixSuggestion fix;
    if (cause.description != "declaration-only became a full definition") {
        fix.why = "A definition became a declaration: modules that used its layout lose it. No rule restores a layout.";
        return fix;
    }
    const std::string name = fqnOf(cause.type);
    fix.exists = fix.safe = true;
    fix.rules = "declonly\t" + name + "\n";
    fix.text = "KABI_DECLONLY(" + name + ");";
    fix.why = "Modules saw only a declaration of " + cause.type + ", so they cannot depend on its layout; keeping it "
                                                                  "declaration-only for versioning changes nothing they rely on.";
    verifyByRules(fix, {&cause});
    return fix;
}

FixSuggestion Suggester::reservedUse(const Cause& cause) {
    FixSuggestion fix;
    fix.exists = fix.safe = true;
    fix.text = "/* already in the source: a KABI_USE / KABI_REPLACE union */";
    fix.why = "A reserved field was put to use through a kABI union. gendwarfksyms keeps the old CRC for it only with "
              "--stable: version (and diff) with --stable.";
    verifyByRules(fix, {&cause});
    return fix;
}

FixSuggestion Suggester::memberRenamed(const Cause& cause) {
    FixSuggestion fix;
    const std::string member = itemName(cause.node, "member");
    if (member.empty() || !cause.oldFile || !cause.newFile || cause.oldNode == kNoNode || cause.newNode == kNoNode) {
        fix.why = "A name changed; no rule renames it back.";
        return fix;
    }
    const std::string old(cause.oldFile->graph.node(cause.oldNode).name());
    const TypeGraph& graph = cause.newFile->graph;
    const std::optional<NodeId> type = typeChildOf(graph, cause.newNode);
    const std::string spelling = type ? prettyTypeName(graph, *type) : std::string("void");
    fix.exists = fix.safe = true;
    fix.rules = "member_rename\t" + fqnOf(cause.type) + " " + member + "\t" + old + "\n";
    fix.text = "KABI_REPLACE(" + spelling + ", " + old + ", " + spelling + " " + member + ");";
    fix.why = "Only the name changed: the same type at the same offset, so modules built against the old layout read "
              "the same bytes. KABI_REPLACE keeps the old name for versioning (with --stable).";
    verifyByRules(fix, {&cause});
    return fix;
}

FixSuggestion Suggester::suggest(const Cause& cause) {
    FixSuggestion fix;
    const bool reserved = cause.node.find("__kabi_reserved") != std::string::npos ||
                          (cause.kind == ChangeKind::Added && cause.node.rfind("member (unnamed", 0) == 0 &&
                           std::any_of(diff_.causes.begin(), diff_.causes.end(), [&](const Cause& other) {
                               return other.type == cause.type && other.node.find("__kabi_reserved") != std::string::npos;
                           }));
    if (reserved) fix = reservedUse(cause);
    else if (cause.kind == ChangeKind::Added && isAggregateType(cause.type) && cause.node.rfind("member ", 0) == 0) fix = memberAdded(cause);
    else if (cause.kind == ChangeKind::Added && cause.type.rfind("e#", 0) == 0 && cause.node.rfind("enumerator ", 0) == 0)
        fix = enumeratorAdded(cause);
    else if (cause.kind == ChangeKind::Definition) fix = definition(cause);
    else if (cause.kind == ChangeKind::Renamed && isAggregateType(cause.type) && cause.node.rfind("member ", 0) == 0)
        fix = memberRenamed(cause);
    else if (cause.kind == ChangeKind::ValueChanged && cause.type.rfind("e#", 0) == 0) {
        // The sentinel of an enumerator added before it: fixed with that enumerator's fix.
        for (const Cause& other : diff_.causes)
            if (other.type == cause.type && other.kind == ChangeKind::Added && other.node.rfind("enumerator ", 0) == 0) {
                fix = enumeratorAdded(other);
                fix.why = "Fixed with #" + std::to_string(other.id) + ": " + fix.why;
                break;
            }
        if (!fix.exists && fix.why.empty()) fix.why = "An enumerator's value changed: modules built with the old value pass the wrong one.";
    } else {
        switch (cause.kind) {
        case ChangeKind::Removed: fix.why = "Something modules may use was removed: no rule brings it back."; break;
        case ChangeKind::TypeChanged: fix.why = "A type changed: modules built against the old type would misread it. No rule hides that safely."; break;
        case ChangeKind::Renamed: fix.why = "A parameter's name changed: it is part of the type string, and no rule renames it back."; break;
        default: fix.why = "No gendwarfksyms rule keeps this CRC without hiding a real change."; break;
        }
    }
    fix.cause = cause.id;
    fix.affected = cause.symbols.size();
    return fix;
}

}  // namespace

std::vector<FixSuggestion> suggestFixes(const DiffResult& diff, const Build& oldBuild, const FixOptions& options) {
    Suggester suggester(diff, oldBuild, options);
    std::vector<FixSuggestion> fixes;
    for (const Cause& cause : diff.causes) {
        fixes.push_back(suggester.suggest(cause));
        if (options.progress) options.progress(fixes.size(), diff.causes.size());
    }
    return fixes;
}

}  // namespace kabiscope
