#include "version/reach_sets.h"

#include <algorithm>

namespace kabiscope {

void ReachSets::grow(size_t entries) {
    if (order_.size() >= entries) return;
    order_.resize(entries, kNone);
    low_.resize(entries, kNone);
    component_.resize(entries, kNone);
}

void ReachSets::completeComponent(uint32_t head, size_t entries) {
    const uint32_t component = uint32_t(reach_.size());
    Bitset reach((entries + 63) / 64, 0);
    std::vector<uint32_t> members;
    uint32_t member;
    do {
        member = stack_.back();
        stack_.pop_back();
        component_[member] = component;
        members.push_back(member);
        setBit(reach, member);
    } while (member != head);
    bytes_ += reach.size() * sizeof(uint64_t);
    reach_.push_back(std::move(reach));
    members_.push_back(std::move(members));
}

bool ReachSets::disjoint(uint32_t entry, const Bitset& set) const {
    const Bitset& reach = reach_[component_[entry]];
    const size_t words = std::min(reach.size(), set.size());
    for (size_t w = 0; w < words; ++w)
        if (reach[w] & set[w]) return false;
    return true;
}

void ReachSets::addTo(uint32_t entry, Bitset& set) const {
    const Bitset& reach = reach_[component_[entry]];
    if (set.size() < reach.size()) set.resize(reach.size(), 0);
    for (size_t w = 0; w < reach.size(); ++w) set[w] |= reach[w];
}

}  // namespace kabiscope
