#include "readers/rendering_parser.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "base/limits.h"
#include "model/type_table.h"

namespace kabiscope {

namespace {

// What a reference prefix stands for: the kind and keyword of its stub.
std::optional<ReferenceKind> prefixInfo(char prefix) { return renderingReferenceKind(prefix); }

// A reference of gendwarfksyms' grammar (genksyms' E# constants are not one).
bool isRenderingReference(std::string_view token) { return isReferenceName(token) && prefixInfo(token[0]); }

// The name inside a reference token: "s#foo" -> "foo", "s#'a b'" -> "a b".
// A tag's kind and keyword. The keyword returned is a string literal, never a view of the text
// read: the graph keeps keyword and text fragments by pointer.
struct TagWord {
    NodeKind kind;
    std::string_view keyword;
};

// The modifier-like tags: `<tag> [name] { <type> }` and a size.
std::optional<TagWord> modifierTag(std::string_view word) {
    static constexpr TagWord kModifiers[] = {
        {NodeKind::Modifier, "atomic_type"}, {NodeKind::Modifier, "const_type"}, {NodeKind::Modifier, "immutable_type"}, {NodeKind::Modifier, "packed_type"}, {NodeKind::Modifier, "pointer_type"}, {NodeKind::Modifier, "reference_type"}, {NodeKind::Modifier, "restrict_type"}, {NodeKind::Modifier, "rvalue_reference_type"}, {NodeKind::Modifier, "shared_type"}, {NodeKind::Modifier, "volatile_type"}, {NodeKind::Modifier, "template_type_parameter_type"}, {NodeKind::Typedef, "typedef_type"}};
    for (const TagWord& tag : kModifiers)
        if (word == tag.keyword) return tag;
    return std::nullopt;
}

std::optional<TagWord> aggregateTag(std::string_view word) {
    static constexpr TagWord kAggregates[] = {{NodeKind::Structure, "structure_type"},
                                              {NodeKind::Class, "class_type"},
                                              {NodeKind::Union, "union_type"},
                                              {NodeKind::Enumeration, "enumeration_type"}};
    for (const TagWord& tag : kAggregates)
        if (word == tag.keyword) return tag;
    return std::nullopt;
}

// A whole token of decimal digits as an unsigned 64-bit number.
std::optional<uint64_t> decimal(std::string_view digits) {
    uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

// "byte_size(8)" -> ByteSize, 8.
struct Attribute {
    NumberLabel label;
    uint64_t value;
};

std::optional<Attribute> attribute(std::string_view token) {
    static constexpr std::pair<std::string_view, NumberLabel> kLabels[] = {
        {"byte_size(", NumberLabel::ByteSize},
        {"encoding(", NumberLabel::Encoding},
        {"alignment(", NumberLabel::Alignment},
        {"accessibility(", NumberLabel::Accessibility},
        {"bit_size(", NumberLabel::BitSize},
        {"data_bit_offset(", NumberLabel::DataBitOffset},
        {"data_member_location(", NumberLabel::DataMemberLocation},
        {"discr_value(", NumberLabel::DiscrValue},
    };
    if (token.empty() || token.back() != ')') return std::nullopt;
    for (const auto& [prefix, label] : kLabels) {
        if (token.substr(0, prefix.size()) != prefix) continue;
        const std::optional<uint64_t> value = decimal(token.substr(prefix.size(), token.size() - prefix.size() - 1));
        if (!value) return std::nullopt;
        return Attribute{label, *value};
    }
    return std::nullopt;
}

bool isStructural(std::string_view token) {
    return token == "," || token == "}" || token == ")" || token == "{" || token == "(" || token == "->" || token == "=";
}

struct ParseFailure {};

// One pass over a rendering. With a null graph it only checks the grammar; with a graph it makes
// the nodes, in the order and with the calls dwarf/die_renderer uses, so the fragments (and so
// every hash and flattening) come out as DWARF's would.
class Parser {
public:
    Parser(std::string_view text, TypeGraph* graph, ReferenceStubs* stubs) : text_(text), graph_(graph), stubs_(stubs) {}

    NodeId parseSymbol() {
        const std::string_view word = take();
        if (word == "subprogram") {
            const NodeId id = begin(NodeKind::Symbol, "subprogram");
            parseFunctionTail("subprogram");
            return end(id);
        }
        if (word == "variable") {
            const NodeId id = begin(NodeKind::Symbol, "variable");
            text("variable ");
            parseChildType();
            return end(id);
        }
        throw ParseFailure{};
    }

    // A type record's root: the type's own node (never a reference or the literal void), the
    // type `name` names ("s#foo": a structure or class named foo).
    NodeId parseTypeRoot(std::string_view name) {
        const std::optional<NodeId> id = parseType();
        if (!id || !rootSeen_ || referencePrefix(rootKind_) != name[0] || rootName_.empty() ||
            makeReferenceName(name[0], rootName_) != name)
            throw ParseFailure{};
        return *id;
    }

    void expectEnd() const {
        if (pos_ != text_.size()) throw ParseFailure{};
    }

private:
    // --- tokens: words separated by exactly one space; a quoted reference is one token ---
    // One exception: a list item that a type reached again while in progress prints without
    // its " , " (docs/gendwarfksyms-compat.md), glued to the attribute or brace before it:
    // "byte_size(8)formal_parameter". So an attribute or a "}" ends a token, and a token may
    // start right after one; the lists read such an item as one without a separator.
    bool gluedNext() const { return pos_ > 0 && pos_ < text_.size() && text_[pos_] != ' '; }
    std::string_view peek(size_t* next = nullptr) const {
        size_t at = pos_;
        if (at > 0) {
            if (at >= text_.size()) return {};
            if (text_[at] == ' ')
                ++at;
            else if (text_[at - 1] != ')' && text_[at - 1] != '}')
                throw ParseFailure{};
        }
        if (at >= text_.size() || text_[at] == ' ') throw ParseFailure{};
        size_t stop;
        if (text_.size() - at > 3 && text_[at + 1] == '#' && text_[at + 2] == '\'' && prefixInfo(text_[at])) {
            stop = text_.find('\'', at + 3);
            if (stop == std::string_view::npos) throw ParseFailure{};
            ++stop;
        } else if (text_[at] == '}') {
            stop = at + 1;
        } else {
            stop = text_.find(' ', at);
            if (stop == std::string_view::npos) stop = text_.size();
            const size_t close = text_.find(')', at);
            if (close != std::string_view::npos && close + 1 < stop && attribute(text_.substr(at, close + 1 - at)))
                stop = close + 1;
        }
        if (next) *next = stop;
        return text_.substr(at, stop - at);
    }
    std::string_view take() {
        size_t next = 0;
        const std::string_view token = peek(&next);
        if (token.empty()) throw ParseFailure{};
        pos_ = next;
        return token;
    }
    void expect(std::string_view token) {
        if (take() != token) throw ParseFailure{};
    }
    // Words up to (not including) a structural token, an attribute or the end, joined by their
    // single spaces: a name such as "long unsigned int" or "core::result::Result<u64, ()>".
    std::string_view takeName() {
        const size_t start = pos_ == 0 ? 0 : pos_ + 1;
        size_t stop = start;
        bool any = false;
        for (;;) {
            if (gluedNext()) break;  // the next item, printed without its separator
            size_t next = 0;
            const std::string_view token = peek(&next);
            if (token.empty() || isStructural(token) || attribute(token) || isRenderingReference(token)) break;
            pos_ = next;
            stop = next;
            any = true;
        }
        return any ? text_.substr(start, stop - start) : std::string_view{};
    }

    // --- emission (no-ops while checking) ---
    NodeId begin(NodeKind kind, std::string_view keyword) {
        if (!rootSeen_) {
            rootSeen_ = true;
            rootKind_ = kind;
        }
        if (++depth_ > kMaxAnonymousNesting) throw ParseFailure{};
        return graph_ ? graph_->beginNode(kind, keyword, 0) : 0;
    }
    NodeId end(NodeId id) {
        --depth_;
        if (graph_) graph_->endNode(id);
        return id;
    }
    void text(std::string_view literal) {
        if (graph_) graph_->appendText(literal);
    }
    void owned(std::string_view text) {
        if (graph_) graph_->appendText(graph_->storeText(text));
    }
    void lineBreak() {
        if (graph_) graph_->appendBreak();
    }
    void number(NumberLabel label, uint64_t value) {
        if (graph_) graph_->appendNumber(label, value);
    }
    void child(NodeId id) {
        if (graph_) graph_->appendChild(id);
    }
    void setName(NodeId id, std::string_view name) {
        if (depth_ == 1) rootName_ = name;
        if (graph_ && !name.empty()) graph_->node(id).setName(graph_->storeText(name));
    }
    // " <name>", as appendFqn prints it.
    void appendName(std::string_view name) {
        if (name.empty()) return;
        text(" ");
        owned(name);
    }
    // Attributes of `allowed` labels, in the order they stand.
    template <size_t N>
    void parseAttributes(const NumberLabel (&allowed)[N]) {
        for (;;) {
            size_t next = 0;
            const std::string_view token = peek(&next);
            const std::optional<Attribute> a = attribute(token);
            if (!a || std::find(std::begin(allowed), std::end(allowed), a->label) == std::end(allowed)) return;
            pos_ = next;
            number(a->label, a->value);
        }
    }

    // A type inside the open node: its child, or the literal "base_type void".
    void parseChildType() {
        if (const std::optional<NodeId> id = parseType()) child(*id);
    }

    // A type where one is expected: a reference (a stub), the literal "base_type void" (text of
    // the open node and no node, as for DWARF's missing DW_AT_type), or an inline node. Returns
    // the node, if any; the caller makes it a child.
    std::optional<NodeId> parseType() {
        if (pos_ + 1 < text_.size() && text_[pos_] == ' ' && text_[pos_ + 1] == ' ') {
            // Nothing between two spaces: a union that a kABI rule ignores, reached other than
            // as a member's type, renders as nothing (spec §8.3): an empty anonymous union.
            ++pos_;
            const NodeId id = begin(NodeKind::Union, "union_type");
            return end(id);
        }
        const std::string_view word = peek();
        if (word.empty()) throw ParseFailure{};
        if (isRenderingReference(word)) {
            take();
            if (word.size() <= 2 || referencedName(word).empty()) throw ParseFailure{};  // "s#", "s#''"
            return stubs_ && graph_ ? stubs_->stub(word) : 0;
        }
        take();
        if (word == "base_type") return parseBaseType();
        if (std::optional<TagWord> tag = modifierTag(word)) return parseModifier(tag->kind, tag->keyword);
        if (std::optional<TagWord> tag = aggregateTag(word)) return parseAggregate(tag->kind, tag->keyword);
        if (word.substr(0, 10) == "array_type") return parseArray(word.substr(10));
        if (word == "subroutine_type") {
            const NodeId id = begin(NodeKind::Subroutine, "subroutine_type");
            parseFunctionTail("subroutine_type");
            return end(id);
        }
        if (word == "unspecified_type") {
            const NodeId id = begin(NodeKind::Unspecified, "unspecified_type");
            text("unspecified_type");
            return end(id);
        }
        throw ParseFailure{};
    }

    std::optional<NodeId> parseBaseType() {
        // "base_type void" with nothing of a base type after it is what a missing DW_AT_type
        // prints; a base type named void would carry its size.
        if (peek() == "void") {
            const size_t saved = pos_;
            take();
            const std::optional<Attribute> a = attribute(peek());
            const bool baseAttribute = a && (a->label == NumberLabel::ByteSize || a->label == NumberLabel::Encoding ||
                                             a->label == NumberLabel::Alignment);
            if (!baseAttribute) {
                text("base_type void");
                return std::nullopt;
            }
            pos_ = saved;
        }
        const NodeId id = begin(NodeKind::BaseType, "base_type");
        const std::string_view name = takeName();
        setName(id, name);
        text("base_type");
        appendName(name);
        static constexpr NumberLabel kAllowed[] = {NumberLabel::ByteSize, NumberLabel::Encoding, NumberLabel::Alignment};
        parseAttributes(kAllowed);
        return end(id);
    }

    std::optional<NodeId> parseModifier(NodeKind kind, std::string_view keyword) {
        const NodeId id = begin(kind, keyword);
        const std::string_view name = takeName();
        setName(id, name);
        text(keyword);
        appendName(name);
        expect("{");
        text(" {");
        lineBreak();
        parseChildType();
        expect("}");
        lineBreak();
        text("}");
        static constexpr NumberLabel kAllowed[] = {NumberLabel::ByteSize, NumberLabel::Alignment};
        parseAttributes(kAllowed);
        return end(id);
    }

    std::optional<NodeId> parseArray(std::string_view bounds) {
        const NodeId id = begin(NodeKind::Array, "array_type");
        text("array_type");
        while (!bounds.empty()) {  // "[4][2]" or "[]"
            const size_t close = bounds.find(']');
            if (bounds.front() != '[' || close == std::string_view::npos) throw ParseFailure{};
            const std::string_view digits = bounds.substr(1, close - 1);
            const NodeId range = begin(NodeKind::Subrange, "subrange_type");
            if (digits.empty()) {
                text("[]");
            } else {
                const std::optional<uint64_t> value = decimal(digits);
                if (!value) throw ParseFailure{};
                number(NumberLabel::Bound, *value);
            }
            child(end(range));
            bounds.remove_prefix(close + 1);
        }
        expect("{");
        text(" {");
        lineBreak();
        parseChildType();
        expect("}");
        lineBreak();
        text("}");
        return end(id);
    }

    // A list's items up to `close` (")" or "}", a literal), then the close as the renderer
    // prints it: `item(unseparated)` reads one item, told whether it stands without " , ".
    template <typename Item>
    void parseItems(std::string_view close, Item&& item) {
        bool first = true;
        while (peek() != close) {
            const bool separated = !first && !gluedNext();
            if (separated) expect(",");
            item(!separated);
            first = false;
        }
        take();
        lineBreak();
        text(close);
    }
    // The " , " an item opens with, as appendListComma prints it (inside the item's node).
    void separator(bool unseparated) {
        if (unseparated) return;
        text(" ,");
        lineBreak();
    }

    // "( <parameters> ) -> <type>" after a function's keyword.
    void parseFunctionTail(std::string_view keyword) {
        text(keyword);
        expect("(");
        text(" (");
        lineBreak();
        parseItems(")", [&](bool unseparated) {
            expect("formal_parameter");
            parseListItem(NodeKind::Parameter, "formal_parameter", unseparated);
        });
        lineBreak();
        expect("->");
        text("-> ");
        parseChildType();
    }

    // A member or parameter after its keyword: "<type> [name] <attributes>".
    void parseListItem(NodeKind kind, std::string_view keyword, bool unseparated) {
        const NodeId id = begin(kind, keyword);
        separator(unseparated);
        text(kind == NodeKind::Member ? "member " : "formal_parameter ");
        parseChildType();
        const std::string_view name = takeName();
        if (!name.empty()) {
            setName(id, name);
            text(" ");
            owned(name);
        }
        static constexpr NumberLabel kAllowed[] = {NumberLabel::Accessibility, NumberLabel::BitSize,
                                                   NumberLabel::DataBitOffset, NumberLabel::DataMemberLocation};
        parseAttributes(kAllowed);
        child(end(id));
    }

    std::optional<NodeId> parseAggregate(NodeKind kind, std::string_view keyword) {
        const NodeId id = begin(kind, keyword);
        const std::string_view name = takeName();
        setName(id, name);
        text(keyword);
        appendName(name);
        expect("{");
        text(" {");
        lineBreak();
        parseItems("}", [&](bool unseparated) { parseAggregateItem(kind, unseparated); });
        static constexpr NumberLabel kAllowed[] = {NumberLabel::ByteSize, NumberLabel::Alignment};
        parseAttributes(kAllowed);
        return end(id);
    }

    void parseAggregateItem(NodeKind owner, bool unseparated) {
        const std::string_view word = take();
        if (owner == NodeKind::Enumeration) {
            if (word != "enumerator") throw ParseFailure{};
            parseEnumerator(unseparated);
        } else if (word == "member") {
            parseListItem(NodeKind::Member, "member", unseparated);
        } else if (word == "variant_part") {
            parseVariantPart(unseparated);
        } else {
            throw ParseFailure{};
        }
    }

    void parseEnumerator(bool unseparated) {
        const NodeId id = begin(NodeKind::Enumerator, "enumerator");
        const std::string_view name = takeName();
        setName(id, name);
        separator(unseparated);
        text("enumerator");
        appendName(name);
        if (peek() == "=") {
            take();
            const std::optional<uint64_t> value = decimal(take());
            if (!value) throw ParseFailure{};
            text(" = ");
            number(NumberLabel::Plain, *value);
        }
        child(end(id));
    }

    void parseVariantPart(bool unseparated) {
        const NodeId id = begin(NodeKind::VariantPart, "variant_part");
        separator(unseparated);
        text("variant_part {");
        expect("{");
        lineBreak();
        parseItems("}", [&](bool unseparated) {
            const std::string_view word = take();
            if (word == "variant")
                parseVariant(unseparated);
            else if (word == "member")
                parseListItem(NodeKind::Member, "member", unseparated);
            else
                throw ParseFailure{};
        });
        child(end(id));
    }

    void parseVariant(bool unseparated) {
        const NodeId id = begin(NodeKind::Variant, "variant");
        separator(unseparated);
        text("variant {");
        expect("{");
        lineBreak();
        parseItems("}", [&](bool unseparated) {
            expect("member");
            parseListItem(NodeKind::Member, "member", unseparated);
        });
        static constexpr NumberLabel kAllowed[] = {NumberLabel::DiscrValue};
        parseAttributes(kAllowed);
        child(end(id));
    }

    std::string_view text_;
    size_t pos_ = 0;
    unsigned depth_ = 0;
    bool rootSeen_ = false;  // the first node begun, and its name: a type record's root
    NodeKind rootKind_ = NodeKind::Unspecified;
    std::string_view rootName_;
    TypeGraph* graph_;
    ReferenceStubs* stubs_;
};

NodeId parseWith(std::string_view name, std::string_view rendering, TypeGraph* graph, ReferenceStubs* stubs) {
    Parser parser(rendering, graph, stubs);
    const NodeId root = isReferenceName(name) ? parser.parseTypeRoot(name) : parser.parseSymbol();
    parser.expectEnd();
    return root;
}

}  // namespace

std::optional<ReferenceKind> renderingReferenceKind(char prefix) {
    switch (prefix) {
    case 's': return ReferenceKind{NodeKind::Structure, "structure_type"};
    case 'u': return ReferenceKind{NodeKind::Union, "union_type"};
    case 'e': return ReferenceKind{NodeKind::Enumeration, "enumeration_type"};
    case 't': return ReferenceKind{NodeKind::Typedef, "typedef_type"};
    default: return std::nullopt;
    }
}

NodeId ReferenceStubs::stub(std::string_view reference) {
    auto [it, inserted] = byName_.try_emplace(std::string(reference), kNoNode);
    if (inserted) {
        const ReferenceKind info = *kinds_(reference[0]);
        const NodeId id = graph_.beginNode(info.kind, info.keyword, 0);
        graph_.node(id).setName(graph_.storeText(referencedName(reference)));
        graph_.endNode(id);
        it->second = id;
    }
    return it->second;
}

std::vector<std::pair<NodeId, TypeTarget>> ReferenceStubs::targetsIn(const VersionScope& scope) const {
    std::vector<std::pair<NodeId, TypeTarget>> out;
    out.reserve(byName_.size());
    for (const auto& [name, id] : byName_)
        if (auto it = scope.types.find(name); it != scope.types.end()) out.emplace_back(id, it->second);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

NodeId parseRendering(TypeGraph& graph, ReferenceStubs& stubs, std::string_view name, std::string_view rendering) {
    try {
        parseWith(name, rendering, nullptr, nullptr);  // the grammar first: no node made on failure
    } catch (const ParseFailure&) {
        return kNoNode;
    }
    NodeId root;
    try {
        root = parseWith(name, rendering, &graph, &stubs);
    } catch (const ParseFailure&) {
        return kNoNode;  // cannot happen: both passes take the same path through the text
    }
    // The nodes must flatten back to the very bytes.
    if (flattenNode(graph, root, {}).rendering() != rendering) return kNoNode;
    return root;
}

}  // namespace kabiscope
