#include "readers/module_symvers_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "base/error.h"
#include "exports/export_list.h"
#include "modules/kernel_exports.h"

namespace kabiscope {

Build readModuleSymversBuild(const std::string& path, const ExportList* only) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", std::strerror(errno));
    std::map<std::string, std::vector<SymbolVersion>> byModule;
    std::string line;
    size_t number = 0;
    size_t read = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line[0] == '#') continue;  // RHEL stablelist headers
        std::optional<KernelExport> e = parseModuleSymversLine(path, number, line);
        if (!e) continue;
        ++read;
        if (only && !only->contains(e->name)) continue;
        SymbolVersion symbol;
        symbol.info.name = e->name;
        symbol.info.exportType = e->exportType;
        symbol.info.nameSpace = e->nameSpace;
        symbol.hasCrc = true;  // Module.symvers writes 0x00000000 for an export without one
        symbol.crc = e->crc.value_or(0);
        byModule[e->module].push_back(std::move(symbol));
    }
    if (in.bad()) fail(path, "read error: ", std::strerror(errno));
    if (read == 0) fail(path, "no exports in it: not a Module.symvers");
    Build build;
    build.path = path;
    for (auto& [module, symbols] : byModule) {
        BuildFile& file = build.files.emplace_back();
        file.path = path;
        file.module = module;
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
