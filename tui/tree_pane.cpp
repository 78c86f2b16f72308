#include "tui/tree_pane.h"

#include <algorithm>

#include "explore/cell_texts.h"
#include "explore/marks.h"
#include "explore/symbol_query.h"
#include "tui/key_navigation.h"
#include "tui/line_edit.h"
#include "tui/mark_style.h"
#include "tui/terminal_text.h"

namespace kabiscope::tui {

void TreePane::open(const ExploreSession& session, size_t index) {
    session_ = &session;
    symbol_ = index;
    const auto& sides = session.sides[index];
    tree_ = std::make_unique<AlignedTree>(TreeSide{sides.before.file, sides.before.symbol},
                                          TreeSide{sides.after.file, sides.after.symbol}, &session.diff, &session.diff.symbols[index]);
    expanded_.assign(1, 1);  // the root
    cursor_ = ListCursor();
    changes_.reset();
    message_.clear();
    search_.clear();
    editingSearch_ = false;
    for (size_t p = 0; p < tree_->pathCount(); ++p) {
        const std::vector<int> chain = tree_->rowsAlongPath(p);
        for (size_t i = 0; i + 1 < chain.size(); ++i) setExpanded(chain[i], true);
    }
    rebuild();
    if (tree_->pathCount() > 0) step(true);
}

void TreePane::setExpanded(int row, bool on) {
    if (size_t(row) >= expanded_.size()) expanded_.resize(size_t(row) + 1, 0);
    expanded_[size_t(row)] = char(on);
}

void TreePane::rebuild() {
    const int was = currentRow();
    visible_.clear();
    if (!tree_) return;
    std::vector<Visible> stack{{tree_->root(), 0}};
    while (!stack.empty()) {
        const Visible at = stack.back();
        stack.pop_back();
        visible_.push_back(at);
        if (!expanded(at.row)) continue;
        const std::vector<int>& children = tree_->children(at.row);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, at.depth + 1});
    }
    if (was >= 0) {
        const auto it = std::find_if(visible_.begin(), visible_.end(), [&](const Visible& v) { return v.row == was; });
        if (it != visible_.end()) cursor_.moveTo(size_t(it - visible_.begin()), visible_.size());
    }
    cursor_.clamp(visible_.size());
}

int TreePane::currentRow() const {
    if (!tree_ || visible_.empty()) return -1;
    return visible_[std::min(cursor_.position(), visible_.size() - 1)].row;
}

std::vector<int> TreePane::visibleRows() const {
    std::vector<int> rows;
    for (const Visible& v : visible_) rows.push_back(v.row);
    return rows;
}

void TreePane::expandTo(const std::vector<int>& chain) {
    for (size_t i = 0; i + 1 < chain.size(); ++i) setExpanded(chain[i], true);
    rebuild();
}

void TreePane::selectRow(int row, bool centre) {
    const auto it = std::find_if(visible_.begin(), visible_.end(), [&](const Visible& v) { return v.row == row; });
    if (it == visible_.end()) return;
    cursor_.moveTo(size_t(it - visible_.begin()), visible_.size());
    if (centre) centrePending_ = true;
    else cursor_.reveal(size_t(lastHeight_));
}

bool TreePane::step(bool forward) {
    const ChangeCursor::Move move = changes_.step(tree_.get(), forward);
    switch (move.kind) {
    case ChangeCursor::Move::Kind::AtEnd:
        message_ = forward ? "Last change of this symbol: n again opens the next changed symbol"
                           : "First change of this symbol: N again opens the previous changed symbol";
        return false;
    case ChangeCursor::Move::Kind::NeighbourSymbol: return true;
    case ChangeCursor::Move::Kind::Shown: break;
    }
    expandTo(move.chain);
    selectRow(move.chain.back(), true);
    message_ = "Change " + std::to_string(move.position) + " of " + std::to_string(move.count);
    return false;
}

bool TreePane::showPath(size_t pathIndex) {
    if (!tree_ || !changes_.aimAt(*tree_, pathIndex)) return false;
    step(true);
    return true;
}

void TreePane::showLastChange() {
    if (tree_ && changes_.aimAtLast(*tree_)) step(true);
}

bool TreePane::stepMatch(bool forward) {
    if (visible_.empty() || search_.empty()) return false;
    const bool single = session_->single();
    for (size_t n = 1; n <= visible_.size(); ++n) {
        const size_t position = (cursor_.position() + (forward ? n : visible_.size() - n)) % visible_.size();
        const AlignedRow& row = tree_->row(visible_[position].row);
        if (containsIgnoringCase(row.label, search_) || containsIgnoringCase(treeCell(row, TreeColumn::New, single), search_) ||
            containsIgnoringCase(treeCell(row, TreeColumn::Old, single), search_)) {
            cursor_.moveTo(position, visible_.size());
            centrePending_ = true;
            message_ = "Match for '" + search_ + "' (n/N: next/previous match, Esc: back to changes)";
            return true;
        }
    }
    message_ = "No row shown matches '" + search_ + "' (expand rows with Right, or Esc)";
    return false;
}

TreePane::Result TreePane::handle(const Key& key, int height) {
    if (!tree_) return Result::Ignored;
    lastHeight_ = std::max(1, height);
    message_.clear();
    if (editingSearch_) {
        switch (key.kind) {
        case Key::Kind::Enter:
            editingSearch_ = false;
            stepMatch(true);
            return Result::Handled;
        case Key::Kind::Escape:
            editingSearch_ = false;
            search_.clear();
            return Result::Handled;
        default: editLine(search_, key); return Result::Handled;
        }
    }
    const int row = currentRow();
    auto nextChange = [&](bool forward) {
        if (step(forward)) return forward ? Result::NextSymbol : Result::PreviousSymbol;
        return Result::Handled;
    };
    auto expandOrEnter = [&]() {
        if (const std::optional<int> target = cycleTarget(*tree_, row)) {
            selectRow(*target, true);
            message_ = "Where " + tree_->row(*target).label + " is expanded";
        } else if (tree_->hasChildren(row) && !expanded(row)) {
            setExpanded(row, true);
            rebuild();
        } else if (!tree_->children(row).empty()) {
            cursor_.move(1, visible_.size());  // into the first child
        }
    };
    auto collapseOrParent = [&]() {
        if (expanded(row) && tree_->hasChildren(row)) {
            setExpanded(row, false);
            rebuild();
        } else if (tree_->row(row).parent >= 0) {
            selectRow(tree_->row(row).parent, false);
        }
    };
    if (moveByKey(cursor_, key, visible_.size(), lastHeight_)) return Result::Handled;
    switch (key.kind) {
    case Key::Kind::Right:
    case Key::Kind::Enter: expandOrEnter(); break;
    case Key::Kind::Left: collapseOrParent(); break;
    case Key::Kind::F8: return nextChange(true);
    case Key::Kind::ShiftF8: return nextChange(false);
    case Key::Kind::Escape:
        if (search_.empty()) return Result::Ignored;
        search_.clear();
        message_ = "n/N step through the changes again";
        return Result::Handled;
    case Key::Kind::Char:
        switch (key.ch) {
        case 'l': expandOrEnter(); break;
        case 'h': collapseOrParent(); break;
        case ' ':
            if (tree_->hasChildren(row)) {
                setExpanded(row, !expanded(row));
                rebuild();
            }
            break;
        case 'n': return search_.empty() ? nextChange(true) : (stepMatch(true), Result::Handled);
        case 'N': return search_.empty() ? nextChange(false) : (stepMatch(false), Result::Handled);
        case ']': return nextChange(true);
        case '[': return nextChange(false);
        case '/':
            editingSearch_ = true;
            search_.clear();
            return Result::Handled;
        default: return Result::Ignored;
        }
        break;
    default: return Result::Ignored;
    }
    cursor_.reveal(size_t(lastHeight_));
    return Result::Handled;
}

TreePane::Result TreePane::click(int line, bool twice) {
    const size_t position = cursor_.top() + size_t(std::max(0, line));
    if (!tree_ || line < 0 || position >= visible_.size()) return Result::Ignored;
    cursor_.moveTo(position, visible_.size());
    if (twice) return handle(Key::of(Key::Kind::Enter), lastHeight_);
    return Result::Handled;
}

void TreePane::draw(Surface& surface, const Rect& area, bool focused) {
    if (!tree_ || area.height < 2) return;
    const bool single = session_->single();
    const bool ascii = surface.ascii();
    // Node | Old | New [| Offset | Size] ; one build: Node | Type.
    const bool layout = area.width >= 110;
    const int numbers = layout ? 12 : 0;
    const int node = std::clamp(area.width * 2 / 5, 24, 60);
    const int rest = std::max(10, area.width - node - 2 - (layout ? 2 * (numbers + 1) : 0));
    const int oldWidth = single ? 0 : rest / 2;
    const int newWidth = single ? rest : rest - oldWidth - 1;
    surface.fill(area.y, area.x, area.width, Style::Header);
    int x = area.x + 2;
    surface.put(area.y, x, treeColumnTitle(TreeColumn::Node, single), Style::Header, node);
    x += node + 1;
    if (!single) {
        surface.put(area.y, x, treeColumnTitle(TreeColumn::Old, single), Style::Header, oldWidth);
        x += oldWidth + 1;
    }
    surface.put(area.y, x, treeColumnTitle(TreeColumn::New, single), Style::Header, newWidth);
    x += newWidth + 1;
    if (layout) {
        surface.put(area.y, x, treeColumnTitle(TreeColumn::Offset, single), Style::Header, numbers);
        surface.put(area.y, x + numbers + 1, treeColumnTitle(TreeColumn::Size, single), Style::Header, numbers);
    }
    const int rows = area.height - 1;
    lastHeight_ = rows;
    if (centrePending_) cursor_.centre(size_t(rows), visible_.size());  // a jump: centred once the height is known
    else cursor_.reveal(size_t(rows));
    centrePending_ = false;
    for (int line = 0; line < rows; ++line) {
        const size_t position = cursor_.top() + size_t(line);
        if (position >= visible_.size()) break;
        const Visible& v = visible_[position];
        // Asked first: building a row's children may grow the tree's row table, which would
        // leave a reference into it dangling.
        const bool hasChildren = tree_->hasChildren(v.row);
        const AlignedRow& row = tree_->row(v.row);
        const int y = area.y + 1 + line;
        const bool selected = position == cursor_.position();
        const Mark mark = markFor(row, session_->diff, single);
        const Style base = selected ? (focused ? Style::Selected : Style::Cursor) : Style::Normal;
        if (selected) surface.fill(y, area.x, area.width, base);
        surface.put(y, area.x, mark == Mark::None ? " " : markGlyph(mark, ascii), selected ? base : styleOf(mark), 1);
        // Indent, then the expander: ▾ open, ▸ closed, a space for a leaf.
        const std::string expander = !hasChildren ? " " : expanded(v.row) ? "\u25be"
                                                                          : "\u25b8";
        const std::string indent(size_t(std::min(v.depth, 20) * 2), ' ');
        const Style labelStyle = selected                              ? base
                                 : row.kind == AlignedRow::Kind::Cycle ? Style::Link
                                 : row.changeSite                      ? styleOf(mark)
                                 : mark == Mark::OnPath                ? Style::OnPath
                                                                       : Style::Normal;
        surface.put(y, area.x + 2, indent + expander + " " + treeCell(row, TreeColumn::Node, single), labelStyle, node);
        int column = area.x + 2 + node + 1;
        const bool differs = !single && row.inOld && row.inNew && row.oldText != row.newText;
        if (!single) {
            surface.put(y, column, treeCell(row, TreeColumn::Old, single), selected ? base : differs ? Style::Removed
                                                                                                     : Style::Normal,
                        oldWidth);
            column += oldWidth + 1;
        }
        surface.put(y, column, treeCell(row, TreeColumn::New, single), selected ? base : differs ? Style::Added
                                                                                                 : Style::Normal,
                    newWidth);
        column += newWidth + 1;
        if (layout) {
            surface.put(y, column, treeCell(row, TreeColumn::Offset, single), base, numbers);
            surface.put(y, column + numbers + 1, treeCell(row, TreeColumn::Size, single), base, numbers);
        }
    }
}

}  // namespace kabiscope::tui
