#include "tui/curses_terminal.h"

#include <curses.h>

#include <algorithm>
#include <cwchar>
#include <cstdlib>
#include <string>

#include "base/error.h"
#include "tui/terminal_text.h"

namespace kabiscope::tui {

namespace {

std::wstring toWide(std::string_view utf8) {
    std::wstring out;
    std::mbstate_t state{};
    const char* p = utf8.data();
    size_t left = utf8.size();
    while (left > 0) {
        wchar_t c;
        // NOLINTNEXTLINE(concurrency-mt-unsafe): with its own state mbrtowc is thread-safe
        const size_t n = std::mbrtowc(&c, p, left, &state);
        if (n == size_t(-1) || n == size_t(-2)) {  // not valid UTF-8 here: one replacement, one byte
            out.push_back(L'?');
            state = std::mbstate_t{};
            ++p, --left;
            continue;
        }
        if (n == 0) break;
        out.push_back(c < 0x20 ? L' ' : c);
        p += n, left -= n;
    }
    return out;
}

}  // namespace

CursesTerminal::CursesTerminal(bool ascii, bool colour) : ascii_(ascii) {
    screen_ = newterm(nullptr, stdout, stdin);
    if (!screen_) {
        const char* term = std::getenv("TERM");
        fail(term ? std::string("TERM=") + term : std::string("TERM"), term ? "a terminal curses does not know (try TERM=xterm-256color)"
                                                                            : "not set: curses cannot tell what the terminal can do");
    }
    set_term(screen_);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, nullptr);
    mouseinterval(0);  // presses arrive at once; ncurses still reports double clicks
    colour_ = colour && has_colors();
    const int normal = A_NORMAL;
    int* a = attributes_;
    auto set = [&](Style style, int value) { a[int(style)] = value; };
    if (colour_) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_WHITE, COLOR_BLUE);    // title, status line
        init_pair(2, COLOR_YELLOW, -1);           // changed
        init_pair(3, COLOR_GREEN, -1);            // added
        init_pair(4, COLOR_RED, -1);              // removed
        init_pair(5, COLOR_MAGENTA, -1);          // on a path
        init_pair(6, COLOR_BLACK, COLOR_CYAN);    // selected
        init_pair(7, COLOR_BLACK, COLOR_YELLOW);  // marked difference
        init_pair(8, COLOR_WHITE, COLOR_RED);     // error
        init_pair(9, COLOR_CYAN, -1);             // link
        set(Style::Normal, normal);
        set(Style::Title, COLOR_PAIR(1) | A_BOLD);
        set(Style::Header, A_BOLD | A_UNDERLINE);
        set(Style::Selected, COLOR_PAIR(6));
        set(Style::Cursor, A_REVERSE);
        set(Style::Changed, COLOR_PAIR(2) | A_BOLD);
        set(Style::Added, COLOR_PAIR(3) | A_BOLD);
        set(Style::Removed, COLOR_PAIR(4) | A_BOLD);
        set(Style::OnPath, COLOR_PAIR(5));
        set(Style::Marked, COLOR_PAIR(7) | A_BOLD);
        set(Style::Dim, A_DIM);
        set(Style::StatusLine, COLOR_PAIR(1));
        set(Style::Error, COLOR_PAIR(8) | A_BOLD);
        set(Style::Link, COLOR_PAIR(9) | A_UNDERLINE);
    } else {  // monochrome: the glyphs carry the status, attributes the rest
        set(Style::Normal, normal);
        set(Style::Title, A_REVERSE | A_BOLD);
        set(Style::Header, A_BOLD | A_UNDERLINE);
        set(Style::Selected, A_REVERSE);
        set(Style::Cursor, A_UNDERLINE);
        set(Style::Changed, A_BOLD);
        set(Style::Added, A_BOLD);
        set(Style::Removed, A_BOLD);
        set(Style::OnPath, normal);
        set(Style::Marked, A_REVERSE | A_BOLD);
        set(Style::Dim, A_DIM);
        set(Style::StatusLine, A_REVERSE);
        set(Style::Error, A_REVERSE | A_BOLD);
        set(Style::Link, A_UNDERLINE);
    }
}

CursesTerminal::~CursesTerminal() {
    endwin();
    delscreen(screen_);
}

int CursesTerminal::height() const { return LINES; }
int CursesTerminal::width() const { return COLS; }
void CursesTerminal::clear() { erase(); }

void CursesTerminal::put(int y, int x, std::string_view text, Style style, int maxWidth) {
    if (y < 0 || y >= LINES || x < 0 || x >= COLS) return;
    const int room = std::min(maxWidth, COLS - x);
    if (room <= 0) return;
    const std::string fitted = fitToWidth(ascii_ ? asciiFallback(text) : std::string(text), room, ascii_ ? "~" : "\u2026");
    const std::wstring wide = toWide(fitted);
    attrset(attributes_[int(style)]);
    mvaddnwstr(y, x, wide.c_str(), int(wide.size()));
    attrset(A_NORMAL);
}

void CursesTerminal::fill(int y, int x, int width, Style style) {
    if (y < 0 || y >= LINES || x >= COLS) return;
    if (x < 0) width += x, x = 0;
    width = std::min(width, COLS - x);
    if (width <= 0) return;
    attrset(attributes_[int(style)]);
    mvhline(y, x, ' ', width);
    attrset(A_NORMAL);
}

void CursesTerminal::present() { refresh(); }

void CursesTerminal::redrawAll() { clearok(curscr, TRUE); }

Key CursesTerminal::read(int timeoutMs) {
    timeout(timeoutMs);
    wint_t c = 0;
    const int kind = get_wch(&c);
    if (kind == ERR) return Key::of(Key::Kind::None);
    if (kind == KEY_CODE_YES) {
        switch (c) {
        case KEY_UP: return Key::of(Key::Kind::Up);
        case KEY_DOWN: return Key::of(Key::Kind::Down);
        case KEY_LEFT: return Key::of(Key::Kind::Left);
        case KEY_RIGHT: return Key::of(Key::Kind::Right);
        case KEY_PPAGE: return Key::of(Key::Kind::PageUp);
        case KEY_NPAGE: return Key::of(Key::Kind::PageDown);
        case KEY_HOME: return Key::of(Key::Kind::Home);
        case KEY_END: return Key::of(Key::Kind::End);
        case KEY_ENTER: return Key::of(Key::Kind::Enter);
        case KEY_BACKSPACE: return Key::of(Key::Kind::Backspace);
        case KEY_DC: return Key::of(Key::Kind::Delete);
        case KEY_BTAB: return Key::of(Key::Kind::BackTab);
        case KEY_F(1): return Key::of(Key::Kind::F1);
        case KEY_F(8): return Key::of(Key::Kind::F8);
        case KEY_F(20): return Key::of(Key::Kind::ShiftF8);  // Shift+F8 on xterm-like terminals
        case KEY_RESIZE: return Key::of(Key::Kind::Resize);
        case KEY_MOUSE: {
            MEVENT event;
            if (getmouse(&event) != OK) return Key::of(Key::Kind::None);
            if (event.bstate & BUTTON4_PRESSED) return Key{Key::Kind::WheelUp, 0, event.y, event.x};
            if (event.bstate & BUTTON5_PRESSED) return Key{Key::Kind::WheelDown, 0, event.y, event.x};
            if (event.bstate & BUTTON1_DOUBLE_CLICKED) return Key::click(event.y, event.x, true);
            if (event.bstate & BUTTON1_PRESSED) return Key::click(event.y, event.x);
            return Key::of(Key::Kind::None);
        }
        default: return Key::of(Key::Kind::None);
        }
    }
    switch (c) {
    case '\r':
    case '\n': return Key::of(Key::Kind::Enter);
    case 27: return Key::of(Key::Kind::Escape);
    case '\t': return Key::of(Key::Kind::Tab);
    case 127:
    case 8: return Key::of(Key::Kind::Backspace);
    default: return Key::character(char32_t(c));
    }
}

}  // namespace kabiscope::tui
