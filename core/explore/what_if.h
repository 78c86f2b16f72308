// whatIfRuleFor: the kABI rule an explorer offers for a row of a symbol's type tree, to see what
// the CRCs would be with it — a member as if KABI_IGNOREd (or, when the diff says it was renamed,
// given its old name back as KABI_REPLACE does), an enumerator ignored, a type kept
// declaration-only — as a rules-file line (docs/kabi-rules.md) and the macro to paste.
#pragma once

#include <optional>
#include <string>

#include "explore/aligned_tree.h"

namespace kabiscope {

struct WhatIfRule {
    std::string rule;   // "member_ignore\tdemo_stats rx_dropped\n"
    std::string macro;  // "KABI_IGNORE(0, long unsigned int rx_dropped);"
    std::string what;   // "member rx_dropped of struct demo_stats ignored"
};

// nullopt for a row no single rule is about (a parameter, a nested anonymous member, the symbol).
// `diff`, when given, is the one the tree shows: its causes at the row decide between the rules.
std::optional<WhatIfRule> whatIfRuleFor(const AlignedTree& tree, int row, const DiffResult* diff = nullptr);

}  // namespace kabiscope
