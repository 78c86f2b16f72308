// suggestFixes: for each root cause of a diff, the smallest gendwarfksyms-side fix that keeps
// the old CRCs, if one exists, proven by recomputation, and a plain verdict on whether it is
// safe for modules built against the old build (docs/fix-suggestions.md).
//
// Fixes are the kernel's own kABI tools: rules (KABI_DECLONLY, KABI_ENUMERATOR_IGNORE,
// KABI_ENUMERATOR_VALUE, KABI_BYTE_SIZE) and member conventions (KABI_IGNORE). A rule fix is
// verified by versioning the new build again with the rule (as `--kabi-rules` would) and
// diffing it against the old one: the cause must be gone and the symbols it alone changed must
// get their old CRCs back. A KABI_IGNORE fix is verified on the record itself: the new type's
// rendering without the member must be byte for byte the old one, so every CRC input that
// differed only there is the old input again. Safety is read from the layout: the other
// members' offsets and the size unchanged, no other enumerator's value moved.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "kabi/kabi_rules.h"
#include "model/build.h"

namespace kabiscope {

struct FixSuggestion {
    uint32_t cause = 0;     // Cause::id
    bool exists = false;    // a fix that keeps the old CRC was found
    bool safe = false;      // modules built against the old build keep working with it
    bool verified = false;  // recomputed: the change is gone and the CRCs it alone changed are the old ones
    std::string text;       // the C lines to put in the source ("KABI_IGNORE(0, int c);")
    std::string rules;      // the same as --kabi-rules lines, when rules express it
    std::string why;        // one or two sentences for people
    size_t restored = 0;    // symbols whose old CRC comes back with this fix alone
    size_t affected = 0;    // symbols the cause changed
};

struct FixOptions {
    // Versions the new build again with these rules added (and the stability rules on); empty:
    // rule fixes cannot be recomputed and stay unverified.
    std::function<Build(const KabiRules&)> reversion;
    // When the diff was made without the stability rules: the old build versioned with them,
    // which the rebuilt new build is compared with (rules need them; so do both sides).
    std::function<Build()> stableOld;
    // Progress, per cause checked by recomputation.
    std::function<void(size_t done, size_t total)> progress;
};

// `oldBuild` is the diff's old side (recomputed diffs are made against it); the diff's new side
// must still live too: the causes point into its type graphs (Cause::newFile).
std::vector<FixSuggestion> suggestFixes(const DiffResult& diff, const Build& oldBuild, const FixOptions& options);

}  // namespace kabiscope
