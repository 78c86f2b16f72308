// Key: one input event of the terminal explorer, whatever the terminal sent — a character, a
// named key, a mouse click or wheel step, or a resize — so the views never see curses codes.
#pragma once

namespace kabiscope::tui {

struct Key {
    enum class Kind {
        None,  // nothing arrived (a timeout while loading)
        Char,  // `ch`: a printable character, or a control character (Ctrl+R is 0x12)
        Up,
        Down,
        Left,
        Right,
        PageUp,
        PageDown,
        Home,
        End,
        Enter,
        Escape,
        Tab,
        BackTab,
        Backspace,
        Delete,
        F1,
        F8,
        ShiftF8,
        Click,  // `y`, `x`: a left button press
        DoubleClick,
        WheelUp,
        WheelDown,
        Resize,
    };
    Kind kind = Kind::None;
    char32_t ch = 0;
    int y = 0, x = 0;

    static Key of(Kind kind) { return Key{kind, 0, 0, 0}; }
    static Key character(char32_t c) { return Key{Kind::Char, c, 0, 0}; }
    static Key click(int y, int x, bool twice = false) { return Key{twice ? Kind::DoubleClick : Kind::Click, 0, y, x}; }
    bool is(char32_t c) const { return kind == Kind::Char && ch == c; }
};

inline constexpr char32_t ctrl(char c) { return char32_t(c & 0x1f); }

}  // namespace kabiscope::tui
