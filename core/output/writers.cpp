#include "output/writers.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "elf/decompress.h"

namespace kabiscope {

std::string formatCrc(uint32_t crc) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08x", crc);
    return buffer;
}

void writeSymverLine(const SymbolVersion& symbol, std::ostream& out) {
    out << "#SYMVER " << symbol.name() << ' ' << formatCrc(symbol.crc) << '\n';
}

void writeSymverLines(const BuildFile& build, std::ostream& out) {
    for (const auto& symbol : build.symbols) writeSymverLine(symbol, out);
}

std::string moduleNameFor(const std::string& path) {
    std::string base(withoutCompressionSuffix(path));  // an installed module, x.ko.xz
    bool object = false;
    for (std::string_view suffix : {".ko", ".o"}) {
        if (base.size() > suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
            base.resize(base.size() - suffix.size());
            object = true;
            break;
        }
    }
    if (object) {
        // An installed module, lib/modules/<release>/kernel/<dir>/<name>: Module.symvers names it
        // by its place in the build tree, <dir>/<name>.
        for (size_t at = base.find("lib/modules/"); at != std::string::npos; at = base.find("lib/modules/", at + 1)) {
            if (at != 0 && base[at - 1] != '/') continue;
            const size_t release = at + std::string_view("lib/modules/").size();
            const size_t slash = base.find('/', release);
            if (slash == std::string::npos || base.compare(slash + 1, 7, "kernel/") != 0) continue;
            return base.substr(slash + 8);
        }
        // A relative path is taken as relative to the build tree (kbuild's own names, e.g.
        // "drivers/net/tun"); an absolute one says nothing of the tree: its file name only.
        if (!base.empty() && base[0] == '/') return base.substr(base.find_last_of('/') + 1);
        return base;
    }
    const auto slash = base.find_last_of('/');
    const std::string file = slash == std::string::npos ? base : base.substr(slash + 1);
    if (file.rfind("vmlinux", 0) == 0) return "vmlinux";
    return base;
}

void writeModuleSymversLine(const SymbolVersion& symbol, const std::string& module, std::ostream& out) {
    out << formatCrc(symbol.crc) << '\t' << symbol.name() << '\t' << module << '\t' << symbol.info.exportType << '\t'
        << symbol.info.nameSpace << '\n';
}

void forEachScopeRecords(const BuildFile& build, const std::function<void(size_t scope, std::vector<Record>& records)>& visit) {
    if (!build.typesKept) throw std::logic_error("forEachScopeRecords: the build was loaded without its types");
    std::vector<std::vector<const SymbolVersion*>> symbolsOf(build.scopes.size());
    for (const auto& symbol : build.symbols)
        if (symbol.hasCrc) symbolsOf[symbol.scope].push_back(&symbol);
    for (size_t s = 0; s < build.scopes.size(); ++s) {
        const VersionScope& scope = *build.scopes[s];
        std::vector<Record> entries;
        entries.reserve(scope.types.size() + symbolsOf[s].size());
        for (const auto& [name, target] : scope.types) {
            if (target.isRecord())
                entries.push_back(scope.overrides.record(target.index()));
            else
                entries.push_back(flattenNode(build.graph, target.index(), name));
        }
        for (const SymbolVersion* symbol : symbolsOf[s]) {
            if (symbol->target.isRecord()) {
                Record record = scope.overrides.record(symbol->target.index());
                record.name = symbol->name();
                entries.push_back(std::move(record));
            } else {
                entries.push_back(flattenNode(build.graph, symbol->target.index(), symbol->name()));
            }
        }
        std::sort(entries.begin(), entries.end(), [](const Record& a, const Record& b) { return a.name < b.name; });
        visit(s, entries);
    }
}

void writeSymtypes(const BuildFile& build, std::ostream& out) {
    if (!build.typesKept) throw std::logic_error("writeSymtypes: the build was loaded without its types");
    forEachScopeRecords(build, [&](size_t, std::vector<Record>& records) {
        for (const Record& record : records) out << record.name << ' ' << record.rendering() << '\n';
    });
}

void writeCrcInputs(const BuildFile& build, std::ostream& out) {
    for (const auto& scope : build.scopes)
        for (const auto& [name, input] : scope->crcInputs) out << name << ' ' << input << '\n';
}

}  // namespace kabiscope
