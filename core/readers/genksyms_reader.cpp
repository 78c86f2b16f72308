#include "readers/genksyms_reader.h"

#include <algorithm>
#include <filesystem>

#include "base/error.h"
#include "output/writers.h"
#include "readers/genksyms_record_parser.h"
#include "readers/genksyms_symtypes.h"
#include "version/genksyms_crc.h"

namespace kabiscope {

namespace {

BuildFile buildFileOf(const GenksymsSymtypes& symtypes, const GenksymsReadOptions& options) {
    const std::string& path = symtypes.path;
    BuildFile file;
    file.path = path;
    file.module = moduleNameFor(path);
    file.versioning = Versioning::Genksyms;
    GenksymsScopes scopes(symtypes);
    GenksymsCrc crcs(symtypes);
    std::vector<uint32_t> parsedIn(symtypes.records.size(), UINT32_MAX);  // the section that made its nodes
    std::vector<uint32_t> reached;
    for (uint32_t s = 0; s < symtypes.sections.size(); ++s) {
        scopes.enter(s);
        auto& scope = *file.scopes.emplace_back(std::make_unique<VersionScope>());
        scope.label = symtypes.sections[s].label;
        scope.firstNode = NodeId(file.graph.size());
        ReferenceStubs stubs(file.graph, genksymsReferenceKind);
        // Nodes for the section's records and for those it takes from earlier sections: each
        // scope has its own, as a reference inside one resolves in the scope that reads it.
        auto parse = [&](uint32_t id) {
            if (!options.keepTypes || parsedIn[id] == s) return kNoNode;
            parsedIn[id] = s;
            const GenksymsRecord& record = symtypes.records[id];
            const NodeId root = parseGenksymsRecord(file.graph, stubs, symtypes, record);
            if (record.isType()) scope.types.emplace(std::string(record.key), TypeTarget::node(root));
            return root;
        };
        for (uint32_t id : symtypes.sections[s].records) {
            const GenksymsRecord& record = symtypes.records[id];
            if (record.isType()) {
                parse(id);
                continue;
            }
            SymbolVersion symbol;
            symbol.info.name = std::string(record.name);
            symbol.info.declarationKnown = false;  // symtypes holds types, not export macros
            symbol.hasCrc = true;
            reached.clear();
            symbol.crc = crcs.crc(id, scopes, options.keepTypes ? &reached : nullptr);
            if (options.captureCrcInput) scope.crcInputs.emplace_back(symbol.name(), crcs.lastInput());
            if (options.keepTypes) {
                symbol.scope = s;
                symbol.target = TypeTarget::node(parse(id));
                for (uint32_t type : reached) parse(type);
            }
            file.symbols.push_back(std::move(symbol));
        }
        scope.namedTargets = stubs.targetsIn(scope);
    }
    file.typesKept = options.keepTypes;
    if (file.symbols.empty()) fail(path, "no exported symbols in it: only types");
    std::stable_sort(file.symbols.begin(), file.symbols.end(),
                     [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
    return file;
}

}  // namespace

BuildFile readGenksymsFile(const std::string& path, const GenksymsReadOptions& options) {
    return buildFileOf(readGenksymsSymtypes(path), options);
}

std::vector<std::string> symtypesFilesIn(const std::string& directory) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(
             directory, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".symtypes" && it->is_regular_file(ec)) files.push_back(it->path().string());
    if (ec) fail(directory, "cannot list: ", ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

BuildFile readGenksymsTree(const std::string& directory, const GenksymsReadOptions& options) {
    return buildFileOf(readGenksymsTree(directory, symtypesFilesIn(directory)), options);
}

}  // namespace kabiscope
