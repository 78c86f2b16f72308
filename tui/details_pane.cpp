#include "tui/details_pane.h"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "diff/report_writers.h"
#include "explore/cell_texts.h"
#include "explore/crc_input_window.h"
#include "explore/teaching.h"

namespace kabiscope::tui {

namespace {

constexpr size_t kLongest = 6000;  // bytes of one rendering shown; a whole task_struct is more

// `before` and `after` with the part between their common prefix and suffix marked.
void markedPair(const std::string& before, const std::string& after, std::vector<Segment>& out) {
    size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    auto side = [&](const char* label, const std::string& text) {
        out.push_back({label, Style::Header});
        std::string head = text.substr(0, prefix), middle = text.substr(prefix, text.size() - prefix - suffix),
                    tail = text.substr(text.size() - suffix);
        if (head.size() > kLongest) head = "\u2026" + head.substr(head.size() - kLongest / 2);
        if (tail.size() > kLongest) tail = tail.substr(0, kLongest / 2) + "\u2026";
        if (middle.size() > kLongest) middle = middle.substr(0, kLongest) + "\u2026";
        out.push_back({head, Style::Normal});
        out.push_back({middle, Style::Marked});
        out.push_back({tail + "\n", Style::Normal});
    };
    side("Old: ", before);
    side("New: ", after);
}

}  // namespace

const char* DetailsPane::modeName(Mode mode) {
    switch (mode) {
    case Mode::Node: return "node";
    case Mode::CrcInput: return "CRC input";
    case Mode::Paths: return "paths";
    case Mode::Teach: return "how it is made";
    }
    return "";
}

void DetailsPane::update(const ExploreSession& session, size_t symbol, AlignedTree& tree, int row, int width) {
    const std::string content = std::to_string(reinterpret_cast<uintptr_t>(&session)) + ':' + std::to_string(symbol) + ':' +
                                std::to_string(mode_ == Mode::Node ? row : -1) + ':' + std::to_string(int(mode_));
    const std::string key = content + ':' + std::to_string(width);
    if (key == key_) return;
    if (key_.rfind(content + ':', 0) != 0) scroll_ = 0;  // new content starts at its top; a new width keeps the place
    key_ = key;
    std::vector<Segment> text;
    switch (mode_) {
    case Mode::Node: text = nodeText(session, symbol, tree, row); break;
    case Mode::CrcInput: text = crcInputText(session, symbol); break;
    case Mode::Paths: text = pathsText(session, symbol); break;
    case Mode::Teach: text = teachText(session, symbol); break;
    }
    lines_ = wrapSegments(text, std::max(10, width), 2);
    while (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
}

std::vector<Segment> DetailsPane::nodeText(const ExploreSession& session, size_t symbol, AlignedTree& tree, int row) {
    std::vector<Segment> out;
    if (row < 0) return out;
    const AlignedRow& r = tree.row(row);
    const SymbolDiff& diff = session.diff.symbols[symbol];
    out.push_back({r.label, Style::Header});
    if (r.kind == AlignedRow::Kind::Cycle) out.push_back({"  (a type expanded above: Enter goes there)", Style::Dim});
    out.push_back({"\n", Style::Normal});
    for (uint32_t id : r.causes) {
        const Cause& cause = session.diff.causes[id - 1];
        out.push_back({"#" + std::to_string(id) + " ", Style::Changed});
        out.push_back({cause.title() + "\n", Style::Normal});
        if (!cause.folded.empty()) out.push_back({"   " + cause.foldedSummary() + "\n", Style::Dim});
    }
    // Where a member sits: offset and size on each side, padding before it, a new cacheline.
    const std::string offset = sideValue(r.oldOffset, r.newOffset, session.single());
    const std::string size = sideValue(r.oldSize, r.newSize, session.single());
    const std::string layout = treeCell(r, TreeColumn::Layout, session.single());
    if (!offset.empty() || !layout.empty()) {
        std::string where = offset.empty() ? std::string() : "offset " + offset;
        if (!size.empty()) where += (where.empty() ? "size " : ", size ") + size;
        if (!layout.empty()) where += (where.empty() ? "" : "; ") + layout;
        out.push_back({where + "\n", Style::Dim});
    }
    if (r.kind == AlignedRow::Kind::Symbol && !session.single()) {
        if (diff.status == SymbolStatus::Changed && diff.causes.empty()) {
            const std::string why = unexplainedText(diff);
            out.push_back({"Types are not available: " + (why.empty() ? std::string("no cause found") : why) + "\n", Style::Dim});
        }
        if (diff.status == SymbolStatus::Changed && !diff.causes.empty())
            out.push_back({"modversion changed because of changes in " + causeTypes(session.diff, diff) + "\n", Style::Normal});
    }
    if (!r.inOld && !r.inNew) return out;
    const std::string before = r.inOld ? tree.rendering(row, false) : std::string();
    const std::string after = r.inNew ? tree.rendering(row, true) : std::string();
    if (session.single() || before == after) {
        out.push_back({session.single() ? "Type: " : "Old and new: ", Style::Header});
        out.push_back({(after.size() > kLongest ? after.substr(0, kLongest) + "\u2026" : after) + "\n", Style::Normal});
    } else if (!r.inOld || !r.inNew) {
        out.push_back({r.inOld ? "Old: " : "New: ", Style::Header});
        const std::string& text = r.inOld ? before : after;
        out.push_back({text.substr(0, kLongest) + "\n", r.inOld ? Style::Removed : Style::Added});
        out.push_back({r.inOld ? "New: (absent)\n" : "Old: (absent)\n", Style::Dim});
    } else {
        markedPair(before, after, out);
    }
    return out;
}

std::vector<Segment> DetailsPane::crcInputText(const ExploreSession& session, size_t symbol) {
    std::vector<Segment> out;
    const SymbolDiff& diff = session.diff.symbols[symbol];
    const CrcInputs inputs = crcInputsOf(session.sides[symbol].before, session.sides[symbol].after, session.single());
    if (inputs.oldInput.empty() && inputs.newInput.empty()) {
        out.push_back({"No CRC input: this build has no types for " + diff.name + ".\n", Style::Dim});
        return out;
    }
    auto side = [&](const char* label, const std::string& text, const std::optional<uint32_t>& recorded, bool window) {
        out.push_back({std::string(label) + crcInputSummary(text, recorded) + "\n", Style::Header});
        if (!window) {
            out.push_back({text.substr(0, 4000) + (text.size() > 4000 ? "\u2026" : "") + "\n", Style::Normal});
            return;
        }
        const CrcInputWindow cut = crcInputWindow(text, inputs.firstDifference);
        out.push_back({(cut.clippedStart ? "\u2026" : "") + cut.before, Style::Normal});
        out.push_back({cut.marked, Style::Marked});
        out.push_back({cut.after + (cut.clippedEnd ? "\u2026" : "") + "\n", Style::Normal});
    };
    if (inputs.differ() && !session.single()) {
        out.push_back({"First difference at byte " + std::to_string(inputs.firstDifference) + "\n", Style::Header});
        side("Old: ", inputs.oldInput, diff.oldCrc, true);
        side("New: ", inputs.newInput, diff.newCrc, true);
    } else {
        side("CRC input: ", inputs.newInput, diff.newCrc, false);
    }
    return out;
}

std::vector<Segment> DetailsPane::pathsText(const ExploreSession& session, size_t symbol) {
    std::vector<Segment> out;
    const SymbolDiff& diff = session.diff.symbols[symbol];
    if (diff.paths.empty()) {
        out.push_back({"No paths: " + diff.name + " has no causes to lead to.\n", Style::Dim});
        return out;
    }
    // The paths as a tree: shared beginnings drawn once, each step indented under the last.
    struct Node {
        std::map<std::string, size_t> children;  // step text -> node
        std::vector<std::string> order;
        std::vector<uint32_t> causes;
    };
    std::vector<Node> nodes(1);
    for (size_t i = 0; i < diff.paths.size(); ++i) {
        const std::vector<std::string> steps = session.diff.pathTo(diff, i);
        size_t at = 0;
        for (size_t s = 1; s < steps.size(); ++s) {  // the first step is the symbol itself
            auto it = nodes[at].children.find(steps[s]);
            if (it == nodes[at].children.end()) {
                nodes.emplace_back();
                it = nodes[at].children.emplace(steps[s], nodes.size() - 1).first;
                nodes[at].order.push_back(steps[s]);
            }
            at = it->second;
        }
        nodes[at].causes.push_back(diff.causes[i]);
    }
    out.push_back({diff.name + "\n", Style::Header});
    std::function<void(size_t, const std::string&)> walk = [&](size_t node, const std::string& prefix) {
        const auto& order = nodes[node].order;
        for (size_t c = 0; c < order.size(); ++c) {
            const bool last = c + 1 == order.size();
            const size_t child = nodes[node].children.at(order[c]);
            out.push_back({prefix + (last ? "\u2514\u2500 " : "\u251c\u2500 "), Style::Dim});
            const bool site = !nodes[child].causes.empty();
            out.push_back({order[c], site ? Style::Changed : Style::Normal});
            for (uint32_t id : nodes[child].causes) {
                const Cause& cause = session.diff.causes[id - 1];
                out.push_back({"  #" + std::to_string(id) + " " + cause.description, Style::Changed});
            }
            out.push_back({"\n", Style::Normal});
            walk(child, prefix + (last ? "   " : "\u2502  "));
        }
    };
    walk(0, "");
    return out;
}

std::vector<Segment> DetailsPane::teachText(const ExploreSession& session, size_t symbol) {
    const std::string text = sessionTeachingText(session, symbol);
    if (text.empty())
        return {{"No types for " + session.diff.symbols[symbol].name + " here: its CRC was recorded, not made from types.\n", Style::Dim}};
    std::istringstream out(text);
    // The walk's own text, its step headings and the #SYMVER line set off.
    std::vector<Segment> segments;
    for (std::string line; std::getline(out, line);) {
        const bool heading = line.rfind("Step ", 0) == 0 || line.rfind("How ", 0) == 0 || line.rfind("Old build", 0) == 0 ||
                             line.rfind("New build", 0) == 0;
        const bool marked = line.find("#SYMVER") != std::string::npos || line.find("<- the first differing byte") != std::string::npos;
        segments.push_back({line + "\n", heading ? Style::Header : marked ? Style::Changed
                                                                          : Style::Normal});
    }
    return segments;
}

bool DetailsPane::handle(const Key& key, int height) {
    lastHeight_ = std::max(1, height);
    const size_t last = lines_.size() > size_t(lastHeight_) ? lines_.size() - size_t(lastHeight_) : 0;
    auto scrollBy = [&](long delta) { scroll_ = size_t(std::clamp(long(scroll_) + delta, 0L, long(last))); };
    switch (key.kind) {
    case Key::Kind::Up: scrollBy(-1); return true;
    case Key::Kind::Down: scrollBy(1); return true;
    case Key::Kind::PageUp: scrollBy(-long(lastHeight_ - 1)); return true;
    case Key::Kind::PageDown: scrollBy(long(lastHeight_ - 1)); return true;
    case Key::Kind::Home: scroll_ = 0; return true;
    case Key::Kind::End: scroll_ = last; return true;
    case Key::Kind::WheelUp: scrollBy(-3); return true;
    case Key::Kind::WheelDown: scrollBy(3); return true;
    case Key::Kind::Char:
        if (key.ch == 'k') return scrollBy(-1), true;
        if (key.ch == 'j') return scrollBy(1), true;
        if (key.ch == 'g') return scroll_ = 0, true;
        if (key.ch == 'G') return scroll_ = last, true;
        return false;
    default: return false;
    }
}

void DetailsPane::draw(Surface& surface, const Rect& area, bool focused) {
    lastHeight_ = std::max(1, area.height);
    for (int line = 0; line < area.height; ++line) {
        const size_t index = scroll_ + size_t(line);
        if (index >= lines_.size()) break;
        drawLine(surface, area.y + line, area.x + 1, area.width - 1, lines_[index]);
    }
    if (lines_.size() > size_t(area.height) && area.height > 0) {  // where in the text the view is
        const std::string where = std::to_string(scroll_ + 1) + "-" +
                                  std::to_string(std::min(lines_.size(), scroll_ + size_t(area.height))) + "/" +
                                  std::to_string(lines_.size());
        surface.put(area.y + area.height - 1, area.x + area.width - int(where.size()), where, focused ? Style::Selected : Style::Dim,
                    int(where.size()));
    }
}

}  // namespace kabiscope::tui
