#include "explore/session_fixes.h"

#include "readers/read_build.h"

namespace kabiscope {

std::vector<FixSuggestion> suggestSessionFixes(const ExploreSession& session, const std::function<bool()>& cancelled) {
    if (session.single()) return {};
    VersionOptions base;
    base.stable = session.stable;
    base.detachFromDwarf = true;
    base.cancelled = cancelled;
    if (!session.kabiRulesFile.empty()) base.kabiRules = KabiRules::parseFile(session.kabiRulesFile);
    if (!session.whatIfRules.empty()) {
        const KabiRules whatIf = KabiRules::parseText("what-if rules", session.whatIfRules);
        if (base.kabiRules) base.kabiRules->applyOver(whatIf);
        else base.kabiRules = whatIf;
    }
    FixOptions options;
    options.reversion = [&](const KabiRules& rules) {
        VersionOptions withRules = base;
        withRules.stable = true;
        if (withRules.kabiRules) withRules.kabiRules->applyOver(rules);
        else withRules.kabiRules = rules;
        return readBuild(session.newPath, withRules);
    };
    if (!session.stable)
        options.stableOld = [&] {
            VersionOptions stable = base;
            stable.stable = true;
            return readBuild(session.oldPath, stable);
        };
    return suggestFixes(session.diff, *session.oldBuild, options);
}

}  // namespace kabiscope
