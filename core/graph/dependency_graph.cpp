#include "graph/dependency_graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "diff/report_writers.h"
#include "graph/reference_edges.h"

namespace kabiscope {

namespace {

std::string dotEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

DependencyGraph buildDependencyGraph(const BuildFile& build, const SymbolVersion& symbol,
                                     const DependencyGraphOptions& options) {
    DependencyGraph graph;
    if (!symbol.hasCrc || symbol.scope >= build.scopes.size()) {
        DependencyGraph::Node node;
        node.name = node.label = symbol.name();
        node.isSymbol = true;
        graph.nodes.push_back(std::move(node));
        return graph;
    }
    const VersionScope& scope = *build.scopes[symbol.scope];

    // What the diff says about this symbol: changed types, and types/edges on paths to them.
    std::map<std::string, std::vector<std::string>> changedTypes;
    std::map<std::string, size_t> moreCauses;  // beyond maxCauseLines
    std::set<std::string> pathTypes;
    std::set<std::pair<std::string, std::string>> pathEdges;
    if (options.diff && options.symbolDiff) {
        const SymbolDiff& diff = *options.symbolDiff;
        for (size_t i = 0; i < diff.causes.size(); ++i) {
            const Cause& cause = options.diff->causes[diff.causes[i] - 1];
            auto& lines = changedTypes[cause.type];
            if (lines.size() < options.maxCauseLines) {
                lines.push_back(cause.node.empty() ? cause.description : cause.node + ": " + cause.description);
                if (const std::string folded = cause.foldedSummary(); !folded.empty()) lines.push_back("  (" + folded + ")");
            } else {
                ++moreCauses[cause.type];
            }
            std::string previous = symbol.name();
            pathTypes.insert(previous);
            for (const std::string& step : options.diff->pathTo(diff, i)) {
                if (!isReferenceName(step)) continue;
                pathTypes.insert(step);
                pathEdges.emplace(previous, step);
                previous = step;
            }
        }
    }

    for (const auto& [type, more] : moreCauses)
        changedTypes[type].push_back("(+" + std::to_string(more) + " more change" + (more == 1 ? ")" : "s)"));

    std::unordered_map<std::string, size_t> index;
    struct Pending {
        size_t node;
        TypeTarget target;
        int depth;
    };
    std::vector<Pending> queue;
    auto addNode = [&](const std::string& name, bool isSymbol) {
        auto [it, inserted] = index.emplace(name, graph.nodes.size());
        if (inserted) {
            DependencyGraph::Node node;
            node.name = name;
            node.label = isSymbol ? name : describeRecordName(name);
            node.isSymbol = isSymbol;
            if (auto c = changedTypes.find(name); c != changedTypes.end()) {
                node.changed = true;
                node.causes = c->second;
            }
            node.onPath = pathTypes.count(name) > 0;
            graph.nodes.push_back(std::move(node));
        }
        return std::make_pair(it->second, inserted);
    };
    std::map<std::pair<size_t, size_t>, size_t> edgeIndex;
    auto addEdge = [&](size_t from, size_t to, const std::string& label) {
        auto [it, inserted] = edgeIndex.emplace(std::make_pair(from, to), graph.edges.size());
        if (inserted) {
            graph.edges.push_back({from, to, label,
                                   pathEdges.count({graph.nodes[from].name, graph.nodes[to].name}) > 0});
        } else if (!label.empty()) {
            std::string& existing = graph.edges[it->second].label;
            if (existing.size() < 60) existing += (existing.empty() ? "" : ", ") + label;
        }
    };

    std::set<std::string> omitted;
    size_t crossEdges = 0;  // edges to a node drawn already
    addNode(symbol.name(), true);
    queue.push_back({0, symbol.target, 0});
    for (size_t q = 0; q < queue.size(); ++q) {
        const Pending current = queue[q];
        if (current.target.isRecord()) continue;  // a kABI type_string: a leaf
        for (const ReferenceEdge& edge : referenceEdges(build.graph, current.target.index())) {
            const std::string name = build.graph.referenceName(edge.named);
            const bool wanted = pathTypes.count(name) || changedTypes.count(name);
            // Only the paths' own edges: every reference between two changed types made the
            // graph of a major rebase dense.
            if (options.onlyPathsToChanges && !pathEdges.count({graph.nodes[current.node].name, name})) continue;
            const bool present = index.count(name) > 0;
            if (!present && (graph.nodes.size() >= options.maxNodes || (!wanted && current.depth >= options.depth))) {
                graph.nodes[current.node].truncated = true;
                if (wanted) omitted.insert(name);
                continue;
            }
            const size_t budget = options.maxCrossEdgesPerNode * std::max<size_t>(graph.nodes.size(), 1);
            if (present && !pathEdges.count({graph.nodes[current.node].name, name}) && crossEdges >= budget &&
                !edgeIndex.count({current.node, index.at(name)})) {
                ++graph.edgesOmitted;
                continue;
            }
            auto [node, inserted] = addNode(name, false);
            if (!inserted && !edgeIndex.count({current.node, node})) ++crossEdges;
            addEdge(current.node, node, edge.label);
            if (!inserted) continue;
            auto target = scope.types.find(name);
            if (target != scope.types.end()) queue.push_back({node, target->second, current.depth + 1});
        }
    }
    for (const auto& node : graph.nodes) omitted.erase(node.name);  // reached another way after all
    graph.omitted = omitted.size();
    return graph;
}

std::string toDot(const DependencyGraph& graph, bool withCauses) {
    // A large graph trades Graphviz's best placement for time: with its default limits, the
    // network simplex and crossing minimisation took 30 s on a 200-type cone of a major
    // rebase; bounded, under 3 s. What remains is routing curved edges around the nodes: on a
    // dense cone (160-200 types, 450-600 references) 85% of 7 s, so there the edges are
    // straight lines (1 s). A path graph is a tree and keeps its curves.
    const bool large = graph.nodes.size() > 60;
    const bool dense = large && graph.edges.size() > 2 * graph.nodes.size();
    const std::string bounded = std::string(large ? ", nslimit=1, nslimit1=1, mclimit=0.3" : "") + (dense ? ", splines=line" : "");
    std::string out = std::string("digraph kabiscope {\n"
                                  "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.6") +
                      bounded + "];\n"
                                "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\", color=\"#888888\", "
                                "fontname=\"Helvetica\", fontsize=11];\n"
                                "  edge [color=\"#9a9a9a\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"#555555\"];\n";
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& node = graph.nodes[i];
        // Each line escaped on its own; the line breaks between them are DOT's "\n".
        std::string label = dotEscape(node.label);
        if (withCauses)
            for (const auto& cause : node.causes)
                label += "\\n" + dotEscape(cause.size() > 60 ? cause.substr(0, 57) + "..." : cause);
        if (node.truncated) label += "\\n(more not shown)";
        out += "  n" + std::to_string(i) + " [label=\"" + label + "\", tooltip=\"" + dotEscape(node.name) + "\"";
        if (node.isSymbol) out += ", shape=box, style=\"filled,bold\", fillcolor=\"#dbe8ff\", color=\"#2f5da8\"";
        if (node.changed) out += ", fillcolor=\"#ffd6d6\", color=\"#c62828\", penwidth=2";
        else if (node.onPath && !node.isSymbol) out += ", color=\"#d9480f\", penwidth=2";
        out += "];\n";
    }
    for (const auto& edge : graph.edges) {
        out += "  n" + std::to_string(edge.from) + " -> n" + std::to_string(edge.to);
        std::string attributes;
        if (!edge.label.empty()) attributes += "label=\"" + dotEscape(edge.label) + "\"";
        if (edge.onPath) attributes += std::string(attributes.empty() ? "" : ", ") + "color=\"#d9480f\", penwidth=2.2";
        if (!attributes.empty()) out += " [" + attributes + "]";
        out += ";\n";
    }
    out += "}\n";
    return out;
}

}  // namespace kabiscope
