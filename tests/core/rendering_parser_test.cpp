// Renderings read back into nodes (readers/rendering_parser.h): every line of every reference
// symtypes file parses and flattens back to its exact bytes, and the nodes have the very shape
// the DWARF renderer gives the same types (kinds, names, fragments), which is what lets a
// symtypes side be diffed member by member like a DWARF side.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "core/test_support.h"
#include "model/type_table.h"
#include "readers/rendering_parser.h"
#include "readers/symtypes_reader.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

// Why two nodes differ in shape, or "" when they are the same: kind, keyword, name and every
// fragment, named children by reference name only (their own rendering is another record).
std::string shapeDifference(const TypeGraph& ga, NodeId a, const TypeGraph& gb, NodeId b, unsigned depth = 0) {
    const TypeNode& na = ga.node(a);
    const TypeNode& nb = gb.node(b);
    // The one shape text cannot give back: a union a kABI rule reserves (KABI_USE) renders as its
    // placeholder; DWARF keeps the union around the placeholder's node, the text has the placeholder.
    const auto fa0 = ga.fragments(a);
    if (na.kind == NodeKind::Union && na.name().empty() && fa0.size() == 1 && fa0[0].kind() == Fragment::Kind::Child &&
        nb.kind != NodeKind::Union)
        return shapeDifference(ga, fa0[0].child(), gb, b, depth + 1);
    const std::string where = std::string(na.keyword()) + " '" + std::string(na.name()) + "'";
    if (na.kind != nb.kind || na.keyword() != nb.keyword() || na.name() != nb.name())
        return where + " against " + std::string(nb.keyword()) + " '" + std::string(nb.name()) + "'";
    // An enumerator a kABI rule ignores stays in DWARF's graph as an empty node; text has nothing.
    auto kept = [](const TypeGraph& g, NodeId id) {
        std::vector<Fragment> out;
        for (const Fragment& f : g.fragments(id))
            if (!(f.kind() == Fragment::Kind::Child && g.node(f.child()).kind == NodeKind::Enumerator &&
                  g.fragments(f.child()).empty()))
                out.push_back(f);
        return out;
    };
    const std::vector<Fragment> fa = kept(ga, a);
    const std::vector<Fragment> fb = kept(gb, b);
    if (fa.size() != fb.size()) return where + ": " + std::to_string(fa.size()) + " fragments against " + std::to_string(fb.size());
    for (size_t i = 0; i < fa.size(); ++i) {
        const Fragment& x = fa[i];
        const Fragment& y = fb[i];
        const std::string at = where + " fragment " + std::to_string(i);
        if (x.kind() != y.kind() || x.spaceBefore() != y.spaceBefore()) return at + ": kind or space differs";
        switch (x.kind()) {
        case Fragment::Kind::Text:
            if (x.textView() != y.textView()) return at + ": '" + std::string(x.textView()) + "' against '" + std::string(y.textView()) + "'";
            break;
        case Fragment::Kind::Number:
            if (x.label() != y.label() || uint64_t{x.number} != uint64_t{y.number}) return at + ": number differs";
            break;
        case Fragment::Kind::Child: {
            const bool namedA = ga.isNamedType(x.child());
            if (namedA != gb.isNamedType(y.child())) return at + ": a reference against an inline node";
            if (namedA) {
                if (ga.referenceName(x.child()) != gb.referenceName(y.child())) return at + ": references differ";
            } else if (std::string inner = shapeDifference(ga, x.child(), gb, y.child(), depth + 1); !inner.empty()) {
                return inner;
            }
            break;
        }
        }
    }
    return {};
}

std::vector<std::string> symtypesFiles() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(test::dataPath("gendwarfksyms/expected")))
        if (entry.path().extension() == ".symtypes") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(RenderingParser, EveryReferenceLineParsesAndFlattensBack) {
    size_t lines = 0;
    for (const std::string& path : symtypesFiles()) {
        std::istringstream in(test::readFile(path));
        TypeGraph graph;
        ReferenceStubs stubs(graph);
        for (std::string line; std::getline(in, line);) {
            const size_t end = symtypesNameEnd(line);
            ASSERT_NE(end, std::string::npos) << path << ": " << line;
            const std::string name = line.substr(0, end);
            const std::string rendering = line.substr(end + 1);
            const NodeId root = parseRendering(graph, stubs, name, rendering);
            ASSERT_NE(root, kNoNode) << path << ": " << line;
            EXPECT_EQ(flattenNode(graph, root, {}).rendering(), rendering);
            ++lines;
        }
    }
    EXPECT_GE(lines, 500u);
}

// For every reference vector: each type and symbol the DWARF renderer made has a symtypes line,
// and the node read from that line has the DWARF node's shape.
TEST(RenderingParser, NodesHaveTheShapeDwarfGives) {
    size_t compared = 0;
    for (const auto& vector : test::vectorCases()) {
        for (const bool stable : {false, true}) {
            const std::string base = test::dataPath("gendwarfksyms/expected/" + vector.name + (stable ? ".stable" : ""));
            if (!test::fileExists(base + ".symtypes")) continue;
            VersionOptions options;
            options.stable = stable;
            options.wholeFile = true;
            std::istringstream list(test::readFile(test::dataPath("gendwarfksyms/expected/" + vector.name + ".syms")));
            options.exports = ExportList::parse(list, "syms");
            const BuildFile dwarf = versionFile(test::dataPath("gendwarfksyms/" + vector.object), options);
            const BuildFile text = readSymtypesFile(base + ".symtypes");
            ASSERT_EQ(dwarf.scopes.size(), 1u) << vector.name;
            ASSERT_EQ(text.scopes.size(), 1u) << vector.name;
            const VersionScope& ds = *dwarf.scopes[0];
            const VersionScope& ts = *text.scopes[0];
            for (const auto& [name, target] : ds.types) {
                if (target.isRecord()) continue;  // a type_string rule's text
                auto it = ts.types.find(name);
                ASSERT_NE(it, ts.types.end()) << vector.name << ": " << name;
                ASSERT_FALSE(it->second.isRecord()) << vector.name << ": " << name << " was kept as text";
                EXPECT_EQ(shapeDifference(dwarf.graph, target.index(), text.graph, it->second.index()), "")
                    << vector.name << (stable ? " --stable" : "") << ": " << name;
                ++compared;
            }
            for (const SymbolVersion& symbol : dwarf.symbols) {
                if (!symbol.hasTypes() || symbol.target.isRecord()) continue;
                auto it = std::find_if(text.symbols.begin(), text.symbols.end(),
                                       [&](const SymbolVersion& s) { return s.name() == symbol.name(); });
                ASSERT_NE(it, text.symbols.end()) << symbol.name();
                ASSERT_FALSE(it->target.isRecord()) << vector.name << ": " << symbol.name() << " was kept as text";
                EXPECT_EQ(shapeDifference(dwarf.graph, symbol.target.index(), text.graph, it->target.index()), "")
                    << vector.name << (stable ? " --stable" : "") << ": " << symbol.name();
                ++compared;
            }
        }
    }
    EXPECT_GE(compared, 500u);
}

TEST(RenderingParser, ReadsTheAmbiguousSpotsAsTheRendererWrites) {
    TypeGraph graph;
    ReferenceStubs stubs(graph);
    // A base type's name runs to its first attribute; the member's name follows them.
    const std::string s = "structure_type foo { member base_type long unsigned int byte_size(8) encoding(7) len "
                          "data_member_location(0) , member t#u32 flags data_member_location(8) , member base_type "
                          "void } byte_size(16)";
    const NodeId root = parseRendering(graph, stubs, "s#foo", s);
    ASSERT_NE(root, kNoNode);
    EXPECT_EQ(graph.node(root).kind, NodeKind::Structure);
    EXPECT_EQ(graph.node(root).name(), "foo");
    std::vector<NodeId> members;
    for (const Fragment& f : graph.fragments(root))
        if (f.kind() == Fragment::Kind::Child) members.push_back(f.child());
    ASSERT_EQ(members.size(), 3u);
    EXPECT_EQ(graph.node(members[0]).name(), "len");
    EXPECT_EQ(graph.node(members[1]).name(), "flags");
    EXPECT_EQ(graph.node(members[2]).name(), "");  // "base_type void": no type node, no name
    auto typeOf = [&](NodeId member) {
        for (const Fragment& f : graph.fragments(member))
            if (f.kind() == Fragment::Kind::Child) return f.child();
        return kNoNode;
    };
    const NodeId base = typeOf(members[0]);
    EXPECT_EQ(graph.node(base).kind, NodeKind::BaseType);
    EXPECT_EQ(graph.node(base).name(), "long unsigned int");
    const NodeId stub = typeOf(members[1]);
    EXPECT_EQ(typeOf(members[2]), kNoNode);
    EXPECT_TRUE(graph.isNamedType(stub));
    EXPECT_EQ(graph.referenceName(stub), "t#u32");
    EXPECT_EQ(stubs.stub("t#u32"), stub) << "one stub per name";
    EXPECT_EQ(flattenNode(graph, root, {}).rendering(), s);
}

// A parameter reached again while in progress prints without its " , ", glued to what precedes
// it (docs/gendwarfksyms-compat.md): it is read as an item without a separator.
TEST(RenderingParser, ReadsAnItemPrintedWithoutItsSeparator) {
    TypeGraph graph;
    ReferenceStubs stubs(graph);
    const std::string s = "subprogram ( formal_parameter pointer_type { s#a } byte_size(8)formal_parameter pointer_type "
                          "{ s#b }formal_parameter base_type int byte_size(4) encoding(5) n ) -> base_type void";
    const NodeId root = parseRendering(graph, stubs, "fx_f", s);
    ASSERT_NE(root, kNoNode);
    std::vector<NodeId> parameters;
    for (const Fragment& f : graph.fragments(root))
        if (f.kind() == Fragment::Kind::Child && graph.node(f.child()).kind == NodeKind::Parameter) parameters.push_back(f.child());
    ASSERT_EQ(parameters.size(), 3u);
    EXPECT_EQ(graph.fragments(parameters[1]).front().textView(), "formal_parameter ");
    EXPECT_EQ(graph.node(parameters[1]).name(), "") << "the glued next item is not a name";
    EXPECT_EQ(graph.node(parameters[2]).name(), "n");
    EXPECT_EQ(flattenNode(graph, root, {}).rendering(), s);
}

TEST(RenderingParser, TextOutsideTheGrammarIsLeftToTheCaller) {
    TypeGraph graph;
    ReferenceStubs stubs(graph);
    const size_t before = graph.size();
    for (const char* bad : {"structure_type foo { member t#u32 x", "structure_type foo  { }", "struct foo { int a ; }",
                            "subprogram ( formal_parameter t#x ) ->", "structure_type bar { }", ""}) {
        EXPECT_EQ(parseRendering(graph, stubs, "s#foo", bad), kNoNode) << bad;
    }
    EXPECT_EQ(graph.size(), before) << "no node is made for text that fails the grammar";
    EXPECT_EQ(parseRendering(graph, stubs, "fx_a", "variable s#'core::result::Result<u64, ()>'") == kNoNode, false);
}

}  // namespace
}  // namespace kabiscope
