// TypeGraph: the rendered type nodes of a build, independent of where they came from.
//
// A node is one rendered entity of gendwarfksyms' grammar (a struct, a member, a pointer, a
// parameter, an exported symbol...). Its rendering is a list of fragments: literal text, a
// number with its label (" byte_size(8)"), a child node, or a line break. Flattening follows
// gendwarfksyms exactly: a run of consecutive breaks in one list gives a single space; a child
// that is a named struct/union/enum/typedef becomes a reference ("s#foo") and anything else is
// inlined. Today nodes are made from DWARF (dwarf/die_renderer); a symtypes reader can make the
// same nodes from text.
//
// Storage is flat for speed on a whole kernel (millions of nodes): nodes live in a deque and
// fragments in large blocks, a node owns a contiguous run of fragments, and text is borrowed
// while loading: string literals, DWARF strings (the owner keeps the DWARF mapped) or this
// graph's arena; detachFromSource() copies the DWARF strings in when the file is to be closed.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/string_arena.h"

namespace kabiscope {

// A node's origin is the key of the DIE it was rendered from: the DIE's offset, with this bit set
// for a DIE of a dwz alternate file (dwarf/die_access.h's DieKeys; no .debug_info is 512 GB).
inline constexpr uint64_t kAlternateDieBit = uint64_t(1) << 39;

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : uint8_t {
    Symbol,  // an exported function or variable ("subprogram (...)", "variable ...")
    BaseType,
    Modifier,  // pointer, const, volatile, restrict, atomic, reference, ...
    Typedef,
    Structure,
    Class,
    Union,
    Enumeration,
    Member,
    Parameter,
    Enumerator,
    Subrange,
    Array,
    Subroutine,
    Variant,
    VariantPart,
    Unspecified,
    Constant,  // an enum constant genksyms records by name ("E#MAX_NR_ZONES ( 4 ) + 2")
};

// How a number fragment prints.
enum class NumberLabel : uint8_t {
    ByteSize,            // " byte_size(N)"
    Encoding,            // " encoding(N)"
    Alignment,           // " alignment(N)"
    Accessibility,       // " accessibility(N)"
    BitSize,             // " bit_size(N)"
    DataBitOffset,       // " data_bit_offset(N)"
    DataMemberLocation,  // " data_member_location(N)"
    DiscrValue,          // " discr_value(N)"
    Bound,               // "[N]"
    Plain,               // "N"
};

// 12 bytes. A line break is not stored as a fragment of its own: gendwarfksyms prints a run of
// breaks as one space, so a break only sets `spaceBefore` on the fragment that follows it.
#pragma pack(push, 4)
struct Fragment {
    enum class Kind : uint8_t {
        Text,
        Child,
        Number
    };

    union {
        const char* text;  // Kind::Text
        uint64_t number;   // Kind::Number
        uint64_t childId;  // Kind::Child
    };
    uint32_t bits;  // text length (25 bits) | label (4) | kind (2) | space before (1)
                    // (a Text fragment uses label bit 0 as "borrowed from the source")

    static constexpr uint32_t kMaxText = (1u << 25) - 1;

    static Fragment makeText(std::string_view s) {
        Fragment f;
        f.text = s.data();
        f.bits = pack(Kind::Text, NumberLabel::Plain, uint32_t(s.size()));
        return f;
    }
    static Fragment makeChild(NodeId child) {
        Fragment f;
        f.childId = child;
        f.bits = pack(Kind::Child, NumberLabel::Plain, 0);
        return f;
    }
    static Fragment makeNumber(NumberLabel label, uint64_t value) {
        Fragment f;
        f.number = value;
        f.bits = pack(Kind::Number, label, 0);
        return f;
    }

    Kind kind() const { return Kind((bits >> 29) & 3); }
    NumberLabel label() const { return NumberLabel((bits >> 25) & 15); }
    uint32_t size() const { return bits & kMaxText; }
    bool spaceBefore() const { return bits >> 31; }
    void setSpaceBefore() { bits |= 1u << 31; }
    void clearSpaceBefore() { bits &= ~(1u << 31); }
    bool borrowed() const { return kind() == Kind::Text && (bits >> 25) & 1; }
    void setBorrowed(bool on) { bits = on ? (bits | (1u << 25)) : (bits & ~(1u << 25)); }
    std::string_view textView() const { return {text, size()}; }
    NodeId child() const { return NodeId(childId); }

private:
    static uint32_t pack(Kind kind, NumberLabel label, uint32_t size) {
        return (size & kMaxText) | (uint32_t(label) << 25) | (uint32_t(kind) << 29);
    }
};
#pragma pack(pop)
static_assert(sizeof(Fragment) == 12);

// Appends the printed form of a number fragment ("byte_size(8)" with its leading space).
void appendNumber(std::string& out, NumberLabel label, uint64_t value);
// The same into a buffer of at least 48 bytes; returns the length.
size_t formatNumber(char* buffer, NumberLabel label, uint64_t value);
// Appends what a fragment prints by itself: its leading space, then its text or number. A child
// prints nothing here: the caller inlines it or refers to it by name. Returns the child, or
// kNoNode for a text or number fragment.
inline uint32_t appendPrinted(std::string& out, const Fragment& f) {
    if (f.spaceBefore()) out += ' ';
    switch (f.kind()) {
    case Fragment::Kind::Text: out.append(f.text, f.size()); break;
    case Fragment::Kind::Number: appendNumber(out, f.label(), f.number); break;
    case Fragment::Kind::Child: return f.child();
    }
    return UINT32_MAX;  // kNoNode
}

// The keyword a node was opened with, as a small index: a kernel has millions of nodes and a
// few dozen keywords. The table is shared by every graph of the process (append-only).
uint8_t internKeyword(std::string_view keyword);
std::string_view keywordText(uint8_t index);

// 32 bytes: a whole kernel has 6.5 million nodes per build, and a diff holds two builds. The
// fields are declared in the order that packs them.
struct TypeNode {
    const Fragment* fragments = nullptr;

private:
    const char* nameData_ = nullptr;

public:
    uint32_t fragmentCount = 0;

private:
    uint32_t nameSize_ = 0;
    uint32_t originLow_ = 0;
    uint8_t originHigh_ = 0;
    uint8_t keyword_ = 0;

public:
    NodeKind kind = NodeKind::Unspecified;
    bool open = false;  // between beginNode() and endNode(): still being rendered

    // For types and enumerators: the fully qualified name ("" when anonymous). For members and
    // parameters: the printed name. For symbols: empty (the symbol's name is not hashed).
    std::string_view name() const { return {nameData_, nameSize_}; }
    void setName(std::string_view name) {
        nameData_ = name.data();
        nameSize_ = uint32_t(name.size());
    }
    // The source's own word for the node ("pointer_type", "structure_type", "member", ...).
    std::string_view keyword() const { return keywordText(keyword_); }
    void setKeyword(std::string_view keyword) { keyword_ = internKeyword(keyword); }
    // Where the node came from, for navigation (a DWARF DIE offset, 40 bits); 0 when unknown.
    uint64_t origin() const { return uint64_t(originHigh_) << 32 | originLow_; }
    void setOrigin(uint64_t origin) {
        originLow_ = uint32_t(origin);
        originHigh_ = uint8_t(origin >> 32);
    }
};
static_assert(sizeof(TypeNode) == 32);

class TypeGraph {
public:
    // Opens a node; fragments appended until endNode() belong to it. Nodes nest (a child is
    // opened and ended while its parent is open); the innermost open node receives fragments.
    NodeId beginNode(NodeKind kind, std::string_view keyword, uint64_t origin);
    void endNode(NodeId id);

    void appendText(std::string_view text) {
        if (!text.empty()) push(Fragment::makeText(text.substr(0, Fragment::kMaxText)));
    }
    // Text that lives in the source (DWARF string tables); detachFromSource() copies it in.
    void appendBorrowedText(std::string_view text) {
        if (text.empty()) return;
        Fragment f = Fragment::makeText(text.substr(0, Fragment::kMaxText));
        f.setBorrowed(true);
        push(f);
    }
    void appendChild(NodeId child) { push(Fragment::makeChild(child)); }
    void appendBreak() { open_.back().pendingBreak = true; }
    void appendNumber(NumberLabel label, uint64_t value) { push(Fragment::makeNumber(label, value)); }

    // Removes an open node's first fragment when it is the literal `text`, together with the
    // line break that followed it (a list separator decided before the item was rendered, found
    // wrong later: docs/gendwarfksyms-compat.md, "Types reached again while in progress"). False
    // when it is not there.
    bool removeLeadingText(NodeId open, std::string_view text);

    TypeNode& node(NodeId id) { return nodes_[id]; }
    const TypeNode& node(NodeId id) const { return nodes_[id]; }
    bool isOpen(NodeId id) const { return nodes_[id].open; }
    size_t size() const { return nodes_.size(); }
    std::span<const Fragment> fragments(NodeId id) const { return {nodes_[id].fragments, nodes_[id].fragmentCount}; }

    // Copies text the graph must own (scoped names built at load time).
    std::string_view storeText(std::string_view text) { return strings_.store(text); }

    // Copies every borrowed text and every node name into the graph, so the source (the DWARF
    // mapping) can be closed and the graph stands alone. Each distinct string is copied once.
    void detachFromSource();

    // A point to come back to: the nodes made after it can be forgotten with rollback().
    struct Checkpoint {
        size_t nodes = 0;
        size_t blocks = 0;
        size_t blockUsed = 0;
        size_t blockSize = 0;
    };
    Checkpoint checkpoint() const;  // with no node open
    // Forgets every node made since `mark`; their fragment blocks are kept for the next nodes.
    // Text stored since stays (names are stored while units are read, before their nodes).
    // For callers that only need what was computed from those nodes (a scope's CRCs).
    void rollback(const Checkpoint& mark);

    // Appends another graph's nodes (renumbered: old id + the returned offset) and takes over its
    // storage. Nodes and fragments never move, so pointers into either graph stay valid.
    NodeId absorb(TypeGraph&& other);

    // True for nodes that other renderings refer to by name instead of inlining.
    bool isNamedType(NodeId id) const;
    // "s#foo", "t#u64", "s#'core::result::Result<u64, ()>'" for named types.
    std::string referenceName(NodeId id) const;

    size_t memoryBytes() const;

private:
    // Chunked storage: growing never moves nodes or fragments (no copies, stable pointers).
    std::deque<TypeNode> nodes_;
    std::vector<std::unique_ptr<Fragment[]>> fragmentBlocks_;
    std::vector<size_t> fragmentBlockUsed_;
    std::vector<size_t> fragmentBlockSize_;
    std::vector<std::unique_ptr<Fragment[]>> spareBlocks_;  // standard-size blocks freed by rollback()
    size_t blockUsed_ = 0;
    size_t blockSize_ = 0;
    std::vector<Fragment> scratch_;
    struct OpenNode {
        NodeId id;
        size_t firstScratch;  // where its fragments start in scratch_
        bool pendingBreak;    // a break waits for the next fragment of this node
    };
    void push(Fragment fragment) {
        if (open_.back().pendingBreak) {
            fragment.setSpaceBefore();
            open_.back().pendingBreak = false;
        }
        // A lone " " just before (the separator in "member <type> <name>", "base_type <name>")
        // becomes this fragment's leading space: a fifth fewer fragments on a kernel.
        if (!fragment.spaceBefore() && scratch_.size() > open_.back().firstScratch) {
            const Fragment& last = scratch_.back();
            if (last.kind() == Fragment::Kind::Text && last.size() == 1 && last.text[0] == ' ' && !last.spaceBefore()) {
                scratch_.pop_back();
                fragment.setSpaceBefore();
            }
        }
        scratch_.push_back(fragment);
    }
    std::vector<OpenNode> open_;
    StringArena strings_;
};

// The reference prefix letter of a node kind, or 0 when the kind is never referenced by name.
char referencePrefix(NodeKind kind);

// Whether `text` is a type's reference name ("s#foo", "t#u32", "s#'a b'", genksyms' "E#MAX"): a
// symtypes line's name for a type, or a reference inside a rendering.
bool isReferenceName(std::string_view text);
// "<prefix>#<name>", quoted with ' when the name contains a space (gendwarfksyms' rule).
std::string makeReferenceName(char prefix, std::string_view name);
// The name a reference names, its quotes dropped: "s#'a b'" -> "a b", "s#foo" -> "foo" (what
// the KABI_* macros and rules name a type by); anything else unchanged.
std::string_view referencedName(std::string_view reference);
// The same, appended to `out` (no string of its own on hot paths).
void appendReferenceName(std::string& out, char prefix, std::string_view name);

}  // namespace kabiscope
