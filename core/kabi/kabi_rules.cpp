#include "kabi/kabi_rules.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/error.h"

namespace kabiscope {

namespace {

// "1\0" + "x\0" + "\0" + "\0": the smallest possible record.
constexpr size_t kMinimumRecordSize = 6;

std::optional<KabiRuleKind> kindFromTag(std::string_view tag) {
    if (tag == "declonly") return KabiRuleKind::DeclOnly;
    if (tag == "enumerator_ignore") return KabiRuleKind::EnumeratorIgnore;
    if (tag == "enumerator_value") return KabiRuleKind::EnumeratorValue;
    if (tag == "byte_size") return KabiRuleKind::ByteSize;
    if (tag == "type_string") return KabiRuleKind::TypeString;
    if (tag == "member_ignore") return KabiRuleKind::MemberIgnore;
    if (tag == "member_rename") return KabiRuleKind::MemberRename;
    return std::nullopt;
}

bool isUnsigned(std::string_view value) {
    if (value.empty() || value.size() > 20) return false;
    for (char c : value)
        if (c < '0' || c > '9') return false;
    errno = 0;
    (void)std::strtoull(std::string(value).c_str(), nullptr, 10);
    return errno == 0;
}

}  // namespace

const char* kabiRuleTag(KabiRuleKind kind) {
    switch (kind) {
    case KabiRuleKind::DeclOnly: return "declonly";
    case KabiRuleKind::EnumeratorIgnore: return "enumerator_ignore";
    case KabiRuleKind::EnumeratorValue: return "enumerator_value";
    case KabiRuleKind::ByteSize: return "byte_size";
    case KabiRuleKind::TypeString: return "type_string";
    case KabiRuleKind::MemberIgnore: return "member_ignore";
    case KabiRuleKind::MemberRename: return "member_rename";
    }
    return "";
}

KabiRules KabiRules::parseFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot read kABI rules: ", errnoMessage(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
    return parseText(path, text.str());
}

KabiRules KabiRules::parseText(const std::string& source, std::string_view text) {
    KabiRules rules;
    rules.sourceFile_ = source;
    size_t lineNumber = 0;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        auto bad = [&](const auto&... what) { fail(source + ":" + std::to_string(lineNumber), what...); };
        if (line.find('\0') != std::string_view::npos) bad("a NUL byte in a rule");
        const size_t tab1 = line.find('\t');
        if (tab1 == std::string_view::npos) bad("expected TYPE<TAB>TARGET<TAB>VALUE, found '", std::string(line), "'");
        const std::string_view tag = line.substr(0, tab1);
        const std::optional<KabiRuleKind> kind = kindFromTag(tag);
        if (!kind)
            bad("unknown kABI rule type '", std::string(tag),
                "' (declonly, enumerator_ignore, enumerator_value, byte_size, type_string, member_ignore or member_rename)");
        const std::string_view rest = line.substr(tab1 + 1);
        const size_t tab2 = rest.find('\t');
        const std::string_view target = rest.substr(0, tab2);
        const std::string_view value = tab2 == std::string_view::npos ? std::string_view() : rest.substr(tab2 + 1);
        if (target.empty()) bad("a ", std::string(tag), " rule without a target");
        if ((*kind == KabiRuleKind::ByteSize || *kind == KabiRuleKind::EnumeratorValue) && !isUnsigned(value))
            bad(std::string(tag), " needs an unsigned value, found '", std::string(value), "'");
        if (*kind == KabiRuleKind::MemberRename && (value.empty() || value.find(' ') != std::string_view::npos))
            bad("member_rename needs the member's old name as its value, found '", std::string(value), "'");
        rules.set(*kind, std::string(target), std::string(value));
    }
    return rules;
}

void KabiRules::applyOver(const KabiRules& later) {
    for (const auto& [key, value] : later.rules_) set(key.first, key.second, value);
    if (sourceFile_.empty()) sourceFile_ = later.sourceFile_;
}

KabiRules KabiRules::parseSection(const std::string& file, std::string_view bytes, std::string* warning) {
    KabiRules rules;
    rules.sourceFile_ = file;
    const std::string where = std::string("kABI rules section ") + kSectionName;
    if (bytes.size() < kMinimumRecordSize) fail(file, where, " too small: ", bytes.size(), " bytes");
    if (bytes.back() != '\0') fail(file, where, " is not NUL-terminated");

    size_t pos = 0;
    auto nextField = [&]() -> std::string_view {
        if (pos >= bytes.size()) fail(file, where, ": unexpected end of kABI rules");
        const char* start = bytes.data() + pos;
        const size_t len = strnlen(start, bytes.size() - pos);
        pos += len + 1;
        return {start, len};
    };
    while (bytes.size() - pos > kMinimumRecordSize) {
        const std::string_view version = nextField();
        if (version != "1") fail(file, where, ": unsupported kABI rule version '", version, "'");
        const std::string_view tag = nextField();
        const auto kind = kindFromTag(tag);
        if (!kind || *kind == KabiRuleKind::MemberIgnore || *kind == KabiRuleKind::MemberRename)
            fail(file, where, ": unsupported kABI rule type '", tag, "'");
        std::string target(nextField());
        std::string value(nextField());
        rules.set(*kind, std::move(target), std::move(value));
    }
    if (pos < bytes.size() && warning) *warning = "unexpected data at the end of the kABI rules section";
    return rules;
}

void KabiRules::set(KabiRuleKind kind, std::string target, std::string value) {
    if ((kind == KabiRuleKind::MemberIgnore || kind == KabiRuleKind::MemberRename) &&
        !rules_.count(std::pair<KabiRuleKind, std::string>(kind, target)))
        ++memberRules_;
    rules_[{kind, std::move(target)}] = std::move(value);
}

const std::string* KabiRules::find(KabiRuleKind kind, std::string_view target) const {
    if (target.empty() || rules_.empty()) return nullptr;
    auto it = rules_.find(std::pair<KabiRuleKind, std::string>(kind, std::string(target)));
    return it == rules_.end() ? nullptr : &it->second;
}

uint64_t KabiRules::parseUnsigned(const std::string& value) const {
    errno = 0;
    char* end = nullptr;
    const unsigned long long result = std::strtoull(value.c_str(), &end, 10);
    if (errno || *end) fail(sourceFile_, "kABI rules: invalid unsigned value '", value, "'");
    return result;
}

bool KabiRules::isDeclOnly(std::string_view fqn) const { return find(KabiRuleKind::DeclOnly, fqn); }

bool KabiRules::isEnumeratorIgnored(std::string_view enumFqn, std::string_view enumerator) const {
    if (enumFqn.empty() || enumerator.empty()) return false;
    return find(KabiRuleKind::EnumeratorIgnore, std::string(enumFqn) + " " + std::string(enumerator));
}

bool KabiRules::isMemberIgnored(std::string_view aggregateFqn, std::string_view member) const {
    if (memberRules_ == 0 || aggregateFqn.empty() || member.empty()) return false;
    return find(KabiRuleKind::MemberIgnore, std::string(aggregateFqn) + " " + std::string(member));
}

const std::string* KabiRules::memberRename(std::string_view aggregateFqn, std::string_view member) const {
    if (memberRules_ == 0 || aggregateFqn.empty() || member.empty()) return nullptr;
    return find(KabiRuleKind::MemberRename, std::string(aggregateFqn) + " " + std::string(member));
}

std::optional<uint64_t> KabiRules::enumeratorValue(std::string_view enumFqn, std::string_view enumerator) const {
    if (enumFqn.empty() || enumerator.empty()) return std::nullopt;
    const std::string* value =
        find(KabiRuleKind::EnumeratorValue, std::string(enumFqn) + " " + std::string(enumerator));
    if (!value) return std::nullopt;
    return parseUnsigned(*value);
}

std::optional<uint64_t> KabiRules::byteSize(std::string_view fqn) const {
    const std::string* value = find(KabiRuleKind::ByteSize, fqn);
    if (!value) return std::nullopt;
    return parseUnsigned(*value);
}

const std::string* KabiRules::typeString(std::string_view referenceOrSymbol) const {
    return find(KabiRuleKind::TypeString, referenceOrSymbol);
}

}  // namespace kabiscope
