// Explorer: the terminal explorer's screens and what each key does there, drawn on any Surface
// (the terminal's, or a TextSurface in tests) — no curses here.
//
// Screens: the symbol list (or the root causes, or the modules checked: Tab), and a symbol's screen (its aligned type
// tree over the details of the selected row; Tab moves between the two). Over them: the help
// (?), the open prompt (o), a loading box with progress, and an error box; the bottom line says
// what the last key did or which keys apply.
#pragma once

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "explore/explore_session.h"
#include "tui/cause_pane.h"
#include "tui/details_pane.h"
#include "tui/keys.h"
#include "tui/module_pane.h"
#include "tui/surface.h"
#include "tui/symbol_list_pane.h"
#include "tui/tree_pane.h"

namespace kabiscope::tui {

class Explorer {
public:
    Explorer() = default;
    ~Explorer();
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;
    // What the program around the explorer must do after a key.
    enum class Action {
        None,
        Quit,
        Open,
        CancelLoad,
        WhatIf
    };

    void setSession(std::shared_ptr<const ExploreSession> session);
    const ExploreSession* session() const { return session_.get(); }
    // The session shown, for a what-if load to start from (ExploreRequest::previous).
    const std::shared_ptr<const ExploreSession>& sharedSession() const { return session_; }
    // Loading: the box shows `stage` and `percent` until setSession or loadFailed.
    void showLoading(const std::string& what);
    void setProgress(const std::string& stage, int percent);
    void loadFailed(const std::string& message);  // the one-line error, in a box; the explorer stays usable
    void loadCancelled();
    bool loading() const { return loading_; }

    Action handle(const Key& key);
    void draw(Surface& surface);
    // Open's paths (one or two builds) after Action::Open.
    const std::vector<std::string>& openPaths() const { return openPaths_; }
    // The what-if rules (rules-file text) to load the same builds with after Action::WhatIf: w on
    // a row adds its rule (explore/what_if.h), W drops them all.
    const std::string& whatIfRules() const { return whatIfRules_; }

    // For scripts and tests: open a symbol by name (false when absent), show the causes.
    bool openSymbol(const std::string& name);
    void showCauses();
    void showModules();
    ModulePane& modules() { return modules_; }
    void setFilter(const std::string& text, bool regularExpression) { list_.setText(text, regularExpression); }
    const std::string& status() const { return status_; }
    // Work running on a thread (fix suggestions): the program polls while it runs.
    bool busy() const { return fixJob_.valid(); }
    // Takes in what the thread finished; true when the screen changed.
    bool poll();
    // Starts proving fix suggestions for every cause (f on the root causes).
    void suggestFixes();
    const std::vector<FixSuggestion>& fixes() const { return fixes_; }
    const SymbolListPane& list() const { return list_; }
    TreePane& tree() { return tree_; }

    static std::vector<std::string> helpLines(bool ascii);

private:
    enum class Screen {
        Symbols,
        Causes,
        Modules,
        Symbol
    };
    enum class Focus {
        Tree,
        Details
    };
    Action handleList(const Key& key, int listHeight);
    Action handleSymbol(const Key& key);
    Action handlePrompt(const Key& key);
    void openIndex(size_t index, uint32_t cause = 0);
    void openNeighbour(bool forward);
    void nextTab(bool forward);
    void drawTitle(Surface& surface);
    void drawStatus(Surface& surface);
    void drawSymbolScreen(Surface& surface, int top, int bottom);
    void drawBox(Surface& surface, const std::vector<std::string>& lines, Style style);
    void layout(int height, int width);
    bool routeMouse(const Key& key);

    std::shared_ptr<const ExploreSession> session_;
    SymbolListPane list_;
    CausePane causes_;
    ModulePane modules_;
    TreePane tree_;
    DetailsPane details_;
    Screen screen_ = Screen::Symbols;
    Screen back_ = Screen::Symbols;  // where Esc on the symbol screen returns
    Focus focus_ = Focus::Tree;
    bool help_ = false;
    int helpScroll_ = 0;
    bool prompt_ = false;
    std::string promptText_;
    std::vector<std::string> openPaths_;
    std::string whatIfRules_;
    std::string reopenSymbol_;  // after a what-if reload: the symbol to show again
    std::string whatIfNote_;    // and what to say then ("... was 5 changed; paste KABI_...")
    size_t changedBefore_ = 0;
    bool loading_ = false;
    std::string loadingWhat_, loadingStage_;
    int loadingPercent_ = 0;
    std::string error_;
    std::string status_;
    int height_ = 24, width_ = 80;
    std::future<std::vector<FixSuggestion>> fixJob_;
    std::vector<FixSuggestion> fixes_;
    std::shared_ptr<std::atomic<bool>> fixCancel_;
    Rect listArea_, treeArea_, detailsArea_;
};

}  // namespace kabiscope::tui
