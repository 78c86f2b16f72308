#include "readers/genksyms_record_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace kabiscope {

namespace {

using Tokens = std::span<const std::string_view>;
constexpr size_t kNone = SIZE_MAX;

bool isIdentifier(std::string_view t) {
    if (t.empty() || !(std::isalpha(static_cast<unsigned char>(t[0])) || t[0] == '_')) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Words of C's type syntax: never a declarator's name.
bool isTypeWord(std::string_view t) {
    static constexpr std::array<std::string_view, 32> kWords = {
        "void", "char", "short", "int", "long", "float", "double",
        "signed", "unsigned", "_Bool", "_Complex", "const", "volatile", "restrict",
        "__restrict", "__restrict__", "struct", "union", "enum", "typeof", "__typeof__",
        "__typeof", "_Atomic", "__signed__", "__volatile__", "__const", "inline", "__inline",
        "static", "extern", "__extension__", "UNKNOWN"};
    return std::find(kWords.begin(), kWords.end(), t) != kWords.end() || t == "__attribute__" || t == "__int128" ||
           t == "register";
}

bool takesParenthesis(std::string_view t) {
    return t == "__attribute__" || t == "typeof" || t == "__typeof__" || t == "__typeof" || t == "_Alignas" ||
           t == "__alignof__";
}

bool isOpen(std::string_view t) { return t == "(" || t == "[" || t == "{"; }
bool isClose(std::string_view t) { return t == ")" || t == "]" || t == "}"; }

// The index of the bracket closing tokens[open], kNone when it is not closed.
size_t matching(Tokens tokens, size_t open) {
    size_t depth = 0;
    for (size_t i = open; i < tokens.size(); ++i) {
        if (isOpen(tokens[i])) ++depth;
        else if (isClose(tokens[i]) && --depth == 0) return i;
    }
    return kNone;
}

// Splits `tokens` at `separator` outside brackets: the pieces, without the separators. The last
// piece is what follows the last separator (empty when the list ends with one).
std::vector<Tokens> splitTopLevel(Tokens tokens, std::string_view separator) {
    std::vector<Tokens> pieces;
    size_t depth = 0, start = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (isOpen(tokens[i])) ++depth;
        else if (isClose(tokens[i]) && depth > 0) --depth;
        else if (depth == 0 && tokens[i] == separator) {
            pieces.push_back(tokens.subspan(start, i - start));
            start = i + 1;
        }
    }
    pieces.push_back(tokens.subspan(start));
    return pieces;
}

// The declarator's name in a declaration ("int ( * fn ) ( int )" gives fn, "u32 a : 3" gives a):
// the last identifier that is not a type word, outside array bounds, parameter lists and
// attributes, before a bit-field width. kNone for an abstract declarator ("int *").
size_t declaratorName(Tokens tokens) {
    size_t name = kNone;
    std::string_view previous;
    for (size_t i = 0; i < tokens.size();) {
        const std::string_view t = tokens[i];
        if (t == ":" || t == "=") break;
        const bool parameters = t == "(" && ((name != kNone && name + 1 == i) || previous == ")" || previous == "]");
        if (t == "[" || parameters || (t == "(" && takesParenthesis(previous))) {
            const size_t close = matching(tokens, i);
            if (close == kNone) break;
            previous = tokens[close];
            i = close + 1;
            continue;
        }
        if (genksymsReferencePrefix(t) == 0 && isIdentifier(t) && !isTypeWord(t)) name = i;
        previous = t;
        ++i;
    }
    return name;
}

// Where an anonymous struct, union or enum body starts in a declaration ("union {" at top
// level): the keyword's index, kNone when there is none.
size_t inlineAggregate(Tokens tokens) {
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string_view t = tokens[i];
        if (isOpen(t) || isClose(t)) return kNone;  // past the specifiers
        if ((t == "struct" || t == "union" || t == "enum") &&
            (tokens[i + 1] == "{" || (i + 2 < tokens.size() && isIdentifier(tokens[i + 1]) && tokens[i + 2] == "{")))
            return i;
    }
    return kNone;
}

NodeKind aggregateKind(std::string_view keyword) {
    return keyword == "struct" ? NodeKind::Structure : keyword == "union" ? NodeKind::Union
                                                                          : NodeKind::Enumeration;
}

const char* keywordLiteral(std::string_view keyword) {
    return keyword == "struct" ? "struct" : keyword == "union" ? "union"
                                                               : "enum";
}

class Builder {
public:
    Builder(TypeGraph& graph, ReferenceStubs& stubs) : graph_(graph), stubs_(stubs) {}

    NodeId record(const GenksymsRecord& record, Tokens tokens) {
        switch (record.prefix) {
        case 's':
        case 'u':
        case 'e': return aggregate(tokens, record.name);
        case 't': return typedefRecord(tokens, record.name);
        case 'E': {
            const NodeId id = begin(NodeKind::Constant, "enum constant", record.name);
            emit(tokens);
            return end(id);
        }
        default: return symbol(tokens, record.name);
        }
    }

private:
    NodeId begin(NodeKind kind, const char* keyword, std::string_view name) {
        const NodeId id = graph_.beginNode(kind, keyword, 0);
        if (!name.empty()) graph_.node(id).setName(graph_.storeText(name));
        started_.push_back(false);
        return id;
    }
    NodeId end(NodeId id) {
        graph_.endNode(id);
        started_.pop_back();
        return id;
    }
    // A fragment of the open node follows: a space before it unless it is the node's first.
    void space() {
        if (started_.back()) graph_.appendBreak();
        started_.back() = true;
    }
    void child(NodeId id) {
        space();
        graph_.appendChild(id);
    }
    void text(std::string_view t) {
        space();
        graph_.appendText(graph_.storeText(t));
    }
    // Tokens as fragments: runs of plain tokens one text, references stubs.
    void emit(Tokens tokens) {
        for (size_t i = 0; i < tokens.size();) {
            if (genksymsReferencePrefix(tokens[i])) {
                child(stubs_.stub(tokens[i]));
                ++i;
                continue;
            }
            size_t j = i + 1;
            while (j < tokens.size() && !genksymsReferencePrefix(tokens[j]) &&
                   tokens[j].data() == tokens[j - 1].data() + tokens[j - 1].size() + 1 &&
                   tokens[j - 1].data()[tokens[j - 1].size()] == ' ')
                ++j;
            text(std::string_view(tokens[i].data(), size_t(tokens[j - 1].data() + tokens[j - 1].size() - tokens[i].data())));
            i = j;
        }
    }

    // A type node for a declarator: its tokens (the name among them), named by the C spelling
    // of `specifiers` and the tokens without the name.
    NodeId spelled(Tokens tokens, size_t name, Tokens specifiers = {}) {
        std::vector<std::string_view> words(specifiers.begin(), specifiers.end());
        for (size_t i = 0; i < tokens.size(); ++i)
            if (i != name) words.push_back(tokens[i]);
        const std::string spelling = genksymsSpelling(words);
        const NodeId id = begin(NodeKind::BaseType, "type", spelling.empty() ? "void" : spelling);
        emit(tokens);
        return end(id);
    }

    // "struct name { members } rest", "union { ... }", "enum name { A , B = 2 }".
    NodeId aggregate(Tokens tokens, std::string_view name) {
        const std::string_view keyword = tokens.empty() ? std::string_view() : tokens[0];
        size_t open = kNone;
        if (keyword == "struct" || keyword == "union" || keyword == "enum")
            for (size_t i = 1; i < std::min<size_t>(tokens.size(), 3); ++i)
                if (tokens[i] == "{") open = i;
        const size_t close = open == kNone ? kNone : matching(tokens, open);
        // Not the shape genksyms writes, or nested deeper than any C does (a hostile file must
        // not exhaust the stack): one node of text.
        if (close == kNone || nesting_ >= kMaxNesting) {
            const NodeId id = begin(NodeKind::Unspecified, "declaration", name);
            emit(tokens);
            return end(id);
        }
        const NodeId id = begin(aggregateKind(keyword), keywordLiteral(keyword), name);
        emit(tokens.subspan(0, open + 1));
        const Tokens body = tokens.subspan(open + 1, close - open - 1);
        ++nesting_;
        if (keyword == "enum")
            enumerators(body);
        else
            members(body);
        --nesting_;
        emit(tokens.subspan(close));
        return end(id);
    }

    void enumerators(Tokens body) {
        const std::vector<Tokens> pieces = splitTopLevel(body, ",");
        for (size_t p = 0; p < pieces.size(); ++p) {
            if (p > 0) text(",");
            if (pieces[p].empty()) continue;
            const NodeId id = begin(NodeKind::Enumerator, "enumerator", isIdentifier(pieces[p][0]) ? pieces[p][0] : "");
            emit(pieces[p]);
            child(end(id));
        }
    }

    void members(Tokens body) {
        const std::vector<Tokens> declarations = splitTopLevel(body, ";");
        for (size_t d = 0; d < declarations.size(); ++d) {
            const bool terminated = d + 1 < declarations.size();
            if (!terminated) {  // after the last ";": "UNKNOWN", or nothing
                emit(declarations[d]);
                break;
            }
            declaration(declarations[d], NodeKind::Member, "member");
            text(";");
        }
    }

    // One declaration of a struct or union body, or a parameter: an item per declarator.
    void declaration(Tokens tokens, NodeKind kind, const char* keyword) {
        const size_t anonymous = inlineAggregate(tokens);
        if (anonymous != kNone) {
            const size_t close = matching(tokens, size_t(std::find(tokens.begin() + std::ptrdiff_t(anonymous), tokens.end(), "{") - tokens.begin()));
            if (close != kNone) {
                const std::vector<Tokens> declarators = splitTopLevel(tokens.subspan(close + 1), ",");
                for (size_t p = 0; p < declarators.size(); ++p) {
                    if (p > 0) text(",");
                    const size_t name = declaratorName(declarators[p]);
                    const NodeId item = begin(kind, keyword, name == kNone ? "" : declarators[p][name]);
                    if (p == 0) {
                        emit(tokens.subspan(0, anonymous));
                        child(aggregate(tokens.subspan(anonymous, close + 1 - anonymous), ""));
                        emit(declarators[p]);
                    } else {
                        child(spelled(declarators[p], name, tokens.subspan(0, close + 1)));
                    }
                    child(end(item));
                }
                return;
            }
        }
        const std::vector<Tokens> declarators = splitTopLevel(tokens, ",");
        Tokens specifiers;
        for (size_t p = 0; p < declarators.size(); ++p) {
            if (p > 0) text(",");
            const Tokens declarator = declarators[p];
            const size_t name = declaratorName(declarator);
            if (p == 0) {  // what the later declarators share: the tokens before the first one's own
                size_t start = name == kNone ? declarator.size() : name;
                for (size_t i = 0; i < start; ++i)
                    if (declarator[i] == "*" || declarator[i] == "(") start = i;
                specifiers = declarator.subspan(0, start);
            }
            const NodeId item = begin(kind, keyword, name == kNone ? "" : declarator[name]);
            child(spelled(declarator, name, p == 0 ? Tokens() : specifiers));
            child(end(item));
        }
    }

    // "typedef <declaration naming it>".
    NodeId typedefRecord(Tokens tokens, std::string_view name) {
        const NodeId id = begin(NodeKind::Typedef, "typedef", name);
        if (tokens.empty() || tokens[0] != "typedef") {
            emit(tokens);
            return end(id);
        }
        text(tokens[0]);
        const Tokens rest = tokens.subspan(1);
        const size_t anonymous = inlineAggregate(rest);
        if (anonymous == 0) {
            const size_t close = matching(rest, size_t(std::find(rest.begin(), rest.end(), "{") - rest.begin()));
            if (close != kNone) {
                child(aggregate(rest.subspan(0, close + 1), ""));
                emit(rest.subspan(close + 1));
                return end(id);
            }
        }
        const auto own = std::find(rest.begin(), rest.end(), name);
        child(spelled(rest, own != rest.end() ? size_t(own - rest.begin()) : declaratorName(rest)));
        return end(id);
    }

    // An exported function ("<return> name ( <parameters> )") or variable.
    NodeId symbol(Tokens tokens, std::string_view name) {
        size_t at = kNone;
        for (size_t i = 0, depth = 0; i < tokens.size(); ++i) {
            if (isOpen(tokens[i])) ++depth;
            else if (isClose(tokens[i]) && depth > 0) --depth;
            else if (tokens[i] == name && at == kNone) at = i;
        }
        if (at == kNone) at = declaratorName(tokens);
        const size_t close = at != kNone && at + 1 < tokens.size() && tokens[at + 1] == "(" ? matching(tokens, at + 1) : kNone;
        if (close == kNone) {
            const NodeId id = begin(NodeKind::Symbol, "variable", "");
            child(spelled(tokens, at));
            return end(id);
        }
        const NodeId id = begin(NodeKind::Symbol, "function", "");
        if (at > 0) child(spelled(tokens.subspan(0, at), kNone));
        emit(tokens.subspan(at, 2));  // "name ("
        const Tokens list = tokens.subspan(at + 2, close - at - 2);
        if (!list.empty()) {
            const std::vector<Tokens> parameters = splitTopLevel(list, ",");
            for (size_t p = 0; p < parameters.size(); ++p) {
                if (p > 0) text(",");
                const size_t pname = declaratorName(parameters[p]);
                const NodeId item = begin(NodeKind::Parameter, "parameter", pname == kNone ? "" : parameters[p][pname]);
                child(spelled(parameters[p], pname));
                child(end(item));
            }
        }
        emit(tokens.subspan(close));
        return end(id);
    }

    static constexpr unsigned kMaxNesting = 256;  // anonymous aggregates inside one another

    TypeGraph& graph_;
    ReferenceStubs& stubs_;
    std::vector<bool> started_;  // per open node: a fragment was appended
    unsigned nesting_ = 0;
};

}  // namespace

std::optional<ReferenceKind> genksymsReferenceKind(char prefix) {
    switch (prefix) {
    case 's': return ReferenceKind{NodeKind::Structure, "struct"};
    case 'u': return ReferenceKind{NodeKind::Union, "union"};
    case 'e': return ReferenceKind{NodeKind::Enumeration, "enum"};
    case 't': return ReferenceKind{NodeKind::Typedef, "typedef"};
    case 'E': return ReferenceKind{NodeKind::Constant, "enum constant"};
    default: return std::nullopt;
    }
}

NodeId parseGenksymsRecord(TypeGraph& graph, ReferenceStubs& stubs, const GenksymsSymtypes& file,
                           const GenksymsRecord& record) {
    const Tokens tokens(file.tokens.data() + record.firstToken, record.tokenCount);
    return Builder(graph, stubs).record(record, tokens);
}

std::string genksymsDeclaratorName(std::string_view declaration) {
    std::vector<std::string_view> tokens;
    for (size_t at = 0; at < declaration.size();) {
        const size_t end = std::min(declaration.find(' ', at), declaration.size());
        if (end > at) tokens.push_back(declaration.substr(at, end - at));
        at = end + 1;
    }
    // An anonymous aggregate's members are not the declarator: look after its closing brace.
    Tokens view(tokens);
    if (const size_t keyword = inlineAggregate(view); keyword != kNone) {
        const size_t close = matching(view, size_t(std::find(view.begin() + std::ptrdiff_t(keyword), view.end(), "{") - view.begin()));
        if (close == kNone) return "";
        view = view.subspan(close + 1);
    }
    const size_t name = declaratorName(view);
    return name == kNone ? std::string() : std::string(view[name]);
}

std::string genksymsSpelling(std::span<const std::string_view> tokens) {
    std::string out;
    for (const std::string_view t : tokens) {
        std::string_view word = t;
        std::string spelled;
        if (const char prefix = genksymsReferencePrefix(t)) {
            const std::string_view name = referencedName(t);
            spelled = prefix == 's' ? "struct " : prefix == 'u' ? "union "
                                              : prefix == 'e'   ? "enum "
                                                                : "";
            spelled += name;
            word = spelled;
        }
        const bool tight = out.empty() || out.back() == '(' || out.back() == '[' || t == ")" || t == "]" || t == "," ||
                           t == "[" || (t == "(" && !out.empty() && out.back() == ')');
        if (!tight) out += ' ';
        out += word;
    }
    return out;
}

}  // namespace kabiscope
