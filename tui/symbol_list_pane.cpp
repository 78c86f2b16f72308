#include "tui/symbol_list_pane.h"

#include <algorithm>

#include "explore/cell_texts.h"
#include "explore/marks.h"
#include "tui/key_navigation.h"
#include "tui/line_edit.h"
#include "tui/mark_style.h"
#include "tui/terminal_text.h"

namespace kabiscope::tui {

namespace {

constexpr SymbolColumn kSortOrder[] = {SymbolColumn::Status, SymbolColumn::Name, SymbolColumn::OldCrc,
                                       SymbolColumn::NewCrc, SymbolColumn::Causes, SymbolColumn::Module};
constexpr SymbolStatus kStatusKeys[] = {SymbolStatus::Changed, SymbolStatus::Added, SymbolStatus::Removed, SymbolStatus::Unchanged};

}  // namespace

void SymbolListPane::setSession(const ExploreSession* session) {
    session_ = session;
    query_.clear();
    editing_ = false;
    cursor_ = ListCursor();
    refresh();
}

void SymbolListPane::refresh() {
    const std::optional<size_t> was = current();
    shown_ = session_ ? query_.run(*session_, sort_, descending_) : std::vector<size_t>();
    if (was) {  // the cursor stays on its symbol when it is still shown
        const auto it = std::find(shown_.begin(), shown_.end(), *was);
        if (it != shown_.end()) cursor_.moveTo(size_t(it - shown_.begin()), shown_.size());
    }
    cursor_.clamp(shown_.size());
}

void SymbolListPane::setText(const std::string& text, bool regularExpression) {
    query_.setText(text, regularExpression);
    refresh();
}

std::optional<size_t> SymbolListPane::current() const {
    if (shown_.empty() || cursor_.position() >= shown_.size()) return std::nullopt;
    return shown_[cursor_.position()];
}

void SymbolListPane::select(size_t index) {
    auto it = std::find(shown_.begin(), shown_.end(), index);
    if (it == shown_.end()) {
        query_.clear();
        refresh();
        it = std::find(shown_.begin(), shown_.end(), index);
    }
    if (it != shown_.end()) {
        cursor_.moveTo(size_t(it - shown_.begin()), shown_.size());
        centrePending_ = true;
    }
}

std::optional<size_t> SymbolListPane::stepChanged(bool forward) {
    if (!session_) return std::nullopt;
    const std::optional<size_t> from = shown_.empty() ? std::nullopt : std::optional<size_t>(cursor_.position());
    const std::optional<size_t> next = neighbourChangedSymbol(*session_, shown_, from, forward);
    if (!next) return std::nullopt;
    cursor_.moveTo(*next, shown_.size());
    cursor_.reveal(size_t(lastHeight_));
    return shown_[*next];
}

SymbolListPane::Result SymbolListPane::handle(const Key& key, int height) {
    lastHeight_ = std::max(1, height);
    if (editing_) {
        std::string text = query_.text();
        switch (key.kind) {
        case Key::Kind::Enter:
        case Key::Kind::Down: editing_ = false; return Result::Handled;
        case Key::Kind::Escape:
            editing_ = false;
            setText({}, query_.regularExpression());
            return Result::Handled;
        case Key::Kind::Char:
            if (key.ch == ctrl('r')) {
                setText(text, !query_.regularExpression());
                return Result::Handled;
            }
            [[fallthrough]];
        case Key::Kind::Backspace:
            if (!editLine(text, key)) return Result::Ignored;
            setText(text, query_.regularExpression());
            return Result::Handled;
        default: return Result::Ignored;
        }
    }
    if (moveByKey(cursor_, key, shown_.size(), lastHeight_)) return Result::Handled;
    switch (key.kind) {
    case Key::Kind::Enter:
    case Key::Kind::Right: return current() ? Result::Open : Result::Handled;
    case Key::Kind::Char:
        switch (key.ch) {
        case 'l': return current() ? Result::Open : Result::Handled;
        case '/': editing_ = true; return Result::Handled;
        case 's': {
            const auto it = std::find(std::begin(kSortOrder), std::end(kSortOrder), sort_);
            sort_ = (it + 1 == std::end(kSortOrder)) ? kSortOrder[0] : *(it + 1);
            descending_ = sort_ == SymbolColumn::Status || sort_ == SymbolColumn::Causes;  // what needs attention first
            refresh();
            return Result::Handled;
        }
        case 'S':
            descending_ = !descending_;
            refresh();
            return Result::Handled;
        case '1':
        case '2':
        case '3':
        case '4': {
            const SymbolStatus status = kStatusKeys[key.ch - '1'];
            query_.setStatusVisible(status, !query_.statusVisible(status));
            refresh();
            return Result::Handled;
        }
        default:
            if (key.ch == ctrl('r')) {
                setText(query_.text(), !query_.regularExpression());
                return Result::Handled;
            }
            return Result::Ignored;
        }
        break;
    default: return Result::Ignored;
    }
    cursor_.reveal(size_t(lastHeight_));
    return Result::Handled;
}

SymbolListPane::Result SymbolListPane::click(int line, bool twice) {
    const size_t position = cursor_.top() + size_t(std::max(0, line));
    if (line < 0 || position >= shown_.size()) return Result::Ignored;
    cursor_.moveTo(position, shown_.size());
    return twice ? Result::Open : Result::Handled;
}

std::string SymbolListPane::filterLine(bool ascii) const {
    std::string line = "Filter: " + query_.text() + (editing_ ? "\u258f" : "");
    if (query_.regularExpression()) line += query_.textValid() ? "  (regex)" : "  (regex: invalid)";
    line += "   Status:";
    for (const SymbolStatus status : kStatusKeys)
        if (query_.statusVisible(status)) line += std::string(" ") + std::string(markGlyph(markFor(status), ascii));
    line += "   Sort: " + symbolColumnTitle(sort_, false) + (descending_ ? " \u2193" : " \u2191");
    if (session_) line += "   " + std::to_string(shown_.size()) + " of " + std::to_string(session_->diff.symbols.size());
    return line;
}

void SymbolListPane::draw(Surface& surface, const Rect& area, bool focused) {
    if (area.height < 2 || !session_) return;
    const bool single = session_->single();
    const bool ascii = surface.ascii();
    // Columns: mark, name (takes what is left), old CRC, new CRC, causes, module.
    const int crc = 10, causes = 6;
    const int module = std::clamp(area.width / 5, 8, 28);
    const int fixed = 2 + (single ? 0 : crc + 1) + crc + 1 + causes + 1 + module;
    const int name = std::max(12, area.width - fixed);
    auto header = [&](int x, int width, SymbolColumn column, bool rightAligned = false) {
        std::string title = symbolColumnTitle(column, single);
        if (column == sort_) title += descending_ ? "\u2193" : "\u2191";
        const int pad = rightAligned ? std::max(0, width - displayWidth(title)) : 0;
        surface.put(area.y, area.x + x + pad, title, Style::Header, width);
    };
    surface.fill(area.y, area.x, area.width, Style::Header);
    int x = 2;
    header(x, name, SymbolColumn::Name);
    x += name + 1;
    if (!single) {
        header(x, crc, SymbolColumn::OldCrc);
        x += crc + 1;
    }
    header(x, crc, SymbolColumn::NewCrc);
    x += crc + 1;
    header(x, causes, SymbolColumn::Causes, true);
    x += causes + 1;
    header(x, module, SymbolColumn::Module);

    const int rows = area.height - 1;
    lastHeight_ = rows;
    if (centrePending_) cursor_.centre(size_t(rows), shown_.size());  // a jump: centred once the height is known
    else cursor_.reveal(size_t(rows));
    centrePending_ = false;
    if (shown_.empty()) {
        surface.put(area.y + 1, area.x + 2,
                    session_->diff.symbols.empty() ? "No exported symbols in these builds."
                                                   : "No symbols match the filter: Esc clears it, 1-4 turn statuses back on.",
                    Style::Dim, area.width - 2);
        return;
    }
    for (int line = 0; line < rows; ++line) {
        const size_t position = cursor_.top() + size_t(line);
        if (position >= shown_.size()) break;
        const size_t index = shown_[position];
        const int y = area.y + 1 + line;
        const bool selected = position == cursor_.position();
        const Mark mark = markFor(session_->diff.symbols[index].status);
        const Style base = selected ? (focused ? Style::Selected : Style::Cursor) : Style::Normal;
        if (selected) surface.fill(y, area.x, area.width, base);
        surface.put(y, area.x, single ? " " : markGlyph(mark, ascii), selected ? base : styleOf(mark), 1);
        int column = 2;
        auto cell = [&](SymbolColumn which, int width, bool rightAligned = false) {
            const std::string text = symbolCell(*session_, index, which);
            const int pad = rightAligned ? std::max(0, width - displayWidth(text)) : 0;
            surface.put(y, area.x + column + pad, text, base, width);
            column += width + 1;
        };
        cell(SymbolColumn::Name, name);
        if (!single) cell(SymbolColumn::OldCrc, crc);
        cell(SymbolColumn::NewCrc, crc);
        cell(SymbolColumn::Causes, causes, true);
        cell(SymbolColumn::Module, module);
    }
}

}  // namespace kabiscope::tui
