#include "model/type_table.h"

#include "base/error.h"
#include "base/limits.h"
#include "base/node_slots.h"

#include <algorithm>

namespace kabiscope {

size_t Record::length() const {
    size_t total = text.size();
    for (const auto& ref : references) total += ref.name.size();
    return total;
}

std::string Record::rendering() const {
    std::string out;
    out.reserve(length());
    size_t at = 0;
    for (const auto& ref : references) {
        out.append(text, at, ref.offset - at);
        out += ref.name;
        at = ref.offset;
    }
    out.append(text, at, std::string::npos);
    return out;
}

namespace {

void flattenInto(const TypeGraph& graph, NodeId id, Record& out, unsigned depth) {
    if (depth > 4 * kMaxAnonymousNesting) throw Error({}, "anonymous types nested too deeply");
    for (const Fragment& f : graph.fragments(id)) {
        const NodeId child = appendPrinted(out.text, f);
        if (child == kNoNode) continue;
        if (graph.isNamedType(child))
            out.references.push_back({uint32_t(out.text.size()), graph.referenceName(child), child});
        else
            flattenInto(graph, child, out, depth + 1);
    }
}

bool isReferenceStart(std::string_view s, size_t pos) {
    if (pos + 1 >= s.size()) return false;
    const char c = s[pos];
    return (c == 's' || c == 'u' || c == 'e' || c == 't') && s[pos + 1] == '#';
}

}  // namespace

Record flattenNode(const TypeGraph& graph, NodeId root, std::string name) {
    Record out;
    out.name = std::move(name);
    out.root = root;
    flattenInto(graph, root, out, 0);
    return out;
}

template <typename Memo>
size_t renderingLength(const TypeGraph& graph, NodeId id, Memo& memo) {
    constexpr uint32_t kUnknown = UINT32_MAX;
    if (memo[id] != kUnknown) return memo[id];
    memo[id] = 0;  // a cycle through anonymous nodes cannot happen; this only stops one
    size_t total = 0;
    char number[64];
    for (const Fragment& f : graph.fragments(id)) {
        if (f.spaceBefore()) total += 1;
        switch (f.kind()) {
        case Fragment::Kind::Text: total += f.size(); break;
        case Fragment::Kind::Number: total += formatNumber(number, f.label(), f.number); break;
        case Fragment::Kind::Child: {
            const TypeNode& child = graph.node(f.child());
            if (graph.isNamedType(f.child()))
                total += child.name().size() + 2 + (child.name().find(' ') != std::string_view::npos ? 2 : 0);
            else
                total += renderingLength(graph, f.child(), memo);
            break;
        }
        }
    }
    memo[id] = uint32_t(std::min<size_t>(total, UINT32_MAX - 1));
    return total;
}

template size_t renderingLength(const TypeGraph&, NodeId, NodeSlots<uint32_t>&);

Record parseTypeString(const std::string& file, std::string name, std::string_view value) {
    if (value.empty()) fail(file, "empty type string override for '", name, "'");
    Record out;
    out.name = std::move(name);
    size_t start = 0;
    for (size_t pos = 0; pos < value.size(); ++pos) {
        if (!isReferenceStart(value, pos)) continue;
        size_t end = pos + 2;
        char marker = ' ';
        if (end < value.size() && value[end] == '\'') {
            marker = '\'';
            ++end;
        }
        while (end < value.size() && value[end] != marker) ++end;
        bool empty;
        if (marker == '\'') {
            if (end >= value.size())
                fail(file, "incomplete ", value[pos], "# type reference for '", out.name, "' (string: '", value, "')");
            empty = end == pos + 3;
            ++end;
        } else {
            empty = end == pos + 2;
        }
        if (empty) fail(file, "empty ", value[pos], "# type name for '", out.name, "' (string: '", value, "')");
        out.text.append(value.substr(start, pos - start));
        out.references.push_back({uint32_t(out.text.size()), std::string(value.substr(pos, end - pos))});
        start = end;
        pos = end - 1;
    }
    out.text.append(value.substr(start));
    return out;
}

RecordId TypeTable::offer(Record record) {
    auto it = byName_.find(record.name);
    if (it == byName_.end()) {
        const RecordId id = RecordId(records_.size());
        byName_.emplace(record.name, id);
        records_.push_back(std::move(record));
        return id;
    }
    Record& existing = records_[it->second];
    if (record.length() > existing.length()) existing = std::move(record);
    return it->second;
}

RecordId TypeTable::find(std::string_view name) const {
    auto it = byName_.find(std::string(name));
    return it == byName_.end() ? kNoRecord : it->second;
}

}  // namespace kabiscope

#include "model/build_file.h"

namespace kabiscope {

TypeTarget resolveNamed(const VersionScope& scope, const TypeGraph& graph, NodeId named) {
    auto it = std::lower_bound(scope.namedTargets.begin(), scope.namedTargets.end(), named,
                               [](const std::pair<NodeId, TypeTarget>& entry, NodeId id) { return entry.first < id; });
    if (it != scope.namedTargets.end() && it->first == named) return it->second;
    auto byName = scope.types.find(graph.referenceName(named));
    return byName == scope.types.end() ? TypeTarget{} : byName->second;
}

}  // namespace kabiscope
