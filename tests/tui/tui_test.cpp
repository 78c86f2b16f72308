// The terminal explorer's views without a terminal: the Explorer drawn on a TextSurface and
// driven by Keys — the demo pair's list, filtering, opening a symbol, stepping to each change
// (the marked rows are the diff engine's causes), root causes, the details modes, resizing to
// 80x24, a bad file, and ASCII spelling; plus the text helpers' width rules.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "explore/explore_session.h"
#include "explore/module_check_run.h"
#include "tui/background_load.h"
#include "tui/explorer.h"
#include "tui/terminal_text.h"
#include "tui/text_surface.h"

namespace kabiscope::tui {
namespace {

ExploreRequest demoRequestFor(bool stable) {
    ExploreRequest request;
    request.oldPath = KABISCOPE_DEMO_DIR "/demo.0.o";
    request.newPath = KABISCOPE_DEMO_DIR "/demo.1.o";
    request.stable = stable;
    return request;
}

std::shared_ptr<ExploreSession> demo() { return loadExploreSession(demoRequestFor(true), {}, {}); }

// A session of two fixture objects built at test time.
std::shared_ptr<ExploreSession> fixturePair(const std::string& oldName, const std::string& newName) {
    ExploreRequest request;
    request.oldPath = std::string(KABISCOPE_FIXTURE_DIR "/") + oldName;
    request.newPath = std::string(KABISCOPE_FIXTURE_DIR "/") + newName;
    return loadExploreSession(request, {}, {});
}

class TuiTest : public ::testing::Test {
protected:
    void SetUp() override {
        session_ = demo();
        explorer_.setSession(session_);
        draw();
    }
    void draw() { explorer_.draw(screen_); }
    void press(const Key& key) {
        explorer_.handle(key);
        draw();
    }
    void type(const std::string& text) {
        for (char c : text) press(Key::character(char32_t(c)));
    }
    std::string screen() const { return screen_.text(); }
    // The rows of the tree shown with a mark glyph first.
    std::vector<std::string> markedRows(const std::string& glyph) const {
        std::vector<std::string> rows;
        for (int y = 3; y < screen_.height() - 1; ++y)
            if (screen_.line(y).rfind(glyph, 0) == 0) rows.push_back(screen_.line(y));
        return rows;
    }
    std::shared_ptr<ExploreSession> session_;
    Explorer explorer_;
    TextSurface screen_{40, 120};
};

TEST_F(TuiTest, TheListShowsEverySymbolWithItsMarkAndCrcs) {
    EXPECT_NE(screen_.find("~5 changed  +1 added  \u22121 removed  =1 unchanged"), -1) << screen();
    const int row = screen_.find("demo_register");
    ASSERT_NE(row, -1);
    const std::string line = screen_.line(row);
    EXPECT_EQ(line.rfind("~ demo_register", 0), 0u) << line;
    EXPECT_NE(line.find("0x27637f37 0x5cde0f10"), std::string::npos) << line;
    EXPECT_EQ(screen_.line(screen_.find("demo_legacy_poll")).rfind("\u2212 demo_legacy_poll", 0), 0u);
    EXPECT_LT(screen_.find("demo_unregister"), screen_.find("demo_reset")) << "changed before added, by default";
}

TEST_F(TuiTest, FilteringAsYouTypeNarrowsTheListAndEscClearsIt) {
    press(Key::character('/'));
    type("stats");
    EXPECT_NE(screen_.find("demo_stats_read"), -1);
    EXPECT_EQ(screen_.find("demo_register"), -1) << screen();
    EXPECT_NE(screen_.find("1 of 8"), -1);
    press(Key::character(ctrl('r')));  // a regular expression now
    press(Key::of(Key::Kind::Backspace));
    type("|^demo_re");
    EXPECT_NE(screen_.find("(regex)"), -1);
    EXPECT_NE(screen_.find("demo_register"), -1);
    EXPECT_NE(screen_.find("demo_reset"), -1);
    EXPECT_EQ(screen_.find("demo_unregister"), -1);
    press(Key::of(Key::Kind::Escape));
    EXPECT_NE(screen_.find("8 of 8"), -1) << "Esc clears the filter";
    press(Key::character('1'));  // hide changed symbols
    EXPECT_EQ(screen_.find("demo_register"), -1);
    EXPECT_NE(screen_.find("demo_reset"), -1);
}

TEST_F(TuiTest, OpeningASymbolMarksTheDiffEnginesCausesAndStepsThroughThem) {
    press(Key::character('/'));
    type("demo_register");
    press(Key::of(Key::Kind::Enter));  // keeps the filter
    press(Key::of(Key::Kind::Enter));  // opens the symbol
    EXPECT_NE(screen_.find("demo_register  ~ changed  0x27637f37 \u2192 0x5cde0f10"), -1) << screen();
    EXPECT_NE(explorer_.status().find("Change 1 of 2"), std::string::npos) << explorer_.status();
    // The change sites are marked '+' (both are additions) and are exactly the diff's causes:
    // stepping through the changes (which scrolls the tree to each), every marked row seen.
    const SymbolDiff& symbol = session_->diff.symbols[size_t(session_->indexOf("demo_register"))];
    std::set<std::string> marked;
    for (size_t step = 0; step < symbol.causes.size(); ++step) {
        for (const std::string& row : markedRows("+")) marked.insert(row);
        if (step + 1 < symbol.causes.size()) press(Key::character('n'));
    }
    ASSERT_EQ(marked.size(), symbol.causes.size()) << screen();
    for (uint32_t id : symbol.causes) {
        const std::string& node = session_->diff.causes[id - 1].node;
        const bool found = std::any_of(marked.begin(), marked.end(), [&](const std::string& row) { return row.find(node) != std::string::npos; });
        EXPECT_TRUE(found) << node << " is not a marked row:\n"
                           << screen();
    }
    press(Key::character('N'));
    EXPECT_FALSE(markedRows("\u203a").empty()) << "rows on the way are marked too";
    // The details say which cause the selected row is.
    EXPECT_NE(screen_.find("#1 s#demo_stats member rx_dropped: added"), -1) << screen();
    press(Key::character('n'));
    EXPECT_NE(explorer_.status().find("Change 2 of 2"), std::string::npos);
    EXPECT_NE(screen_.find("#2 e#demo_link enumerator DEMO_LINK_DORMANT: added"), -1) << screen();
    press(Key::character('n'));
    EXPECT_NE(explorer_.status().find("Last change of this symbol"), std::string::npos);
    press(Key::character('N'));
    EXPECT_NE(explorer_.status().find("Change 1 of 2"), std::string::npos);
}

TEST_F(TuiTest, DetailsShowTheCrcInputsFirstDifferenceAndThePaths) {
    ASSERT_TRUE(explorer_.openSymbol("demo_register"));
    press(Key::character('i'));
    draw();
    EXPECT_NE(screen_.find("First difference at byte"), -1) << screen();
    EXPECT_NE(screen_.find("Old: 2116 bytes, crc32 = 0x27637f37 (= the symbol's version)"), -1) << screen();
    bool marked = false;  // the first differing byte is drawn marked
    for (int y = 0; y < screen_.height(); ++y)
        for (int x = 0; x < screen_.width(); ++x) marked |= screen_.styleAt(y, x) == Style::Marked;
    EXPECT_TRUE(marked);
    press(Key::character('p'));
    EXPECT_NE(screen_.find("\u2514\u2500 parameter 1 (dev)"), -1) << screen();
    EXPECT_NE(screen_.find("member rx_dropped  #1 added"), -1) << screen();
    EXPECT_NE(screen_.find("enumerator DEMO_LINK_DORMANT  #2 added (= 3)"), -1) << screen();
    press(Key::character('t'));  // how the CRC is made: the teaching walk, scrolled to its end
    press(Key::of(Key::Kind::Tab));
    press(Key::of(Key::Kind::End));
    EXPECT_NE(screen_.find("That byte is in the expansion of s#demo_stats."), -1) << screen();
    EXPECT_NE(screen_.find("<- the first differing byte belongs"), -1) << screen();
}

TEST_F(TuiTest, SearchingTheTreeFindsARowAndItsLayoutIsInTheDetails) {
    ASSERT_TRUE(explorer_.openSymbol("demo_register"));
    press(Key::character('/'));
    type("member link");
    press(Key::of(Key::Kind::Enter));
    EXPECT_NE(explorer_.status().find("Match for 'member link'"), std::string::npos) << explorer_.status();
    EXPECT_NE(screen_.find("offset 32, size 4; hole of 3 byte(s) before"), -1) << screen();
    press(Key::of(Key::Kind::Escape));  // back to stepping through changes
    press(Key::character('n'));
    EXPECT_NE(explorer_.status().find("Change"), std::string::npos) << explorer_.status();
}

TEST_F(TuiTest, RootCausesOpenTheirSymbolsAndASymbolAtItsCause) {
    press(Key::of(Key::Kind::Tab));
    EXPECT_NE(screen_.find("[Causes]"), -1);
    const int first = screen_.find("struct demo_stats member rx_dropped: added");
    ASSERT_NE(first, -1) << screen();
    EXPECT_LT(first, screen_.find("enum demo_link enumerator DEMO_LINK_DORMANT: added")) << "ranked by symbols affected";
    press(Key::of(Key::Kind::Right));  // what follows from it
    EXPECT_NE(screen_.find("struct demo_queue member depth: offset changed from 16 to 24"), -1) << screen();
    press(Key::of(Key::Kind::Down));
    press(Key::of(Key::Kind::Down));
    press(Key::of(Key::Kind::Down));
    press(Key::of(Key::Kind::Down));
    press(Key::of(Key::Kind::Down));  // past the four folded lines: cause #2
    press(Key::of(Key::Kind::Enter));
    EXPECT_NE(screen_.find("demo_link_state"), -1);
    EXPECT_NE(screen_.find("3 symbol(s)"), -1) << screen();
    press(Key::of(Key::Kind::Down));
    press(Key::of(Key::Kind::Enter));  // demo_register, at the enumerator
    EXPECT_NE(screen_.find("demo_register  ~ changed"), -1) << screen();
    EXPECT_NE(screen_.find("#2 e#demo_link enumerator DEMO_LINK_DORMANT: added"), -1) << screen();
    press(Key::of(Key::Kind::Escape));
    EXPECT_NE(screen_.find("[Causes]"), -1) << "Esc goes back where the symbol was opened from";
}

TEST_F(TuiTest, ResizingTo80x24KeepsEverythingInsideAndSmallerSaysSo) {
    ASSERT_TRUE(explorer_.openSymbol("demo_register"));
    screen_.resize(24, 80);
    draw();
    for (int y = 0; y < 24; ++y) EXPECT_LE(displayWidth(screen_.line(y)), 80) << y;
    EXPECT_NE(screen_.find("demo_register"), -1);
    EXPECT_NE(screen_.find("[d node]"), -1) << screen();
    EXPECT_NE(screen_.line(23).find("? help"), std::string::npos) << screen_.line(23);
    screen_.resize(20, 70);
    draw();
    EXPECT_NE(screen_.find("needs at least 80\u00d724; this terminal is 70\u00d720"), -1) << screen();
    screen_.resize(40, 120);
    draw();
    EXPECT_NE(screen_.find("demo_register  ~ changed"), -1) << "back as it was";
}

TEST_F(TuiTest, ABadFileIsAOneLineErrorAndTheExplorerStaysUsable) {
    BackgroundLoad load;
    ExploreRequest request;
    request.newPath = KABISCOPE_TEST_DATA "/gendwarfksyms/MANIFEST.tsv";  // text, not a build
    load.start(request);
    BackgroundLoad::State state;
    for (int i = 0; i < 500 && !(state = load.poll()).finished; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(state.finished);
    ASSERT_FALSE(state.error.empty());
    EXPECT_EQ(state.error.find('\n'), std::string::npos);
    EXPECT_NE(state.error.find("MANIFEST.tsv"), std::string::npos) << state.error;
    explorer_.loadFailed(state.error);
    draw();
    EXPECT_NE(screen_.find("Cannot load:"), -1) << screen();
    press(Key::character('x'));  // any key closes the box
    EXPECT_EQ(screen_.find("Cannot load:"), -1);
    EXPECT_NE(screen_.find("demo_register"), -1) << "the builds loaded before are still there";
}

TEST_F(TuiTest, LoadingShowsProgressAndCanBeCancelled) {
    explorer_.showLoading("a.o \u2192 b.o");
    explorer_.setProgress("loading a.o 40%", 36);
    draw();
    EXPECT_NE(screen_.find("Loading a.o \u2192 b.o"), -1) << screen();
    EXPECT_NE(screen_.find("36%"), -1);
    EXPECT_EQ(explorer_.handle(Key::of(Key::Kind::Escape)), Explorer::Action::CancelLoad);
    explorer_.loadCancelled();
    draw();
    EXPECT_NE(explorer_.status().find("Loading cancelled"), std::string::npos);

    BackgroundLoad load;  // a real cancel: the core stops at its next check
    ExploreRequest request;
    request.oldPath = KABISCOPE_DEMO_DIR "/demo.0.o";
    request.newPath = KABISCOPE_DEMO_DIR "/demo.1.o";
    load.start(request);
    load.cancel();
    BackgroundLoad::State state;
    for (int i = 0; i < 500 && !(state = load.poll()).finished; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(state.finished);
    EXPECT_TRUE(state.cancelled || state.session) << "a load this small may finish before it sees the cancel";
}

TEST_F(TuiTest, HelpListsTheKeysAndAnAsciiTerminalGetsAscii) {
    press(Key::character('?'));
    EXPECT_NE(screen_.find("kabiscope-tui: why did these modversion CRCs change?"), -1) << screen();
    press(Key::character('x'));
    EXPECT_EQ(screen_.find("kabiscope-tui: why did these"), -1);
    TextSurface ascii(40, 120, true);
    explorer_.openSymbol("demo_register");
    explorer_.draw(ascii);
    for (int y = 0; y < ascii.height(); ++y)
        for (unsigned char c : ascii.line(y)) ASSERT_LT(c, 0x80) << "line " << y << ": " << ascii.line(y);
    EXPECT_NE(ascii.find("0x27637f37 -> 0x5cde0f10"), -1) << ascii.text();
}

TEST_F(TuiTest, TheMouseSelectsOpensAndScrolls) {
    const int row = screen_.find("demo_reset");
    ASSERT_NE(row, -1);
    press(Key::click(row, 10));
    EXPECT_EQ(session_->diff.symbols[*explorer_.list().current()].name, "demo_reset");
    press(Key::click(screen_.find("demo_register"), 10, true));  // a double click opens it
    EXPECT_NE(screen_.find("demo_register  ~ changed"), -1) << screen();
    const int member = screen_.find("member nqueues");
    ASSERT_NE(member, -1);
    press(Key::click(member, 20));
    EXPECT_NE(screen_.find("Old and new: member base_type unsigned int"), -1) << "the details follow the clicked row:\n"
                                                                              << screen();
    press(Key{Key::Kind::WheelDown, 0, member, 20});
    press(Key{Key::Kind::WheelUp, 0, member, 20});
    EXPECT_NE(screen_.find("member nqueues"), -1);
}

TEST(TuiModules, AModulesImportsWithTheirVerdictsOpenTheSymbolThatMoved) {
    Explorer explorer;
    explorer.setSession(fixturePair("ripple.0.o", "ripple.1.o"));
    const std::string symvers = ::testing::TempDir() + "/tui-rp.symvers";
    std::ofstream(symvers) << "0x734fcfcf\trp_register\tvmlinux\tEXPORT_SYMBOL\t\n0x87654321\trp_lookup\tvmlinux\tEXPORT_SYMBOL\t\n";
    explorer.modules().setRun(runModuleCheck({KABISCOPE_FIXTURE_DIR "/mod_rp.o"}, {symvers}, false), symvers);
    TextSurface screen(40, 120);
    explorer.showModules();
    explorer.draw(screen);
    EXPECT_NE(screen.find("[Modules]"), -1) << screen.text();
    EXPECT_NE(screen.find("0 load, 1 do not"), -1) << screen.text();
    const int module = screen.find("mod_rp.o");
    ASSERT_NE(module, -1);
    EXPECT_NE(screen.line(module).find("does not load"), std::string::npos);
    const int mismatch = screen.find("rp_register");
    ASSERT_NE(mismatch, -1) << "a module that does not load shows its imports:\n"
                            << screen.text();
    EXPECT_NE(screen.line(mismatch).find("crc_mismatch"), std::string::npos);
    EXPECT_NE(screen.line(mismatch).find("module expects 0x89e4e51d, vmlinux exports 0x734fcfcf"), std::string::npos) << screen.line(mismatch);
    explorer.handle(Key::of(Key::Kind::Down));
    explorer.handle(Key::of(Key::Kind::Enter));
    explorer.draw(screen);
    EXPECT_NE(screen.find("rp_register  ~ changed  0x89e4e51d \u2192 0x734fcfcf"), -1) << screen.text();
    explorer.handle(Key::of(Key::Kind::Escape));
    explorer.draw(screen);
    EXPECT_NE(screen.find("[Modules]"), -1) << "back to where it was opened from";
}

TEST(TuiFixes, TheRootCausesShowEachCausesFixProvenByRecomputation) {
    Explorer explorer;
    explorer.setSession(fixturePair("fix_enum.0.o", "fix_enum.1.o"));
    TextSurface screen(40, 120);
    explorer.showCauses();
    explorer.draw(screen);
    explorer.handle(Key::character('f'));
    for (int i = 0; i < 500 && explorer.busy(); ++i) {
        explorer.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    explorer.poll();
    explorer.draw(screen);
    EXPECT_NE(explorer.status().find("2 of 2 causes have a safe one, 2 verified"), std::string::npos) << explorer.status();
    EXPECT_NE(screen.find("safe \u2713"), -1) << screen.text();
    EXPECT_NE(screen.find("Fix for #1: safe, verified"), -1) << screen.text();
    EXPECT_NE(screen.find("KABI_ENUMERATOR_IGNORE(fe_state, FE_PAUSED);"), -1) << screen.text();
    EXPECT_NE(screen.find("KABI_ENUMERATOR_VALUE(fe_state, FE_MAX, 2);"), -1) << screen.text();
}

TEST_F(TuiTest, WhatIfARuleHeldOnARowTheSameBuildsAreVersionedWithIt) {
    ASSERT_TRUE(explorer_.openSymbol("demo_link_state"));  // its only change: an enumerator added
    EXPECT_NE(explorer_.status().find("Change 1 of 1"), std::string::npos);
    ASSERT_EQ(explorer_.handle(Key::character('w')), Explorer::Action::WhatIf);
    EXPECT_EQ(explorer_.whatIfRules(), "enumerator_ignore\tdemo_link DEMO_LINK_DORMANT\n");
    // What kabiscope-tui then does: the same builds again, with the rules.
    ExploreRequest request = demoRequestFor(true);
    request.whatIfRules = explorer_.whatIfRules();
    request.previous = explorer_.sharedSession();  // as kabiscope-tui does: the old build is reused
    explorer_.setSession(loadExploreSession(request, {}, {}));
    EXPECT_TRUE(explorer_.session()->reusedOld);
    draw();
    EXPECT_NE(screen_.find("demo_link_state  = unchanged"), -1) << "reopened, and its CRC is the old one:\n"
                                                                << screen();
    EXPECT_NE(explorer_.status().find("What if enumerator DEMO_LINK_DORMANT of enum demo_link ignored "
                                      "(KABI_ENUMERATOR_IGNORE(demo_link, DEMO_LINK_DORMANT);): 4 CRCs changed, 5 before"),
              std::string::npos)
        << explorer_.status();
    ASSERT_TRUE(explorer_.openSymbol("demo_register"));
    press(Key::character('/'));
    type("(dev)");
    press(Key::of(Key::Kind::Enter));
    EXPECT_EQ(explorer_.handle(Key::character('w')), Explorer::Action::None) << "no rule is about a parameter";
    EXPECT_NE(explorer_.status().find("No kABI rule is about this row"), std::string::npos);
    EXPECT_EQ(explorer_.handle(Key::character('W')), Explorer::Action::WhatIf) << "W drops the rules";
    EXPECT_TRUE(explorer_.whatIfRules().empty());
}

TEST(TerminalText, WidthsCutsAndAscii) {
    EXPECT_EQ(displayWidth("abc"), 3);
    EXPECT_EQ(displayWidth("a\u2192b"), 3);
    EXPECT_EQ(fitToWidth("abcdef", 4), "abc\u2026");
    EXPECT_EQ(fitToWidth("abc", 4), "abc");
    EXPECT_EQ(fitToWidth("a\u2192bcd", 3), "a\u2192\u2026");
    EXPECT_EQ(fitTail("/usr/lib/debug/vmlinux", 10), "\u2026g/vmlinux");
    EXPECT_EQ(padToWidth("ab", 4), "ab  ");
    EXPECT_EQ(asciiFallback("a \u2192 b \u2014 c\u2026 \u2212 \u203a"), "a -> b - c... - >");
    EXPECT_EQ(asciiFallback("\xff"), "?") << "not UTF-8";
    EXPECT_EQ(displayWidth("\xe2\x86"), 2) << "a cut sequence counts a column a byte";
}

}  // namespace
}  // namespace kabiscope::tui
