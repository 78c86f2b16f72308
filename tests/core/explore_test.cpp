// The explorers' shared logic (core/explore), without Qt or curses: loading a session with
// weighted progress, the symbol query, marks and cell texts, stepping through a symbol's
// changes in tree order, cycles and types in the tree, and the CRC input window.
#include <gtest/gtest.h>

#include "base/error.h"
#include "core/test_support.h"
#include "explore/what_if.h"
#include "explore/cell_texts.h"
#include "explore/crc_input_window.h"
#include "explore/explore_session.h"
#include "explore/marks.h"
#include "explore/symbol_query.h"
#include "explore/tree_navigation.h"
#include "version/crc_expander.h"

namespace kabiscope {
namespace {

ExploreRequest demoRequest() {
    ExploreRequest request;
    request.oldPath = KABISCOPE_DEMO_DIR "/demo.0.o";
    request.newPath = KABISCOPE_DEMO_DIR "/demo.1.o";
    return request;
}

class ExploreTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { holder_ = loadExploreSession(demoRequest(), {}, {}), session_ = holder_.get(); }
    static void TearDownTestSuite() { holder_.reset(), session_ = nullptr; }
    static std::vector<std::string> names(const std::vector<size_t>& indices) {
        std::vector<std::string> out;
        out.reserve(indices.size());
        for (size_t i : indices) out.push_back(session_->diff.symbols[i].name);
        return out;
    }
    static AlignedTree treeOf(const std::string& name) {
        const int index = session_->indexOf(name);
        EXPECT_GE(index, 0) << name;
        const auto& sides = session_->sides[size_t(index)];
        return AlignedTree(TreeSide{sides.before.file, sides.before.symbol}, TreeSide{sides.after.file, sides.after.symbol},
                           &session_->diff, &session_->diff.symbols[size_t(index)]);
    }
    static std::shared_ptr<ExploreSession> holder_;
    static ExploreSession* session_;
};
std::shared_ptr<ExploreSession> ExploreTest::holder_;
ExploreSession* ExploreTest::session_ = nullptr;

TEST(ExploreSessionLoad, ReportsWeightedProgressAndCanBeCancelled) {
    std::vector<int> percents;
    std::vector<std::string> stages;
    const auto session = loadExploreSession(
        demoRequest(), [&](const std::string& stage, int percent) { stages.push_back(stage), percents.push_back(percent); }, {});
    ASSERT_FALSE(percents.empty());
    EXPECT_EQ(percents.back(), 100);
    EXPECT_EQ(stages.back(), "diff: done");
    EXPECT_TRUE(std::is_sorted(percents.begin(), percents.end())) << "progress never goes back";
    EXPECT_LE(*std::max_element(percents.begin(), percents.end() - 1), 100);
    EXPECT_GE(std::count_if(stages.begin(), stages.end(), [](const std::string& s) { return s.rfind("loading", 0) == 0; }), 1);
    EXPECT_FALSE(session->single());
    EXPECT_EQ(session->sides.size(), session->diff.symbols.size());

    ExploreRequest one = demoRequest();
    one.oldPath.clear();
    const auto single = loadExploreSession(one, {}, {});
    EXPECT_TRUE(single->single());
    for (const SymbolDiff& symbol : single->diff.symbols) EXPECT_EQ(symbol.status, SymbolStatus::Unchanged) << symbol.name;

    EXPECT_THROW(loadExploreSession(demoRequest(), {}, [] { return true; }), Cancelled);
    ExploreRequest bad = demoRequest();
    bad.newPath = "/nonexistent/vmlinux";
    EXPECT_THROW(loadExploreSession(bad, {}, {}), Error);
}

TEST_F(ExploreTest, TheQueryFiltersByTextStatusAndModuleAndSortsByRawValues) {
    SymbolQuery query;
    query.setText("STATS", false);  // a substring, any case
    EXPECT_EQ(names(query.run(*session_, SymbolColumn::Name, false)), std::vector<std::string>{"demo_stats_read"});
    query.setText("^demo_(un)?register$", true);
    EXPECT_EQ(names(query.run(*session_, SymbolColumn::Name, false)), (std::vector<std::string>{"demo_register", "demo_unregister"}));
    query.setText("demo_(", true);
    EXPECT_FALSE(query.textValid());
    EXPECT_TRUE(query.run(*session_, SymbolColumn::Name, false).empty()) << "an invalid expression matches nothing";
    query.setText("", false);
    query.setStatusVisible(SymbolStatus::Changed, false);
    EXPECT_EQ(names(query.run(*session_, SymbolColumn::Name, false)), (std::vector<std::string>{"demo_legacy_poll", "demo_reset"}));
    query.clear();
    EXPECT_EQ(query.run(*session_, SymbolColumn::Name, false).size(), session_->diff.symbols.size());
    query.setModule("no/such/module");
    EXPECT_TRUE(query.run(*session_, SymbolColumn::Name, false).empty());
    query.clear();

    // Status descending: changed first (by name within), then added, then removed.
    const auto byStatus = names(query.run(*session_, SymbolColumn::Status, true));
    EXPECT_EQ(byStatus.front(), "demo_configure");
    EXPECT_EQ(byStatus[byStatus.size() - 2], "demo_reset");
    EXPECT_EQ(byStatus.back(), "demo_legacy_poll");
    // Causes descending: the two symbols with two causes lead.
    const auto byCauses = names(query.run(*session_, SymbolColumn::Causes, true));
    EXPECT_EQ(std::vector<std::string>(byCauses.begin(), byCauses.begin() + 3),
              (std::vector<std::string>{"demo_configure", "demo_register", "demo_unregister"}));
    // CRCs as numbers: demo_legacy_poll has no new CRC (-1), so it sorts first ascending.
    EXPECT_EQ(names(query.run(*session_, SymbolColumn::NewCrc, false)).front(), "demo_legacy_poll");

    const std::vector<size_t> shown = query.run(*session_, SymbolColumn::Name, false);
    const auto next = neighbourChangedSymbol(*session_, shown, std::nullopt, true);
    ASSERT_TRUE(next);
    EXPECT_EQ(session_->diff.symbols[shown[*next]].name, "demo_configure");
    const std::vector<std::string> shownNames = names(shown);
    const auto legacy = size_t(std::find(shownNames.begin(), shownNames.end(), "demo_legacy_poll") - shownNames.begin());
    const auto after = neighbourChangedSymbol(*session_, shown, legacy, true);
    ASSERT_TRUE(after);
    EXPECT_EQ(session_->diff.symbols[shown[*after]].name, "demo_link_state") << "skips to the next changed symbol";
    EXPECT_FALSE(neighbourChangedSymbol(*session_, shown, shown.size() - 1, true));
}

TEST_F(ExploreTest, CellTextsAndMarks) {
    const size_t index = size_t(session_->indexOf("demo_register"));
    const SymbolDiff& symbol = session_->diff.symbols[index];
    EXPECT_EQ(symbolCell(*session_, index, SymbolColumn::Status), "changed");
    EXPECT_EQ(symbolCell(*session_, index, SymbolColumn::OldCrc), "0x27637f37");
    EXPECT_EQ(symbolCell(*session_, index, SymbolColumn::Causes), "2");
    EXPECT_EQ(symbolCell(*session_, index, SymbolColumn::Module), symbol.module);
    const size_t removed = size_t(session_->indexOf("demo_legacy_poll"));
    EXPECT_EQ(symbolCell(*session_, removed, SymbolColumn::NewCrc), "\u2014");
    EXPECT_EQ(symbolColumnTitle(SymbolColumn::NewCrc, true), "CRC");
    EXPECT_EQ(markGlyph(markFor(SymbolStatus::Removed)), "\u2212");
    EXPECT_EQ(markGlyph(markFor(SymbolStatus::Removed), true), "-");
    EXPECT_EQ(markGlyph(Mark::OnPath, true), ">");
    EXPECT_EQ(sideValue(16, 24, false), "16 \u2192 24");
    EXPECT_EQ(sideValue(16, 24, true), "24");
    EXPECT_EQ(sideValue(std::nullopt, 8, false), "8");
}

TEST_F(ExploreTest, StepsThroughTheChangesInTreeOrderThenOffersTheNextSymbol) {
    AlignedTree tree = treeOf("demo_register");
    const SymbolDiff& symbol = session_->diff.symbols[size_t(session_->indexOf("demo_register"))];
    ChangeCursor cursor;
    std::vector<uint32_t> seen;
    for (size_t expected = 1; expected <= symbol.paths.size(); ++expected) {
        const ChangeCursor::Move move = cursor.step(&tree, true);
        ASSERT_EQ(move.kind, ChangeCursor::Move::Kind::Shown);
        EXPECT_EQ(move.position, expected);
        EXPECT_EQ(move.count, symbol.paths.size());
        const AlignedRow& site = tree.row(move.chain.back());
        EXPECT_TRUE(site.changeSite) << site.label;
        EXPECT_EQ(markFor(site, session_->diff, false), Mark::Added) << "a member and an enumerator were added";
        for (size_t i = 0; i + 1 < move.chain.size(); ++i) {
            EXPECT_TRUE(tree.row(move.chain[i]).onPath) << tree.row(move.chain[i]).label;
            EXPECT_EQ(tree.row(move.chain[i + 1]).parent, move.chain[i]);
        }
        seen.insert(seen.end(), site.causes.begin(), site.causes.end());
    }
    std::sort(seen.begin(), seen.end());
    std::vector<uint32_t> causes = symbol.causes;
    std::sort(causes.begin(), causes.end());
    EXPECT_EQ(seen, causes) << "the marked rows are the diff engine's causes";
    // The tree shows member queues (stats) before member link: that order, not the diff's.
    EXPECT_EQ(cursor.step(&tree, true).kind, ChangeCursor::Move::Kind::AtEnd);
    EXPECT_EQ(cursor.step(&tree, true).kind, ChangeCursor::Move::Kind::NeighbourSymbol);
    ChangeCursor::Move back = cursor.step(&tree, false);
    ASSERT_EQ(back.kind, ChangeCursor::Move::Kind::Shown);
    EXPECT_EQ(back.position, symbol.paths.size() - 1);
    ASSERT_TRUE(cursor.aimAtLast(tree));
    EXPECT_EQ(cursor.step(&tree, true).position, symbol.paths.size());
    ASSERT_TRUE(cursor.aimAt(tree, 0));
    const ChangeCursor::Move first = cursor.step(&tree, true);
    EXPECT_EQ(tree.row(first.chain.back()).causes, std::vector<uint32_t>{symbol.causes[0]});
    EXPECT_FALSE(cursor.aimAt(tree, 99));

    EXPECT_EQ(containingType(tree, first.chain.back()), "s#demo_stats");
    EXPECT_EQ(containingType(tree, tree.root()), "demo_register");
    const auto row = rowOfType(tree, "e#demo_link");
    ASSERT_TRUE(row);
    EXPECT_EQ(tree.row(*row).key, "e#demo_link");
    const std::vector<int> up = ancestorsOf(tree, *row);
    ASSERT_FALSE(up.empty());
    EXPECT_EQ(up.front(), tree.root());
    EXPECT_EQ(up.back(), tree.row(*row).parent);
    EXPECT_FALSE(rowOfType(tree, "s#no_such_type"));
}

TEST(ExploreSessionLoad, WhatIfRulesFromAFileApplyToBothBuilds) {
    // "What if struct demo_stats were declared only?": the member it gained no longer counts,
    // but the struct that embeds it still moved its members: that stays a cause.
    test::TempDir dir("explore-rules");
    ExploreRequest request = demoRequest();
    request.kabiRulesFile = dir.write("what-if.rules", "# hide demo_stats' layout\ndeclonly\tdemo_stats\n");
    const auto session = loadExploreSession(request, {}, {});
    EXPECT_TRUE(session->stable) << "rules imply the stability rules";
    for (const Cause& cause : session->diff.causes) EXPECT_NE(cause.type, "s#demo_stats") << cause.title();
    const auto stillMoved = std::find_if(session->diff.causes.begin(), session->diff.causes.end(),
                                         [](const Cause& c) { return c.type == "s#demo_queue" && c.node == "member depth"; });
    ASSERT_NE(stillMoved, session->diff.causes.end()) << "declonly hides the member, not the move it caused";
    EXPECT_EQ(session->diff.symbols[size_t(session->indexOf("demo_stats_read"))].status, SymbolStatus::Unchanged);

    request.kabiRulesFile = dir.write("bad.rules", "declonly demo_stats\n");
    EXPECT_THROW(loadExploreSession(request, {}, {}), Error);
}

// A what-if asks whether the new build gets the released CRCs back: its rules apply to the new
// build only, and the old build is taken from the session it starts from, not read again.
TEST(ExploreSessionLoad, AWhatIfVersionsOnlyTheNewBuildAndReusesTheOld) {
    ExploreRequest request = demoRequest();
    request.stable = true;
    const auto before = loadExploreSession(request, {}, {});
    EXPECT_FALSE(before->reusedOld);

    request.whatIfRules = "declonly\tdemo_stats\n";  // a type both builds have
    const auto fresh = loadExploreSession(request, {}, {});
    request.previous = before;
    const auto whatIf = loadExploreSession(request, {}, {});
    EXPECT_FALSE(fresh->reusedOld);
    EXPECT_TRUE(whatIf->reusedOld);
    EXPECT_EQ(whatIf->oldBuild, before->oldBuild) << "the same build, shared";
    ASSERT_EQ(whatIf->diff.symbols.size(), fresh->diff.symbols.size());
    for (size_t i = 0; i < fresh->diff.symbols.size(); ++i) {
        EXPECT_EQ(whatIf->diff.symbols[i].status, fresh->diff.symbols[i].status) << fresh->diff.symbols[i].name;
        EXPECT_EQ(whatIf->diff.symbols[i].newCrc, fresh->diff.symbols[i].newCrc) << fresh->diff.symbols[i].name;
    }
    // The old side keeps its released CRCs: the rule did not touch it.
    for (size_t i = 0; i < before->diff.symbols.size(); ++i)
        EXPECT_EQ(whatIf->diff.symbols[i].oldCrc, before->diff.symbols[i].oldCrc) << before->diff.symbols[i].name;
    size_t moved = 0;
    for (size_t i = 0; i < before->diff.symbols.size(); ++i) moved += whatIf->diff.symbols[i].newCrc != before->diff.symbols[i].newCrc;
    EXPECT_GT(moved, 0u) << "the rule does change new CRCs";

    // An old side versioned otherwise there (without --stable, which the rules imply) is read again.
    ExploreRequest plain = demoRequest();
    const auto unstable = loadExploreSession(plain, {}, {});
    plain.whatIfRules = request.whatIfRules;
    plain.previous = unstable;
    const auto again = loadExploreSession(plain, {}, {});
    EXPECT_FALSE(again->reusedOld);
    EXPECT_TRUE(again->oldStable);
}

// On a member the diff calls renamed, the what-if gives it its old name back (KABI_REPLACE)
// rather than hiding it, and with that rule the symbol gets its old CRC.
TEST(ExploreSessionLoad, AWhatIfOnARenamedMemberGivesItsOldNameBack) {
    ExploreRequest request;
    request.oldPath = test::fixturePath("fix_rename.0.o");
    request.newPath = test::fixturePath("fix_rename.1.o");
    request.stable = true;
    const auto session = loadExploreSession(request, {}, {});
    const int index = session->indexOf("fr_probe");
    ASSERT_GE(index, 0);
    const auto& sides = session->sides[size_t(index)];
    AlignedTree tree(TreeSide{sides.before.file, sides.before.symbol}, TreeSide{sides.after.file, sides.after.symbol},
                     &session->diff, &session->diff.symbols[size_t(index)]);
    ASSERT_EQ(tree.pathCount(), 1u);
    const int row = tree.rowsAlongPath(0).back();
    ASSERT_EQ(tree.row(row).label, "member renamed_flags");
    const std::optional<WhatIfRule> rule = whatIfRuleFor(tree, row, &session->diff);
    ASSERT_TRUE(rule);
    EXPECT_EQ(rule->rule, "member_rename\tfr_dev renamed_flags\tflags\n");
    EXPECT_EQ(rule->macro, "KABI_REPLACE(long unsigned int, flags, long unsigned int renamed_flags);");
    EXPECT_EQ(whatIfRuleFor(tree, row)->rule, "member_ignore\tfr_dev renamed_flags\n") << "without the diff: hidden";
    request.whatIfRules = rule->rule;
    request.previous = session;
    const auto whatIf = loadExploreSession(request, {}, {});
    EXPECT_EQ(whatIf->diff.symbols[size_t(whatIf->indexOf("fr_probe"))].status, SymbolStatus::Unchanged);
}

TEST(ExploreTree, ACycleRowLeadsBackToWhereItsTypeIsExpanded) {
    ExploreRequest request;
    request.newPath = test::dataPath("gendwarfksyms/obj/fx_recursive.gcc.o");
    const auto session = loadExploreSession(request, {}, {});
    const int index = session->indexOf("rec_root");
    ASSERT_GE(index, 0);
    const auto& sides = session->sides[size_t(index)];
    AlignedTree tree(TreeSide{sides.before.file, sides.before.symbol}, TreeSide{sides.after.file, sides.after.symbol},
                     &session->diff, &session->diff.symbols[size_t(index)]);
    std::optional<int> cycle;
    std::vector<int> level{tree.root()};
    for (int depth = 0; depth < 8 && !cycle && !level.empty(); ++depth) {
        std::vector<int> next;
        for (int row : level) {
            if (tree.row(row).kind == AlignedRow::Kind::Cycle) cycle = row;
            for (int child : tree.children(row)) next.push_back(child);
        }
        level = std::move(next);
    }
    ASSERT_TRUE(cycle) << "rec_root's node points back at itself";
    EXPECT_EQ(treeCell(tree.row(*cycle), TreeColumn::Node, true).find("\u21a9 (expanded above)") != std::string::npos, true);
    const std::optional<int> target = cycleTarget(tree, *cycle);
    ASSERT_TRUE(target);
    EXPECT_EQ(tree.row(*target).key, tree.row(*cycle).key);
    EXPECT_NE(tree.row(*target).kind, AlignedRow::Kind::Cycle);
    EXPECT_FALSE(cycleTarget(tree, tree.root()));
}

TEST_F(ExploreTest, TheCrcInputWindowSurroundsTheFirstDifferingByte) {
    const size_t index = size_t(session_->indexOf("demo_register"));
    const auto& sides = session_->sides[index];
    const CrcInputs inputs = crcInputsOf(sides.before, sides.after, false);
    ASSERT_TRUE(inputs.differ());
    ASSERT_LT(inputs.firstDifference, std::min(inputs.oldInput.size(), inputs.newInput.size()));
    EXPECT_EQ(inputs.oldInput.substr(0, inputs.firstDifference), inputs.newInput.substr(0, inputs.firstDifference));
    EXPECT_NE(inputs.oldInput[inputs.firstDifference], inputs.newInput[inputs.firstDifference]);
    EXPECT_EQ(crcOfInput(inputs.oldInput), *session_->diff.symbols[index].oldCrc) << "the old input is what was hashed";
    EXPECT_EQ(crcOfInput(inputs.newInput), *session_->diff.symbols[index].newCrc);
    EXPECT_NE(crcInputSummary(inputs.newInput, session_->diff.symbols[index].newCrc).find("(= the symbol's version)"), std::string::npos);
    EXPECT_NE(crcInputSummary(inputs.newInput, 0x1u).find("differs from the recorded version"), std::string::npos);

    const std::string text = std::string(300, 'a') + "X" + std::string(300, 'b');
    const CrcInputWindow window = crcInputWindow(text, 300, 120, 240);
    EXPECT_TRUE(window.clippedStart);
    EXPECT_EQ(window.before, std::string(120, 'a'));
    EXPECT_EQ(window.marked, "X");
    EXPECT_EQ(window.after, std::string(240, 'b'));
    EXPECT_TRUE(window.clippedEnd);
    const CrcInputWindow whole = crcInputWindow("abc", 1);
    EXPECT_FALSE(whole.clippedStart);
    EXPECT_FALSE(whole.clippedEnd);
    EXPECT_EQ(whole.before + whole.marked + whole.after, "abc");
    EXPECT_TRUE(crcInputWindow("abc", 3).marked.empty()) << "one input is a prefix of the other";
}

}  // namespace
}  // namespace kabiscope
