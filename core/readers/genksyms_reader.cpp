#include "readers/genksyms_reader.h"

#include <algorithm>

#include "base/error.h"
#include "output/writers.h"
#include "readers/genksyms_symtypes.h"
#include "version/genksyms_crc.h"

namespace kabiscope {

BuildFile readGenksymsFile(const std::string& path) {
    const GenksymsSymtypes symtypes = readGenksymsSymtypes(path);
    BuildFile file;
    file.path = path;
    file.module = moduleNameFor(path);
    file.versioning = Versioning::Genksyms;
    GenksymsScopes scopes(symtypes);
    GenksymsCrc crcs(symtypes);
    for (uint32_t s = 0; s < symtypes.sections.size(); ++s) {
        scopes.enter(s);
        auto scope = std::make_unique<VersionScope>();
        scope->label = symtypes.sections[s].label;
        file.scopes.push_back(std::move(scope));
        for (uint32_t id : symtypes.sections[s].records) {
            const GenksymsRecord& record = symtypes.records[id];
            if (record.isType()) continue;
            SymbolVersion symbol;
            symbol.info.name = std::string(record.name);
            symbol.info.declarationKnown = false;  // symtypes holds types, not export macros
            symbol.hasCrc = true;
            symbol.crc = crcs.crc(id, scopes);
            symbol.scope = s;
            file.symbols.push_back(std::move(symbol));
        }
    }
    if (file.symbols.empty()) fail(path, "no exported symbols in it: only types");
    std::stable_sort(file.symbols.begin(), file.symbols.end(),
                     [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return file;
}

}  // namespace kabiscope
