// TextSurface: a Surface kept in memory — the screen as lines of text, with each cell's style —
// for tests of the views without a terminal and for text captures of the explorer.
#pragma once

#include <string>
#include <vector>

#include "tui/surface.h"

namespace kabiscope::tui {

class TextSurface : public Surface {
public:
    TextSurface(int height, int width, bool ascii = false);
    void resize(int height, int width);

    int height() const override { return height_; }
    int width() const override { return width_; }
    void clear() override;
    void put(int y, int x, std::string_view text, Style style, int maxWidth) override;
    void fill(int y, int x, int width, Style style) override;
    bool ascii() const override { return ascii_; }

    std::string line(int y) const;  // UTF-8, trailing blanks removed
    std::string text() const;       // every line, each ending in '\n'
    Style styleAt(int y, int x) const;
    // The first line holding `needle` (-1 if none).
    int find(std::string_view needle) const;

private:
    struct Cell {
        std::string glyph = " ";  // one character's UTF-8 ("" for the second column of a wide one)
        Style style = Style::Normal;
    };
    int height_ = 0, width_ = 0;
    bool ascii_;
    std::vector<std::vector<Cell>> cells_;
};

}  // namespace kabiscope::tui
