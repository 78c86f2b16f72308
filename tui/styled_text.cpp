#include "tui/styled_text.h"

#include "tui/terminal_text.h"

namespace kabiscope::tui {

namespace {

size_t codePointLength(const std::string& text, size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3
                                      : c >= 0xc0   ? 2
                                                    : 1;
    return std::min(length, text.size() - i);
}

}  // namespace

std::vector<StyledLine> wrapSegments(const std::vector<Segment>& segments, int width, int indent) {
    std::vector<StyledLine> lines(1);
    if (width <= indent + 1) indent = 0;
    if (width <= 0) return lines;
    int used = 0;
    auto append = [&](const std::string& piece, Style style) {
        StyledLine& line = lines.back();
        if (!line.empty() && line.back().style == style)
            line.back().text += piece;
        else
            line.push_back({piece, style});
    };
    auto newLine = [&] {
        lines.emplace_back();
        used = 0;
        if (indent > 0) {
            lines.back().push_back({std::string(size_t(indent), ' '), Style::Normal});
            used = indent;
        }
    };
    for (const Segment& segment : segments) {
        const std::string& text = segment.text;
        size_t i = 0;
        while (i < text.size()) {
            if (text[i] == '\n') {
                newLine();
                ++i;
                continue;
            }
            // The next word (up to and with one space), or one code point when a word is wider than a line.
            size_t end = i;
            while (end < text.size() && text[end] != ' ' && text[end] != '\n') end += codePointLength(text, end);
            if (end < text.size() && text[end] == ' ') ++end;
            std::string word = text.substr(i, end - i);
            int w = displayWidth(word);
            if (used + w > width && used > indent) {
                newLine();
                if (word == " ") {
                    i = end;
                    continue;
                }
            }
            if (w > width - used) {  // longer than a whole line: cut it
                word = text.substr(i, codePointLength(text, i));
                w = displayWidth(word);
                end = i + word.size();
                if (used + w > width) newLine();
            }
            append(word, segment.style);
            used += w;
            i = end;
        }
    }
    return lines;
}

void drawLine(Surface& surface, int y, int x, int width, const StyledLine& line) {
    int column = 0;
    for (const Segment& segment : line) {
        if (column >= width) break;
        surface.put(y, x + column, segment.text, segment.style, width - column);
        column += displayWidth(surface.ascii() ? asciiFallback(segment.text) : segment.text);
    }
}

}  // namespace kabiscope::tui
