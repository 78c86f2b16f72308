// Typing into a one-line field (the symbol filter, the tree search, the open prompt): a printable
// character is appended as UTF-8, Backspace drops the last character (not the last byte), Ctrl+U
// clears the line. The one place those rules are written.
#pragma once

#include <string>

#include "tui/keys.h"

namespace kabiscope::tui {

// True when `key` edited `text` (the caller redraws, or re-filters).
inline bool editLine(std::string& text, const Key& key) {
    if (key.kind == Key::Kind::Backspace) {
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xc0) == 0x80) text.pop_back();  // continuation bytes
        if (!text.empty()) text.pop_back();
        return true;
    }
    if (key.kind != Key::Kind::Char) return false;
    if (key.ch == ctrl('u')) {
        text.clear();
        return true;
    }
    const char32_t c = key.ch;
    if (c < 0x20 || c == 0x7f || c > 0x10ffff) return false;
    if (c < 0x80) {
        text.push_back(char(c));
    } else if (c < 0x800) {
        text.push_back(char(0xc0 | (c >> 6)));
        text.push_back(char(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
        text.push_back(char(0xe0 | (c >> 12)));
        text.push_back(char(0x80 | ((c >> 6) & 0x3f)));
        text.push_back(char(0x80 | (c & 0x3f)));
    } else {
        text.push_back(char(0xf0 | (c >> 18)));
        text.push_back(char(0x80 | ((c >> 12) & 0x3f)));
        text.push_back(char(0x80 | ((c >> 6) & 0x3f)));
        text.push_back(char(0x80 | (c & 0x3f)));
    }
    return true;
}

}  // namespace kabiscope::tui
