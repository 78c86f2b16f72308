#include "readers/symtypes_reader.h"

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "base/error.h"
#include "model/type_table.h"
#include "output/writers.h"
#include "readers/rendering_parser.h"
#include "version/crc_expander.h"

namespace kabiscope {

size_t symtypesNameEnd(const std::string& line) {
    if (line.size() > 3 && line[1] == '#' && line[2] == '\'') {
        const size_t close = line.find('\'', 3);
        return close == std::string::npos ? std::string::npos : close + 1;
    }
    return line.find(' ');
}

void computeRecordCrcs(BuildFile& file, const std::string& path) {
    // Symbols come in scope order (a scope is a run of lines): one expander per scope.
    CrcWorkspace workspace;
    std::unique_ptr<CrcExpander> expander;
    uint32_t current = UINT32_MAX;
    for (SymbolVersion& symbol : file.symbols) {
        if (!symbol.hasCrc) continue;  // named only: no DWARF describes it
        if (symbol.scope != current) {
            expander.reset();
            current = symbol.scope;
            workspace.reset(file.scopes[current]->firstNode);
            expander = std::make_unique<CrcExpander>(file.graph, *file.scopes[current], nullptr, path, workspace,
                                                     /*shareExpansions=*/true);
        }
        symbol.crc = expander->crc(symbol.target, symbol.name(), nullptr);
    }
    std::stable_sort(file.symbols.begin(), file.symbols.end(),
                     [](const SymbolVersion& a, const SymbolVersion& b) { return a.name() < b.name(); });
}

bool isGendwarfksymsRendering(std::string_view rendering) {
    const std::string_view word = rendering.substr(0, rendering.find(' '));
    return word == "subprogram" || word == "variable" || word.substr(0, 10) == "array_type" ||
           (word.size() > 5 && word.substr(word.size() - 5) == "_type");
}

BuildFile readSymtypesFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    BuildFile file;
    file.path = path;
    file.module = moduleNameFor(path);
    std::string line, previous;
    size_t number = 0;
    VersionScope* scope = nullptr;
    std::unique_ptr<ReferenceStubs> stubs;
    auto closeScope = [&] {
        if (scope) scope->namedTargets = stubs->targetsIn(*scope);
    };
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::string where = path + ":" + std::to_string(number);
        const size_t end = symtypesNameEnd(line);
        if (end == std::string::npos || end == 0 || end + 1 >= line.size() || line[end] != ' ')
            fail(where, "expected '<name> <rendering>'");
        std::string name = line.substr(0, end);
        if (!scope && !isGendwarfksymsRendering(std::string_view(line).substr(end + 1)))
            fail(where, "genksyms symtypes (C declarations), not gendwarfksyms': read it with readGenksymsBuild");
        if (!scope || name <= previous) {  // sorted within one object's file: a new object starts
            closeScope();
            file.scopes.push_back(std::make_unique<VersionScope>());
            scope = file.scopes.back().get();
            scope->label = file.scopes.size() == 1 ? path : path + " (part " + std::to_string(file.scopes.size()) + ")";
            scope->firstNode = NodeId(file.graph.size());
            stubs = std::make_unique<ReferenceStubs>(file.graph);
        }
        previous = name;
        const std::string_view rendering = std::string_view(line).substr(end + 1);
        TypeTarget target;
        if (const NodeId root = parseRendering(file.graph, *stubs, name, rendering); root != kNoNode)
            target = TypeTarget::node(root);
        else  // not gendwarfksyms' grammar (a hand-written type_string): kept as text
            target = TypeTarget::record(scope->overrides.offer(parseTypeString(where, name, rendering)));
        if (isReferenceName(name)) {
            scope->types.emplace(std::move(name), target);
        } else {
            SymbolVersion symbol;
            symbol.info.name = std::move(name);
            symbol.info.declarationKnown = false;  // symtypes holds types, not export macros
            symbol.hasCrc = true;
            symbol.scope = uint32_t(file.scopes.size() - 1);
            symbol.target = target;
            file.symbols.push_back(std::move(symbol));
        }
    }
    closeScope();
    if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
    if (file.symbols.empty()) fail(path, "no symbols in it: not a symtypes file");
    computeRecordCrcs(file, path);
    return file;
}

}  // namespace kabiscope
