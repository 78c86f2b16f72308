// CausePane: the diff's root causes, ranked (most symbols first), one line each, with what was
// folded under a cause shown beneath it on Right (or Space); Enter opens the symbols a cause
// changes, and Enter on one of them opens its tree at that cause. With fix suggestions (f), each
// cause says whether a safe fix exists, and the selected one's KABI_* lines show below.
#pragma once

#include <optional>
#include <vector>

#include "diff/fix_suggestions.h"
#include "explore/explore_session.h"
#include "tui/keys.h"
#include "tui/list_cursor.h"
#include "tui/surface.h"

namespace kabiscope::tui {

class CausePane {
public:
    void setSession(const ExploreSession* session);
    // Fix suggestions, one per cause (null: not computed): a Fix column, and the selected
    // cause's fix under the list.
    void setFixes(const std::vector<FixSuggestion>* fixes) { fixes_ = fixes; }

    struct Result {
        enum class Kind {
            Ignored,
            Handled,
            OpenSymbol
        } kind = Kind::Ignored;
        size_t symbol = 0;   // OpenSymbol: the symbol's index
        uint32_t cause = 0;  // and the cause to show in it
    };
    Result handle(const Key& key, int height);
    void draw(Surface& surface, const Rect& area, bool focused);
    // A click on line `line` of the rows; twice is Enter.
    Result click(int line, bool twice);
    // The cause whose symbols are listed (0: the list of causes is shown).
    uint32_t openCause() const { return open_; }
    void openSymbolsOf(uint32_t cause);

private:
    struct Line {
        uint32_t cause;   // 1-based id
        int folded = -1;  // index into Cause::folded, -1 for the cause's own line
    };
    void rebuildLines();
    const ExploreSession* session_ = nullptr;
    std::vector<Line> lines_;
    std::vector<char> expanded_;  // per cause
    ListCursor cursor_;
    uint32_t open_ = 0;
    ListCursor symbolCursor_;
    int lastHeight_ = 10;
    const std::vector<FixSuggestion>* fixes_ = nullptr;
};

}  // namespace kabiscope::tui
