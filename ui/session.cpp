#include "ui/session.h"

#include <algorithm>

namespace kabiscope::ui {

void Session::indexSides() {
    sides.clear();
    sides.reserve(diff.symbols.size());
    const Build& before = single() ? newBuild : oldBuild;
    for (const SymbolDiff& symbol : diff.symbols) {
        SymbolSides entry;
        if (auto it = before.symbols.find(symbol.name); it != before.symbols.end()) entry.before = it->second;
        if (auto it = newBuild.symbols.find(symbol.name); it != newBuild.symbols.end()) entry.after = it->second;
        sides.push_back(entry);
    }
}

int Session::indexOf(const std::string& name) const {
    auto it = std::lower_bound(diff.symbols.begin(), diff.symbols.end(), name,
                               [](const SymbolDiff& s, const std::string& n) { return s.name < n; });
    if (it == diff.symbols.end() || it->name != name) return -1;
    return int(it - diff.symbols.begin());
}

}  // namespace kabiscope::ui
