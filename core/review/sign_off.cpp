#include "review/sign_off.h"

#include <cstdint>

namespace kabiscope {

namespace {

bool isGplOnly(const std::string& exportType) { return exportType.find("GPL") != std::string::npos; }

std::string waiverText(const Waiver& waiver) {
    return "waiver " + waiver.where + " (" + waiver.by + ": " + waiver.reason + ")";
}

}  // namespace

SignOff reviewDiff(const DiffResult& diff, const SeverityRules& rules, const Waivers& waivers) {
    SignOff out;
    out.causeWaiver.assign(diff.causes.size(), SIZE_MAX);
    for (size_t c = 0; c < diff.causes.size(); ++c) out.causeWaiver[c] = waivers.find(diff.causes[c]);
    std::vector<bool> ruleUsed(rules.rules().size(), false);
    std::vector<bool> waiverUsed(waivers.entries().size(), false);

    for (size_t s = 0; s < diff.symbols.size(); ++s) {
        const SymbolDiff& symbol = diff.symbols[s];
        SymbolReview review;
        review.symbol = s;
        // What changed, and whether it can break a module built against the old build.
        struct Found {
            std::string what;
            bool breaking;
            std::optional<uint32_t> cause;
            std::optional<SymbolChange> symbolChange;
        };
        std::vector<Found> found;
        if (symbol.status == SymbolStatus::Added) found.push_back({"added", false, {}, {}});
        if (symbol.status == SymbolStatus::Removed) found.push_back({"removed", true, {}, SymbolChange::Removed});
        if (symbol.status == SymbolStatus::Changed) {
            if (symbol.causes.empty())
                found.push_back({"CRC changed: " + unexplainedText(symbol), true, {}, SymbolChange::UnexplainedCrc});
            for (uint32_t id : symbol.causes)  // 1-based
                found.push_back({"cause " + std::to_string(id) + ": " + diff.causes[id - 1].title(), true, id - 1, {}});
        }
        if (symbol.oldExportType != symbol.newExportType) {
            const bool stricter = isGplOnly(symbol.newExportType) && !isGplOnly(symbol.oldExportType);
            found.push_back({"export type " + symbol.oldExportType + " -> " + symbol.newExportType, stricter, {}, SymbolChange::ExportType});
        }
        if (symbol.oldNamespace != symbol.newNamespace) {
            auto shown = [](const std::string& ns) { return ns.empty() ? std::string("(none)") : ns; };
            found.push_back({"namespace " + shown(symbol.oldNamespace) + " -> " + shown(symbol.newNamespace),
                             !symbol.newNamespace.empty(),
                             {},
                             SymbolChange::Namespace});
        }
        if (!symbol.oldModule.empty() && symbol.status != SymbolStatus::Removed && symbol.oldModule != symbol.module)
            found.push_back({"module " + symbol.oldModule + " -> " + symbol.module, true, {}, SymbolChange::Module});
        if (found.empty()) continue;

        const std::string& nameSpace = symbol.newNamespace.empty() ? symbol.oldNamespace : symbol.newNamespace;
        review.rule = rules.match(symbol.module, nameSpace, symbol.name);
        if (review.rule) ruleUsed[*review.rule] = true;
        const bool passedByRule = review.rule && rules.rules()[*review.rule].pass;
        review.accepted = true;
        for (const Found& f : found) {
            SymbolReview::Change change{f.what, f.cause, {}};
            if (passedByRule) {
                change.acceptedBy = "rule " + rules.rules()[*review.rule].where + " (PASS)";
            } else {
                size_t waiver = SIZE_MAX;
                if (f.cause) waiver = out.causeWaiver[*f.cause];
                else if (f.symbolChange) waiver = waivers.find(symbol, *f.symbolChange);
                if (waiver != SIZE_MAX) {
                    change.acceptedBy = waiverText(waivers.entries()[waiver]);
                    waiverUsed[waiver] = true;
                } else if (!f.breaking) {
                    change.acceptedBy = "implicit: cannot break a module built against the old build";
                }
            }
            if (change.acceptedBy.empty()) review.accepted = false;
            review.changes.push_back(std::move(change));
        }
        (review.accepted ? out.accepted : out.open) += 1;
        out.symbols.push_back(std::move(review));
    }
    for (size_t r = 0; r < ruleUsed.size(); ++r)
        if (!ruleUsed[r]) out.unusedRules.push_back(r);
    for (size_t w = 0; w < waiverUsed.size(); ++w)
        if (!waiverUsed[w]) out.unusedWaivers.push_back(w);
    return out;
}

}  // namespace kabiscope
