#include "readers/module_symvers_reader.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "base/error.h"
#include "exports/export_list.h"
#include "modules/kernel_exports.h"

namespace kabiscope {

Build readModuleSymversBuild(const std::string& path, const ExportList* only) {
    std::map<std::string, std::vector<SymbolVersion>> byModule;
    forEachModuleSymversLine(path, [&](KernelExport&& e) {
        if (only && !only->contains(e.name)) return;
        SymbolVersion symbol;
        symbol.info.name = std::move(e.name);
        symbol.info.exportType = std::move(e.exportType);
        symbol.info.nameSpace = std::move(e.nameSpace);
        symbol.hasCrc = true;  // Module.symvers writes 0x00000000 for an export without one
        symbol.crc = e.crc.value_or(0);
        byModule[e.module].push_back(std::move(symbol));
    });
    Build build;
    build.path = path;
    for (auto& [module, symbols] : byModule) {
        BuildFile& file = build.files.emplace_back();
        file.path = path;
        file.module = module;
        file.versioning = Versioning::Recorded;
        file.typesKept = false;
        std::sort(symbols.begin(), symbols.end(), [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
        file.symbols = std::move(symbols);
    }
    build.index();
    return build;
}

bool looksLikeModuleSymvers(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    for (size_t number = 1; number <= 64 && std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        try {
            return parseModuleSymversLine(path, number, line).has_value();
        } catch (const Error&) {
            return false;
        }
    }
    return false;
}

}  // namespace kabiscope
