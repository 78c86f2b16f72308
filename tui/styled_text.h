// Styled text for the terminal explorer: a line is segments of text, each with a style; long
// text is wrapped to a width (breaking at spaces where it can), and a line is drawn clipped to
// its pane.
#pragma once

#include <string>
#include <vector>

#include "tui/surface.h"

namespace kabiscope::tui {

struct Segment {
    std::string text;
    Style style = Style::Normal;
};
using StyledLine = std::vector<Segment>;

// Wraps segments into lines of at most `width` columns; `indent` columns start each continuation.
std::vector<StyledLine> wrapSegments(const std::vector<Segment>& segments, int width, int indent = 0);
// Draws `line` at (y, x), clipped to `width` columns.
void drawLine(Surface& surface, int y, int x, int width, const StyledLine& line);

}  // namespace kabiscope::tui
