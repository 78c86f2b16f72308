// A symbol's type dependency graph: the symbol, the named types its rendering reaches, and
// which member or parameter leads from one to the next. Anonymous types (pointers, arrays,
// inline structs) are folded into the edges' labels. With a diff, the changed types and the
// paths from the symbol to them are marked. toDot() gives Graphviz input; the layout and the
// drawing happen in graphviz.h (CLI: SVG) and the explorer (QGraphicsScene).
#pragma once

#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "model/build_file.h"

namespace kabiscope {

struct DependencyGraph {
    struct Node {
        std::string name;   // "s#sk_buff", or the symbol's name for the root
        std::string label;  // "struct sk_buff"
        bool isSymbol = false;
        bool changed = false;             // a cause of the symbol's CRC change sits in it
        bool onPath = false;              // on a path from the symbol to a changed type
        bool truncated = false;           // it has references beyond the depth limit
        std::vector<std::string> causes;  // descriptions of the causes inside it
    };
    struct Edge {
        size_t from, to;
        std::string label;  // "member queues", "parameter 1 (dev)"; several joined by ", "
        bool onPath = false;
    };
    std::vector<Node> nodes;  // nodes[0] is the symbol
    std::vector<Edge> edges;
    size_t omitted = 0;       // types on paths to changes left out by maxNodes
    size_t edgesOmitted = 0;  // references between drawn types left out (maxCrossEdgesPerNode)
};

struct DependencyGraphOptions {
    int depth = 2;  // type hops from the symbol; paths to changes always shown
    bool onlyPathsToChanges = false;
    const DiffResult* diff = nullptr;        // marks changes when given
    const SymbolDiff* symbolDiff = nullptr;  // this symbol's entry in `diff`
    // Larger graphs are cut, nodes nearest the symbol kept (the cut ones' parents marked
    // truncated): a symbol of a major rebase has hundreds of changed types on its paths, and a
    // layout of all of them took Graphviz minutes.
    size_t maxNodes = 400;
    size_t maxCauseLines = 4;  // per changed type, then "(+N more changes)"
    // References between types already drawn, beyond the edges that reach them, up to this many
    // per node: big types refer to each other densely, and Graphviz's time grows with edges.
    size_t maxCrossEdgesPerNode = 2;
};

DependencyGraph buildDependencyGraph(const BuildFile& build, const SymbolVersion& symbol,
                                     const DependencyGraphOptions& options);

// Graphviz DOT for the graph: nodes "n<i>", changed ones filled red, paths in a heavier line.
// `withCauses`: list the causes inside each changed type's box (the CLI's picture); the explorer
// shows them in its details pane and keeps the boxes small.
std::string toDot(const DependencyGraph& graph, bool withCauses = true);

}  // namespace kabiscope
