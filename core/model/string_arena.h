// StringArena: append-only storage for the text of a type graph.
//
// Rendering a kernel touches millions of small strings (names, "byte_size(8)", numbers). They
// are copied once into large blocks and handed out as string_views that stay valid as long as
// the arena, so nodes and records can refer to text without owning it.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/offset_map.h"

namespace kabiscope {

class StringArena {
public:
    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        if (text.size() > kBlockSize / 4) {
            auto& block = largeBlocks_.emplace_back(new char[text.size()]);
            std::copy(text.begin(), text.end(), block.get());
            return {block.get(), text.size()};
        }
        if (blocks_.empty() || used_ + text.size() > kBlockSize) {
            blocks_.emplace_back(new char[kBlockSize]);
            used_ = 0;
        }
        char* out = blocks_.back().get() + used_;
        std::copy(text.begin(), text.end(), out);
        used_ += text.size();
        return {out, text.size()};
    }

    // Takes over another arena's text (views into it stay valid).
    void absorb(StringArena&& other) {
        for (auto& block : other.blocks_) adopted_.push_back(std::move(block));
        for (auto& block : other.largeBlocks_) adopted_.push_back(std::move(block));
        for (auto& block : other.adopted_) adopted_.push_back(std::move(block));
        other.blocks_.clear();
        other.largeBlocks_.clear();
        other.adopted_.clear();
        other.used_ = 0;
    }

private:
    static constexpr size_t kBlockSize = size_t(256) * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::unique_ptr<char[]>> largeBlocks_;
    std::vector<std::unique_ptr<char[]>> adopted_;  // from absorb()
    size_t used_ = 0;
};

// One copy per distinct borrowed text (by address and length): text borrowed from a source
// (a DWARF string table) is copied once however often it is borrowed. `store` makes the copy
// (StringArena::store, TypeGraph::storeText).
class TextCopies {
public:
    template <typename Store>
    std::string_view copy(std::string_view text, Store&& store) {
        if (text.empty()) return text;
        const uint64_t key = reinterpret_cast<uintptr_t>(text.data()) ^ (uint64_t(text.size()) << 48);
        const uint32_t found = index_.find(key);
        if (found != OffsetMap::kMissing) return copies_[found];
        copies_.push_back(store(text));
        index_.insert(key, uint32_t(copies_.size() - 1));
        return copies_.back();
    }

private:
    OffsetMap index_;  // (address, length) -> index into copies_
    std::vector<std::string_view> copies_;
};

}  // namespace kabiscope
