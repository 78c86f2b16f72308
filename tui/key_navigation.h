// The movement keys every list of the terminal explorer answers the same way: arrows and j/k by
// a line, PgUp/PgDn by a page, Home/End and g/G to the ends, the wheel scrolling the view.
#pragma once

#include "tui/keys.h"
#include "tui/list_cursor.h"

namespace kabiscope::tui {

// Moves `cursor` over a list of `count` lines shown `height` at a time; false when `key` is not
// a movement key (the pane's own keys are then its business).
inline bool moveByKey(ListCursor& cursor, const Key& key, size_t count, int height) {
    const size_t shown = size_t(height > 1 ? height : 1);
    const long page = long(shown > 1 ? shown - 1 : 1);
    const size_t last = count ? count - 1 : 0;
    switch (key.kind) {
    case Key::Kind::Up: cursor.move(-1, count); break;
    case Key::Kind::Down: cursor.move(1, count); break;
    case Key::Kind::PageUp: cursor.move(-page, count); break;
    case Key::Kind::PageDown: cursor.move(page, count); break;
    case Key::Kind::Home: cursor.moveTo(0, count); break;
    case Key::Kind::End: cursor.moveTo(last, count); break;
    case Key::Kind::WheelUp: cursor.scroll(-3, count, shown); return true;
    case Key::Kind::WheelDown: cursor.scroll(3, count, shown); return true;
    case Key::Kind::Char:
        switch (key.ch) {
        case 'k': cursor.move(-1, count); break;
        case 'j': cursor.move(1, count); break;
        case 'g': cursor.moveTo(0, count); break;
        case 'G': cursor.moveTo(last, count); break;
        default: return false;
        }
        break;
    default: return false;
    }
    cursor.reveal(shown);
    return true;
}

}  // namespace kabiscope::tui
