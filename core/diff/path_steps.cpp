#include "diff/path_steps.h"

namespace kabiscope {

uint32_t PathSteps::text(std::string_view text) {
    auto [it, inserted] = textIndex_.try_emplace(std::string(text), uint32_t(texts_.size()));
    if (inserted) texts_.push_back(&it->first);
    return it->second;
}

uint32_t PathSteps::step(uint32_t name, uint32_t via, uint32_t next) {
    auto [it, inserted] = stepIndex_.try_emplace(Key{name, via, next}, uint32_t(steps_.size()));
    if (inserted) steps_.push_back({name, via, next});
    return it->second;
}

std::vector<std::string> PathSteps::expand(uint32_t first) const {
    std::vector<std::string> path;
    for (uint32_t id = first; id != kEnd; id = steps_[id].next) {
        path.push_back(textOf(steps_[id].name));
        if (const std::string& via = textOf(steps_[id].via); !via.empty()) path.push_back(via);
    }
    return path;
}

size_t PathSteps::hops(uint32_t first) const {
    size_t n = 0;
    for (uint32_t id = steps_[first].next; id != kEnd; id = steps_[id].next) ++n;
    return n;
}

std::vector<uint32_t> PathSteps::merge(const PathSteps& other) {
    std::vector<uint32_t> texts(other.texts_.size());
    for (size_t t = 0; t < texts.size(); ++t) texts[t] = text(*other.texts_[t]);
    // A step's `next` was interned before it, so one pass in id order maps every `next`.
    std::vector<uint32_t> ids(other.steps_.size());
    for (size_t s = 0; s < ids.size(); ++s) {
        const Step& step = other.steps_[s];
        ids[s] = this->step(texts[step.name], texts[step.via], step.next == kEnd ? kEnd : ids[step.next]);
    }
    return ids;
}

}  // namespace kabiscope
