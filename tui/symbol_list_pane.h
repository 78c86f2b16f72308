// SymbolListPane: every symbol of the session as a table — status mark, name, old and new CRC,
// causes, module — narrowed as the user types (substring, or a regular expression with Ctrl+R),
// by status (1-4) and ordered by any column (s, S). The rules are explore/symbol_query.h's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "explore/explore_session.h"
#include "explore/symbol_query.h"
#include "tui/keys.h"
#include "tui/list_cursor.h"
#include "tui/surface.h"

namespace kabiscope::tui {

class SymbolListPane {
public:
    void setSession(const ExploreSession* session);

    // What a key did: nothing, redraw, or open the symbol under the cursor.
    enum class Result {
        Ignored,
        Handled,
        Open
    };
    Result handle(const Key& key, int height);
    void draw(Surface& surface, const Rect& area, bool focused);
    // A click on line `line` of the rows (0: the first row under the header); twice opens it.
    Result click(int line, bool twice);
    // The filter line's text ("Filter: rp_ ▏ regex off   Status: ~ + − =   Sort: status ↓   3 of 8").
    std::string filterLine(bool ascii) const;

    bool editing() const { return editing_; }
    void startEditing() { editing_ = true; }
    std::optional<size_t> current() const;  // the symbol index under the cursor
    // Puts the cursor on symbol `index`, clearing the filter if it hides the symbol.
    void select(size_t index);
    // The next (previous) changed symbol after the cursor, moving onto it; nullopt when none.
    std::optional<size_t> stepChanged(bool forward);
    const std::vector<size_t>& shown() const { return shown_; }
    const SymbolQuery& query() const { return query_; }
    void setText(const std::string& text, bool regularExpression);

private:
    void refresh();
    const ExploreSession* session_ = nullptr;
    SymbolQuery query_;
    SymbolColumn sort_ = SymbolColumn::Status;
    bool descending_ = true;
    std::vector<size_t> shown_;
    ListCursor cursor_;
    bool editing_ = false;
    int lastHeight_ = 10;
    bool centrePending_ = false;  // the next draw centres the cursor
};

}  // namespace kabiscope::tui
