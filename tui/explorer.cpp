#include "tui/explorer.h"

#include <algorithm>
#include <utility>
#include <sstream>

#include "base/error.h"
#include "diff/report_writers.h"
#include "explore/marks.h"
#include "explore/session_fixes.h"
#include "explore/what_if.h"
#include "output/writers.h"
#include "tui/line_edit.h"
#include "tui/terminal_text.h"

namespace kabiscope::tui {

namespace {

constexpr int kMinHeight = 24, kMinWidth = 80;

// "~5 changed  +1 added  −1 removed  =1 unchanged", or on a narrow terminal "~5 +1 −1 =1".
std::string countsText(const ExploreSession& session, bool ascii, bool wide) {
    if (session.single()) return std::to_string(session.diff.symbols.size()) + " symbols";
    const DiffSummary& s = session.diff.summary;
    auto part = [&](Mark mark, size_t n) {
        return std::string(markGlyph(mark, ascii)) + std::to_string(n) + (wide ? " " + std::string(markName(mark)) : std::string());
    };
    const char* gap = wide ? "  " : " ";
    return part(Mark::Changed, s.changed) + gap + part(Mark::Added, s.added) + gap + part(Mark::Removed, s.removed) + gap +
           part(Mark::None, s.unchanged);
}

}  // namespace

std::vector<std::string> Explorer::helpLines(bool ascii) {
    return {
        "kabiscope-tui: why did these modversion CRCs change?",
        "",
        "Everywhere",
        "  ?  F1          this help (any key closes it)",
        "  o              open builds: OLD NEW, or one build",
        "  q              quit (on a symbol's screen: back to the list)",
        "  Ctrl+L         redraw the screen",
        "  arrows, hjkl   move; PgUp PgDn Home End (g G) jump; the mouse wheel scrolls, a click selects",
        "",
        "Symbol list",
        "  /              filter as you type (a substring, any case); Enter keeps it, Esc clears it",
        "  Ctrl+R         the filter is a regular expression (or a substring again)",
        "  1 2 3 4        show or hide changed, added, removed, unchanged symbols",
        "  s  S           sort by the next column; reverse the order",
        "  n  N           next, previous changed symbol",
        "  Enter  l       open the symbol (a double click too)",
        "  Tab  c  m      the root causes; the modules checked (with --modules and --kernel)",
        "",
        "Root causes",
        "  Enter          the symbols a cause changes; Enter on one opens it at that change",
        "  Right  Space   what follows from a cause (moved members, sizes); Left folds it again",
        "  f              a fix for each cause that keeps the old CRCs, if a safe one exists, proven by",
        "                 recomputing them (as kabiscope diff --suggest-fixes)",
        "  Esc  Tab       back",
        "",
        "Modules (kabiscope-tui --modules DIR --kernel Module.symvers)",
        "  Right  Left    a module's imports that stop it or warn; Enter on one opens that symbol",
        "",
        "A symbol's screen: its type tree, old and new side by side, over the details",
        "  n  N  ]  [     next, previous change (F8, Shift+F8); past the last, the next changed symbol",
        "  Enter  Right   expand; on a row marked 'expanded above', go to where it is expanded",
        "  Left  Space    collapse, or go to the parent; Space toggles",
        "  /              search the rows shown; then n N go through the matches until Esc",
        "  d  i  p  t     details: the node, the CRC input around its first difference, the paths,",
        "                 and how the CRC is made, step by step (as kabiscope teach writes it)",
        "  Tab            move between the tree and the details (which then scroll)",
        "  w              what if a kABI rule held on this row (a member KABI_IGNOREd, an enumerator",
        "                 ignored, a type declared only): the builds again with it; W drops the rules",
        "  Esc  q         back to the list",
        "",
        std::string("Marks: ") + std::string(markGlyph(Mark::Changed, ascii)) + " changed  " + std::string(markGlyph(Mark::Added, ascii)) +
            " added  " + std::string(markGlyph(Mark::Removed, ascii)) + " removed  " + std::string(markGlyph(Mark::OnPath, ascii)) +
            " on the way to a change; colours follow them (not with NO_COLOR)",
        "",
        "Up, Down, PgUp, PgDn scroll this help; any other key closes it.",
    };
}

Explorer::~Explorer() {
    if (fixCancel_) fixCancel_->store(true);  // the job's future then waits only until its next check
}

void Explorer::suggestFixes() {
    if (!session_ || session_->single() || fixJob_.valid() || !fixes_.empty()) return;
    fixCancel_ = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<const ExploreSession> session = session_;
    std::shared_ptr<std::atomic<bool>> cancel = fixCancel_;
    fixJob_ = std::async(std::launch::async, [session, cancel] {
        return suggestSessionFixes(*session, [cancel] { return cancel->load(); });
    });
    status_ = "Checking a fix for each root cause by recomputing the CRCs\u2026";
}

bool Explorer::poll() {
    if (!fixJob_.valid() || fixJob_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    try {
        fixes_ = fixJob_.get();
        causes_.setFixes(&fixes_);
        const size_t safe = size_t(std::count_if(fixes_.begin(), fixes_.end(), [](const FixSuggestion& f) { return f.exists && f.safe; }));
        const size_t verified = size_t(std::count_if(fixes_.begin(), fixes_.end(), [](const FixSuggestion& f) { return f.verified; }));
        status_ = "Fixes: " + std::to_string(safe) + " of " + std::to_string(fixes_.size()) + " causes have a safe one, " +
                  std::to_string(verified) + " verified by recomputation";
    } catch (const Cancelled&) {
        status_ = "Fix suggestions cancelled";
    } catch (const std::exception& e) {
        status_ = std::string("Cannot check fixes: ") + e.what();
    }
    return true;
}

void Explorer::setSession(std::shared_ptr<const ExploreSession> session) {
    if (fixCancel_) fixCancel_->store(true);
    if (fixJob_.valid()) fixJob_.wait();  // it reads the session being replaced
    fixJob_ = {};
    fixes_.clear();
    causes_.setFixes(nullptr);
    session_ = std::move(session);
    loading_ = false;
    error_.clear();
    list_.setSession(session_.get());
    causes_.setSession(session_.get());
    tree_.close();
    screen_ = Screen::Symbols;
    status_ = session_ ? "Loaded " + (session_->single() ? session_->newPath : session_->oldPath + " \u2192 " + session_->newPath)
                       : std::string();
    if (session_ && !reopenSymbol_.empty()) {  // back from a what-if reload: where the user was
        const std::string name = std::exchange(reopenSymbol_, {});
        openSymbol(name);
        status_ = whatIfNote_ + ": " + std::to_string(session_->diff.summary.changed) + " CRCs changed, " +
                  std::to_string(changedBefore_) + " before";
    }
}

void Explorer::showLoading(const std::string& what) {
    loading_ = true;
    loadingWhat_ = what;
    loadingStage_.clear();
    loadingPercent_ = 0;
    error_.clear();
}

void Explorer::setProgress(const std::string& stage, int percent) {
    loadingStage_ = stage;
    loadingPercent_ = std::clamp(percent, 0, 100);
}

void Explorer::loadFailed(const std::string& message) {
    loading_ = false;
    reopenSymbol_.clear();
    error_ = message;
    status_ = message;
}

void Explorer::loadCancelled() {
    loading_ = false;
    reopenSymbol_.clear();
    status_ = session_ ? "Loading cancelled: still showing the builds loaded before" : "Loading cancelled: o opens builds, q quits";
}

bool Explorer::openSymbol(const std::string& name) {
    if (!session_) return false;
    const int index = session_->indexOf(name);
    if (index < 0) return false;
    list_.select(size_t(index));
    openIndex(size_t(index));
    return true;
}

void Explorer::showCauses() {
    if (session_) screen_ = Screen::Causes;
}

void Explorer::showModules() { screen_ = Screen::Modules; }

void Explorer::nextTab(bool forward) {
    std::vector<Screen> tabs{Screen::Symbols, Screen::Causes};
    if (modules_.hasRun()) tabs.push_back(Screen::Modules);
    const size_t at = size_t(std::find(tabs.begin(), tabs.end(), screen_) - tabs.begin()) % tabs.size();
    screen_ = tabs[(at + (forward ? 1 : tabs.size() - 1)) % tabs.size()];
}

void Explorer::openIndex(size_t index, uint32_t cause) {
    back_ = screen_ == Screen::Symbol ? back_ : screen_;
    screen_ = Screen::Symbol;
    focus_ = Focus::Tree;
    tree_.open(*session_, index);
    list_.select(index);  // so "next changed symbol" goes on from here
    status_ = tree_.message();
    if (cause) {
        const SymbolDiff& symbol = session_->diff.symbols[index];
        const auto it = std::find(symbol.causes.begin(), symbol.causes.end(), cause);
        if (it != symbol.causes.end() && tree_.showPath(size_t(it - symbol.causes.begin()))) status_ = tree_.message();
    }
    if (status_.empty()) {
        const SymbolDiff& symbol = session_->diff.symbols[index];
        status_ = symbol.status == SymbolStatus::Changed && symbol.causes.empty() ? unexplainedText(symbol)
                                                                                  : std::string(markName(markFor(symbol.status)));
    }
}

void Explorer::openNeighbour(bool forward) {
    const std::optional<size_t> next = list_.stepChanged(forward);
    if (!next) {
        status_ = forward ? "No changed symbol after this one" : "No changed symbol before this one";
        return;
    }
    openIndex(*next);
    if (!forward) {
        tree_.showLastChange();
        status_ = tree_.message();
    }
}

void Explorer::layout(int height, int width) {
    height_ = height;
    width_ = width;
    listArea_ = Rect{2, 0, std::max(0, height - 3), width};
    const int body = std::max(0, height - 4);  // title, symbol line, details bar, status
    const int treeRows = std::max(4, body * 3 / 5);
    treeArea_ = Rect{2, 0, treeRows, width};
    detailsArea_ = Rect{2 + treeRows + 1, 0, std::max(1, body - treeRows), width};
}

bool Explorer::routeMouse(const Key& key) {
    const bool click = key.kind == Key::Kind::Click || key.kind == Key::Kind::DoubleClick;
    const bool twice = key.kind == Key::Kind::DoubleClick;
    if (screen_ == Screen::Symbols && listArea_.contains(key.y, key.x)) {
        if (!click) {
            list_.handle(key, listArea_.height - 1);
            return true;
        }
        if (list_.click(key.y - listArea_.y - 1, twice) == SymbolListPane::Result::Open)
            if (const auto index = list_.current()) openIndex(*index);
        return true;
    }
    if (screen_ == Screen::Causes && listArea_.contains(key.y, key.x)) {
        const CausePane::Result result = click ? causes_.click(key.y - listArea_.y - 1, twice) : causes_.handle(key, listArea_.height - 1);
        if (result.kind == CausePane::Result::Kind::OpenSymbol) openIndex(result.symbol, result.cause);
        return true;
    }
    if (screen_ == Screen::Modules && listArea_.contains(key.y, key.x)) {
        const ModulePane::Result result = click ? modules_.click(key.y - listArea_.y - 1, twice) : modules_.handle(key, listArea_.height - 1);
        if (result.kind == ModulePane::Result::Kind::OpenSymbol && !openSymbol(result.symbol))
            status_ = result.symbol + " is not in the loaded builds";
        return true;
    }
    if (screen_ == Screen::Symbol && treeArea_.contains(key.y, key.x)) {
        focus_ = Focus::Tree;
        const TreePane::Result result = click ? tree_.click(key.y - treeArea_.y - 1, twice) : tree_.handle(key, treeArea_.height - 1);
        if (result == TreePane::Result::NextSymbol || result == TreePane::Result::PreviousSymbol)
            openNeighbour(result == TreePane::Result::NextSymbol);
        return true;
    }
    if (screen_ == Screen::Symbol && detailsArea_.contains(key.y, key.x)) {
        focus_ = Focus::Details;
        if (!click) details_.handle(key, detailsArea_.height);
        return true;
    }
    if (screen_ == Screen::Symbol && click && key.y == detailsArea_.y - 1) {  // the details bar: its mode names
        const DetailsPane::Mode modes[] = {DetailsPane::Mode::Node, DetailsPane::Mode::CrcInput, DetailsPane::Mode::Paths,
                                           DetailsPane::Mode::Teach};
        details_.setMode(modes[std::clamp(key.x / std::max(1, width_ / 4), 0, 3)]);
        return true;
    }
    return false;
}

Explorer::Action Explorer::handle(const Key& key) {
    if (key.kind == Key::Kind::Resize || key.kind == Key::Kind::None) return Action::None;
    if (loading_) {
        if (key.kind == Key::Kind::Escape || key.is('q') || key.is(ctrl('c'))) return Action::CancelLoad;
        return Action::None;
    }
    if (!error_.empty()) {  // any key dismisses the error box
        error_.clear();
        return Action::None;
    }
    if (help_) {  // arrows scroll it, anything else closes it
        const int page = std::max(1, height_ - 6);
        switch (key.kind) {
        case Key::Kind::Up: helpScroll_ = std::max(0, helpScroll_ - 1); break;
        case Key::Kind::Down: ++helpScroll_; break;
        case Key::Kind::PageUp: helpScroll_ = std::max(0, helpScroll_ - page); break;
        case Key::Kind::PageDown: helpScroll_ += page; break;
        default: help_ = false;
        }
        return Action::None;
    }
    if (prompt_) return handlePrompt(key);
    if (key.kind == Key::Kind::F1 || (key.is('?') && !list_.editing() && !tree_.searching())) {
        help_ = true;
        helpScroll_ = 0;
        return Action::None;
    }
    if (height_ < kMinHeight || width_ < kMinWidth) return key.is('q') || key.kind == Key::Kind::Escape ? Action::Quit : Action::None;
    if (key.kind == Key::Kind::Click || key.kind == Key::Kind::DoubleClick || key.kind == Key::Kind::WheelUp ||
        key.kind == Key::Kind::WheelDown) {
        routeMouse(key);
        return Action::None;
    }
    if (!session_ && modules_.hasRun()) {  // check-modules without builds to explain with
        screen_ = Screen::Modules;
        if (key.is('q')) return Action::Quit;
        if (key.is('o')) {
            prompt_ = true;
            promptText_.clear();
            return Action::None;
        }
        const ModulePane::Result result = modules_.handle(key, listArea_.height - 1);
        if (result.kind == ModulePane::Result::Kind::OpenSymbol)
            status_ = result.symbol + ": open the builds the module was built against and the target (o) to see why its CRC changed";
        return Action::None;
    }
    if (!session_) {
        if (key.is('q') || key.kind == Key::Kind::Escape) return Action::Quit;
        if (key.is('o')) {
            prompt_ = true;
            promptText_.clear();
        }
        return Action::None;
    }
    if (screen_ == Screen::Symbol) return handleSymbol(key);
    return handleList(key, listArea_.height - 1);
}

Explorer::Action Explorer::handlePrompt(const Key& key) {
    switch (key.kind) {
    case Key::Kind::Escape:
        prompt_ = false;
        status_ = "Open cancelled";
        return Action::None;

    case Key::Kind::Enter: {
        std::istringstream words(promptText_);
        std::vector<std::string> paths;
        for (std::string word; words >> word;) paths.push_back(word);
        if (paths.empty() || paths.size() > 2) {
            status_ = "Open: give one build, or OLD NEW";
            return Action::None;
        }
        prompt_ = false;
        openPaths_ = paths;
        whatIfRules_.clear();  // what-if rules belong to the builds they were tried on
        return Action::Open;
    }
    default: editLine(promptText_, key); return Action::None;
    }
}

Explorer::Action Explorer::handleList(const Key& key, int listHeight) {
    const bool editing = screen_ == Screen::Symbols && list_.editing();
    if (!editing) {
        if (key.is('q')) return Action::Quit;
        if (key.is('o')) {
            prompt_ = true;
            promptText_.clear();
            return Action::None;
        }
        if (key.kind == Key::Kind::Tab || key.kind == Key::Kind::BackTab) {
            nextTab(key.kind == Key::Kind::Tab);
            return Action::None;
        }
        if (key.is('f') && screen_ == Screen::Causes) {
            suggestFixes();
            return Action::None;
        }
        if (key.is('c') || (key.is('m') && modules_.hasRun())) {
            screen_ = key.is('c') ? Screen::Causes : Screen::Modules;
            return Action::None;
        }
    }
    if (screen_ == Screen::Modules) {
        const ModulePane::Result result = modules_.handle(key, listHeight);
        if (result.kind == ModulePane::Result::Kind::OpenSymbol && !openSymbol(result.symbol))
            status_ = result.symbol + " is not in the loaded builds: open the builds the module was built against and the target (o)";
        else if (result.kind == ModulePane::Result::Kind::Ignored && key.kind == Key::Kind::Escape)
            screen_ = Screen::Symbols;
        return Action::None;
    }
    if (screen_ == Screen::Causes) {
        const CausePane::Result result = causes_.handle(key, listHeight);
        if (result.kind == CausePane::Result::Kind::OpenSymbol) openIndex(result.symbol, result.cause);
        else if (result.kind == CausePane::Result::Kind::Ignored && key.kind == Key::Kind::Escape) screen_ = Screen::Symbols;
        return Action::None;
    }
    if (!editing && (key.is('n') || key.is('N'))) {
        if (!list_.stepChanged(key.is('n'))) status_ = key.is('n') ? "No changed symbol below" : "No changed symbol above";
        return Action::None;
    }
    switch (list_.handle(key, listHeight)) {
    case SymbolListPane::Result::Open:
        if (const auto index = list_.current()) openIndex(*index);
        break;
    case SymbolListPane::Result::Handled: status_.clear(); break;
    case SymbolListPane::Result::Ignored:
        if (key.kind == Key::Kind::Escape && !list_.query().text().empty()) list_.setText({}, list_.query().regularExpression());
        break;
    }
    return Action::None;
}

Explorer::Action Explorer::handleSymbol(const Key& key) {
    if (!tree_.searching()) {
        if (key.is('q') || (key.kind == Key::Kind::Escape && tree_.search().empty()) || key.kind == Key::Kind::Backspace) {
            screen_ = back_;
            status_.clear();
            return Action::None;
        }
        if (key.kind == Key::Kind::Tab || key.kind == Key::Kind::BackTab) {
            focus_ = focus_ == Focus::Tree ? Focus::Details : Focus::Tree;
            return Action::None;
        }
        if (key.is('d') || key.is('i') || key.is('p') || key.is('t')) {
            details_.setMode(key.is('d')   ? DetailsPane::Mode::Node
                             : key.is('i') ? DetailsPane::Mode::CrcInput
                             : key.is('p') ? DetailsPane::Mode::Paths
                                           : DetailsPane::Mode::Teach);
            return Action::None;
        }
        if (key.is('o')) {
            prompt_ = true;
            promptText_.clear();
            return Action::None;
        }
        if (key.is('w') || key.is('W')) {  // what if a kABI rule held here?
            if (key.is('W')) {
                if (whatIfRules_.empty()) return Action::None;
                whatIfRules_.clear();
                whatIfNote_ = "What-if rules dropped";
            } else {
                const AlignedTree* tree = tree_.tree();
                const std::optional<WhatIfRule> rule = tree ? whatIfRuleFor(*tree, tree_.currentRow(), session_ ? &session_->diff : nullptr) : std::nullopt;
                if (!rule) {
                    status_ = "No kABI rule is about this row: w works on a member, an enumerator or a struct, union or enum";
                    return Action::None;
                }
                whatIfRules_ += rule->rule;
                whatIfNote_ = "What if " + rule->what + " (" + rule->macro + ")";
            }
            reopenSymbol_ = session_->diff.symbols[tree_.symbol()].name;
            changedBefore_ = session_->diff.summary.changed;
            return Action::WhatIf;
        }
    }
    if (focus_ == Focus::Details && !tree_.searching() && details_.handle(key, detailsArea_.height)) return Action::None;
    const TreePane::Result result = tree_.handle(key, treeArea_.height - 1);
    if (result == TreePane::Result::NextSymbol || result == TreePane::Result::PreviousSymbol) {
        openNeighbour(result == TreePane::Result::NextSymbol);
        return Action::None;
    }
    status_ = tree_.message();
    return Action::None;
}

void Explorer::drawTitle(Surface& surface) {
    surface.fill(0, 0, surface.width(), Style::Title);
    std::string title = "kabiscope";
    if (session_) {
        const std::string counts = countsText(*session_, surface.ascii(), surface.width() >= 120);
        const int room = surface.width() - displayWidth(counts) - 4 - displayWidth(title) - (session_->stable ? 9 : 0);
        // Each path cut from the front when the line is short: their ends tell the builds apart.
        if (session_->single()) {
            title += "  " + fitTail(session_->newPath, room - 2);
        } else {
            const int each = (room - 5) / 2;
            title += "  " + fitTail(session_->oldPath, each) + " \u2192 " + fitTail(session_->newPath, each);
        }
        if (session_->stable) title += " (stable)";
        surface.put(0, 1, title, Style::Title, surface.width() - displayWidth(counts) - 3);
        surface.put(0, surface.width() - displayWidth(counts) - 1, counts, Style::Title, surface.width());
        return;
    }
    surface.put(0, 1, title + "  (no builds loaded: o opens them)", Style::Title, surface.width() - 1);
}

void Explorer::drawStatus(Surface& surface) {
    const int y = surface.height() - 1;
    surface.fill(y, 0, surface.width(), Style::StatusLine);
    if (prompt_) {
        surface.put(y, 0, "Open (OLD NEW, or one build): " + promptText_ + "\u258f", Style::StatusLine, surface.width());
        return;
    }
    std::string hint;
    switch (screen_) {
    case Screen::Symbols:
        hint = list_.editing() ? "type to filter  Ctrl+R regex  Enter keep  Esc clear"
                               : "Enter open  / filter  1-4 status  s sort  n next changed  Tab causes  o open  ? help  q quit";
        break;
    case Screen::Causes: hint = "Enter its symbols  Right what follows  f fixes  Tab next view  ? help  q quit"; break;
    case Screen::Modules: hint = "Enter on an import: why its CRC moved  Right/Left open/close  Tab next view  ? help  q quit"; break;
    case Screen::Symbol:
        hint = tree_.searching() ? "search: " + tree_.search() + "\u258f  (Enter find, Esc cancel)"
                                 : "n/N change  Enter expand  d/i/p/t details  w what if  Tab pane  / search  Esc back  ? help";
        break;
    }
    if (!status_.empty() && !(screen_ == Screen::Symbol && tree_.searching())) {
        // The message first; the hints after it where they fit, else at least "? help".
        const int room = surface.width() - displayWidth(hint) - 3;
        const std::string right = room > 20 ? hint : std::string("? help");
        const int rightWidth = displayWidth(right);
        surface.put(y, 1, status_, Style::StatusLine, surface.width() - rightWidth - 3);
        surface.put(y, surface.width() - rightWidth - 1, right, Style::StatusLine, rightWidth);
        return;
    }
    surface.put(y, 1, hint, Style::StatusLine, surface.width() - 1);
}

void Explorer::drawSymbolScreen(Surface& surface, int top, int bottom) {
    const SymbolDiff& symbol = session_->diff.symbols[tree_.symbol()];
    const bool ascii = surface.ascii();
    std::string line = symbol.name;
    const Mark mark = markFor(symbol.status);
    if (!session_->single()) {
        line += "  " + std::string(markGlyph(mark, ascii)) + " " + std::string(markName(mark));
        line += "  " + (symbol.oldCrc ? formatCrc(*symbol.oldCrc) : std::string("\u2014")) + " \u2192 " +
                (symbol.newCrc ? formatCrc(*symbol.newCrc) : std::string("\u2014"));
        if (symbol.status == SymbolStatus::Changed && !symbol.causes.empty())
            line += "  because of changes in " + causeTypes(session_->diff, symbol);
    } else if (symbol.newCrc) {
        line += "  " + formatCrc(*symbol.newCrc);
    }
    if (!symbol.module.empty()) line += "   (" + symbol.module + ")";
    surface.put(top, 1, line, mark == Mark::Added ? Style::Added : mark == Mark::Removed ? Style::Removed
                                                               : mark == Mark::Changed   ? Style::Changed
                                                                                         : Style::Header,
                surface.width() - 1);
    tree_.draw(surface, treeArea_, focus_ == Focus::Tree);
    // The details bar: which mode, and the keys for the others.
    const int bar = detailsArea_.y - 1;
    surface.fill(bar, 0, surface.width(), Style::Header);
    const int third = surface.width() / 4;  // a quarter each: four modes
    const DetailsPane::Mode modes[] = {DetailsPane::Mode::Node, DetailsPane::Mode::CrcInput, DetailsPane::Mode::Paths,
                                       DetailsPane::Mode::Teach};
    const char* keys[] = {"d", "i", "p", "t"};
    for (int m = 0; m < 4; ++m) {
        const bool on = details_.mode() == modes[m];
        surface.put(bar, m * third + 1, std::string(on ? "[" : " ") + keys[m] + " " + DetailsPane::modeName(modes[m]) + (on ? "]" : " "),
                    on ? (focus_ == Focus::Details ? Style::Selected : Style::Cursor) : Style::Header, third - 1);
    }
    if (AlignedTree* tree = tree_.tree()) details_.update(*session_, tree_.symbol(), *tree, tree_.currentRow(), detailsArea_.width - 2);
    details_.draw(surface, Rect{detailsArea_.y, detailsArea_.x, std::min(detailsArea_.height, bottom - detailsArea_.y), detailsArea_.width},
                  focus_ == Focus::Details);
}

void Explorer::drawBox(Surface& surface, const std::vector<std::string>& lines, Style style) {
    int width = 0;
    for (const std::string& line : lines) width = std::max(width, displayWidth(line));
    width = std::min(width + 4, surface.width() - 2);
    const int height = std::min(int(lines.size()) + 2, surface.height() - 2);
    const int y = (surface.height() - height) / 2, x = (surface.width() - width) / 2;
    for (int row = 0; row < height; ++row) surface.fill(y + row, x, width, style);
    const bool ascii = surface.ascii();
    const std::string horizontal = ascii ? "-" : "\u2500";
    std::string edge;
    for (int i = 0; i < width - 2; ++i) edge += horizontal;
    surface.put(y, x, (ascii ? "+" : "\u250c") + edge + (ascii ? "+" : "\u2510"), style, width);
    surface.put(y + height - 1, x, (ascii ? "+" : "\u2514") + edge + (ascii ? "+" : "\u2518"), style, width);
    for (int row = 1; row + 1 < height; ++row) {
        surface.put(y + row, x, ascii ? "|" : "\u2502", style, 1);
        surface.put(y + row, x + width - 1, ascii ? "|" : "\u2502", style, 1);
        surface.put(y + row, x + 2, lines[size_t(row - 1)], style, width - 4);
    }
}

void Explorer::draw(Surface& surface) {
    layout(surface.height(), surface.width());
    surface.clear();
    if (height_ < kMinHeight || width_ < kMinWidth) {
        surface.put(0, 0, "kabiscope-tui needs at least 80\u00d724; this terminal is " + std::to_string(width_) + "\u00d7" + std::to_string(height_) + ". Enlarge it, or q to quit.",
                    Style::Error, width_);
        return;
    }
    drawTitle(surface);
    if (session_) {
        if (screen_ == Screen::Symbol && tree_.isOpen()) {
            drawSymbolScreen(surface, 1, height_ - 1);
        } else {
            const bool symbols = screen_ == Screen::Symbols;
            int x = 0;
            auto tab = [&](const char* name, Screen which) {
                const bool on = screen_ == which;
                surface.put(1, x, std::string(on ? "[" : " ") + name + (on ? "]" : " "), on ? Style::Selected : Style::Normal, 12);
                x += int(std::string(name).size()) + 3;
            };
            tab("Symbols", Screen::Symbols);
            tab("Causes", Screen::Causes);
            if (modules_.hasRun()) tab("Modules", Screen::Modules);
            x += 1;
            if (symbols) surface.put(1, x, list_.filterLine(surface.ascii()), list_.query().textValid() ? Style::Normal : Style::Error, width_ - x);
            else if (screen_ == Screen::Causes)
                surface.put(1, x, std::to_string(session_->diff.causes.size()) + " root causes, most symbols first", Style::Dim, width_ - x);
            else surface.put(1, x, modules_.summary(), Style::Dim, width_ - x);
            if (symbols) list_.draw(surface, listArea_, true);
            else if (screen_ == Screen::Causes) causes_.draw(surface, listArea_, true);
            else modules_.draw(surface, listArea_, true);
        }
    } else if (modules_.hasRun()) {
        surface.put(1, 0, "[Modules]", Style::Selected, 9);
        surface.put(1, 10, modules_.summary(), Style::Dim, width_ - 10);
        modules_.draw(surface, listArea_, true);
    } else if (!loading_) {
        surface.put(3, 2, "No builds are loaded. Press o to open builds (OLD NEW, or one build), ? for help, q to quit.", Style::Dim, width_ - 4);
    }
    drawStatus(surface);
    if (help_) {
        const std::vector<std::string> all = helpLines(surface.ascii());
        const int room = std::max(1, height_ - 4);
        helpScroll_ = std::clamp(helpScroll_, 0, std::max(0, int(all.size()) - room));
        std::vector<std::string> lines(all.begin() + helpScroll_, all.begin() + std::min<long>(long(all.size()), helpScroll_ + room));
        if (int(all.size()) > room) lines.back() = "\u2193 " + std::to_string(helpScroll_ + room) + " of " + std::to_string(all.size()) + " lines: Down scrolls";
        drawBox(surface, lines, Style::Normal);
    } else if (loading_) {
        const int barWidth = 40;
        const int filled = loadingPercent_ * barWidth / 100;
        std::string bar;
        for (int i = 0; i < barWidth; ++i) bar += i < filled ? "\u2588" : "\u2591";
        drawBox(surface, {"Loading " + loadingWhat_, loadingStage_, bar + " " + std::to_string(loadingPercent_) + "%", "Esc cancels"},
                Style::Normal);
    } else if (!error_.empty()) {
        drawBox(surface, {"Cannot load:", error_, "", "Any key closes this; o opens other builds."}, Style::Error);
    }
}

}  // namespace kabiscope::tui
