#include "modules/kernel_exports.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "elf/decompress.h"
#include "elf/elf_file.h"
#include "exports/ksymtab_reader.h"
#include "modules/module_imports.h"
#include "output/writers.h"
#include "readers/rhel_stablelist.h"

namespace kabiscope {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isExportType(const std::string& field) { return field.rfind("EXPORT_", 0) == 0; }

std::optional<uint32_t> parseCrc(const std::string& field) {
    if (field.size() < 3 || field.size() > 10 || field[0] != '0' || (field[1] != 'x' && field[1] != 'X')) return std::nullopt;
    uint32_t value = 0;
    for (size_t i = 2; i < field.size(); ++i) {
        const char c = field[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                       : c >= 'A' && c <= 'F'   ? c - 'A' + 10
                                                                                : -1;
        if (digit < 0) return std::nullopt;
        value = value << 4 | uint32_t(digit);
    }
    return value;
}

}  // namespace

bool isModuleFileName(const std::string& name) {
    return endsWith(std::string(withoutCompressionSuffix(name)), ".ko");
}

std::optional<KernelExport> parseModuleSymversLine(const std::string& path, size_t lineNumber, const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) fields.push_back(field);
    if (fields.size() == 1) {  // not tab-separated: by whitespace
        fields.clear();
        std::istringstream words(line);
        while (words >> field) fields.push_back(field);
    }
    while (!fields.empty() && fields.back().empty() && fields.size() > 4) fields.pop_back();  // empty namespace
    if (fields.empty() || (fields.size() == 1 && fields[0].find_first_not_of(" \r") == std::string::npos)) return std::nullopt;
    auto bad = [&](const std::string& what) -> std::optional<KernelExport> {
        fail(path + ":" + std::to_string(lineNumber), what, " (expected: 0x<crc> <symbol> <module> <export type> [<namespace>])");
    };
    if (fields.size() < 3 || fields.size() > 5) return bad("expected 3 to 5 tab-separated fields, found " + std::to_string(fields.size()));
    for (auto& f : fields)
        if (!f.empty() && f.back() == '\r') f.pop_back();
    KernelExport e;
    e.source = path;
    const std::optional<uint32_t> crc = parseCrc(fields[0]);
    if (!crc) return bad("'" + fields[0] + "' is not a CRC");
    e.crc = crc;
    e.name = fields[1];
    if (e.name.empty()) return bad("empty symbol name");
    e.exportType = "EXPORT_SYMBOL";
    if (fields.size() == 3) {  // crc name module (very old)
        e.module = fields[2];
    } else if (fields.size() == 4) {  // crc name module type (before 5.3)
        e.module = fields[2];
        e.exportType = fields[3];
    } else if (isExportType(fields[3])) {  // crc name module type namespace (now)
        e.module = fields[2];
        e.exportType = fields[3];
        e.nameSpace = fields[4];
    } else if (isExportType(fields[4])) {  // crc name namespace module type (5.3 - 5.x)
        e.nameSpace = fields[2];
        e.module = fields[3];
        e.exportType = fields[4];
    } else {
        return bad("no EXPORT_* type in the 4th or 5th field");
    }
    if (!isExportType(e.exportType)) return bad("'" + e.exportType + "' is not an export type");
    return e;
}

void KernelExports::addExport(KernelExport e) {  // NOLINT(performance-unnecessary-value-param): a sink, callers move in and try_emplace moves on
    const std::string name = e.name;
    exports_.try_emplace(name, std::move(e));
}

const KernelExport* KernelExports::find(const std::string& name) const {
    auto it = exports_.find(name);
    return it == exports_.end() ? nullptr : &it->second;
}

size_t KernelExports::add(const std::string& path, const std::function<void(const std::string&)>& progress) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) fail(path, "no such file or directory");
    sources_.push_back(path);
    if (fs::is_directory(status)) {
        if (const std::optional<std::string> arch = stablelistArchDirectory(path)) {
            const size_t before = exports_.size();
            for (KernelExport& e : readStablelistDirectory(*arch)) addExport(std::move(e));
            return exports_.size() - before;
        }
        return addDirectory(path, progress);
    }
    if (looksLikeElfFile(path)) return addElf(path);
    return addModuleSymvers(path);
}

void forEachModuleSymversLine(const std::string& path, const std::function<void(KernelExport&&)>& visit) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    std::string line;
    size_t number = 0;
    bool parsedAny = false;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line[0] == '#') continue;  // RHEL stablelist headers (#0-, #I:0, #P:...)
        if (std::optional<KernelExport> e = parseModuleSymversLine(path, number, line)) {
            parsedAny = true;
            visit(std::move(*e));
        }
    }
    if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
    if (!parsedAny) fail(path, "no exports in it: not a Module.symvers");
}

size_t KernelExports::addModuleSymvers(const std::string& path) {
    const size_t before = exports_.size();
    forEachModuleSymversLine(path, [&](KernelExport&& e) { addExport(std::move(e)); });
    return exports_.size() - before;
}

size_t KernelExports::addElf(const std::string& path) {
    const ElfFile file(path);
    const bool isKernel = !file.isRelocatable();
    const std::string module = isKernel ? std::string("vmlinux") : moduleNameFor(path);  // as Module.symvers names it
    const size_t before = exports_.size();
    for (KsymtabEntry& entry : readKsymtab(file)) {
        KernelExport e;
        e.name = std::move(entry.name);
        e.crc = entry.crc;
        e.exportType = entry.gpl ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL";
        e.nameSpace = std::move(entry.nameSpace);
        e.module = module;
        e.source = path;
        addExport(std::move(e));
    }
    if (!isKernel && vermagic_.empty()) vermagic_ = readModuleImports(file).vermagic;
    return exports_.size() - before;
}

size_t KernelExports::addDirectory(const std::string& path, const std::function<void(const std::string&)>& progress) {
    std::vector<std::string> symvers, kernels, modules;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (name == "Module.symvers" || name.rfind("Module.kabi_", 0) == 0) symvers.push_back(it->path().string());
        else if (name == "vmlinux" || (name.rfind("vmlinux-", 0) == 0 && looksLikeElfFile(it->path().string()))) kernels.push_back(it->path().string());
        else if (isModuleFileName(name)) modules.push_back(it->path().string());
    }
    if (ec) fail(path, "cannot read directory: ", ec.message());
    for (auto* list : {&symvers, &kernels, &modules}) std::sort(list->begin(), list->end());
    if (symvers.empty() && kernels.empty() && modules.empty())
        fail(path, "no Module.symvers, vmlinux or kernel modules in this directory");
    const size_t before = exports_.size();
    for (const auto& file : symvers) addModuleSymvers(file);
    for (const auto& file : kernels) addElf(file);
    size_t done = 0;
    for (const auto& file : modules) {
        if (progress && ++done % 50 == 0) progress("reading the kernel's modules: " + std::to_string(done) + " of " + std::to_string(modules.size()));
        addElf(file);
    }
    return exports_.size() - before;
}

}  // namespace kabiscope
