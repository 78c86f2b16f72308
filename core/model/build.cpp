#include "model/build.h"

namespace kabiscope {

void Build::index() {
    symbols.clear();
    for (const auto& file : files)
        for (const auto& symbol : file.symbols) {
            auto [it, inserted] = symbols.emplace(symbol.name(), SymbolRef{&file, &symbol});
            if (!inserted && !it->second.symbol->hasCrc && symbol.hasCrc) it->second = {&file, &symbol};
        }
}

bool Build::hasTypes() const {
    for (const auto& file : files)
        for (const auto& symbol : file.symbols)
            if (symbol.hasTypes()) return true;
    return false;
}

}  // namespace kabiscope
