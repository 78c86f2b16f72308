// OffsetMap: a flat open-addressing hash map from 64-bit keys (DIE offsets) to 32-bit values.
//
// The renderer looks up millions of DIE offsets; std::unordered_map's node-per-entry layout made
// that the hottest spot of loading a kernel. Linear probing in one array, load factor <= 1/2.
#pragma once

#include <cstdint>
#include <vector>

namespace kabiscope {

class OffsetMap {
public:
    static constexpr uint32_t kMissing = UINT32_MAX;

    uint32_t find(uint64_t key) const {
        if (slots_.empty()) return kMissing;
        for (size_t i = slotFor(key);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.key == key) return s.value;
            if (s.key == kEmpty) return kMissing;
        }
    }

    void insert(uint64_t key, uint32_t value) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        for (size_t i = slotFor(key);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.key == key) {
                s.value = value;
                return;
            }
            if (s.key == kEmpty) {
                s = {key, value};
                ++count_;
                return;
            }
        }
    }

    size_t size() const { return count_; }

private:
    static constexpr uint64_t kEmpty = UINT64_MAX;
    struct Slot {
        uint64_t key = kEmpty;
        uint32_t value = 0;
    };

    size_t slotFor(uint64_t key) const { return size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_; }

    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        count_ = 0;
        for (const Slot& s : old)
            if (s.key != kEmpty) insert(s.key, s.value);
    }

    std::vector<Slot> slots_;
    size_t mask_ = 0;
    size_t count_ = 0;
};

}  // namespace kabiscope
