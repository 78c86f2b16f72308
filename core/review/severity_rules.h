// SeverityRules: which changed exports a kABI review tolerates, in suse-kabi-tools' rule format.
//
// One rule a line: an optional kind (MODULE, NAMESPACE or SYMBOL), a glob (* and ?, as
// fnmatch), then PASS or FAIL; '#' starts a comment. Without a kind, a pattern with a '/' or
// exactly "vmlinux" is a module, one in capitals is a namespace, anything else a symbol. The
// first rule that matches a symbol decides for it. docs/sign-off.md has the whole contract.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kabiscope {

struct SeverityRule {
    enum class Kind {
        Module,
        Namespace,
        Symbol
    };
    Kind kind = Kind::Symbol;
    std::string pattern;
    bool pass = false;  // PASS: changes tolerated; FAIL: not
    std::string where;  // "rules.txt:12", for reports
};

const char* severityRuleKindName(SeverityRule::Kind kind);

class SeverityRules {
public:
    // Throws kabiscope::Error naming "<source>:<line>" for a malformed line.
    static SeverityRules parse(std::istream& in, const std::string& source);
    static SeverityRules readFile(const std::string& path);

    // The first rule matching a symbol of `module` ("vmlinux", "drivers/net/foo") exported in
    // `nameSpace` ("" for none), or nullopt.
    std::optional<size_t> match(std::string_view module, std::string_view nameSpace, std::string_view symbol) const;

    const std::vector<SeverityRule>& rules() const { return rules_; }
    bool empty() const { return rules_.empty(); }

private:
    std::vector<SeverityRule> rules_;
};

}  // namespace kabiscope
