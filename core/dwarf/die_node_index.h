// DieNodeIndex: which node a DIE was rendered into, looked up millions of times per kernel.
//
// Nearly every type reference stays inside its compilation unit, so the unit being rendered (the
// "home" unit: that of the last symbol rendered) gets a flat array indexed by the DIE's offset
// from the unit's first DIE: one load per lookup, no hashing, and a small working set. When the
// home unit changes, its entries are kept as a sorted table for the rare reference from another
// unit (DW_FORM_ref_addr); DIEs of other units rendered meanwhile go to a hash map.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <elfutils/libdw.h>

#include "base/offset_map.h"

namespace kabiscope {

class DieNodeIndex {
public:
    static constexpr uint32_t kMissing = OffsetMap::kMissing;

    // Makes `unit` (a unit DIE's CU) the home unit; `firstOffset` is the offset of its unit DIE.
    void setHome(Dwarf_CU* unit, Dwarf_Off firstOffset);
    Dwarf_CU* home() const { return home_; }

    uint32_t find(const Dwarf_Die& die, Dwarf_Off offset) const {
        if (die.cu == home_) {
            const uint64_t index = offset - homeFirst_;
            if (index < dense_.size() && dense_[index] != kMissing) return dense_[index];
            if (homeRetired_ == nullptr && others_.size() == 0) return kMissing;
        }
        return findElsewhere(die, offset);
    }
    void insert(const Dwarf_Die& die, Dwarf_Off offset, uint32_t value);

    // Since the last clear(): were DIEs of more than one unit rendered?
    bool spansUnits() const { return homes_ > 1 || others_.size() != 0; }

    void clear();

private:
    using Retired = std::vector<std::pair<uint32_t, uint32_t>>;  // (offset - first, value)
    struct RetiredUnit {
        Dwarf_Off first;
        Retired entries;  // sorted on first use: most units are never looked into again
        bool sorted = false;
    };
    uint32_t findElsewhere(const Dwarf_Die& die, Dwarf_Off offset) const;
    void retireHome();

    Dwarf_CU* home_ = nullptr;
    Dwarf_Off homeFirst_ = 0;
    std::vector<uint32_t> dense_;         // home unit: offset - homeFirst_ -> value
    std::vector<uint32_t> homeEntries_;   // the indexes of dense_ in use
    RetiredUnit* homeRetired_ = nullptr;  // the home unit's entries from an earlier time at home
    const Retired& sortedEntries(const RetiredUnit& unit) const;
    mutable std::unordered_map<const Dwarf_CU*, RetiredUnit> retired_;
    OffsetMap others_;  // DIEs of other units rendered while they were not home
    size_t homes_ = 0;  // units made home since the last clear()
};

}  // namespace kabiscope
