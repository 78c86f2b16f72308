#include "readers/reference_reader.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "base/error.h"
#include "model/type_table.h"
#include "output/reference_writer.h"
#include "readers/rendering_parser.h"
#include "readers/symtypes_reader.h"

namespace kabiscope {

namespace {

// Per type name: every rendering the file gave it, and the one in use at this point.
struct Variants {
    std::vector<Record> records;
    size_t current = SIZE_MAX;
};

struct Section {
    BuildFile* file = nullptr;
    VersionScope* scope = nullptr;  // null in the sections of exports without DWARF, of export types
    bool noDwarf = false;
    bool exportTypes = false;
    std::vector<Record> symbols;
    std::string where;  // its header line, for errors
};

// Gives the section's scope every type its symbols reach (the section's own, else the one in
// use), then the symbols themselves.
void closeSection(Section& section, std::unordered_map<std::string, Variants>& types) {
    if (!section.scope) {
        section = Section();
        return;
    }
    VersionScope& scope = *section.scope;
    std::vector<const Record*> pending;
    for (const Record& symbol : section.symbols) pending.push_back(&symbol);
    std::unordered_map<std::string, bool> walked;  // type names whose record was followed
    while (!pending.empty()) {
        const Record* record = pending.back();
        pending.pop_back();
        for (const Record::Reference& reference : record->references) {
            if (!walked.emplace(reference.name, true).second) continue;
            if (auto own = scope.types.find(reference.name); own != scope.types.end()) {  // the section's own line
                pending.push_back(&scope.overrides.record(own->second.index()));
                continue;
            }
            auto it = types.find(reference.name);
            if (it == types.end() || it->second.current == SIZE_MAX)
                fail(section.where, "its symbols refer to ", reference.name, ", which no section defines");
            const Record& type = it->second.records[it->second.current];
            const RecordId id = scope.overrides.offer(type);
            scope.types.emplace(reference.name, TypeTarget::record(id));
            pending.push_back(&scope.overrides.record(id));
        }
    }
    BuildFile& file = *section.file;
    for (Record& record : section.symbols) {
        SymbolVersion symbol;
        symbol.info.name = record.name;
        symbol.hasCrc = true;
        symbol.scope = uint32_t(file.scopes.size() - 1);
        symbol.target = TypeTarget::record(scope.overrides.offer(std::move(record)));
        file.symbols.push_back(std::move(symbol));
    }
    section = Section();
}

// Reads every record of one scope back into type nodes (readers/rendering_parser.h), so the
// reference is diffed and explored member by member like the DWARF it was written from. Each
// scope has its own nodes, records it inherits included: a reference inside one resolves in
// the scope that reads it. A record outside the grammar stays a record (its CRC stays exact).
void readScopeIntoNodes(BuildFile& file, uint32_t index) {
    VersionScope& scope = *file.scopes[index];
    scope.firstNode = NodeId(file.graph.size());
    ReferenceStubs stubs(file.graph);
    bool allNodes = true;
    auto toNode = [&](const std::string& name, TypeTarget& target) {
        if (!target.isRecord()) return;
        const NodeId root = parseRendering(file.graph, stubs, name, scope.overrides.record(target.index()).rendering());
        if (root == kNoNode)
            allNodes = false;
        else
            target = TypeTarget::node(root);
    };
    std::vector<std::string> names;  // in name order: the same nodes on every run
    names.reserve(scope.types.size());
    for (const auto& [name, target] : scope.types) names.push_back(name);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) toNode(name, scope.types.at(name));
    for (SymbolVersion& symbol : file.symbols)
        if (symbol.scope == index) toNode(symbol.name(), symbol.target);
    scope.namedTargets = stubs.targetsIn(scope);
    if (allNodes) scope.overrides = TypeTable();  // nothing refers to the text records any more
}

}  // namespace

// Any format version's first line starts so: a later version is recognised, and refused by name.
constexpr std::string_view kHeaderPrefix = "# kabiscope reference ";

bool looksLikeReference(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    return std::getline(in, line) && line.rfind(kHeaderPrefix, 0) == 0;
}

Build readReferenceBuild(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    Build build;
    build.path = path;
    std::map<std::string, BuildFile*> fileOf;  // module -> its build file
    std::map<BuildFile*, std::unordered_map<std::string, std::pair<std::string, std::string>>> exportsOf;
    std::unordered_map<std::string, Variants> types;
    Section section;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string where = path + ":" + std::to_string(number);
        if (number == 1) {
            if (line.rfind(kHeaderPrefix, 0) != 0) fail(where, "not a kabiscope reference (no '", kReferenceHeader, "' line)");
            if (line != kReferenceHeader) fail(where, "a reference of another format version: ", line);
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("/* ", 0) == 0) {
            const size_t colon = line.find(": ");
            if (colon == std::string::npos || line.size() < 6 || line.compare(line.size() - 3, 3, " */") != 0)
                fail(where, "expected a section header '/* <module>: <scope> */'");
            closeSection(section, types);
            const std::string module = line.substr(3, colon - 3);
            BuildFile*& file = fileOf[module];
            if (!file) {
                build.files.emplace_back();
                file = &build.files.back();
                file->path = path;
                file->module = module;
            }
            const std::string label = line.substr(colon + 2, line.size() - 3 - colon - 2);
            section.file = file;
            section.where = where;
            section.noDwarf = label == kNoDwarfSection;
            section.exportTypes = label == kExportsSection;
            if (!section.noDwarf && !section.exportTypes) {
                file->scopes.push_back(std::make_unique<VersionScope>());
                file->scopes.back()->label = label;
                section.scope = file->scopes.back().get();
            }
            continue;
        }
        if (section.noDwarf) {  // a name alone: exported, no DWARF describes it (CRC 0)
            if (line.find(' ') != std::string::npos) fail(where, "expected an export's name alone in the section '", kNoDwarfSection, "'");
            SymbolVersion symbol;
            symbol.info.name = line;
            section.file->symbols.push_back(std::move(symbol));
            continue;
        }
        if (section.exportTypes) {  // "<name> <export type>[ <namespace>]", applied once all is read
            std::istringstream words(line);
            std::string name, type, nameSpace, extra;
            if (!(words >> name >> type) || (words >> nameSpace && words >> extra))
                fail(where, "expected '<name> <export type> [<namespace>]'");
            exportsOf[section.file][name] = {type == "-" ? std::string() : type, nameSpace};
            continue;
        }
        if (!section.scope) fail(where, "a line before the first section header");
        const size_t end = symtypesNameEnd(line);
        if (end == std::string::npos) {  // "s#name@N": the name's N-th rendering again
            const size_t at = line.rfind('@');
            const std::string name = at == std::string::npos ? line : line.substr(0, at);
            const std::string digits = at == std::string::npos ? "" : line.substr(at + 1);
            if (!isReferenceName(name) || digits.empty() || digits.size() > 9 ||
                digits.find_first_not_of("0123456789") != std::string::npos)
                fail(where, "expected '<name> <rendering>' or '<type>@<number>'");
            const size_t pick = std::stoul(digits);
            auto it = types.find(name);
            if (it == types.end() || pick == 0 || pick > it->second.records.size())
                fail(where, name, " has no rendering ", pick, " before this line");
            it->second.current = pick - 1;
            continue;
        }
        if (end == 0 || end + 1 >= line.size() || line[end] != ' ') fail(where, "expected '<name> <rendering>'");
        std::string name = line.substr(0, end);
        Record record = parseTypeString(where, name, std::string_view(line).substr(end + 1));
        if (isReferenceName(name)) {
            Variants& variants = types[name];
            variants.records.push_back(record);
            variants.current = variants.records.size() - 1;
            const RecordId id = section.scope->overrides.offer(std::move(record));
            section.scope->types[name] = TypeTarget::record(id);
        } else {
            section.symbols.push_back(std::move(record));
        }
    }
    if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
    if (number == 0) fail(path, "empty file: not a kabiscope reference");
    closeSection(section, types);
    for (BuildFile& file : build.files) {
        for (uint32_t s = 0; s < file.scopes.size(); ++s) readScopeIntoNodes(file, s);
        computeRecordCrcs(file, path);
        const auto& exports = exportsOf[&file];
        for (SymbolVersion& symbol : file.symbols)
            if (auto it = exports.find(symbol.name()); it != exports.end()) {
                symbol.info.exportType = it->second.first;
                symbol.info.nameSpace = it->second.second;
            }
    }
    build.index();
    return build;
}

}  // namespace kabiscope
