// NodeSlots: per-node scratch values for the nodes of one scope, without a graph-sized array.
//
// In kbuild mode a scope (one compilation unit) only reaches the nodes rendered for it, which
// are numbered from the scope's first node on; a few may come from earlier units. So values live
// in a window starting at `base` that grows as needed, and the rare node below it in a small map.
// Each versioning thread keeps several such tables; graph-sized ones would cost 23 MB each per
// build of a kernel's 5.8 million nodes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace kabiscope {

template <typename T>
class NodeSlots {
public:
    explicit NodeSlots(T initial = T{}) : initial_(initial) {}

    // Forgets every value; the window now starts at `base`. When the scope's nodes are known to
    // end before `end`, the window is sized to them on first use, instead of doubling its way
    // there (which leaves up to half unused: 100 MB per build on a whole kernel).
    void reset(uint32_t base, uint32_t end = UINT32_MAX) {
        base_ = base;
        limit_ = end == UINT32_MAX ? kUnknownLimit : end > base ? end - base
                                                                : 0;
        window_.clear();
        below_.clear();
    }

    T& operator[](uint32_t id) {
        if (id >= base_) {
            const size_t index = id - base_;
            if (index >= window_.size()) {
                // A scope reaches most of its nodes: when their number is known, take them at once.
                const bool known = limit_ != kUnknownLimit && index < limit_;
                window_.resize(known ? limit_ : std::max(index + 1, window_.size() * 2), initial_);
            }
            return window_[index];
        }
        return below_.try_emplace(id, initial_).first->second;
    }

    size_t windowSize() const { return window_.size(); }  // for tests: memory stays bounded

private:
    T initial_;
    uint32_t base_ = 0;
    static constexpr size_t kUnknownLimit = SIZE_MAX;
    size_t limit_ = kUnknownLimit;
    std::vector<T> window_;
    std::unordered_map<uint32_t, T> below_;
};

}  // namespace kabiscope
