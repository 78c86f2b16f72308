#include "output/gendwarfksyms_order.h"

#include <algorithm>
#include <numeric>

namespace kabiscope {

uint32_t gendwarfksymsNameHash(std::string_view name) {
    uint32_t hash = 2166136261u;
    for (char c : name) {
        hash ^= uint32_t(int32_t(static_cast<signed char>(c)));
        hash *= 0x01000193u;
    }
    return hash;
}

std::vector<size_t> gendwarfksymsOrder(const std::vector<std::string_view>& namesInInputOrder) {
    constexpr uint32_t kBuckets = 1u << 12;
    std::vector<size_t> order(namesInInputOrder.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::vector<uint32_t> bucket(namesInInputOrder.size());
    for (size_t i = 0; i < namesInInputOrder.size(); ++i) bucket[i] = gendwarfksymsNameHash(namesInInputOrder[i]) % kBuckets;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (bucket[a] != bucket[b]) return bucket[a] < bucket[b];
        return a > b;  // hlist_add_head: the later name is first in its bucket
    });
    return order;
}

}  // namespace kabiscope
