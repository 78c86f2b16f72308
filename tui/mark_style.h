// The terminal style of a mark (explore/marks.h): the one place a status becomes a colour in
// the terminal explorer; the glyph says the same without colour.
#pragma once

#include "explore/marks.h"
#include "tui/surface.h"

namespace kabiscope::tui {

inline Style styleOf(Mark mark) {
    switch (mark) {
    case Mark::Changed: return Style::Changed;
    case Mark::Added: return Style::Added;
    case Mark::Removed: return Style::Removed;
    case Mark::OnPath: return Style::OnPath;
    case Mark::None: break;
    }
    return Style::Normal;
}

}  // namespace kabiscope::tui
