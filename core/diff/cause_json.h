// The JSON form of a root cause, shared by every report that carries causes (the diff report,
// check-modules' explained mismatches): docs/diff-json.md describes its fields.
#pragma once

#include <nlohmann/json.hpp>

#include "diff/build_diff.h"

namespace kabiscope {

// {"id", "node", "where", "kind", "description", "folded": [{"node", "where", "description"}]}
nlohmann::json causeJson(const Cause& cause);

}  // namespace kabiscope
