#include "explore/what_if.h"

#include "diff/report_writers.h"
#include "model/type_graph.h"

namespace kabiscope {

std::optional<WhatIfRule> whatIfRuleFor(const AlignedTree& tree, int row, const DiffResult* diff) {
    if (row < 0) return std::nullopt;
    const AlignedRow& r = tree.row(row);
    const std::string& record = r.kind == AlignedRow::Kind::Item ? r.record : r.key;
    if (!isReferenceName(record)) return std::nullopt;
    const std::string name(referencedName(record));
    const char prefix = record[0];
    if (r.kind == AlignedRow::Kind::Type || r.kind == AlignedRow::Kind::Cycle) {
        if (prefix != 's' && prefix != 'u' && prefix != 'e') return std::nullopt;
        return WhatIfRule{"declonly\t" + name + "\n", "KABI_DECLONLY(" + name + ");",
                          describeRecordName(record) + " kept declaration-only"};
    }
    if (r.kind != AlignedRow::Kind::Item || r.recordPath.size() != 1) return std::nullopt;  // a direct item only
    if ((prefix == 's' || prefix == 'u') && r.label.rfind("member ", 0) == 0 && r.label.find('(') == std::string::npos) {
        const std::string member = r.label.substr(7);
        const std::string type = r.inNew ? r.newText : r.oldText;
        for (uint32_t id : r.causes) {  // renamed: the old name back, not the member hidden
            const Cause* cause = diff && id >= 1 && id <= diff->causes.size() ? &diff->causes[id - 1] : nullptr;
            if (!cause || cause->kind != ChangeKind::Renamed || !cause->oldFile || cause->oldNode == kNoNode) continue;
            const std::string old(cause->oldFile->graph.node(cause->oldNode).name());
            return WhatIfRule{"member_rename\t" + name + " " + member + "\t" + old + "\n",
                              "KABI_REPLACE(" + type + ", " + old + ", " + type + " " + member + ");",
                              r.label + " of " + describeRecordName(record) + " given its old name " + old};
        }
        return WhatIfRule{"member_ignore\t" + name + " " + member + "\n", "KABI_IGNORE(0, " + type + " " + member + ");",
                          r.label + " of " + describeRecordName(record) + " ignored"};
    }
    if (prefix == 'e' && r.label.rfind("enumerator ", 0) == 0) {
        const std::string enumerator = r.label.substr(11);
        return WhatIfRule{"enumerator_ignore\t" + name + " " + enumerator + "\n",
                          "KABI_ENUMERATOR_IGNORE(" + name + ", " + enumerator + ");",
                          r.label + " of " + describeRecordName(record) + " ignored"};
    }
    return std::nullopt;
}

}  // namespace kabiscope
