// SignOff: the verdict of a kABI review on a diff: for every export that changed, whether the
// change is accepted (by a severity rule, by waivers, or because it cannot break a module
// built against the old build) or still open, and why.
//
// Per symbol, in this order (docs/sign-off.md):
//   1. the first severity rule matching it (module, namespace, symbol) with PASS accepts it;
//   2. otherwise each of its changes must be accepted: an addition, a looser export type
//      (GPL-only to any) or a dropped namespace cannot break a module, so they are accepted
//      implicitly; every other change needs a waiver: each root cause of a CRC change, or the
//      symbol-level change (removal, a CRC change no type explains, a stricter export type, a
//      new namespace, a move to another module);
//   3. a FAIL rule is the default made explicit: it stops a later PASS rule from matching
//      (first match wins), as in suse-kabi-tools; changes that cannot break stay implicit.
// Rules and waivers that decided nothing are reported, so stale ones get cleaned up.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "review/severity_rules.h"
#include "review/waivers.h"

namespace kabiscope {

struct SymbolReview {
    size_t symbol = 0;  // index into DiffResult::symbols
    bool accepted = false;
    std::optional<size_t> rule;  // the severity rule that matched it (PASS or FAIL)
    // Each change of the symbol: what it is, and what accepted it ("" while open).
    struct Change {
        std::string what;               // "removed", "cause 3: s#foo member bar: added", ...
        std::optional<uint32_t> cause;  // index into DiffResult::causes, for a root cause
        std::string acceptedBy;         // "waiver waivers.txt:4 (Jane Doe: reason)", "implicit: an addition"
    };
    std::vector<Change> changes;
};

struct SignOff {
    std::vector<SymbolReview> symbols;  // every symbol that changed in any way, by name
    std::vector<size_t> causeWaiver;    // per DiffResult cause: its waiver, SIZE_MAX when none
    std::vector<size_t> unusedRules;    // rules that matched no changed symbol
    std::vector<size_t> unusedWaivers;  // waivers that accepted nothing
    size_t accepted = 0, open = 0;
    bool passed() const { return open == 0; }
};

SignOff reviewDiff(const DiffResult& diff, const SeverityRules& rules, const Waivers& waivers);

}  // namespace kabiscope
