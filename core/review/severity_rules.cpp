#include "review/severity_rules.h"

#include <cerrno>
#include <fnmatch.h>
#include <fstream>
#include <sstream>

#include "base/error.h"

namespace kabiscope {

namespace {

bool isNamespaceLike(std::string_view pattern) {
    bool letter = false;
    for (char c : pattern) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

SeverityRule::Kind impliedKind(std::string_view pattern) {
    if (pattern.find('/') != std::string_view::npos || pattern == "vmlinux") return SeverityRule::Kind::Module;
    if (isNamespaceLike(pattern)) return SeverityRule::Kind::Namespace;
    return SeverityRule::Kind::Symbol;
}

bool globMatches(const std::string& pattern, std::string_view text) {
    return ::fnmatch(pattern.c_str(), std::string(text).c_str(), 0) == 0;
}

}  // namespace

const char* severityRuleKindName(SeverityRule::Kind kind) {
    switch (kind) {
    case SeverityRule::Kind::Module: return "MODULE";
    case SeverityRule::Kind::Namespace: return "NAMESPACE";
    case SeverityRule::Kind::Symbol: return "SYMBOL";
    }
    return "SYMBOL";
}

SeverityRules SeverityRules::parse(std::istream& in, const std::string& source) {
    SeverityRules rules;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = source + ":" + std::to_string(number);
        if (const size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::istringstream words(line);
        std::vector<std::string> fields;
        for (std::string word; words >> word;) fields.push_back(word);
        if (fields.empty()) continue;
        SeverityRule rule;
        rule.where = where;
        size_t next = 0;
        if (fields.size() == 3) {
            if (fields[0] == "MODULE") rule.kind = SeverityRule::Kind::Module;
            else if (fields[0] == "NAMESPACE") rule.kind = SeverityRule::Kind::Namespace;
            else if (fields[0] == "SYMBOL") rule.kind = SeverityRule::Kind::Symbol;
            else fail(where, "unknown rule kind '", fields[0], "' (expected MODULE, NAMESPACE or SYMBOL)");
            next = 1;
        } else if (fields.size() != 2) {
            fail(where, "expected '[MODULE|NAMESPACE|SYMBOL] <pattern> PASS|FAIL', got ", fields.size(), " words");
        }
        rule.pattern = fields[next];
        if (next == 0) rule.kind = impliedKind(rule.pattern);
        const std::string& verdict = fields[next + 1];
        if (verdict == "PASS") rule.pass = true;
        else if (verdict == "FAIL") rule.pass = false;
        else fail(where, "unknown verdict '", verdict, "' (expected PASS or FAIL)");
        rules.rules_.push_back(std::move(rule));
    }
    if (in.bad()) fail(source, "cannot read: ", errnoMessage(errno));
    return rules;
}

SeverityRules SeverityRules::readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    return parse(in, path);
}

std::optional<size_t> SeverityRules::match(std::string_view module, std::string_view nameSpace,
                                           std::string_view symbol) const {
    for (size_t i = 0; i < rules_.size(); ++i) {
        const SeverityRule& rule = rules_[i];
        switch (rule.kind) {
        case SeverityRule::Kind::Module:
            if (globMatches(rule.pattern, module)) return i;
            break;
        case SeverityRule::Kind::Namespace:
            if (!nameSpace.empty() && globMatches(rule.pattern, nameSpace)) return i;
            break;
        case SeverityRule::Kind::Symbol:
            if (globMatches(rule.pattern, symbol)) return i;
            break;
        }
    }
    return std::nullopt;
}

}  // namespace kabiscope
