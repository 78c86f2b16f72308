// StringArena: append-only storage for the text of a type graph.
//
// Rendering a kernel touches millions of small strings (names, "byte_size(8)", numbers). They
// are copied once into large blocks and handed out as string_views that stay valid as long as
// the arena, so nodes and records can refer to text without owning it.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

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
    static constexpr size_t kBlockSize = 256 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::unique_ptr<char[]>> largeBlocks_;
    std::vector<std::unique_ptr<char[]>> adopted_;  // from absorb()
    size_t used_ = 0;
};

}  // namespace kabiscope
