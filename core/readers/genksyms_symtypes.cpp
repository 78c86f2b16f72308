#include "readers/genksyms_symtypes.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "readers/symtypes_reader.h"

namespace kabiscope {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The next whitespace-separated token of `line` from `pos` (a quoted reference `s#'a b'` is one
// token); empty at the end. Throws for an unclosed quote.
std::string_view nextToken(std::string_view line, size_t& pos, const std::string& where) {
    while (pos < line.size() && isBlank(line[pos])) ++pos;
    const size_t start = pos;
    if (pos >= line.size()) return {};
    // A quoted name follows "X#" or "X##".
    const std::string_view rest = line.substr(pos);
    size_t quote = std::string_view::npos;
    if (rest.size() > 2 && rest[1] == '#' && rest[2] == '\'') quote = pos + 2;
    if (rest.size() > 3 && rest[1] == '#' && rest[2] == '#' && rest[3] == '\'') quote = pos + 3;
    if (quote != std::string_view::npos) {
        const size_t close = line.find('\'', quote + 1);
        if (close == std::string_view::npos) fail(where, "unclosed quote in '", line.substr(start, 40), "'");
        pos = close + 1;
    }
    while (pos < line.size() && !isBlank(line[pos])) ++pos;
    return line.substr(start, pos - start);
}

std::string_view unquoted(std::string_view name) {
    if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') return name.substr(1, name.size() - 2);
    return name;
}

const char* declarationKeyword(char prefix) {
    switch (prefix) {
    case 's': return "struct";
    case 'u': return "union";
    case 'e': return "enum";
    default: return nullptr;
    }
}

}  // namespace

char genksymsReferencePrefix(std::string_view token) {
    if (token.size() < 3 || token[1] != '#') return 0;
    return std::string_view("tesuE").find(token[0]) != std::string_view::npos ? token[0] : '\0';
}

bool isGenksymsSymtypesLine(std::string_view line) {
    if (line.substr(0, 2) == "/*") return true;
    if (line.size() > 3 && line[1] == '#' && line[2] == '#') return true;  // s##foo
    const size_t end = symtypesNameEnd(std::string(line));
    if (end == std::string::npos || end + 1 >= line.size()) return false;
    return !isGendwarfksymsRendering(line.substr(end + 1));
}

namespace {

// Reads one file's lines into `file`'s records. With `label`, the file opens a section of that
// name (a file of a symtypes tree); otherwise sections come from its `/* */` lines or from
// repeated names.
void readInto(GenksymsSymtypes& file, const std::string& path, const std::string* treeLabel) {
    const uint32_t source = uint32_t(file.files.size());
    file.files.push_back(path);
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) fail(path, "cannot read: ", errnoMessage(errno));
        std::ostringstream all;
        all << in.rdbuf();
        if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
        file.texts.push_back(std::move(all).str());
    }
    const size_t firstSection = file.sections.size();
    if (treeLabel) file.sections.push_back({*treeLabel, {}, {}});
    const std::string_view text(file.texts.back());
    bool marked = false;  // sections come from `/* <file> */` lines
    auto startSection = [&](std::string label) {
        file.sections.push_back({std::move(label), {}, {}});
    };
    size_t number = 0;
    for (size_t begin = 0; begin < text.size();) {
        size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        begin = end + 1;
        ++number;
        while (!line.empty() && isBlank(line.back())) line.remove_suffix(1);
        while (!line.empty() && isBlank(line.front())) line.remove_prefix(1);
        if (line.empty()) continue;
        const std::string where = path + ":" + std::to_string(number);
        if (line.substr(0, 2) == "/*") {
            if (line.size() < 4 || line.substr(line.size() - 2) != "*/") fail(where, "unclosed '/*' section line");
            std::string_view label = line.substr(2, line.size() - 4);
            while (!label.empty() && isBlank(label.front())) label.remove_prefix(1);
            while (!label.empty() && isBlank(label.back())) label.remove_suffix(1);
            const bool onlyTreeSection =
                treeLabel && file.sections.size() == firstSection + 1 && file.sections.back().records.empty();
            if (!marked && file.sections.size() > firstSection && !onlyTreeSection)
                fail(where, "a '/* <file> */' section line after records outside any section");
            if (!marked && onlyTreeSection) file.sections.pop_back();  // the file's own marks name its sections
            marked = true;
            startSection(std::string(label));
            continue;
        }
        size_t pos = 0;
        std::string_view name = nextToken(line, pos, where);
        if (name == "override") name = nextToken(line, pos, where);  // genksyms -p marks a kept reference type
        if (name.empty()) fail(where, "expected '<name> <definition>'");
        GenksymsRecord record;
        record.file = source;
        record.line = number;
        record.key = name;
        record.name = name;
        const size_t definitionStart = pos;
        if (name.size() > 2 && name[1] == '#') {
            record.prefix = genksymsReferencePrefix(name);
            if (!record.prefix && name[2] != '#')
                fail(where, "unknown type prefix '", name.substr(0, 2), "' (genksyms writes t#, e#, s#, u# and E#)");
            if (name[2] == '#') {  // s##foo: an opaque declaration, this section's own
                record.prefix = name[0];
                const char* keyword = declarationKeyword(record.prefix);
                if (!keyword) fail(where, "'", name.substr(0, 3), "' declares only structs, unions and enums");
                if (!nextToken(line, pos, where).empty()) fail(where, "'", name, "' takes no definition");
                record.local = true;
                record.name = unquoted(name.substr(3));
                const std::string& key = file.made.emplace_back(std::string(1, record.prefix) + "#" + std::string(name.substr(3)));
                record.key = key;
                record.text = file.made.emplace_back(std::string(keyword) + " " + std::string(record.name) + " { UNKNOWN }");
            } else {
                record.name = unquoted(name.substr(2));
            }
        }
        if (!record.local) {
            std::string_view definition = line.substr(definitionStart);
            while (!definition.empty() && isBlank(definition.front())) definition.remove_prefix(1);
            if (definition.empty()) {
                // A type written by name alone: the same as its last definition before (the
                // older SUSE consolidation); an exported symbol always has one.
                if (record.isType()) continue;
                fail(where, "expected '<name> <definition>': ", name, " has no definition");
            }
            record.text = definition;
        }
        if (file.sections.size() == firstSection || file.sections.back().defined.count(record.key)) {
            if (marked) fail(where, record.key, " is defined twice in section '", file.sections.back().label, "'");
            const std::string base = treeLabel ? *treeLabel : path;
            const size_t part = file.sections.size() - firstSection + 1;
            startSection(part == 1 ? base : base + " (part " + std::to_string(part) + ")");
        }
        GenksymsSection& section = file.sections.back();
        record.section = uint32_t(file.sections.size() - 1);
        record.firstToken = uint32_t(file.tokens.size());
        for (size_t p = 0;;) {
            const std::string_view token = nextToken(record.text, p, where);
            if (token.empty()) break;
            file.tokens.push_back(token);
        }
        record.tokenCount = uint32_t(file.tokens.size() - record.firstToken);
        const uint32_t id = uint32_t(file.records.size());
        section.defined.emplace(record.key, id);
        section.records.push_back(id);
        file.records.push_back(record);
    }
    if (treeLabel && file.sections.size() == firstSection + 1 && file.sections.back().records.empty()) {
        file.sections.pop_back();  // an object that exports nothing: kbuild leaves its file empty
        return;
    }
    if (file.sections.size() == firstSection) fail(path, "no records in it: not a symtypes file");
}

}  // namespace

GenksymsSymtypes readGenksymsSymtypes(const std::string& path) {
    GenksymsSymtypes file;
    file.path = path;
    readInto(file, path, nullptr);
    return file;
}

GenksymsSymtypes readGenksymsTree(const std::string& path, const std::vector<std::string>& files) {
    GenksymsSymtypes tree;
    tree.path = path;
    for (const std::string& name : files) {
        const std::string label = std::filesystem::path(name).lexically_relative(path).string();
        readInto(tree, name, &label);
    }
    if (tree.sections.empty()) fail(path, "no symtypes files in it");
    return tree;
}

void GenksymsScopes::enter(uint32_t section) {
    for (; merged_ < section; ++merged_)
        for (uint32_t id : file_.sections[merged_].records) {
            const GenksymsRecord& record = file_.records[id];
            if (record.isType() && !record.local) latest_[record.key] = id;
        }
    current_ = section;
}

uint32_t GenksymsScopes::resolve(std::string_view key) const {
    const auto& defined = file_.sections[current_].defined;
    if (auto it = defined.find(key); it != defined.end()) return it->second;
    if (auto it = latest_.find(key); it != latest_.end()) return it->second;
    return kNoGenksymsRecord;
}

}  // namespace kabiscope
