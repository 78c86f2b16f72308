#include "readers/module_symvers_reader.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>

#include "base/error.h"
#include "exports/export_list.h"
#include "modules/kernel_exports.h"
#include "readers/rhel_stablelist.h"

namespace kabiscope {

namespace {

// One BuildFile per module the exports name, each file's symbols sorted by name.
Build recordedBuild(const std::string& path, const std::function<void(const std::function<void(KernelExport&&)>&)>& forEach,
                    const ExportList* only) {
    std::map<std::string, std::vector<SymbolVersion>> byModule;
    forEach([&](KernelExport&& e) {
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

}  // namespace

Build readModuleSymversBuild(const std::string& path, const ExportList* only) {
    return recordedBuild(
        path, [&](const std::function<void(KernelExport &&)>& visit) { forEachModuleSymversLine(path, visit); }, only);
}

Build readStablelistBuild(const std::string& archDirectory, const ExportList* only) {
    std::vector<KernelExport> entries = readStablelistDirectory(archDirectory);
    if (entries.empty()) fail(archDirectory, "no symbol of this kABI stablelist is still stable (every range has closed)");
    return recordedBuild(
        archDirectory, [&](const std::function<void(KernelExport &&)>& visit) {
            for (KernelExport& e : entries) visit(std::move(e));
        },
        only);
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
