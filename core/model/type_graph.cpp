#include "model/type_graph.h"

#include "base/error.h"
#include "base/offset_map.h"

#include <array>
#include <atomic>
#include <cassert>
#include <deque>
#include <mutex>
#include <algorithm>
#include <charconv>
#include <cstring>

namespace kabiscope {

namespace {

constexpr size_t kFragmentBlock = 1 << 16;

struct LabelText {
    std::string_view prefix;
    std::string_view suffix;
};

LabelText labelText(NumberLabel label) {
    switch (label) {
    case NumberLabel::ByteSize: return {" byte_size(", ")"};
    case NumberLabel::Encoding: return {" encoding(", ")"};
    case NumberLabel::Alignment: return {" alignment(", ")"};
    case NumberLabel::Accessibility: return {" accessibility(", ")"};
    case NumberLabel::BitSize: return {" bit_size(", ")"};
    case NumberLabel::DataBitOffset: return {" data_bit_offset(", ")"};
    case NumberLabel::DataMemberLocation: return {" data_member_location(", ")"};
    case NumberLabel::DiscrValue: return {" discr_value(", ")"};
    case NumberLabel::Bound: return {"[", "]"};
    case NumberLabel::Plain: return {"", ""};
    }
    return {"", ""};
}

}  // namespace

size_t formatNumber(char* buffer, NumberLabel label, uint64_t value) {
    const LabelText text = labelText(label);
    std::memcpy(buffer, text.prefix.data(), text.prefix.size());
    char* end = std::to_chars(buffer + text.prefix.size(), buffer + text.prefix.size() + 24, value).ptr;
    std::memcpy(end, text.suffix.data(), text.suffix.size());
    return size_t(end - buffer) + text.suffix.size();
}

void appendNumber(std::string& out, NumberLabel label, uint64_t value) {
    char buffer[64];
    out.append(buffer, formatNumber(buffer, label, value));
}

namespace {

// The process-wide keyword table: index 0 is "". Entries are never removed or moved, so a
// reader needs no lock for an index it was handed.
struct KeywordTable {
    static constexpr size_t kCapacity = 256;
    std::mutex mutex;
    std::array<std::string_view, kCapacity> views{};
    std::deque<std::string> owned;  // copies of keywords that were not string literals
    std::atomic<size_t> count{1};
};

KeywordTable& keywordTable() {
    static KeywordTable table;
    return table;
}

}  // namespace

uint8_t internKeyword(std::string_view keyword) {
    if (keyword.empty()) return 0;
    // A per-thread cache by address: renderers pass the same literals millions of times.
    struct Cached {
        const char* data = nullptr;
        uint8_t index = 0;
    };
    thread_local std::array<Cached, 64> cache{};
    Cached& slot = cache[(reinterpret_cast<uintptr_t>(keyword.data()) >> 3) % cache.size()];
    if (slot.data == keyword.data() && keywordText(slot.index) == keyword) return slot.index;

    KeywordTable& table = keywordTable();
    std::lock_guard lock(table.mutex);
    const size_t count = table.count.load();
    size_t index = 1;
    while (index < count && table.views[index] != keyword) ++index;
    if (index == count) {
        if (count == KeywordTable::kCapacity) throw Error({}, "more than 255 distinct type keywords");
        table.views[index] = table.owned.emplace_back(keyword);
        table.count.store(count + 1);
    }
    slot = {keyword.data(), uint8_t(index)};
    return uint8_t(index);
}

std::string_view keywordText(uint8_t index) { return keywordTable().views[index]; }

NodeId TypeGraph::beginNode(NodeKind kind, std::string_view keyword, uint64_t origin) {
    TypeNode node;
    node.kind = kind;
    node.setKeyword(keyword);
    node.setOrigin(origin);
    node.open = true;
    nodes_.push_back(node);
    const NodeId id = NodeId(nodes_.size() - 1);
    open_.push_back({id, scratch_.size(), false});
    return id;
}

void TypeGraph::endNode(NodeId id) {
    assert(!open_.empty() && open_.back().id == id);
    if (open_.back().pendingBreak) appendText(" ");  // a trailing break still prints its space
    const size_t start = open_.back().firstScratch;
    open_.pop_back();
    TypeNode& node = nodes_[id];
    node.open = false;
    const size_t count = scratch_.size() - start;
    node.fragmentCount = uint32_t(count);
    if (count) {
        if (blockUsed_ + count > blockSize_) {
            if (!fragmentBlocks_.empty()) fragmentBlockUsed_.back() = blockUsed_;
            blockSize_ = std::max(kFragmentBlock, count);
            if (blockSize_ == kFragmentBlock && !spareBlocks_.empty()) {
                fragmentBlocks_.push_back(std::move(spareBlocks_.back()));
                spareBlocks_.pop_back();
            } else {
                fragmentBlocks_.emplace_back(new Fragment[blockSize_]);
            }
            fragmentBlockUsed_.push_back(0);
            fragmentBlockSize_.push_back(blockSize_);
            blockUsed_ = 0;
        }
        Fragment* out = fragmentBlocks_.back().get() + blockUsed_;
        std::copy(scratch_.begin() + long(start), scratch_.end(), out);
        node.fragments = out;
        blockUsed_ += count;
    }
    scratch_.resize(start);
}

bool TypeGraph::removeLeadingText(NodeId open, std::string_view text) {
    auto it = std::find_if(open_.begin(), open_.end(), [&](const OpenNode& o) { return o.id == open; });
    if (it == open_.end()) return false;
    const size_t first = it->firstScratch;
    const size_t end = it + 1 == open_.end() ? scratch_.size() : (it + 1)->firstScratch;
    if (first == end) return false;
    const Fragment& f = scratch_[first];
    if (f.kind() != Fragment::Kind::Text || f.spaceBefore() || f.textView() != text) return false;
    scratch_.erase(scratch_.begin() + long(first));
    if (first + 1 < end) {
        scratch_[first].clearSpaceBefore();  // the break that followed the separator
    } else {
        it->pendingBreak = false;
    }
    for (auto later = it + 1; later != open_.end(); ++later) --later->firstScratch;
    return true;
}

char referencePrefix(NodeKind kind) {
    switch (kind) {
    case NodeKind::Structure:
    case NodeKind::Class: return 's';
    case NodeKind::Union: return 'u';
    case NodeKind::Enumeration: return 'e';
    case NodeKind::Typedef: return 't';
    case NodeKind::Constant: return 'E';
    default: return 0;
    }
}

bool isReferenceName(std::string_view text) {
    return text.size() > 2 && text[1] == '#' && std::string_view("stueE").find(text[0]) != std::string_view::npos;
}

std::string_view referencedName(std::string_view reference) {
    if (!isReferenceName(reference)) return reference;
    std::string_view bare = reference.substr(2);
    if (bare.size() >= 2 && bare.front() == '\'' && bare.back() == '\'') bare = bare.substr(1, bare.size() - 2);
    return bare;
}

bool TypeGraph::isNamedType(NodeId id) const {
    const TypeNode& n = nodes_[id];
    return referencePrefix(n.kind) != 0 && !n.name().empty();
}

void appendReferenceName(std::string& out, char prefix, std::string_view name) {
    const bool quote = name.find(' ') != std::string_view::npos;
    out += prefix;
    out += '#';
    if (quote) out += '\'';
    out += name;
    if (quote) out += '\'';
}

std::string makeReferenceName(char prefix, std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    appendReferenceName(out, prefix, name);
    return out;
}

std::string TypeGraph::referenceName(NodeId id) const {
    return makeReferenceName(referencePrefix(nodes_[id].kind), nodes_[id].name());
}

void TypeGraph::detachFromSource() {
    if (!fragmentBlocks_.empty()) fragmentBlockUsed_.back() = blockUsed_;
    TextCopies copies;
    auto own = [&](std::string_view text) {
        return copies.copy(text, [this](std::string_view t) { return strings_.store(t); });
    };
    for (TypeNode& node : nodes_) node.setName(own(node.name()));
    for (size_t b = 0; b < fragmentBlocks_.size(); ++b) {
        Fragment* block = fragmentBlocks_[b].get();
        for (size_t i = 0; i < fragmentBlockUsed_[b]; ++i) {
            Fragment& f = block[i];
            if (!f.borrowed()) continue;
            f.text = own(f.textView()).data();
            f.setBorrowed(false);
        }
    }
}

TypeGraph::Checkpoint TypeGraph::checkpoint() const {
    assert(open_.empty());
    return {nodes_.size(), fragmentBlocks_.size(), blockUsed_, blockSize_};
}

void TypeGraph::rollback(const Checkpoint& mark) {
    assert(open_.empty() && mark.nodes <= nodes_.size() && mark.blocks <= fragmentBlocks_.size());
    nodes_.resize(mark.nodes);
    for (size_t b = mark.blocks; b < fragmentBlocks_.size(); ++b)
        if (fragmentBlockSize_[b] == kFragmentBlock) spareBlocks_.push_back(std::move(fragmentBlocks_[b]));
    fragmentBlocks_.resize(mark.blocks);
    fragmentBlockUsed_.resize(mark.blocks);
    fragmentBlockSize_.resize(mark.blocks);
    blockUsed_ = mark.blockUsed;
    blockSize_ = mark.blockSize;
}

NodeId TypeGraph::absorb(TypeGraph&& other) {
    const NodeId offset = NodeId(nodes_.size());
    if (!other.fragmentBlocks_.empty()) other.fragmentBlockUsed_.back() = other.blockUsed_;
    for (size_t b = 0; b < other.fragmentBlocks_.size(); ++b) {
        Fragment* block = other.fragmentBlocks_[b].get();
        for (size_t i = 0; i < other.fragmentBlockUsed_[b]; ++i)
            if (block[i].kind() == Fragment::Kind::Child) block[i].childId += offset;
    }
    if (!fragmentBlocks_.empty()) fragmentBlockUsed_.back() = blockUsed_;
    // Adopted blocks go before this graph's current block, which keeps receiving fragments.
    std::unique_ptr<Fragment[]> current;
    size_t currentUsed = 0;
    size_t currentSize = 0;
    if (!fragmentBlocks_.empty()) {
        current = std::move(fragmentBlocks_.back());
        currentUsed = fragmentBlockUsed_.back();
        currentSize = fragmentBlockSize_.back();
        fragmentBlocks_.pop_back();
        fragmentBlockUsed_.pop_back();
        fragmentBlockSize_.pop_back();
    }
    for (size_t b = 0; b < other.fragmentBlocks_.size(); ++b) {
        fragmentBlocks_.push_back(std::move(other.fragmentBlocks_[b]));
        fragmentBlockUsed_.push_back(other.fragmentBlockUsed_[b]);
        fragmentBlockSize_.push_back(other.fragmentBlockSize_[b]);
    }
    if (current) {
        fragmentBlocks_.push_back(std::move(current));
        fragmentBlockUsed_.push_back(currentUsed);
        fragmentBlockSize_.push_back(currentSize);
    } else if (!fragmentBlocks_.empty()) {
        // This graph had no block: the last adopted one becomes the current block (its count
        // lives in blockUsed_ from now on, as for a block of our own).
        blockUsed_ = fragmentBlockUsed_.back();
        blockSize_ = fragmentBlockSize_.back();
    }
    for (TypeNode& node : other.nodes_) nodes_.push_back(node);
    strings_.absorb(std::move(other.strings_));
    other.nodes_.clear();
    other.fragmentBlocks_.clear();
    other.fragmentBlockUsed_.clear();
    other.fragmentBlockSize_.clear();
    other.blockUsed_ = other.blockSize_ = 0;
    return offset;
}

size_t TypeGraph::memoryBytes() const {
    return nodes_.size() * sizeof(TypeNode) + fragmentBlocks_.size() * (size_t(1) << 16) * sizeof(Fragment);
}

}  // namespace kabiscope
