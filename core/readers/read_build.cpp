#include "readers/read_build.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/error.h"
#include "elf/elf_file.h"
#include "readers/genksyms_reader.h"
#include "readers/genksyms_symtypes.h"
#include "readers/module_symvers_reader.h"
#include "readers/reference_reader.h"
#include "readers/rhel_stablelist.h"
#include "readers/symtypes_reader.h"
#include "version/build_loader.h"

namespace kabiscope {

namespace {

// gendwarfksyms' symtypes: "s#foo structure_type foo { ... }", "t#u32 typedef ...", or a
// symbol's line "foo subprogram ( ... )"; genksyms' "s#foo struct foo { ... }", or a
// consolidated file's "/* fs/foo.symtypes */".
std::optional<BuildInput> symtypesKind(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        if (line.size() > 3 && line[1] == '#' && std::string("stueE").find(line[0]) != std::string::npos)
            return isGenksymsSymtypesLine(line) ? BuildInput::GenksymsSymtypes : BuildInput::Symtypes;
        if (line.substr(0, 2) == "/*") return BuildInput::GenksymsSymtypes;
        const size_t space = line.find(' ');
        if (space == std::string::npos || space == 0) return std::nullopt;
        const std::string kind = line.substr(space + 1, line.find(' ', space + 1) - space - 1);
        for (const char* known : {"subprogram", "variable", "base_type", "pointer_type", "array_type", "const_type",
                                  "volatile_type", "structure_type", "union_type", "enumeration_type", "typedef",
                                  "subroutine_type", "restrict_type"})
            if (kind == known) return BuildInput::Symtypes;
        // genksyms' line for an exported symbol declares it by name: "foo int foo ( void )".
        std::istringstream tokens(line.substr(space + 1));
        for (std::string token; tokens >> token;)
            if (token == line.substr(0, space)) return BuildInput::GenksymsSymtypes;
        return std::nullopt;
    }
    return std::nullopt;
}

// A symtypes file as a build of one file; a symbol list keeps only the symbols it names.
Build readSymtypesBuild(const std::string& path, BuildInput kind, const VersionOptions& options) {
    if (options.progress) options.progress("reading " + path, 0, 1);
    Build build;
    build.path = path;
    BuildFile& file = build.files.emplace_back(kind == BuildInput::GenksymsSymtypes ? readGenksymsFile(path)
                                               : kind == BuildInput::GenksymsTree   ? readGenksymsTree(path)
                                                                                    : readSymtypesFile(path));
    if (options.exports)
        std::erase_if(file.symbols, [&](const SymbolVersion& s) { return !options.exports->contains(s.name()); });
    build.index();
    if (options.progress) options.progress("reading " + path, 1, 1);
    return build;
}

}  // namespace

BuildInput detectBuildInput(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status)) {
        if (stablelistArchDirectory(path)) return BuildInput::Stablelist;
        for (const std::string& file : symtypesFilesIn(path))
            if (std::filesystem::file_size(file, ec) > 0 && !ec)
                return symtypesKind(file) == BuildInput::GenksymsSymtypes ? BuildInput::GenksymsTree : BuildInput::Directory;
        return BuildInput::Directory;
    }
    if (!std::filesystem::is_regular_file(status) || looksLikeElfFile(path)) return BuildInput::Dwarf;
    if (looksLikeModuleSymvers(path)) return BuildInput::ModuleSymvers;
    if (looksLikeReference(path)) return BuildInput::Reference;
    if (const auto kind = symtypesKind(path)) return *kind;
    return BuildInput::Dwarf;
}

Build readBuild(const std::string& path, const VersionOptions& options) {
    const BuildInput kind = detectBuildInput(path);
    if (options.kabiRules && kind != BuildInput::Dwarf && kind != BuildInput::Directory)
        fail(path, "kABI rules (--kabi-rules) change how DWARF is versioned; this input holds CRCs or renderings "
                   "already made (give the objects instead)");
    switch (kind) {
    case BuildInput::ModuleSymvers: {
        Build build = readModuleSymversBuild(path, options.exports ? &*options.exports : nullptr);
        if (options.progress) options.progress("reading " + path, 1, 1);
        return build;
    }
    case BuildInput::Stablelist: {
        Build build = readStablelistBuild(*stablelistArchDirectory(path), options.exports ? &*options.exports : nullptr);
        if (options.progress) options.progress("reading " + path, 1, 1);
        return build;
    }
    case BuildInput::Symtypes:
    case BuildInput::GenksymsSymtypes:
    case BuildInput::GenksymsTree: return readSymtypesBuild(path, kind, options);
    case BuildInput::Reference: {
        if (options.progress) options.progress("reading " + path, 0, 1);
        Build build = readReferenceBuild(path);
        if (options.exports) {
            for (BuildFile& file : build.files)
                std::erase_if(file.symbols, [&](const SymbolVersion& s) { return !options.exports->contains(s.name()); });
            build.index();
        }
        if (options.progress) options.progress("reading " + path, 1, 1);
        return build;
    }
    case BuildInput::Dwarf:
    case BuildInput::Directory: break;
    }
    return loadBuild(path, options);
}

std::pair<Build, Build> readBuildPair(const std::string& oldPath, const std::string& newPath, const VersionOptions& options) {
    auto isDwarf = [](const std::string& path) {
        const BuildInput kind = detectBuildInput(path);
        return kind == BuildInput::Dwarf || kind == BuildInput::Directory;
    };
    if (isDwarf(oldPath) && isDwarf(newPath)) return loadBuildPair(oldPath, newPath, options);
    Build oldBuild = readBuild(oldPath, options);
    Build newBuild = readBuild(newPath, options);
    return {std::move(oldBuild), std::move(newBuild)};
}

std::vector<std::string> exportNamesIn(const std::string& path, const VersionOptions& options) {
    const BuildInput kind = detectBuildInput(path);
    if (kind == BuildInput::Symtypes || kind == BuildInput::GenksymsSymtypes || kind == BuildInput::GenksymsTree) {
        const Build build = readSymtypesBuild(path, kind, {});  // named: a range-for would not keep a temporary alive
        std::vector<std::string> names;
        for (const SymbolVersion& symbol : build.files.front().symbols) names.push_back(symbol.name());
        return names;
    }
    if (kind == BuildInput::Reference) {
        const Build build = readReferenceBuild(path);  // named: a range-for would not keep a temporary alive
        std::vector<std::string> names;
        for (const auto& [name, ref] : build.symbols) names.push_back(name);
        return names;
    }
    if (kind != BuildInput::ModuleSymvers && kind != BuildInput::Stablelist) return exportNamesOf(path, options);
    const Build build = kind == BuildInput::Stablelist ? readStablelistBuild(*stablelistArchDirectory(path))
                                                       : readModuleSymversBuild(path);  // named, as above
    std::vector<std::string> names;
    for (const auto& [name, ref] : build.symbols) names.push_back(name);
    return names;
}

}  // namespace kabiscope
