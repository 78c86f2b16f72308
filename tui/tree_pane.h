// TreePane: the selected symbol's aligned old/new type tree (explore/aligned_tree.h) as an
// indented, expandable list. A change site carries its mark's glyph and colour, rows on the way
// to it the "›" mark; n/N (and F8, Shift+F8) step through the changes in tree order; Enter on
// a cycle row goes to where its type is expanded; / searches the rows shown, and then n/N walk
// the matches until Esc.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "explore/aligned_tree.h"
#include "explore/explore_session.h"
#include "explore/tree_navigation.h"
#include "tui/keys.h"
#include "tui/list_cursor.h"
#include "tui/surface.h"

namespace kabiscope::tui {

class TreePane {
public:
    // Opens symbol `index` of `session` with its change paths expanded and the first change selected.
    void open(const ExploreSession& session, size_t index);
    void close() { tree_.reset(); }
    bool isOpen() const { return tree_ != nullptr; }

    enum class Result {
        Ignored,
        Handled,
        NextSymbol,
        PreviousSymbol
    };
    Result handle(const Key& key, int height);
    void draw(Surface& surface, const Rect& area, bool focused);
    // A click on line `line` of the rows (0: the first under the header); twice expands it, or
    // follows a cycle.
    Result click(int line, bool twice);

    // Shows cause path `pathIndex` (the path to one of the symbol's causes).
    bool showPath(size_t pathIndex);
    // Shows the last change (after opening the previous changed symbol going back).
    void showLastChange();
    // The row under the cursor (-1 when closed).
    int currentRow() const;
    AlignedTree* tree() { return tree_.get(); }
    size_t symbol() const { return symbol_; }
    // A message for the status line after the last key ("Change 2 of 3"), "" for none.
    const std::string& message() const { return message_; }
    // The visible rows' labels, indented as drawn (for captures and tests).
    std::vector<int> visibleRows() const;
    const std::string& search() const { return search_; }
    bool searching() const { return editingSearch_; }

private:
    struct Visible {
        int row;
        int depth;
    };
    void rebuild();
    void expandTo(const std::vector<int>& chain);
    void selectRow(int row, bool centre);
    bool step(bool forward);
    bool stepMatch(bool forward);
    bool expanded(int row) const { return size_t(row) < expanded_.size() && expanded_[size_t(row)]; }
    void setExpanded(int row, bool on);

    const ExploreSession* session_ = nullptr;
    size_t symbol_ = 0;
    std::unique_ptr<AlignedTree> tree_;
    std::vector<char> expanded_;
    std::vector<Visible> visible_;
    ListCursor cursor_;
    ChangeCursor changes_;
    std::string message_;
    std::string search_;
    bool editingSearch_ = false;
    int lastHeight_ = 10;
    bool centrePending_ = false;  // the next draw centres the cursor
};

}  // namespace kabiscope::tui
