// ListCursor: the selected line of a scrolling list and the first line shown — moving by lines
// and pages, clamped to the list, and scrolled so the cursor stays in view. Every pane of the
// terminal explorer keeps one.
#pragma once

#include <algorithm>
#include <cstddef>

namespace kabiscope::tui {

class ListCursor {
public:
    size_t position() const { return position_; }
    size_t top() const { return top_; }
    // Keeps the cursor inside [0, count) after the list changed.
    void clamp(size_t count) {
        if (count == 0) position_ = top_ = 0;
        else position_ = std::min(position_, count - 1);
        top_ = std::min(top_, position_);
    }
    void moveTo(size_t position, size_t count) {
        position_ = position;
        clamp(count);
    }
    void move(long delta, size_t count) {
        if (count == 0) return;
        const long target = std::clamp(long(position_) + delta, 0L, long(count) - 1);
        position_ = size_t(target);
    }
    // Scrolls so the cursor is one of the `height` lines shown.
    void reveal(size_t height) {
        if (height == 0) return;
        if (position_ < top_) top_ = position_;
        if (position_ >= top_ + height) top_ = position_ - height + 1;
    }
    // Scrolls so the cursor sits in the middle of `height` lines (after a jump), without leaving
    // blank lines below the end of a list of `count`.
    void centre(size_t height, size_t count) {
        top_ = position_ > height / 2 ? position_ - height / 2 : 0;
        if (count >= height) top_ = std::min(top_, count - height);
        else top_ = 0;
    }
    // Moves the view by `delta` lines without moving past the list (the wheel); the cursor follows into view.
    void scroll(long delta, size_t count, size_t height) {
        const long last = count > height ? long(count - height) : 0;
        top_ = size_t(std::clamp(long(top_) + delta, 0L, last));
        if (position_ < top_) position_ = top_;
        if (height && position_ >= top_ + height) position_ = top_ + height - 1;
        clamp(count);
    }

private:
    size_t position_ = 0, top_ = 0;
};

}  // namespace kabiscope::tui
