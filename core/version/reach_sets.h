// ReachSets: for every entry of a directed graph, the set of entries reachable from it (itself
// included), as a bitset shared by its strongly connected component.
//
// The CRC expander uses it to tell whether a type's expansion is independent of what the
// current symbol has already expanded (docs/crc-sharing.md). Entries are dense indices that the
// caller hands out as it discovers them; index() runs Tarjan's algorithm from a root over the
// entries no earlier call reached, so a scope is indexed piece by piece as its symbols are
// hashed. A component's bitset is sized to the entries known when it completed: everything it
// reaches was known by then.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kabiscope {

using Bitset = std::vector<uint64_t>;

inline bool testBit(const Bitset& set, uint32_t bit) {
    const size_t word = bit / 64;
    return word < set.size() && (set[word] >> (bit % 64) & 1);
}

inline void setBit(Bitset& set, uint32_t bit) {
    const size_t word = bit / 64;
    if (word >= set.size()) set.resize(word + 1, 0);
    set[word] |= uint64_t(1) << (bit % 64);
}

class ReachSets {
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    // Indexes `root` and every entry reachable from it that is not indexed yet.
    // `successors(entry)` returns the entry's successors (a container of uint32_t entries that
    // stays valid while further entries are discovered); `entryCount()` how many entries exist.
    // Stops early, leaving the sets unusable, once they would hold more than `budget` bytes:
    // overBudget() then says so.
    template <typename Successors, typename EntryCount>
    void index(uint32_t root, Successors&& successors, EntryCount&& entryCount, size_t budget);
    bool overBudget() const { return overBudget_; }

    bool indexed(uint32_t entry) const { return entry < component_.size() && component_[entry] != kNone; }

    // Whether nothing `entry` reaches is in `set`.
    bool disjoint(uint32_t entry, const Bitset& set) const;
    // Adds everything `entry` reaches to `set`.
    void addTo(uint32_t entry, Bitset& set) const;

    // Bytes held by the reach bitsets (the expander stops sharing past a budget).
    size_t bytes() const { return bytes_; }

private:
    void grow(size_t entries);
    void completeComponent(uint32_t head, size_t entries);

    template <typename Successors>
    void finishComponentReach(uint32_t component, Successors& successors);

    // Tarjan's bookkeeping, per entry.
    std::vector<uint32_t> order_;  // discovery order, kNone: not visited
    std::vector<uint32_t> low_;
    std::vector<uint32_t> component_;  // kNone until its component completes
    std::vector<uint32_t> stack_;
    std::vector<std::vector<uint32_t>> members_;  // per component, while its reach is built
    std::vector<Bitset> reach_;                   // per component
    uint32_t nextOrder_ = 0;
    size_t bytes_ = 0;
    bool overBudget_ = false;
};

template <typename Successors, typename EntryCount>
void ReachSets::index(uint32_t root, Successors&& successors, EntryCount&& entryCount, size_t budget) {
    grow(entryCount());
    if (overBudget_ || order_[root] != kNone) return;
    struct Frame {
        uint32_t entry;
        size_t next;
    };
    std::vector<Frame> frames;
    auto visit = [&](uint32_t entry) {
        grow(entryCount());
        order_[entry] = low_[entry] = nextOrder_++;
        stack_.push_back(entry);
        frames.push_back({entry, 0});
    };
    visit(root);
    while (!frames.empty()) {
        Frame& frame = frames.back();
        const auto& next = successors(frame.entry);
        if (frame.next < next.size()) {
            const uint32_t child = next[frame.next++];
            grow(entryCount());
            if (order_[child] == kNone) {
                visit(child);                         // invalidates `frame`
            } else if (component_[child] == kNone) {  // still on the stack: same component
                low_[frame.entry] = std::min(low_[frame.entry], order_[child]);
            }
            continue;
        }
        const uint32_t entry = frame.entry;
        frames.pop_back();
        if (!frames.empty()) low_[frames.back().entry] = std::min(low_[frames.back().entry], low_[entry]);
        if (low_[entry] != order_[entry]) continue;
        completeComponent(entry, entryCount());
        finishComponentReach(uint32_t(reach_.size() - 1), successors);
        if (bytes_ > budget) {
            overBudget_ = true;
            return;
        }
    }
}

template <typename Successors>
void ReachSets::finishComponentReach(uint32_t component, Successors& successors) {
    Bitset& reach = reach_[component];
    for (uint32_t member : members_[component]) {
        for (uint32_t child : successors(member)) {
            const uint32_t other = component_[child];
            if (other == component) continue;
            const Bitset& theirs = reach_[other];  // completed earlier: Tarjan finishes sinks first
            for (size_t w = 0; w < theirs.size(); ++w) reach[w] |= theirs[w];
        }
    }
    members_[component].clear();
    members_[component].shrink_to_fit();
}

}  // namespace kabiscope
