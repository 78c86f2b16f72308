// Surface: what the terminal explorer's views draw on — a grid of cells, each a character and a
// style. The curses surface (tui/curses_surface.h) puts it on the terminal; the text surface
// (tui/text_surface.h) keeps it in memory for tests and text captures. Views never touch curses.
#pragma once

#include <string_view>

namespace kabiscope::tui {

// What a piece of text is, not how it looks: the curses surface picks colours (or, with
// NO_COLOR or a monochrome terminal, bold, reverse and underline), and every status is also a glyph.
enum class Style : unsigned char {
    Normal,
    Title,     // the top line
    Header,    // column headers
    Selected,  // the cursor row of the focused pane
    Cursor,    // the cursor row of a pane without focus
    Changed,
    Added,
    Removed,
    OnPath,  // a row leading to a change
    Marked,  // the differing part of a rendering, the first differing byte of a CRC input
    Dim,     // consequences, hints
    StatusLine,
    Error,
    Link,  // a cycle row: Enter goes to where the type is expanded
};
inline constexpr int kStyles = 14;

struct Rect {
    int y = 0, x = 0, height = 0, width = 0;
    bool contains(int row, int column) const { return row >= y && row < y + height && column >= x && column < x + width; }
};

class Surface {
public:
    virtual ~Surface() = default;
    virtual int height() const = 0;
    virtual int width() const = 0;
    virtual void clear() = 0;
    // Writes UTF-8 `text` from (y, x), cut at `maxWidth` columns and at the right edge.
    virtual void put(int y, int x, std::string_view text, Style style, int maxWidth) = 0;
    // Paints `width` cells from (y, x) as blanks in `style` (a selected row's bar).
    virtual void fill(int y, int x, int width, Style style) = 0;
    // Whether to spell text in ASCII (no UTF-8 locale).
    virtual bool ascii() const = 0;
};

}  // namespace kabiscope::tui
