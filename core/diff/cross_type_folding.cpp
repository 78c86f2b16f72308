#include "diff/cross_type_folding.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace kabiscope {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

// True when this cause carries its own type's byte_size change, as itself or folded under it.
bool explainsOwnSize(const Cause& cause) {
    auto isOwnSize = [](std::string_view node, const std::optional<NumberChange>& number, std::string_view type) {
        return node.empty() && type.empty() && number && number->isByteSize();
    };
    if (isOwnSize(cause.node, cause.number, {})) return true;
    return std::any_of(cause.folded.begin(), cause.folded.end(),
                       [&](const Cause::Folded& f) { return isOwnSize(f.node, f.number, f.type); });
}

}  // namespace

void foldAcrossTypes(std::vector<Cause>& causes, std::vector<SymbolDiff>& symbols) {
    const auto n = uint32_t(causes.size());
    std::unordered_map<std::string_view, uint32_t> sizeRoot;  // type -> the cause that resized it
    // genksyms: an enum -> the cause that added, removed or revalued one of its enumerators,
    // which moves the value of every enum constant (E#) after it.
    std::unordered_map<std::string_view, uint32_t> enumRoot;
    for (uint32_t c = 0; c < n; ++c) {
        if (explainsOwnSize(causes[c])) sizeRoot.try_emplace(causes[c].type, c);
        if (causes[c].type.rfind("e#", 0) == 0 && causes[c].node.rfind("enumerator ", 0) == 0)
            enumRoot.try_emplace(causes[c].type, c);
    }
    std::vector<uint32_t> into(n, kNone);
    bool any = false;
    for (uint32_t c = 0; c < n; ++c) {
        const auto& roots = causes[c].type.rfind("E#", 0) == 0 ? enumRoot : sizeRoot;
        for (const std::string& type : causes[c].shiftedBy)
            if (auto it = roots.find(type); it != roots.end() && it->second != c) {
                into[c] = it->second;
                any = true;
                break;
            }
    }
    if (!any) return;
    // Follow chains (cgroup_root embeds cgroup, which embeds cgroup_bpf) to a root. Types held
    // by value cannot hold themselves, so no cycle forms; should one, its causes stay roots.
    std::vector<uint32_t> root(n);
    for (uint32_t c = 0; c < n; ++c) {
        uint32_t r = c;
        for (uint32_t steps = 0; into[r] != kNone && steps <= n; ++steps) r = into[r];
        root[c] = into[r] == kNone ? r : c;
    }

    // Per symbol: drop a folded cause when the symbol has its root.
    std::vector<bool> used(n, false), foldedSomewhere(n, false);
    for (SymbolDiff& symbol : symbols) {
        if (symbol.causes.empty()) continue;
        std::vector<uint32_t> causesKept, pathsKept;
        for (size_t i = 0; i < symbol.causes.size(); ++i) {
            const uint32_t c = symbol.causes[i];
            const bool fold = root[c] != c && std::find(symbol.causes.begin(), symbol.causes.end(), root[c]) != symbol.causes.end();
            if (fold) {
                foldedSomewhere[c] = true;
                continue;
            }
            used[c] = true;
            causesKept.push_back(c);
            if (i < symbol.paths.size()) pathsKept.push_back(symbol.paths[i]);
        }
        symbol.causes = std::move(causesKept);
        symbol.paths = std::move(pathsKept);
    }
    for (uint32_t c = 0; c < n; ++c) {
        if (!foldedSomewhere[c]) continue;
        Cause& owner = causes[root[c]];
        owner.folded.push_back({causes[c].node, causes[c].description, causes[c].type, causes[c].number});
        for (const Cause::Folded& f : causes[c].folded)
            owner.folded.push_back({f.node, f.description, f.type.empty() ? causes[c].type : f.type, f.number});
    }

    // Causes no symbol keeps go; the rest are renumbered in order.
    std::vector<uint32_t> renumber(n, kNone);
    std::vector<Cause> kept;
    for (uint32_t c = 0; c < n; ++c)
        if (used[c]) {
            renumber[c] = uint32_t(kept.size());
            kept.push_back(std::move(causes[c]));
        }
    causes = std::move(kept);
    for (SymbolDiff& symbol : symbols)
        for (uint32_t& c : symbol.causes) c = renumber[c];
}

}  // namespace kabiscope
