#include "tui/terminal_text.h"

#include <cwchar>

namespace kabiscope::tui {

namespace {

// One UTF-8 code point at `text[i]`: its value and length (a bad byte: itself, length 1).
char32_t decode(std::string_view text, size_t i, size_t& length) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2
                                     : c >= 0xc0   ? 1
                                                   : 0;
    length = 1;
    if (c < 0x80 || extra == 0 || i + extra >= text.size()) return c;  // ASCII, a stray byte, or cut short
    char32_t value = c & (0x3f >> extra);
    for (size_t k = 1; k <= extra; ++k) {
        const unsigned char next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xc0) != 0x80) return c;
        value = (value << 6) | (next & 0x3f);
    }
    length = extra + 1;
    return value;
}

int columnsOf(char32_t c) {
    if (c < 0x80) return c >= 0x20 && c != 0x7f ? 1 : 0;
    const int w = ::wcwidth(wchar_t(c));
    return w < 0 ? 1 : w;
}

}  // namespace

int displayWidth(std::string_view text) {
    int width = 0;
    for (size_t i = 0, length = 0; i < text.size(); i += length) width += columnsOf(decode(text, i, length));
    return width;
}

std::string fitToWidth(std::string_view text, int width, std::string_view ellipsis) {
    if (width <= 0) return {};
    if (displayWidth(text) <= width) return std::string(text);
    const int room = width - displayWidth(ellipsis);
    std::string out;
    int used = 0;
    for (size_t i = 0, length = 0; i < text.size(); i += length) {
        const int w = columnsOf(decode(text, i, length));
        if (used + w > room) break;
        out.append(text.substr(i, length));
        used += w;
    }
    return out + std::string(room >= 0 ? ellipsis : std::string_view());
}

std::string fitTail(std::string_view text, int width, std::string_view ellipsis) {
    if (width <= 0) return {};
    if (displayWidth(text) <= width) return std::string(text);
    const int room = width - displayWidth(ellipsis);
    size_t start = text.size();
    int used = 0;
    while (start > 0) {
        size_t begin = start - 1;
        while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xc0) == 0x80) --begin;  // back to a lead byte
        const int w = displayWidth(text.substr(begin, start - begin));
        if (used + w > room) break;
        used += w;
        start = begin;
    }
    return (room >= 0 ? std::string(ellipsis) : std::string()) + std::string(text.substr(start));
}

std::string padToWidth(std::string_view text, int width, std::string_view ellipsis) {
    std::string out = fitToWidth(text, width, ellipsis);
    const int used = displayWidth(out);
    if (used < width) out.append(size_t(width - used), ' ');
    return out;
}

std::string asciiFallback(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0, length = 0; i < text.size(); i += length) {
        const char32_t c = decode(text, i, length);
        if (c < 0x80) {
            out.push_back(char(c));
            continue;
        }
        switch (c) {
        case 0x2192: out += "->"; break;  // →
        case 0x2190:
        case 0x21a9: out += "<-"; break;  // ← ↩
        case 0x2014:
        case 0x2013:
        case 0x2212:
        case 0x2500: out += "-"; break;    // — – − ─
        case 0x2026: out += "..."; break;  // …
        case 0x203a:
        case 0x25b8:
        case 0x25b6: out += ">"; break;  // › ▸ ▶
        case 0x25be:
        case 0x25bc: out += "v"; break;  // ▾ ▼
        case 0x2502:
        case 0x251c: out += "|"; break;   // │ ├
        case 0x2514: out += "`"; break;   // └
        case 0x2713: out += "ok"; break;  // ✓
        case 0x00d7: out += "x"; break;   // ×
        case 0x2588: out += "#"; break;   // █
        case 0x2591: out += "."; break;   // ░
        default: out += "?"; break;
        }
    }
    return out;
}

}  // namespace kabiscope::tui
