#include "tui/cause_pane.h"

#include "diff/report_writers.h"
#include "tui/styled_text.h"
#include "explore/marks.h"
#include "tui/key_navigation.h"
#include "tui/mark_style.h"

#include <cstdio>

namespace kabiscope::tui {

void CausePane::setSession(const ExploreSession* session) {
    session_ = session;
    expanded_.assign(session ? session->diff.causes.size() : 0, 0);
    cursor_ = ListCursor();
    open_ = 0;
    rebuildLines();
}

void CausePane::rebuildLines() {
    lines_.clear();
    if (!session_) return;
    for (const Cause& cause : session_->diff.causes) {
        lines_.push_back({cause.id, -1});
        if (expanded_[cause.id - 1])
            for (size_t f = 0; f < cause.folded.size(); ++f) lines_.push_back({cause.id, int(f)});
    }
    cursor_.clamp(lines_.size());
}

void CausePane::openSymbolsOf(uint32_t cause) {
    if (!session_ || cause == 0 || cause > session_->diff.causes.size()) return;
    open_ = cause;
    symbolCursor_ = ListCursor();
}

CausePane::Result CausePane::handle(const Key& key, int height) {
    Result result;
    if (!session_) return result;
    lastHeight_ = std::max(1, height);
    const bool symbols = open_ != 0;
    ListCursor& cursor = symbols ? symbolCursor_ : cursor_;
    const size_t count = symbols ? session_->diff.causes[open_ - 1].symbols.size() : lines_.size();
    result.kind = Result::Kind::Handled;
    auto toggle = [&](bool open) {
        if (symbols || lines_.empty()) return;
        const uint32_t id = lines_[cursor_.position()].cause;
        if (session_->diff.causes[id - 1].folded.empty()) return;
        expanded_[id - 1] = char(open);
        rebuildLines();
        for (size_t i = 0; i < lines_.size(); ++i)  // back onto the cause's own line
            if (lines_[i].cause == id && lines_[i].folded < 0) cursor_.moveTo(i, lines_.size());
    };
    auto enter = [&]() {
        if (count == 0) return;
        if (!symbols) {
            openSymbolsOf(lines_[cursor_.position()].cause);
            return;
        }
        result.kind = Result::Kind::OpenSymbol;
        result.symbol = session_->diff.causes[open_ - 1].symbols[symbolCursor_.position()];
        result.cause = open_;
    };
    if (moveByKey(cursor, key, count, lastHeight_)) return result;
    switch (key.kind) {
    case Key::Kind::Right: toggle(true); break;
    case Key::Kind::Left:
        if (symbols) open_ = 0;
        else toggle(false);
        break;
    case Key::Kind::Enter: enter(); break;
    case Key::Kind::Escape:
    case Key::Kind::Backspace:
        if (!symbols) return Result{};
        open_ = 0;
        break;
    case Key::Kind::Char:
        switch (key.ch) {
        case 'l':
            if (symbols) enter();
            else toggle(true);
            break;
        case 'h':
            if (symbols) open_ = 0;
            else toggle(false);
            break;
        case ' ':
            if (!symbols && !lines_.empty()) toggle(!expanded_[lines_[cursor_.position()].cause - 1]);
            break;
        default: return Result{};
        }
        break;
    default: return Result{};
    }
    cursor.reveal(size_t(lastHeight_));
    return result;
}

CausePane::Result CausePane::click(int line, bool twice) {
    ListCursor& cursor = open_ ? symbolCursor_ : cursor_;
    const size_t count = !session_ ? 0 : open_ ? session_->diff.causes[open_ - 1].symbols.size()
                                               : lines_.size();
    const size_t position = cursor.top() + size_t(std::max(0, line));
    if (line < 0 || position >= count) return Result{};
    cursor.moveTo(position, count);
    if (twice) return handle(Key::of(Key::Kind::Enter), lastHeight_);
    Result handled;
    handled.kind = Result::Kind::Handled;
    return handled;
}

void CausePane::draw(Surface& surface, const Rect& area, bool focused) {
    if (!session_ || area.height < 2) return;
    const bool ascii = surface.ascii();
    surface.fill(area.y, area.x, area.width, Style::Header);
    const int rows = area.height - 1;
    lastHeight_ = rows;
    const Style selectedStyle = focused ? Style::Selected : Style::Cursor;
    if (open_) {
        const Cause& cause = session_->diff.causes[open_ - 1];
        surface.put(area.y, area.x + 1,
                    "#" + std::to_string(cause.id) + " " + cause.title() + " \u2014 " + std::to_string(cause.symbols.size()) +
                        " symbol(s); Enter opens one at this change, Esc goes back",
                    Style::Header, area.width - 1);
        symbolCursor_.reveal(size_t(rows));
        for (int line = 0; line < rows; ++line) {
            const size_t position = symbolCursor_.top() + size_t(line);
            if (position >= cause.symbols.size()) break;
            const SymbolDiff& symbol = session_->diff.symbols[cause.symbols[position]];
            const int y = area.y + 1 + line;
            const bool selected = position == symbolCursor_.position();
            if (selected) surface.fill(y, area.x, area.width, selectedStyle);
            surface.put(y, area.x, markGlyph(markFor(symbol.status), ascii), selected ? selectedStyle : Style::Changed, 1);
            surface.put(y, area.x + 2, symbol.name + "   " + symbol.module, selected ? selectedStyle : Style::Normal, area.width - 2);
        }
        return;
    }
    surface.put(area.y, area.x + 1,
                fixes_ ? "   #  Symbols  Fix          Root cause (Enter: its symbols, Right: what follows from it)"
                       : "   #  Symbols  Root cause (Enter: its symbols, Right: what follows, f: fixes)",
                Style::Header, area.width - 1);
    if (lines_.empty()) {
        surface.put(area.y + 1, area.x + 2, session_->single() ? "One build: nothing changed, so no causes." : "No root causes: no CRC changed for a reason the types show.",
                    Style::Dim, area.width - 2);
        return;
    }
    // With fixes: the selected cause's fix takes the last lines of the pane.
    std::vector<StyledLine> fixLines;
    if (fixes_ && !lines_.empty()) {
        const FixSuggestion& fix = (*fixes_)[lines_[cursor_.position()].cause - 1];
        std::vector<Segment> text{{"Fix for #" + std::to_string(fix.cause) + ": " + fixVerdict(fix) + "\n", Style::Header}};
        if (fix.exists) text.push_back({fix.text + "\n", fix.safe ? Style::Added : Style::Removed});
        text.push_back({fix.why, Style::Dim});
        fixLines = wrapSegments(text, area.width - 2, 2);
        if (int(fixLines.size()) > rows / 2) fixLines.resize(size_t(rows / 2));
    }
    const int listRows = rows - int(fixLines.size()) - (fixLines.empty() ? 0 : 1);
    for (size_t i = 0; i < fixLines.size(); ++i) drawLine(surface, area.y + 1 + listRows + 1 + int(i), area.x + 1, area.width - 1, fixLines[i]);
    if (!fixLines.empty()) surface.fill(area.y + 1 + listRows, area.x, area.width, Style::Header);
    cursor_.reveal(size_t(std::max(1, listRows)));
    for (int line = 0; line < listRows; ++line) {
        const size_t position = cursor_.top() + size_t(line);
        if (position >= lines_.size()) break;
        const Line& l = lines_[position];
        const Cause& cause = session_->diff.causes[l.cause - 1];
        const int y = area.y + 1 + line;
        const bool selected = position == cursor_.position();
        if (selected) surface.fill(y, area.x, area.width, selectedStyle);
        const Style base = selected ? selectedStyle : Style::Normal;
        if (l.folded >= 0) {
            const Cause::Folded& f = cause.folded[size_t(l.folded)];
            std::string text = (f.type.empty() ? "" : describeRecordName(f.type) + " ") + (f.node.empty() ? "" : f.node + ": ") + f.description;
            const int indent = fixes_ ? 30 : 16;
            surface.put(y, area.x + indent, "\u2514 " + text, selected ? base : Style::Dim, area.width - indent);
            continue;
        }
        const Mark mark = markFor(cause.kind);
        surface.put(y, area.x, markGlyph(mark, ascii), selected ? base : styleOf(mark), 1);
        char head[32];
        std::snprintf(head, sizeof head, "%4u  %7zu  ", cause.id, cause.symbols.size());
        if (fixes_) {  // the Fix column
            const FixSuggestion& fix = (*fixes_)[cause.id - 1];
            const char* verdict = !fix.exists ? "none" : fix.safe && fix.verified ? "safe \u2713"
                                                     : fix.safe                   ? "safe ?"
                                                                                  : "unsafe";
            surface.put(y, area.x + 1, head, base, 15);
            surface.put(y, area.x + 16, verdict, selected ? base : !fix.exists ? Style::Dim
                                                               : fix.safe      ? Style::Added
                                                                               : Style::Removed,
                        11);
            surface.put(y, area.x + 28, (cause.folded.empty() ? "  " : expanded_[cause.id - 1] ? "\u25be "
                                                                                               : "\u25b8 ") +
                                            describeRecordName(cause.type) + " " + cause.changeText(),
                        base, area.width - 28);
            continue;
        }
        const std::string expander = cause.folded.empty() ? "  " : expanded_[cause.id - 1] ? "\u25be "
                                                                                           : "\u25b8 ";
        surface.put(y, area.x + 1, head + expander + describeRecordName(cause.type) + " " + cause.changeText(), base, area.width - 1);
    }
}

}  // namespace kabiscope::tui
