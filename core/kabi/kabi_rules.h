// KabiRules: the kABI stability rules of one object (`--stable`).
//
// Read from the section .discard.gendwarfksyms.kabi_rules: records of four NUL-terminated
// strings (version "1", kind, target, value). A later record with the same (kind, target)
// replaces an earlier one. Also read from a rules file (`--kabi-rules FILE`, docs/kabi-rules.md):
// the same records as text lines, `TYPE<TAB>TARGET<TAB>VALUE`, applied after the section's as if
// they were at its end. Lookups with an empty target never match.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kabiscope {

// MemberIgnore and MemberRename are kabiscope's own, for rules files only: the named member is
// versioned as if it were in a KABI_IGNORE union (the __kabi_ignored convention), or as if a
// KABI_REPLACE union gave it its old name (the __kabi_renamed convention): a "what if" of the
// macro before the source has it. gendwarfksyms has no such rules, so a section holding one is
// refused, as there.
enum class KabiRuleKind {
    DeclOnly,
    EnumeratorIgnore,
    EnumeratorValue,
    ByteSize,
    TypeString,
    MemberIgnore,
    MemberRename
};

// "declonly", "enumerator_ignore", ...: the rule's name in the section and in rules files.
const char* kabiRuleTag(KabiRuleKind kind);

class KabiRules {
public:
    inline static const char* const kSectionName = ".discard.gendwarfksyms.kabi_rules";

    // Parses a rules section; throws kabiscope::Error naming `file` when it is malformed.
    // Leftover bytes after the last full record only give a warning, as in gendwarfksyms.
    static KabiRules parseSection(const std::string& file, std::string_view bytes, std::string* warning);

    // Parses a rules file: one rule a line, TYPE<TAB>TARGET<TAB>VALUE (VALUE may be empty, and
    // its tab too); blank lines and lines starting with '#' are skipped. A malformed line is a
    // kabiscope::Error naming the file and line.
    static KabiRules parseFile(const std::string& path);
    static KabiRules parseText(const std::string& source, std::string_view text);

    // `later`'s rules over these: what a section with `later`'s records appended would give.
    void applyOver(const KabiRules& later);

    void set(KabiRuleKind kind, std::string target, std::string value);
    bool empty() const { return rules_.empty(); }
    size_t size() const { return rules_.size(); }

    bool isDeclOnly(std::string_view fqn) const;
    bool isEnumeratorIgnored(std::string_view enumFqn, std::string_view enumerator) const;
    bool isMemberIgnored(std::string_view aggregateFqn, std::string_view member) const;
    // The old name a member_rename rule gives the member, or null.
    const std::string* memberRename(std::string_view aggregateFqn, std::string_view member) const;
    std::optional<uint64_t> enumeratorValue(std::string_view enumFqn, std::string_view enumerator) const;
    std::optional<uint64_t> byteSize(std::string_view fqn) const;
    const std::string* typeString(std::string_view referenceOrSymbol) const;

    // The file named in errors about rule values (e.g. "invalid unsigned value").
    void setSourceFile(std::string file) { sourceFile_ = std::move(file); }

private:
    const std::string* find(KabiRuleKind kind, std::string_view target) const;
    uint64_t parseUnsigned(const std::string& value) const;

    std::map<std::pair<KabiRuleKind, std::string>, std::string, std::less<>> rules_;
    size_t memberRules_ = 0;  // MemberIgnore and MemberRename rules: without any, members are not looked up
    std::string sourceFile_;
};

}  // namespace kabiscope
