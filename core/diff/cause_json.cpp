#include "diff/cause_json.h"

namespace kabiscope {

nlohmann::json causeJson(const Cause& cause) {
    nlohmann::json folded = nlohmann::json::array();
    for (const Cause::Folded& f : cause.folded)
        folded.push_back({{"node", f.type.empty() ? cause.type : f.type}, {"where", f.node}, {"description", f.description}});
    return {{"id", cause.id},
            {"node", cause.type},
            {"where", cause.node},
            {"kind", changeKindName(cause.kind)},
            {"description", cause.description},
            {"folded", std::move(folded)}};
}

}  // namespace kabiscope
