// DetailsPane: what the terminal explorer says about the row selected in the tree, in three
// modes — the node (its causes, and the old and new rendering with the part that differs
// marked), the symbol's CRC input on each side around the first differing byte, and the
// dependency paths from the symbol to each change as an indented text tree; and how the
// symbol's CRC is made, step by step (explore/teaching.h, as `kabiscope teach` writes it).
#pragma once

#include <string>
#include <vector>

#include "explore/aligned_tree.h"
#include "explore/explore_session.h"
#include "tui/keys.h"
#include "tui/list_cursor.h"
#include "tui/styled_text.h"

namespace kabiscope::tui {

class DetailsPane {
public:
    enum class Mode {
        Node,
        CrcInput,
        Paths,
        Teach
    };
    void setMode(Mode mode) { mode_ = mode, scroll_ = 0, key_.clear(); }
    Mode mode() const { return mode_; }
    static const char* modeName(Mode mode);

    // Recomputes the lines when the symbol, the row, the mode or the width changed.
    void update(const ExploreSession& session, size_t symbol, AlignedTree& tree, int row, int width);
    bool handle(const Key& key, int height);  // scrolling
    void draw(Surface& surface, const Rect& area, bool focused);
    const std::vector<StyledLine>& lines() const { return lines_; }

private:
    std::vector<Segment> nodeText(const ExploreSession& session, size_t symbol, AlignedTree& tree, int row);
    std::vector<Segment> crcInputText(const ExploreSession& session, size_t symbol);
    std::vector<Segment> pathsText(const ExploreSession& session, size_t symbol);
    std::vector<Segment> teachText(const ExploreSession& session, size_t symbol);

    Mode mode_ = Mode::Node;
    std::string key_;  // what the lines were made for: session, symbol, row, mode, width
    std::vector<StyledLine> lines_;
    size_t scroll_ = 0;
    int lastHeight_ = 5;
};

}  // namespace kabiscope::tui
