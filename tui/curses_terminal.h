// CursesTerminal: the real terminal under ncursesw — set up on construction and restored on
// destruction (also when an exception unwinds), drawn on as a Surface, and read as Keys
// (arrows, function keys, mouse clicks and wheel, resizes). The only file that includes curses.
#pragma once

#include "tui/keys.h"
#include "tui/surface.h"

struct screen;  // curses' SCREEN

namespace kabiscope::tui {

class CursesTerminal : public Surface {
public:
    // `ascii`: spell everything in ASCII; `colour`: false for monochrome (NO_COLOR, --no-color).
    CursesTerminal(bool ascii, bool colour);
    ~CursesTerminal() override;
    CursesTerminal(const CursesTerminal&) = delete;
    CursesTerminal& operator=(const CursesTerminal&) = delete;

    int height() const override;
    int width() const override;
    void clear() override;
    void put(int y, int x, std::string_view text, Style style, int maxWidth) override;
    void fill(int y, int x, int width, Style style) override;
    bool ascii() const override { return ascii_; }

    void present();    // shows what was drawn
    void redrawAll();  // Ctrl+L: repaint every cell
    // Waits for input, at most `timeoutMs` (-1: as long as it takes); Key::Kind::None on timeout.
    Key read(int timeoutMs);

private:
    ::screen* screen_ = nullptr;  // curses' SCREEN, made by newterm, freed by delscreen
    bool ascii_;
    bool colour_;
    int attributes_[kStyles] = {};
};

}  // namespace kabiscope::tui
