#include "output/reference_writer.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "output/writers.h"

namespace kabiscope {

void writeReference(const Build& build, std::ostream& out) {
    size_t scopes = 0, exports = 0;
    for (const BuildFile& file : build.files) {
        scopes += file.scopes.size();
        for (const SymbolVersion& symbol : file.symbols) exports += symbol.hasCrc ? 1 : 0;
    }
    out << kReferenceHeader << "\n# from: " << build.path << "\n# " << build.files.size() << " file"
        << (build.files.size() == 1 ? "" : "s") << ", " << scopes << " scopes, " << exports
        << " exports. Each section is one scope (an object, or a compilation unit of a linked file);\n"
           "# a type line is written where its rendering differs from the one its scope's predecessors\n"
           "# used, and 's#name@N' picks the name's N-th rendering again (docs/reference-format.md).\n";
    // Per type name: its distinct renderings in order of first appearance, and the one in use.
    struct Variants {
        std::vector<std::string> renderings;
        size_t current = SIZE_MAX;
    };
    std::unordered_map<std::string, Variants> types;
    for (const BuildFile& file : build.files) {
        forEachScopeRecords(file, [&](size_t scope, std::vector<Record>& records) {
            out << "/* " << file.module << ": " << file.scopes[scope]->label << " */\n";
            for (const Record& record : records) {
                std::string rendering = record.rendering();
                if (!isReferenceName(record.name)) {
                    out << record.name << ' ' << rendering << '\n';
                    continue;
                }
                Variants& variants = types[record.name];
                if (variants.current != SIZE_MAX && variants.renderings[variants.current] == rendering) continue;
                size_t known = 0;
                while (known < variants.renderings.size() && variants.renderings[known] != rendering) ++known;
                if (known < variants.renderings.size()) {
                    out << record.name << '@' << known + 1 << '\n';
                } else {
                    out << record.name << ' ' << rendering << '\n';
                    variants.renderings.push_back(std::move(rendering));
                }
                variants.current = known;
            }
        });
        bool any = false;
        for (const SymbolVersion& symbol : file.symbols) {
            if (symbol.hasCrc) continue;
            if (!any) out << "/* " << file.module << ": " << kNoDwarfSection << " */\n";
            any = true;
            out << symbol.name() << '\n';
        }
        any = false;
        for (const SymbolVersion& symbol : file.symbols) {
            if (symbol.info.exportType.empty() && symbol.info.nameSpace.empty()) continue;
            if (!any) out << "/* " << file.module << ": " << kExportsSection << " */\n";
            any = true;
            out << symbol.name() << ' ' << (symbol.info.exportType.empty() ? "-" : symbol.info.exportType);
            if (!symbol.info.nameSpace.empty()) out << ' ' << symbol.info.nameSpace;
            out << '\n';
        }
    }
}

}  // namespace kabiscope
