// ExploreSession: what an explorer (the Qt one in ui/, the terminal one in tui/) shows — one or
// two loaded builds and their diff — and the one way to load it, with weighted progress.
//
// Built once on a worker thread, then immutable and shared by shared_ptr<const ExploreSession>;
// reloading makes a new session. With one build, it is compared with itself (every symbol
// unchanged).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diff/build_diff.h"
#include "model/build.h"

namespace kabiscope {

struct ExploreRequest {
    std::string oldPath;  // empty: one build
    std::string newPath;
    bool stable = false;
    std::vector<std::string> debugRoots;  // where stripped files' debug files are (empty: /usr/lib/debug)
    std::string kabiRulesFile;            // --kabi-rules: rules applied after each object's own (implies stable)
    std::string whatIfRules;              // more rules, as rules-file text, after the file's (implies stable)
    // The session a what-if starts from. What-if rules apply to the new build only (the question
    // is whether it gets the released CRCs back), so when the old side is read from the same
    // file with the same options as there, its build is taken from it instead of read again.
    std::shared_ptr<const struct ExploreSession> previous;
};

struct ExploreSession {
    std::string oldPath, newPath;  // oldPath empty: a single build
    bool stable = false;
    std::string kabiRulesFile;  // the --kabi-rules file both builds were versioned with, if any
    std::string whatIfRules;    // and the explorer's what-if rules after it, on the new build only
    // Shared with the session a what-if started from when its old side was the same (immutable
    // once loaded: the sides below point into them).
    std::shared_ptr<const Build> oldBuild, newBuild;
    bool oldStable = false;  // how the old build was versioned (--stable, or implied by rules)
    std::vector<std::string> debugRoots;
    bool reusedOld = false;  // the old build came from ExploreRequest::previous
    DiffResult diff;

    // Per diff.symbols entry: the symbol on each side (null where it does not exist).
    struct SymbolSides {
        Build::SymbolRef before, after;
    };
    std::vector<SymbolSides> sides;

    bool single() const { return oldPath.empty(); }
    const SymbolVersion* anySymbol(size_t index) const {
        return sides[index].after.symbol ? sides[index].after.symbol : sides[index].before.symbol;
    }
    int indexOf(const std::string& name) const;  // -1 when absent
    void indexSides();
};

// Reports a stage ("old: reading vmlinux") and the whole load's percent: loading the builds
// is 90 of it, the diff the last 10.
using ExploreProgress = std::function<void(const std::string& stage, int percent)>;

// Loads and diffs the request's builds; `cancelled` returning true makes it throw
// kabiscope::Cancelled at the core's next check, and bad input throws kabiscope::Error.
std::shared_ptr<ExploreSession> loadExploreSession(const ExploreRequest& request, const ExploreProgress& progress,
                                                   const std::function<bool()>& cancelled);

}  // namespace kabiscope
