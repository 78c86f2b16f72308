#include "dwarf/die_node_index.h"

#include <algorithm>

namespace kabiscope {

namespace {

// A home unit's array covers at most this many bytes of DWARF; DIEs beyond go to the hash map.
constexpr uint64_t kMaxDenseSpan = uint64_t(1) << 28;

uint32_t findSorted(const std::vector<std::pair<uint32_t, uint32_t>>& entries, uint64_t index) {
    if (index > UINT32_MAX) return DieNodeIndex::kMissing;
    auto it = std::lower_bound(entries.begin(), entries.end(), std::pair<uint32_t, uint32_t>(uint32_t(index), 0));
    return it != entries.end() && it->first == index ? it->second : DieNodeIndex::kMissing;
}

}  // namespace

void DieNodeIndex::setHome(Dwarf_CU* unit, Dwarf_Off firstOffset) {
    if (unit == home_) return;
    retireHome();
    ++homes_;
    home_ = unit;
    homeFirst_ = firstOffset;
    const auto it = retired_.find(unit);
    homeRetired_ = it != retired_.end() && it->second.first == firstOffset ? &it->second : nullptr;
}

void DieNodeIndex::insert(const Dwarf_Die& die, Dwarf_Off offset, uint32_t value) {
    if (die.cu == home_ && offset >= homeFirst_ && offset - homeFirst_ < kMaxDenseSpan) {
        const uint64_t index = offset - homeFirst_;
        if (index >= dense_.size()) dense_.resize(std::max<uint64_t>(index + 1, dense_.size() * 2), kMissing);
        dense_[index] = value;
        homeEntries_.push_back(uint32_t(index));
        return;
    }
    others_.insert(offset, value);
}

uint32_t DieNodeIndex::findElsewhere(const Dwarf_Die& die, Dwarf_Off offset) const {
    if (others_.size() != 0)
        if (const uint32_t found = others_.find(offset); found != kMissing) return found;
    if (die.cu == home_)
        return homeRetired_ && offset >= homeFirst_ ? findSorted(sortedEntries(*homeRetired_), offset - homeFirst_) : kMissing;
    const auto it = retired_.find(die.cu);
    if (it == retired_.end() || offset < it->second.first) return kMissing;
    return findSorted(sortedEntries(it->second), offset - it->second.first);
}

const DieNodeIndex::Retired& DieNodeIndex::sortedEntries(const RetiredUnit& unit) const {
    if (!unit.sorted) {
        auto& mutableUnit = const_cast<RetiredUnit&>(unit);  // lives in the mutable map
        std::sort(mutableUnit.entries.begin(), mutableUnit.entries.end());
        mutableUnit.sorted = true;
    }
    return unit.entries;
}

void DieNodeIndex::retireHome() {
    if (!home_ || homeEntries_.empty()) return;
    Retired entries;
    entries.reserve(homeEntries_.size());
    for (uint32_t index : homeEntries_) {
        entries.emplace_back(index, dense_[index]);
        dense_[index] = kMissing;
    }
    homeEntries_.clear();
    RetiredUnit& unit = retired_[home_];
    if (!unit.entries.empty() && unit.first != homeFirst_) {  // not expected: keep them hashed
        for (const auto& [index, value] : entries) others_.insert(homeFirst_ + index, value);
    } else if (unit.entries.empty()) {
        unit.first = homeFirst_;
        unit.entries = std::move(entries);
        unit.sorted = false;
    } else {  // home before
        unit.entries.insert(unit.entries.end(), entries.begin(), entries.end());
        unit.sorted = false;
    }
    homeRetired_ = nullptr;
}

void DieNodeIndex::clear() {
    for (uint32_t index : homeEntries_) dense_[index] = kMissing;
    homeEntries_.clear();
    home_ = nullptr;
    homeFirst_ = 0;
    homeRetired_ = nullptr;
    retired_.clear();
    others_ = OffsetMap();
    homes_ = 0;
}

}  // namespace kabiscope
