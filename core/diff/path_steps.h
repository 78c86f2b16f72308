// PathSteps: the paths from changed symbols to the types holding their causes, each step once.
//
// A symbol's path to a cause runs symbol -> reference -> type -> reference -> ... -> type. On a
// major rebase there are millions of (symbol, cause) pairs and the paths written out in full
// were most of a diff's memory and of its JSON. Paths of different symbols share their tails:
// once two walks reach s#device they continue to s#bus_type the same way. So a step is
// (name, the reference followed from it, the next step), interned: a path is the id of its
// first step, and equal tails are one chain. Expanding a path follows `next` to the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kabiscope {

class PathSteps {
public:
    static constexpr uint32_t kEnd = UINT32_MAX;  // `next` of a path's last step
    struct Step {
        uint32_t name;  // text id: the symbol or type this step stands at
        uint32_t via;   // text id: the reference followed to `next` ("member bus"), "" for none
        uint32_t next;  // step id, or kEnd
    };

    uint32_t text(std::string_view text);
    uint32_t step(uint32_t name, uint32_t via, uint32_t next);

    const std::string& textOf(uint32_t id) const { return *texts_[id]; }
    const Step& operator[](uint32_t id) const { return steps_[id]; }
    size_t size() const { return steps_.size(); }

    // [name, via, name, via, ..., name], empty vias left out: the path as people read it.
    std::vector<std::string> expand(uint32_t first) const;
    // Types entered after the first step: 0 for a change in the symbol's own record.
    size_t hops(uint32_t first) const;

    // Adds another table's steps; returns, for each of its step ids, the id here.
    std::vector<uint32_t> merge(const PathSteps& other);

private:
    struct Key {
        uint32_t name, via, next;
        bool operator==(const Key& o) const { return name == o.name && via == o.via && next == o.next; }
    };
    struct KeyHash {
        size_t operator()(const Key& k) const {
            uint64_t h = (uint64_t(k.name) << 32 | k.via) * 0x9E3779B97F4A7C15ull;
            return size_t(h ^ (uint64_t(k.next) * 0xC2B2AE3D27D4EB4Full) ^ (h >> 29));
        }
    };
    std::unordered_map<std::string, uint32_t> textIndex_;
    std::vector<const std::string*> texts_;  // keys of textIndex_, by id
    std::unordered_map<Key, uint32_t, KeyHash> stepIndex_;
    std::vector<Step> steps_;
};

}  // namespace kabiscope
