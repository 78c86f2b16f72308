#include "explore/aligned_tree.h"

#include <algorithm>
#include <map>

#include "diff/node_compare.h"
#include "diff/report_writers.h"
#include "graph/reference_edges.h"
#include "model/type_facts.h"
#include "model/type_table.h"

namespace kabiscope {

namespace {

std::vector<std::string> splitSteps(const std::vector<std::string>& path) {
    std::vector<std::string> out;
    for (const std::string& step : path) {
        if (step.size() > 2 && step[1] == '#') {  // a type name may contain '.' in C++/Rust
            out.push_back(step);
            continue;
        }
        size_t start = 0;
        const size_t first = out.size();
        while (true) {
            const size_t dot = step.find('.', start);
            out.push_back(labelKey(step.substr(start, dot == std::string::npos ? std::string::npos : dot - start)));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        // The engine names what lies inside a typedef's, variable's or function's own anonymous
        // type "type.<...>" / "return type.<...>"; the tree has no row for that type and shows
        // its members right under the record.
        if (out.size() - first > 1 && (out[first] == "type" || out[first] == "return type"))
            out.erase(out.begin() + long(first));
        // A function's return type is no row of its own: the tree labels the type's row
        // ("return type: struct foo") instead.
        out.erase(std::remove(out.begin() + long(first), out.end(), std::string("return type")), out.end());
    }
    return out;
}


}  // namespace

AlignedTree::AlignedTree(TreeSide before, TreeSide after, const DiffResult* diff, const SymbolDiff* symbolDiff)
    : old_(before), new_(after), diff_(diff), symbolDiff_(symbolDiff) {
    AlignedRow root;
    root.kind = AlignedRow::Kind::Symbol;
    const SymbolVersion* symbol = new_.symbol ? new_.symbol : old_.symbol;
    root.label = root.key = symbol ? symbol->name() : std::string("?");
    root.record = root.label;
    root.inOld = old_.present();
    root.inNew = new_.present();
    if (root.inOld && !old_.symbol->target.isRecord()) root.oldNode = old_.symbol->target.index();
    if (root.inNew && !new_.symbol->target.isRecord()) root.newNode = new_.symbol->target.index();
    if (root.oldNode != kNoNode) root.oldText = std::string(old_.build->graph.node(root.oldNode).keyword());
    if (root.newNode != kNoNode) root.newText = std::string(new_.build->graph.node(root.newNode).keyword());
    root.pathKeys = {root.key};
    if (symbolDiff_ && diff_) {
        for (size_t i = 0; i < symbolDiff_->paths.size(); ++i) {
            splitPaths_.push_back(splitSteps(diff_->pathTo(*symbolDiff_, i)));
            std::string prefix;
            for (const std::string& key : splitPaths_.back()) pathPrefixes_.insert(prefix += key + '\x1f');
        }
        for (uint32_t id : symbolDiff_->causes) {
            const Cause& cause = diff_->causes[id - 1];
            std::string node;
            for (const auto& step : splitSteps({cause.node})) node += (node.empty() ? "" : ".") + step;
            // A record's own causes ("" for the type, "type"/"return type" for a typedef or
            // symbol) sit on the record's row.
            const bool own = cause.node.empty() || cause.node == "type" || cause.node == "return type";
            causesByRecord_[cause.type].push_back({std::move(node), own, id});
        }
    }
    rows_.push_back(std::move(root));
    mark(rows_.back());
}

TypeTarget AlignedTree::resolve(const TreeSide& side, NodeId named) const {
    return resolveNamed(*side.build->scopes[side.symbol->scope], side.build->graph, named);
}

std::optional<uint64_t> AlignedTree::sizeOf(const TreeSide& side, std::optional<NodeId> type, unsigned depth) const {
    if (!type || depth > 16) return std::nullopt;
    const TypeGraph& graph = side.build->graph;
    NodeId id = *type;
    if (graph.isNamedType(id)) {
        const TypeTarget target = resolve(side, id);
        if (!target.valid() || target.isRecord()) return std::nullopt;
        id = target.index();
    }
    const TypeNode& node = graph.node(id);
    if (auto size = numberOf(graph, id, NumberLabel::ByteSize)) return size;
    if (node.kind == NodeKind::Typedef || (node.kind == NodeKind::Modifier && node.keyword() != "pointer_type"))
        return sizeOf(side, typeChildOf(graph, id), depth + 1);
    if (node.kind == NodeKind::Array) {
        auto element = sizeOf(side, typeChildOf(graph, id), depth + 1);
        if (!element) return std::nullopt;
        uint64_t count = 1;
        for (const Fragment& f : graph.fragments(id))
            if (f.kind() == Fragment::Kind::Child && graph.node(f.child()).kind == NodeKind::Subrange) {
                auto bound = numberOf(graph, f.child(), NumberLabel::Bound);
                if (!bound) return uint64_t{0};  // flexible array
                count *= *bound;
            }
        return *element * count;
    }
    return std::nullopt;
}

// The child rows one side offers under `node`: list items, named types, and what anonymous
// types in between lead to (mirrors graph/reference_edges.h, so rows line up with paths).
void AlignedTree::typesUnder(const TreeSide& side, NodeId node, const std::string& record,
                             const std::vector<std::string>& recordPath, std::vector<Entry>& out, unsigned depth,
                             bool returnType) {
    if (depth > 64) return;
    const TypeGraph& graph = side.build->graph;
    size_t positions[32] = {};
    size_t unnamed = 0;
    bool afterArrow = false;  // a function's child after "->" is its return type: say so
    for (const Fragment& f : graph.fragments(node)) {
        if (opensReturnType(graph, node, f)) afterArrow = true;
        if (f.kind() != Fragment::Kind::Child) continue;
        const NodeId child = f.child();
        const TypeNode& n = graph.node(child);
        if (graph.isNamedType(child)) {
            Entry e;
            e.kind = AlignedRow::Kind::Type;
            e.key = graph.referenceName(child);
            e.label = (afterArrow || returnType ? "return type: " : "") + describeRecordName(e.key);
            e.node = child;
            e.record = e.key;
            out.push_back(std::move(e));
            continue;
        }
        if (isListItem(n.kind)) {
            const bool unnamedMember = n.kind == NodeKind::Member && n.name().empty();
            Entry e;
            e.kind = AlignedRow::Kind::Item;
            e.label = itemLabel(n, positions[size_t(n.kind) % 32]++, unnamed);
            if (unnamedMember) ++unnamed;
            e.key = labelKey(e.label);
            e.node = child;
            e.record = record;
            e.recordPath = recordPath;
            e.recordPath.push_back(e.key);
            const auto type = typeChildOf(graph, child);
            if (n.kind == NodeKind::Member || n.kind == NodeKind::Parameter) {
                e.text = type ? prettyTypeName(graph, *type) : std::string("void");
                e.size = sizeOf(side, type);
                e.offset = memberByteOffset(graph, child);
                if (auto bits = numberOf(graph, child, NumberLabel::BitSize)) e.text += " : " + std::to_string(*bits);
            } else if (n.kind == NodeKind::Enumerator) {
                auto value = numberOf(graph, child, NumberLabel::Plain);
                e.text = value ? "= " + std::to_string(*value) : std::string();
            }
            out.push_back(std::move(e));
            continue;
        }
        typesUnder(side, child, record, recordPath, out, depth + 1, afterArrow || returnType);
    }
}

std::vector<AlignedTree::Entry> AlignedTree::entriesFor(const TreeSide& side, const AlignedRow& row, bool newSide) {
    std::vector<Entry> out;
    const NodeId node = newSide ? row.newNode : row.oldNode;
    if (!side.present() || node == kNoNode) return out;
    if (row.kind == AlignedRow::Kind::Type) {
        const TypeTarget target = resolve(side, node);
        if (!target.valid() || target.isRecord()) return out;
        typesUnder(side, target.index(), row.key, {}, out, 0);
    } else {
        typesUnder(side, node, row.record, row.recordPath, out, 0);
    }
    return out;
}

void AlignedTree::mark(AlignedRow& row) {
    // On a path: the row's keys are a prefix of one of the symbol's cause paths.
    std::string keys;
    for (const auto& key : row.pathKeys) keys += key + '\x1f';
    row.onPath = pathPrefixes_.count(keys) > 0;
    auto causes = causesByRecord_.find(row.record);
    if (causes == causesByRecord_.end()) return;
    std::string inRecord;
    for (const auto& key : row.recordPath) inRecord += (inRecord.empty() ? "" : ".") + key;
    for (const RecordCause& cause : causes->second) {
        if (cause.own ? row.recordPath.empty() && row.kind != AlignedRow::Kind::Item : cause.node == inRecord) {
            row.changeSite = true;
            row.causes.push_back(cause.id);
        }
    }
}

void AlignedTree::addLayout(int parent) {
    // Holes and cachelines between consecutive members, on the new side (else the old).
    std::optional<uint64_t> previousEnd;
    std::optional<uint64_t> previousLine;
    for (int child : rows_[size_t(parent)].children) {
        AlignedRow& row = rows_[size_t(child)];
        const auto offset = row.inNew ? row.newOffset : row.oldOffset;
        const auto size = row.inNew ? row.newSize : row.oldSize;
        if (!offset) continue;
        if (previousEnd && *offset > *previousEnd) row.holeBefore = *offset - *previousEnd;
        const uint64_t line = *offset / 64;
        if (previousLine && line != *previousLine) row.cacheline = line;
        previousLine = line;
        if (size) previousEnd = std::max(previousEnd.value_or(0), *offset + *size);
    }
}

bool AlignedTree::hasChildren(int index) {
    const AlignedRow& row = rows_[size_t(index)];
    if (row.kind == AlignedRow::Kind::Cycle) return false;
    if (row.childrenBuilt) return !row.children.empty();
    return !children(index).empty();
}

const std::vector<int>& AlignedTree::children(int index) {
    if (rows_[size_t(index)].childrenBuilt) return rows_[size_t(index)].children;
    rows_[size_t(index)].childrenBuilt = true;
    if (rows_[size_t(index)].kind == AlignedRow::Kind::Cycle) return rows_[size_t(index)].children;
    const std::vector<Entry> before = entriesFor(old_, rows_[size_t(index)], false);
    const std::vector<Entry> after = entriesFor(new_, rows_[size_t(index)], true);

    // Pair by key, keep the new order, put old-only entries after their old predecessor.
    std::map<std::string, size_t> oldByKey;
    for (size_t i = 0; i < before.size(); ++i) oldByKey.emplace(before[i].key, i);
    std::vector<std::pair<const Entry*, const Entry*>> pairs;  // (old, new)
    std::vector<bool> oldUsed(before.size(), false);
    for (const Entry& e : after) {
        auto it = oldByKey.find(e.key);
        const Entry* match = nullptr;
        if (it != oldByKey.end() && !oldUsed[it->second]) {
            match = &before[it->second];
            oldUsed[it->second] = true;
        }
        pairs.emplace_back(match, &e);
    }
    for (size_t i = 0; i < before.size(); ++i) {
        if (oldUsed[i]) continue;
        size_t at = 0;  // after the pair holding the previous old entry
        for (size_t p = 0; p < pairs.size(); ++p)
            if (pairs[p].first && i > 0 && pairs[p].first == &before[i - 1]) at = p + 1;
        if (i > 0 && at == 0) at = pairs.size();
        pairs.insert(pairs.begin() + long(at), {&before[i], nullptr});
        oldUsed[i] = true;
    }

    std::vector<int> created;
    for (const auto& [o, n] : pairs) {
        const Entry& any = n ? *n : *o;
        AlignedRow row;
        row.kind = any.kind;
        row.label = any.label;
        row.key = any.key;
        row.record = any.record;
        row.recordPath = any.recordPath;
        row.parent = index;
        row.pathKeys = rows_[size_t(index)].pathKeys;
        row.pathKeys.push_back(row.key);
        if (o) {
            row.inOld = true;
            row.oldNode = o->node;
            row.oldText = o->text;
            row.oldOffset = o->offset;
            row.oldSize = o->size;
        }
        if (n) {
            row.inNew = true;
            row.newNode = n->node;
            row.newText = n->text;
            row.newOffset = n->offset;
            row.newSize = n->size;
        }
        if (row.kind == AlignedRow::Kind::Type) {
            // A type already open above this row would recurse forever: show it as a link.
            for (int up = index; up >= 0; up = rows_[size_t(up)].parent)
                if (rows_[size_t(up)].key == row.key) {
                    row.kind = AlignedRow::Kind::Cycle;
                    break;
                }
            for (const TreeSide* side : {&old_, &new_}) {
                const NodeId node = side == &old_ ? row.oldNode : row.newNode;
                if (node == kNoNode) continue;
                const TypeTarget target = resolve(*side, node);
                std::string& text = side == &old_ ? row.oldText : row.newText;
                if (!target.valid() || target.isRecord()) continue;
                const TypeGraph& graph = side->build->graph;
                auto size = numberOf(graph, target.index(), NumberLabel::ByteSize);
                const bool declared = isDeclarationOnly(graph, target.index());  // model/type_facts.h
                text = size ? "size " + std::to_string(*size) : declared ? "declaration only"
                                                                         : std::string();
                (side == &old_ ? row.oldSize : row.newSize) = size;
            }
        }
        mark(row);
        rows_.push_back(std::move(row));
        created.push_back(int(rows_.size() - 1));
    }
    rows_[size_t(index)].children = std::move(created);
    addLayout(index);
    return rows_[size_t(index)].children;
}

const std::vector<size_t>& AlignedTree::pathsInTreeOrder() {
    if (pathsInTreeOrder_) return *pathsInTreeOrder_;
    std::vector<size_t> order;
    std::vector<std::vector<size_t>> positions(pathCount());  // sibling index at each level
    for (size_t p = 0; p < pathCount(); ++p) {
        const auto chain = rowsAlongPath(p);
        for (size_t i = 0; i + 1 < chain.size(); ++i) {
            const auto& siblings = children(chain[i]);
            positions[p].push_back(size_t(std::find(siblings.begin(), siblings.end(), chain[i + 1]) - siblings.begin()));
        }
        order.push_back(p);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return positions[a] < positions[b]; });
    return pathsInTreeOrder_.emplace(std::move(order));
}

std::vector<int> AlignedTree::rowsAlongPath(size_t pathIndex) {
    std::vector<int> chain{0};
    if (pathIndex >= splitPaths_.size()) return chain;
    const auto& path = splitPaths_[pathIndex];
    int current = 0;
    for (size_t step = 1; step < path.size(); ++step) {
        int next = -1;
        for (int child : children(current))
            if (rows_[size_t(child)].key == path[step]) {
                next = child;
                break;
            }
        if (next < 0) break;
        chain.push_back(next);
        current = next;
    }
    return chain;
}

std::string AlignedTree::rendering(int index, bool newSide) const {
    const AlignedRow& row = rows_[size_t(index)];
    const TreeSide& side = newSide ? new_ : old_;
    NodeId node = newSide ? row.newNode : row.oldNode;
    if (!side.present()) return {};
    // A symbol pinned by a kABI type_string rule is a record, not a node.
    if (row.kind == AlignedRow::Kind::Symbol && side.symbol->target.isRecord())
        return side.build->scopes[side.symbol->scope]->overrides.record(side.symbol->target.index()).rendering();
    if (node == kNoNode) return {};
    if (row.kind == AlignedRow::Kind::Type || row.kind == AlignedRow::Kind::Cycle) {
        const TypeTarget target = resolve(side, node);
        if (!target.valid()) return {};
        if (target.isRecord())
            return side.build->scopes[side.symbol->scope]->overrides.record(target.index()).rendering();
        node = target.index();
    }
    std::string text = flattenNode(side.build->graph, node, {}).rendering();
    while (!text.empty() && text.back() == ' ') text.pop_back();
    // A list item's rendering starts with its separator (" , member ..."): not part of the node.
    const size_t start = text.find_first_not_of(" ,");
    return start == std::string::npos ? std::string() : text.substr(start);
}

}  // namespace kabiscope
