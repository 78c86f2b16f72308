// The diff engine on pairs of builds compiled at build time (tests/fixtures/pairs/<name>.{0,1}.c),
// one kind of change each: the text and JSON reports must match the reviewed expected files,
// and the engine's invariants must hold on every pair.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/test_support.h"
#include "diff/build_diff.h"
#include "version/build_loader.h"
#include "base/error.h"
#include "diff/report_writers.h"
#include "explore/aligned_tree.h"
#include "graph/reference_edges.h"
#include "graph/dependency_graph.h"
#include "graph/graphviz.h"
#include "output/writers.h"
#include "output/reference_writer.h"
#include "readers/read_build.h"

namespace kabiscope {
namespace {

// Loads one side; paths are shortened so reports do not depend on the build directory.
Build loadSide(const std::string& pair, int side, const VersionOptions& options) {
    const std::string file = pair + "." + std::to_string(side) + ".o";
    Build build = loadBuild(test::fixturePath(file), options);
    build.path = file;
    for (auto& f : build.files) {
        f.path = file;
        f.module = moduleNameFor(file);
    }
    build.index();
    return build;
}

DiffResult diffPair(const std::string& pair, const VersionOptions& options = {}) {
    const Build before = loadSide(pair, 0, options);
    const Build after = loadSide(pair, 1, options);
    DiffOptions diffOptions;
    diffOptions.firstDifferences = true;
    return diffBuilds(before, after, diffOptions);
}

std::string expectedPath(const std::string& name) { return std::string(KABISCOPE_PAIRS_DIR) + "/expected/" + name; }

// The changed symbols of a multi-unit pair are explained on several threads (grouped by pair of
// scopes); the report must be the same byte for byte whatever the thread count.
TEST(DiffThreads, ThreadCountDoesNotChangeTheReport) {
    const Build before = loadSide("multi_pair", 0, {});
    const Build after = loadSide("multi_pair", 1, {});
    ASSERT_GE(after.files.front().scopes.size(), 5u) << "one scope per linked unit";
    auto report = [&](unsigned threads) {
        DiffOptions options;
        options.threads = threads;
        options.firstDifferences = true;
        const DiffResult diff = diffBuilds(before, after, options);
        std::ostringstream out;
        writeDiffJson(diff, out);
        writeDiffText(diff, out);
        return std::make_pair(diff.summary.changed, out.str());
    };
    const auto single = report(1);
    EXPECT_GE(single.first, 5u);
    EXPECT_EQ(report(2), single);
    EXPECT_EQ(report(3), single);
    EXPECT_EQ(report(8), single);
}

// Compares with the expected file; KABISCOPE_UPDATE_EXPECTED=1 rewrites it for review.
void expectMatchesFile(const std::string& actual, const std::string& name) {
    if (std::getenv("KABISCOPE_UPDATE_EXPECTED")) {
        std::ofstream(expectedPath(name), std::ios::binary) << actual;
        return;
    }
    EXPECT_EQ(actual, test::readFile(expectedPath(name))) << "report differs from tests/fixtures/pairs/expected/" << name;
}

// Invariants of every diff (docs/diff-algorithm.md).
void checkInvariants(const DiffResult& diff) {
    for (const auto& symbol : diff.symbols) {
        if (symbol.status == SymbolStatus::Changed) {
            EXPECT_FALSE(symbol.causes.empty()) << symbol.name << ": a changed CRC has at least one cause";
            EXPECT_NE(symbol.oldCrc, symbol.newCrc);
        } else {
            EXPECT_TRUE(symbol.causes.empty()) << symbol.name << ": only changed symbols have causes";
        }
        ASSERT_EQ(symbol.causes.size(), symbol.paths.size());
        std::set<std::pair<std::string, std::string>> nodes;
        for (size_t i = 0; i < symbol.causes.size(); ++i) {
            const Cause& cause = diff.causes.at(symbol.causes[i] - 1);
            EXPECT_EQ(cause.id, symbol.causes[i]);
            const std::vector<std::string> path = diff.pathTo(symbol, i);
            ASSERT_FALSE(path.empty());
            EXPECT_EQ(path.front(), symbol.name) << "a path starts at its symbol";
            EXPECT_EQ(path.back(), cause.node.empty() ? cause.type : cause.node)
                << "a path ends at the cause's node";
            nodes.emplace(cause.type, cause.node);
        }
        // Minimal: no cause sits inside another cause's node of the same type. The type itself
        // ("", or "type"/"return type" for the anonymous type of a typedef, variable or
        // function) may change alongside its members: its size is not a member's change.
        auto isTheTypeItself = [](const std::string& node) {
            return node.empty() || node == "type" || node == "return type";
        };
        for (const auto& [type, node] : nodes)
            for (const auto& [otherType, otherNode] : nodes)
                if (type == otherType && !isTheTypeItself(node) && otherNode != node) {
                    EXPECT_NE(otherNode.rfind(node + ".", 0), 0u) << otherNode << " lies inside " << node;
                }
    }
    for (const Cause& cause : diff.causes) {
        EXPECT_FALSE(cause.symbols.empty());
        // A cause is a node whose own rendering differs, so its type's rendering differs.
        EXPECT_NE(cause.oldRendering, cause.newRendering) << cause.title();
    }
    for (size_t i = 1; i < diff.causes.size(); ++i)
        EXPECT_GE(diff.causes[i - 1].symbols.size(), diff.causes[i].symbols.size()) << "causes are ranked";
}

class DiffPairs : public testing::TestWithParam<std::string> {};

// The JSON report's paths, rebuilt the way docs/diff-json.md tells a script to, are the engine's.
void checkJsonPaths(const DiffResult& diff, const std::string& report) {
    const nlohmann::json root = nlohmann::json::parse(report);
    const nlohmann::json& steps = root.at("steps");
    size_t checked = 0;
    for (const nlohmann::json& symbol : root.at("symbols")) {
        const auto it = std::find_if(diff.symbols.begin(), diff.symbols.end(),
                                     [&](const SymbolDiff& s) { return s.name == symbol.at("name"); });
        ASSERT_NE(it, diff.symbols.end());
        for (size_t i = 0; i < it->causes.size(); ++i) {
            const Cause& cause = diff.causes[it->causes[i] - 1];
            const nlohmann::json& start = symbol.at("type_paths").at(cause.type);
            std::vector<std::string> path{it->name};
            if (!start[0].get<std::string>().empty()) path.push_back(start[0]);
            for (nlohmann::json next = start[1]; !next.is_null(); next = steps.at(next.get<size_t>())[2]) {
                const nlohmann::json& step = steps.at(next.get<size_t>());
                path.push_back(step[0]);
                if (!step[1].get<std::string>().empty()) path.push_back(step[1]);
            }
            if (!cause.node.empty()) path.push_back(cause.node);
            EXPECT_EQ(path, diff.pathTo(*it, i)) << it->name << " #" << cause.id;
            ++checked;
        }
    }
    EXPECT_EQ(checked > 0, diff.summary.changed > 0);
}

TEST_P(DiffPairs, ReportsMatchExpectedAndInvariantsHold) {
    const DiffResult diff = diffPair(GetParam());
    checkInvariants(diff);
    std::ostringstream text, json;
    writeDiffText(diff, text);
    writeDiffJson(diff, json);
    checkJsonPaths(diff, json.str());
    expectMatchesFile(text.str(), GetParam() + ".txt");
    expectMatchesFile(json.str(), GetParam() + ".json");
}

// `before` and `text` (the same old build read from text) against `after`: the same text and
// JSON reports, byte for byte.
void expectSameReports(const Build& before, const Build& text, const Build& after) {
    DiffOptions options;
    options.firstDifferences = true;
    const DiffResult fromDwarf = diffBuilds(before, after, options);
    const DiffResult fromText = diffBuilds(text, after, options);
    checkInvariants(fromText);
    std::ostringstream a, b, ja, jb;
    writeDiffText(fromDwarf, a);
    writeDiffText(fromText, b);
    writeDiffJson(fromDwarf, ja);
    writeDiffJson(fromText, jb);
    EXPECT_EQ(b.str(), a.str());
    EXPECT_EQ(jb.str(), ja.str());
}

// The old side read from its symtypes text (as a reviewer keeps it in git) gives the very report
// the DWARF old side gives: the same changed symbols, causes, paths and descriptions.
TEST_P(DiffPairs, SymtypesOldSideGivesTheSameReport) {
    const Build before = loadSide(GetParam(), 0, {});
    const Build after = loadSide(GetParam(), 1, {});
    test::TempDir dir("pairs-symtypes");
    std::ostringstream symtypes;
    for (const BuildFile& file : before.files) writeSymtypes(file, symtypes);
    const std::string path = dir.write(GetParam() + ".symtypes", symtypes.str());
    Build text = readBuild(path, {});
    text.path = before.path;
    for (auto& f : text.files) {
        f.path = before.files.front().path;
        f.module = before.files.front().module;
    }
    text.index();
    expectSameReports(before, text, after);
}

// A reference in git instead of the old build (issue 12): the reference of A against B gives
// the report of A against B, byte for byte, in text and JSON.
TEST_P(DiffPairs, ReferenceOldSideGivesTheSameReport) {
    const Build before = loadSide(GetParam(), 0, {});
    const Build after = loadSide(GetParam(), 1, {});
    test::TempDir dir("pairs-reference");
    std::ostringstream reference;
    writeReference(before, reference);
    const std::string path = dir.write(GetParam() + ".ref", reference.str());
    ASSERT_EQ(detectBuildInput(path), BuildInput::Reference);
    Build text = readBuild(path, {});
    text.path = before.path;
    ASSERT_EQ(text.files.size(), before.files.size());
    for (size_t i = 0; i < text.files.size(); ++i) text.files[i].path = before.files[i].path;
    text.index();
    expectSameReports(before, text, after);
}

// Every pair tests/CMakeLists.txt compiles (KABISCOPE_DIFF_PAIRS), so none goes unchecked.
std::vector<std::string> allPairs() {
    std::vector<std::string> names;
    std::istringstream list(KABISCOPE_DIFF_PAIR_NAMES);
    for (std::string name; std::getline(list, name, ',');) names.push_back(name);
    return names;
}

TEST(DiffPairsList, ComesFromTheBuild) { EXPECT_GE(allPairs().size(), 8u); }

INSTANTIATE_TEST_SUITE_P(Pairs, DiffPairs, testing::ValuesIn(allPairs()));

// The folding pair (tests/fixtures/pairs/folding.*.c): each struct holds one case of
// docs/diff-algorithm.md's folding rules, used by one function.
TEST(DiffPairsFacts, ConsequencesFoldUnderTheChangeAPersonMade) {
    const DiffResult diff = diffPair("folding");
    std::map<std::string, std::vector<const Cause*>> of;  // symbol -> its causes
    for (const SymbolDiff& symbol : diff.symbols)
        for (uint32_t id : symbol.causes) of[symbol.name].push_back(&diff.causes[id - 1]);
    auto folded = [](const Cause& cause, const std::string& type) {
        std::vector<std::string> out;
        for (const Cause::Folded& f : cause.folded)
            if (f.type == type) out.push_back(f.node.empty() ? f.description : f.node + ": " + f.description);
        return out;
    };
    using Lines = std::vector<std::string>;
    // A member inserted in the middle: the later offsets and the size fold under it.
    ASSERT_EQ(of["fd_use_insert"].size(), 1u);
    EXPECT_EQ(of["fd_use_insert"][0]->node, "member x");
    EXPECT_EQ(folded(*of["fd_use_insert"][0], ""),
              (Lines{"byte_size changed from 32 to 40", "member b: offset changed from 8 to 16",
                     "member c: offset changed from 16 to 24", "member d: offset changed from 24 to 32"}));
    // A member grown in place.
    ASSERT_EQ(of["fd_use_grow"].size(), 1u);
    EXPECT_EQ(of["fd_use_grow"][0]->kind, ChangeKind::TypeChanged);
    EXPECT_EQ(of["fd_use_grow"][0]->foldedSummary(), "+2 members shifted, byte_size 32 -> 48");
    // A change inside a nested anonymous union: its size, its own move (alignment), the later
    // member and the struct's size.
    ASSERT_EQ(of["fd_use_nested"].size(), 1u);
    EXPECT_EQ(of["fd_use_nested"][0]->node, "member u.member wide");
    EXPECT_EQ(folded(*of["fd_use_nested"][0], "").size(), 4u);
    // A reorder stays a cause: nothing before the first moved member explains it.
    ASSERT_EQ(of["fd_use_reorder"].size(), 1u);
    EXPECT_EQ(of["fd_use_reorder"][0]->description, "offset changed from 8 to 0");
    // Two independent changes: two causes, each with the members after it up to the next one.
    ASSERT_EQ(of["fd_use_two"].size(), 2u);
    EXPECT_EQ(of["fd_use_two"][0]->node, "member x");
    EXPECT_EQ(of["fd_use_two"][1]->node, "member y");
    EXPECT_EQ(folded(*of["fd_use_two"][0], ""),
              (Lines{"byte_size changed from 32 to 48", "member b: offset changed from 8 to 16",
                     "member c: offset changed from 16 to 24"}));
    EXPECT_EQ(folded(*of["fd_use_two"][1], ""), (Lines{"member d: offset changed from 24 to 40"}));
    // An embedded struct grew: the moves in the struct holding it fold under the member that
    // grew it, in the other type.
    ASSERT_EQ(of["fd_use_outer"].size(), 1u);
    EXPECT_EQ(of["fd_use_outer"][0]->type, "s#fd_inner");
    EXPECT_EQ(folded(*of["fd_use_outer"][0], "s#fd_outer"),
              (Lines{"member after: offset changed from 16 to 24", "byte_size changed from 32 to 40",
                     "member last: offset changed from 24 to 32"}));
    EXPECT_EQ(of["fd_use_outer"][0]->foldedSummary(), "byte_size 8 -> 16, moves members of s#fd_outer");
}

TEST(DiffPairsFacts, OneStructChangeRipplesIntoEveryExportThatReachesIt) {
    const DiffResult diff = diffPair("ripple");
    EXPECT_EQ(diff.summary.changed, 3u);
    EXPECT_EQ(diff.summary.unchanged, 1u);  // rp_lookup never reaches rp_stats
    const auto it = std::find_if(diff.causes.begin(), diff.causes.end(), [](const Cause& c) {
        return c.type == "s#rp_stats" && c.node == "member dropped" && c.kind == ChangeKind::Added;
    });
    ASSERT_NE(it, diff.causes.end());
    EXPECT_EQ(it->symbols.size(), 3u);
    // The path names how rp_register reaches the changed member.
    for (const auto& symbol : diff.symbols) {
        if (symbol.name != "rp_register") continue;
        bool found = false;
        for (size_t i = 0; i < symbol.causes.size(); ++i)
            if (symbol.causes[i] == it->id) {
                found = true;
                EXPECT_EQ(diff.pathTo(symbol, i),
                          (std::vector<std::string>{"rp_register", "parameter 1 (dev)", "s#rp_netdev", "member queues",
                                                    "s#rp_queue", "member stats", "s#rp_stats", "member dropped"}));
            }
        EXPECT_TRUE(found);
    }
}

TEST(DiffPairsFacts, FirstDifferenceOfCrcInputsIsFound) {
    const DiffResult diff = diffPair("member_type");
    ASSERT_EQ(diff.symbols.size(), 1u);
    const FirstDifference& first = diff.symbols[0].firstDifference;
    ASSERT_TRUE(first.found);
    const size_t at = first.offset - first.contextStart;
    ASSERT_LT(at, first.oldContext.size());
    EXPECT_NE(first.oldContext[at], first.newContext[at]);
    EXPECT_EQ(first.oldContext.substr(0, at), first.newContext.substr(0, at));
}

TEST(DiffPairsFacts, StableRulesKeepTheCrcAndTheDiffSaysSo) {
    VersionOptions stable;
    stable.stable = true;
    const DiffResult withRules = diffPair("stable", stable);
    checkInvariants(withRules);
    EXPECT_FALSE(withRules.anyChange());
    EXPECT_TRUE(withRules.causes.empty());
    const DiffResult without = diffPair("stable");
    EXPECT_TRUE(without.anyChange()) << "without --stable the reserved slot's use shows";
}

TEST(DiffPairsFacts, RustStructChangeIsNamed) {
    VersionOptions rust;
    rust.exportSource = ExportSource::Rust;
    const DiffResult diff = diffPair("rust_pair", rust);
    checkInvariants(diff);
    EXPECT_EQ(diff.summary.changed, 1u);
    EXPECT_EQ(diff.summary.unchanged, 1u);
    const auto it = std::find_if(diff.causes.begin(), diff.causes.end(), [](const Cause& c) {
        return c.type == "s#rust_pair::Packet" && c.node == "member mark" && c.kind == ChangeKind::Added;
    });
    EXPECT_NE(it, diff.causes.end());
}

TEST(DiffPairsFacts, AddedAndRemovedSymbolsCarryOneCrcEach) {
    const DiffResult diff = diffPair("param_renamed");
    EXPECT_EQ(diff.summary.added, 1u);
    EXPECT_EQ(diff.summary.removed, 1u);
    for (const auto& symbol : diff.symbols) {
        if (symbol.status == SymbolStatus::Added) {
            EXPECT_TRUE(symbol.newCrc && !symbol.oldCrc);
        }
        if (symbol.status == SymbolStatus::Removed) {
            EXPECT_TRUE(symbol.oldCrc && !symbol.newCrc);
        }
    }
}

}  // namespace
}  // namespace kabiscope

namespace kabiscope {
namespace {

TEST(DependencyGraphTest, DotOfARippleMatchesExpectedAndMarksThePath) {
    const Build before = loadSide("ripple", 0, {});
    const Build after = loadSide("ripple", 1, {});
    const DiffResult diff = diffBuilds(before, after);
    const auto& ref = after.symbols.at("rp_register");
    DependencyGraphOptions options;
    options.diff = &diff;
    for (const auto& symbol : diff.symbols)
        if (symbol.name == "rp_register") options.symbolDiff = &symbol;
    ASSERT_NE(options.symbolDiff, nullptr);
    const DependencyGraph graph = buildDependencyGraph(*ref.file, *ref.symbol, options);
    expectMatchesFile(toDot(graph), "ripple.rp_register.dot");
    size_t changed = 0, onPath = 0;
    for (const auto& node : graph.nodes) {
        changed += node.changed;
        onPath += node.onPath;
    }
    EXPECT_EQ(changed, 1u);  // rp_stats; rp_queue's moved member folds under its growth
    EXPECT_EQ(onPath, 4u);   // the symbol, rp_netdev, rp_queue, rp_stats
    // Graphviz lays it out: every node gets a box, every edge a spline.
    const GraphLayout layout = layoutDot(toDot(graph));
    EXPECT_EQ(layout.nodes.size(), graph.nodes.size());
    EXPECT_EQ(layout.edges.size(), graph.edges.size());
    for (const auto& edge : layout.edges) EXPECT_GE(edge.spline.size(), 4u);
    EXPECT_GT(layout.width, 0);
}

// A major rebase puts hundreds of changed types on one symbol's paths: the graph keeps the ones
// nearest the symbol, says how many it left out, and shortens long lists of causes.
TEST(DependencyGraphTest, ANodeLimitCutsEvenPathsToChangesAndSaysSo) {
    const Build before = loadSide("ripple", 0, {});
    const Build after = loadSide("ripple", 1, {});
    const DiffResult diff = diffBuilds(before, after);
    const auto& ref = after.symbols.at("rp_register");
    DependencyGraphOptions options;
    options.diff = &diff;
    for (const auto& symbol : diff.symbols)
        if (symbol.name == "rp_register") options.symbolDiff = &symbol;
    options.onlyPathsToChanges = true;
    const DependencyGraph whole = buildDependencyGraph(*ref.file, *ref.symbol, options);
    EXPECT_EQ(whole.nodes.size(), 4u);  // the symbol, rp_netdev, rp_queue, rp_stats
    EXPECT_EQ(whole.omitted, 0u);
    options.maxNodes = 2;
    const DependencyGraph cut = buildDependencyGraph(*ref.file, *ref.symbol, options);
    ASSERT_EQ(cut.nodes.size(), 2u);
    EXPECT_EQ(cut.nodes[1].name, "s#rp_netdev");  // nearest first
    EXPECT_TRUE(cut.nodes[1].truncated);
    EXPECT_EQ(cut.omitted, 1u);  // rp_queue (rp_stats lies beyond it)
    options.maxNodes = 400;
    options.maxCauseLines = 0;
    const DependencyGraph brief = buildDependencyGraph(*ref.file, *ref.symbol, options);
    for (const auto& node : brief.nodes) {
        if (node.changed) {
            EXPECT_EQ(node.causes, std::vector<std::string>{"(+1 more change)"}) << node.name;
        }
    }
}

TEST(DependencyGraphTest, DepthLimitMarksTruncatedNodes) {
    const Build after = loadSide("ripple", 1, {});
    const auto& ref = after.symbols.at("rp_register");
    DependencyGraphOptions options;
    options.depth = 1;
    const DependencyGraph graph = buildDependencyGraph(*ref.file, *ref.symbol, options);
    ASSERT_EQ(graph.nodes.size(), 2u);  // rp_register -> struct rp_netdev, no further
    EXPECT_TRUE(graph.nodes[1].truncated);
    // The note is on a line of its own in the DOT label: a DOT "\n", not an escaped backslash.
    const std::string dot = toDot(graph);
    EXPECT_NE(dot.find("\\n(more not shown)\""), std::string::npos) << dot;
    EXPECT_EQ(dot.find("\\\\n"), std::string::npos) << dot;
    const GraphLayout layout = layoutDot(dot);
    EXPECT_EQ(layout.nodes.size(), 2u);
}

// Routing curved edges around a dense cone took 85% of a 7 s layout: there edges are straight;
// a large tree (a graph of paths) and a small graph keep their curves, and both lay out.
TEST(DependencyGraphTest, ADenseLargeGraphGetsStraightEdges) {
    auto graphOf = [](size_t nodes, size_t edgesPerNode) {
        DependencyGraph graph;
        for (size_t i = 0; i < nodes; ++i) {
            DependencyGraph::Node node;
            node.name = "s#t" + std::to_string(i);
            node.label = "struct t" + std::to_string(i);
            graph.nodes.push_back(std::move(node));
        }
        for (size_t i = 1; i < nodes; ++i)
            for (size_t k = 0; k < edgesPerNode; ++k) graph.edges.push_back({(i - 1 + k * 7) % i, i, "member m"});
        return graph;
    };
    const DependencyGraph dense = graphOf(80, 3), tree = graphOf(80, 1), small = graphOf(20, 3);
    EXPECT_NE(toDot(dense).find("splines=line"), std::string::npos);
    EXPECT_EQ(toDot(tree).find("splines=line"), std::string::npos);
    EXPECT_EQ(toDot(small).find("splines=line"), std::string::npos);
    const GraphLayout layout = layoutDot(toDot(dense));
    EXPECT_EQ(layout.nodes.size(), dense.nodes.size());
    ASSERT_FALSE(layout.edges.empty());
    EXPECT_GE(layout.edges.front().spline.size(), 2u);
}

TEST(DependencyGraphTest, MalformedDotIsAnError) { EXPECT_THROW(layoutDot("digraph { n0 -> "), Error); }

}  // namespace
}  // namespace kabiscope

namespace kabiscope {
namespace {

// A symbol whose whole rendering comes from a kABI type_string rule still shows it.
TEST(AlignedTreeTest, ASymbolPinnedByATypeStringRuleShowsTheRule) {
    VersionOptions options;
    options.stable = true;
    const Build build = loadBuild(test::fixturePath("render_typestr.o"), options);
    const auto& ref = build.symbols.at("ts_pinned");
    ASSERT_TRUE(ref.symbol->target.isRecord());
    const TreeSide side{ref.file, ref.symbol};
    const AlignedTree tree(side, side, nullptr, nullptr);
    EXPECT_EQ(tree.rendering(0, true),
              "subprogram ( formal_parameter base_type int byte_size(4) encoding(5) ) -> base_type int byte_size(4) encoding(5)");
}

// Expanding the tree along every cause path reaches a change site for every cause, and no row
// outside those paths is a change site: the tree highlights exactly what the engine reports.
TEST(AlignedTreeTest, ChangeSitesAreExactlyTheEnginesCauses) {
    for (const char* pair : {"ripple", "member_added", "member_removed", "enum_change", "param_renamed", "declaration", "typedef_anon"}) {
        const Build before = loadSide(pair, 0, {});
        const Build after = loadSide(pair, 1, {});
        const DiffResult diff = diffBuilds(before, after);
        for (const SymbolDiff& symbol : diff.symbols) {
            if (symbol.status != SymbolStatus::Changed) continue;
            const auto& o = before.symbols.at(symbol.name);
            const auto& n = after.symbols.at(symbol.name);
            AlignedTree tree({o.file, o.symbol}, {n.file, n.symbol}, &diff, &symbol);
            std::set<uint32_t> reached;
            for (size_t p = 0; p < tree.pathCount(); ++p) {
                const auto chain = tree.rowsAlongPath(p);
                for (int row : chain) EXPECT_TRUE(tree.row(row).onPath) << pair << " " << tree.row(row).label;
                const AlignedRow& last = tree.row(chain.back());
                EXPECT_TRUE(last.changeSite) << pair << ": path " << p << " of " << symbol.name << " ends at "
                                             << last.label;
                reached.insert(last.causes.begin(), last.causes.end());
            }
            EXPECT_EQ(reached, std::set<uint32_t>(symbol.causes.begin(), symbol.causes.end())) << pair << " " << symbol.name;
        }
    }
}

// A function's return type is labelled as such in the tree and on the graph's edge.
TEST(AlignedTreeTest, TheReturnTypeIsLabelled) {
    const Build build = loadSide("enum_change", 1, {});
    const auto& ref = build.symbols.at("ec_get");
    AlignedTree tree({ref.file, ref.symbol}, {ref.file, ref.symbol}, nullptr, nullptr);
    std::vector<std::string> labels;
    for (int child : tree.children(tree.root())) labels.push_back(tree.row(child).label);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0], "return type: enum ec_state");
    EXPECT_EQ(tree.row(tree.children(tree.root())[0]).key, "e#ec_state");  // keys still match the paths
    const auto edges = referenceEdges(ref.file->graph, ref.symbol->target.index());
    ASSERT_EQ(edges.size(), 1u);
    EXPECT_EQ(edges[0].label, "return type");
}

// The diff walks namedChildren and makes labels from referenceEdges only for a cause's path:
// edge i must be the same reference in both.
TEST(ReferenceEdgesTest, NamedChildrenAreTheEdgesInTheirOrder) {
    size_t compared = 0;
    for (const char* pair : {"folding", "ripple", "typedef_anon"}) {
        const Build build = loadSide(pair, 1, {});
        for (const BuildFile& file : build.files)
            for (NodeId node = 0; node < file.graph.size(); ++node) {  // every rendering, named or not
                std::vector<NodeId> children;
                namedChildren(file.graph, node, children);
                std::vector<NodeId> fromEdges;
                for (const ReferenceEdge& e : referenceEdges(file.graph, node)) fromEdges.push_back(e.named);
                EXPECT_EQ(children, fromEdges) << pair << " node " << node;
                compared += children.size();
            }
    }
    EXPECT_GT(compared, 20u);
}

TEST(AlignedTreeTest, MembersCarryOffsetsSizesAndHoles) {
    const Build before = loadSide("member_removed", 0, {});
    const Build after = loadSide("member_removed", 1, {});
    const auto& o = before.symbols.at("mr_submit");
    const auto& n = after.symbols.at("mr_submit");
    AlignedTree tree({o.file, o.symbol}, {n.file, n.symbol}, nullptr, nullptr);
    const int parameter = tree.children(tree.root()).at(0);
    const int type = tree.children(parameter).at(0);
    EXPECT_EQ(tree.row(type).key, "s#mr_req");
    std::map<std::string, const AlignedRow*> members;
    for (int child : tree.children(type)) members[tree.row(child).key] = &tree.row(child);
    ASSERT_TRUE(members.count("member legacy"));
    EXPECT_TRUE(members["member legacy"]->inOld);
    EXPECT_FALSE(members["member legacy"]->inNew);
    EXPECT_EQ(members["member legacy"]->oldOffset, 8u);
    EXPECT_EQ(members["member legacy"]->oldSize, 8u);
    EXPECT_EQ(members["member len"]->oldOffset, 16u);
    EXPECT_EQ(members["member len"]->newOffset, 4u);
    EXPECT_EQ(members["member len"]->newSize, 4u);
}

}  // namespace
}  // namespace kabiscope
