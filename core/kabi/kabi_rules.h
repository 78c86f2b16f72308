// KabiRules: the kABI stability rules of one object (`--stable`).
//
// Read from the section .discard.gendwarfksyms.kabi_rules: records of four NUL-terminated
// strings (version "1", kind, target, value). A later record with the same (kind, target)
// replaces an earlier one. The rules are a plain value so they can later also come from a file
// or from "what if" edits in the explorer; lookups with an empty target never match.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kabiscope {

enum class KabiRuleKind { DeclOnly, EnumeratorIgnore, EnumeratorValue, ByteSize, TypeString };

class KabiRules {
public:
    inline static const char* const kSectionName = ".discard.gendwarfksyms.kabi_rules";

    // Parses a rules section; throws kabiscope::Error naming `file` when it is malformed.
    // Leftover bytes after the last full record only give a warning, as in gendwarfksyms.
    static KabiRules parseSection(const std::string& file, std::string_view bytes, std::string* warning);

    void set(KabiRuleKind kind, std::string target, std::string value);
    bool empty() const { return rules_.empty(); }
    size_t size() const { return rules_.size(); }

    bool isDeclOnly(std::string_view fqn) const;
    bool isEnumeratorIgnored(std::string_view enumFqn, std::string_view enumerator) const;
    std::optional<uint64_t> enumeratorValue(std::string_view enumFqn, std::string_view enumerator) const;
    std::optional<uint64_t> byteSize(std::string_view fqn) const;
    const std::string* typeString(std::string_view referenceOrSymbol) const;

    // The file named in errors about rule values (e.g. "invalid unsigned value").
    void setSourceFile(std::string file) { sourceFile_ = std::move(file); }

private:
    const std::string* find(KabiRuleKind kind, std::string_view target) const;
    uint64_t parseUnsigned(const std::string& value) const;

    std::map<std::pair<KabiRuleKind, std::string>, std::string, std::less<>> rules_;
    std::string sourceFile_;
};

}  // namespace kabiscope
