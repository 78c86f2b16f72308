#include "output/genksyms_writer.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "model/type_table.h"

namespace kabiscope {

namespace {

// "s#foo struct foo { UNKNOWN }": the opaque declaration genksyms writes for a type it saw
// only declared; consolidated files spell it "s##foo".
bool isOpaqueDeclaration(std::string_view key, std::string_view record) {
    if (key.size() < 3 || std::string_view("sue").find(key[0]) == std::string_view::npos) return false;
    const std::string_view keyword = key[0] == 's' ? "struct" : key[0] == 'u' ? "union"
                                                                              : "enum";
    const std::string_view name = key.substr(2);
    return record == std::string(keyword) + " " + std::string(name) + " { UNKNOWN }";
}

}  // namespace

void writeConsolidatedSymtypes(const Build& build, std::ostream& out) {
    std::unordered_map<std::string, std::string> latest;  // a type's last definition written
    bool first = true;
    for (const BuildFile& file : build.files)
        for (size_t s = 0; s < file.scopes.size(); ++s) {
            const VersionScope& scope = *file.scopes[s];
            if (!first) out << '\n';
            first = false;
            out << "/* " << scope.label << " */\n";
            const std::map<std::string, TypeTarget> types(scope.types.begin(), scope.types.end());  // sorted
            for (const auto& [key, target] : types) {
                if (target.isRecord()) continue;  // a genksyms build has nodes only
                const std::string record = flattenNode(file.graph, target.index(), key).rendering();
                if (isOpaqueDeclaration(key, record)) {
                    out << key[0] << "##" << key.substr(2) << '\n';
                    continue;
                }
                auto [it, inserted] = latest.try_emplace(key, record);
                if (!inserted && it->second == record) continue;  // the same as its last definition
                it->second = record;
                out << key << ' ' << record << '\n';
            }
            for (const SymbolVersion& symbol : file.symbols)
                if (symbol.scope == s && symbol.hasTypes())
                    out << symbol.name() << ' ' << flattenNode(file.graph, symbol.target.index(), "").rendering() << '\n';
        }
}

}  // namespace kabiscope
