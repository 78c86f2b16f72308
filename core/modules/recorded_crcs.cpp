#include "modules/recorded_crcs.h"

#include <algorithm>

namespace kabiscope {

std::string RecordedComparison::versionedWith() const {
    if (compared == 0) return "unknown";
    if (equal == compared) return "gendwarfksyms";
    if (equal * 100 < compared) return "genksyms";
    return "mixed";
}

RecordedComparison compareRecorded(const std::deque<BuildFile>& builds, const KernelExports& recorded) {
    RecordedComparison out;
    for (const BuildFile& build : builds)
        for (const SymbolVersion& symbol : build.symbols) {
            const KernelExport* e = recorded.find(symbol.name());
            if (!e) {
                if (symbol.hasCrc) out.notRecorded.push_back(symbol.name());
                continue;
            }
            if (!e->crc) continue;  // recorded without a CRC: nothing to compare
            if (!symbol.hasCrc) {
                out.noDwarf.push_back(symbol.name());
                continue;
            }
            ++out.compared;
            if (symbol.crc == *e->crc)
                ++out.equal;
            else
                out.differing.push_back(symbol.name());
        }
    for (auto* list : {&out.differing, &out.notRecorded, &out.noDwarf}) std::sort(list->begin(), list->end());
    return out;
}

}  // namespace kabiscope
