#include "tui/text_surface.h"

#include "tui/terminal_text.h"

namespace kabiscope::tui {

TextSurface::TextSurface(int height, int width, bool ascii) : ascii_(ascii) { resize(height, width); }

void TextSurface::resize(int height, int width) {
    height_ = height;
    width_ = width;
    cells_.assign(size_t(height), std::vector<Cell>(size_t(width)));
}

void TextSurface::clear() {
    for (auto& row : cells_)
        for (Cell& cell : row) cell = Cell();
}

void TextSurface::put(int y, int x, std::string_view text, Style style, int maxWidth) {
    if (y < 0 || y >= height_ || x < 0 || x >= width_) return;
    const std::string shown = fitToWidth(ascii_ ? asciiFallback(text) : std::string(text), std::min(maxWidth, width_ - x),
                                         ascii_ ? "~" : "\u2026");
    int column = x;
    for (size_t i = 0; i < shown.size();) {
        size_t length = 1;
        const unsigned char c = static_cast<unsigned char>(shown[i]);
        if (c >= 0xf0) length = 4;
        else if (c >= 0xe0) length = 3;
        else if (c >= 0xc0) length = 2;
        length = std::min(length, shown.size() - i);
        const std::string glyph = shown.substr(i, length);
        const int w = displayWidth(glyph);
        i += length;
        if (w == 0) continue;
        if (column + w > width_) break;
        cells_[size_t(y)][size_t(column)] = Cell{glyph, style};
        if (w == 2) cells_[size_t(y)][size_t(column) + 1] = Cell{"", style};
        column += w;
    }
}

void TextSurface::fill(int y, int x, int width, Style style) {
    if (y < 0 || y >= height_) return;
    for (int column = std::max(0, x); column < std::min(width_, x + width); ++column) cells_[size_t(y)][size_t(column)] = Cell{" ", style};
}

std::string TextSurface::line(int y) const {
    std::string out;
    for (const Cell& cell : cells_[size_t(y)]) out += cell.glyph;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string TextSurface::text() const {
    std::string out;
    for (int y = 0; y < height_; ++y) out += line(y) + '\n';
    return out;
}

Style TextSurface::styleAt(int y, int x) const { return cells_[size_t(y)][size_t(x)].style; }

int TextSurface::find(std::string_view needle) const {
    for (int y = 0; y < height_; ++y)
        if (line(y).find(needle) != std::string::npos) return y;
    return -1;
}

}  // namespace kabiscope::tui
