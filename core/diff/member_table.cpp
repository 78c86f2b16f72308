#include "diff/member_table.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "readers/genksyms_record_parser.h"
#include "readers/symtypes_reader.h"

namespace kabiscope {

namespace {

struct Split {
    std::string head, tail;
    std::vector<std::string> items;
    bool hasList = false;
};

// The outermost list: from the first '{' (or '(' for a subroutine) to its match, split at the
// " , " separators that sit directly in it; genksyms' C struct and union bodies at " ; ".
Split splitList(std::string_view text, bool cSyntax) {
    Split out;
    // A list opens with "{" or, for a subroutine's parameters, "( " (a number's "(4)" does not).
    size_t open = text.find('{');
    const size_t paren = text.find("( ");
    if (paren != std::string_view::npos && (open == std::string_view::npos || paren < open)) open = paren;
    if (open == std::string_view::npos) {
        out.head = std::string(text);
        return out;
    }
    const char opener = text[open];
    const char closer = opener == '{' ? '}' : ')';
    const char separator =
        cSyntax && opener == '{' && (text.rfind("struct ", 0) == 0 || text.rfind("union ", 0) == 0) ? ';' : ',';
    int depth = 0;
    size_t close = std::string_view::npos;
    size_t itemStart = open + 1;
    for (size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' || c == '(') ++depth;
        if (c == '}' || c == ')') {
            if (--depth == 0 && c == closer) {
                close = i;
                break;
            }
        }
        if (depth == 1 && c == separator && i > 0 && text[i - 1] == ' ') {
            out.items.emplace_back(text.substr(itemStart, i - 1 - itemStart));
            itemStart = i + 1;
        }
    }
    if (close == std::string_view::npos) {  // unbalanced: show it whole
        out.head = std::string(text);
        out.items.clear();
        return out;
    }
    out.items.emplace_back(text.substr(itemStart, close - itemStart));
    for (auto& item : out.items) {  // trim the spaces around each item
        const size_t first = item.find_first_not_of(' ');
        const size_t last = item.find_last_not_of(' ');
        item = first == std::string::npos ? std::string() : item.substr(first, last - first + 1);
    }
    out.items.erase(std::remove(out.items.begin(), out.items.end(), std::string()), out.items.end());
    out.head = std::string(text.substr(0, open + 1));
    out.tail = std::string(text.substr(close));
    out.hasList = true;
    return out;
}

// An item's name. A member prints "member <type> <name> [label(n)]...": after the labels are
// stripped from the end (bit_size(3), data_member_location(8), ...), the last word is the name,
// even when the type is an anonymous struct with members of its own; an unnamed member ends in
// its type's "}" and is named by its position. An enumerator's name follows "enumerator", a
// parameter is named by its position.
std::string itemName(const std::string& item, size_t position, bool cSyntax) {
    if (cSyntax) {  // genksyms: a declaration, an enumerator ("A = 4") or a parameter
        const std::string name = genksymsDeclaratorName(item);
        return name.empty() ? "(unnamed, item " + std::to_string(position + 1) + ")" : name;
    }
    auto isLabel = [](std::string_view word) {
        const size_t open = word.find('(');
        if (open == std::string_view::npos || open == 0 || word.back() != ')') return false;
        for (size_t i = open + 1; i + 1 < word.size(); ++i)
            if (!std::isdigit(static_cast<unsigned char>(word[i]))) return false;
        return true;
    };
    if (item.rfind("member ", 0) == 0) {
        size_t end = item.size();
        for (;;) {
            while (end > 0 && item[end - 1] == ' ') --end;
            size_t start = end;
            while (start > 0 && item[start - 1] != ' ') --start;
            const std::string_view word(item.data() + start, end - start);
            if (word.empty()) break;
            if (isLabel(word)) {
                end = start;
                continue;
            }
            if (word.back() == '}' || word.back() == ')' || word.find('#') != std::string_view::npos)
                return "(unnamed, item " + std::to_string(position + 1) + ")";
            return std::string(word);
        }
    }
    if (item.rfind("enumerator ", 0) == 0) {
        const size_t end = item.find(' ', 11);
        return item.substr(11, end == std::string::npos ? std::string::npos : end - 11);
    }
    if (item.rfind("formal_parameter", 0) == 0) return "formal_parameter " + std::to_string(position + 1);
    return item;
}

}  // namespace

size_t MemberTable::changedCount() const {
    return size_t(std::count_if(lines.begin(), lines.end(), [](const MemberLine& l) { return l.change != MemberLine::Change::Same; }));
}

char changeSign(MemberLine::Change change) {
    switch (change) {
    case MemberLine::Change::Added: return '+';
    case MemberLine::Change::Removed: return '-';
    case MemberLine::Change::Changed: return '~';
    case MemberLine::Change::Same: return ' ';
    }
    return ' ';
}

MemberTable compareMembers(std::string_view oldRendering, std::string_view newRendering) {
    MemberTable table;
    const bool cSyntax = !oldRendering.empty() ? !isGendwarfksymsRendering(oldRendering) : !isGendwarfksymsRendering(newRendering);
    const Split before = splitList(oldRendering, cSyntax);
    const Split after = splitList(newRendering, cSyntax);
    table.hasList = before.hasList || after.hasList;
    if (!table.hasList) {
        MemberLine line;
        line.change = oldRendering == newRendering ? MemberLine::Change::Same : MemberLine::Change::Changed;
        line.oldText = std::string(oldRendering);
        line.newText = std::string(newRendering);
        table.lines.push_back(std::move(line));
        return table;
    }
    table.oldHead = before.head;
    table.newHead = after.head;
    table.oldTail = before.tail;
    table.newTail = after.tail;

    // Pair by name; a name used twice (anonymous members) pairs in order.
    std::unordered_map<std::string, std::vector<size_t>> oldByName;
    for (size_t i = 0; i < before.items.size(); ++i) oldByName[itemName(before.items[i], i, cSyntax)].push_back(i);
    std::vector<bool> oldUsed(before.items.size(), false);
    std::vector<MemberLine> changed, same;
    for (size_t j = 0; j < after.items.size(); ++j) {
        MemberLine line;
        line.name = itemName(after.items[j], j, cSyntax);
        line.newText = after.items[j];
        auto found = oldByName.find(line.name);
        if (found != oldByName.end() && !found->second.empty()) {
            const size_t i = found->second.front();
            found->second.erase(found->second.begin());
            oldUsed[i] = true;
            line.oldText = before.items[i];
            line.change = line.oldText == line.newText ? MemberLine::Change::Same : MemberLine::Change::Changed;
        } else {
            line.change = MemberLine::Change::Added;
        }
        (line.change == MemberLine::Change::Same ? same : changed).push_back(std::move(line));
    }
    for (size_t i = 0; i < before.items.size(); ++i) {
        if (oldUsed[i]) continue;
        MemberLine line;
        line.change = MemberLine::Change::Removed;
        line.name = itemName(before.items[i], i, cSyntax);
        line.oldText = before.items[i];
        changed.push_back(std::move(line));
    }
    table.lines = std::move(changed);
    table.lines.insert(table.lines.end(), std::make_move_iterator(same.begin()), std::make_move_iterator(same.end()));
    return table;
}

}  // namespace kabiscope
