// suggestSessionFixes: the fix suggestions for an explorer's session (diff/fix_suggestions.h),
// proven the way `kabiscope diff --suggest-fixes` proves them: the new build versioned again with
// each rule fix (and the old one with --stable when the session is without it). Slow on a
// kernel (each rule fix reloads the new build), so the explorers run it on a worker thread.
#pragma once

#include <functional>
#include <vector>

#include "diff/fix_suggestions.h"
#include "explore/explore_session.h"

namespace kabiscope {

std::vector<FixSuggestion> suggestSessionFixes(const ExploreSession& session, const std::function<bool()>& cancelled = {});

}  // namespace kabiscope
