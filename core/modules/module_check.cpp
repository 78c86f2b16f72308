#include "modules/module_check.h"

#include <algorithm>
#include <sstream>
#include <thread>

#include "base/error.h"
#include "base/parallel_work.h"
#include "base/threads.h"
#include "elf/elf_file.h"


namespace kabiscope {

const char* importProblemName(ImportProblem kind) {
    switch (kind) {
    case ImportProblem::CrcMismatch: return "crc_mismatch";
    case ImportProblem::MissingSymbol: return "missing_symbol";
    case ImportProblem::NoVersions: return "no_versions";
    case ImportProblem::BadTables: return "bad_version_tables";
    case ImportProblem::Vermagic: return "vermagic";
    case ImportProblem::MissingCrc: return "missing_crc";
    case ImportProblem::ExporterNoCrc: return "exporter_without_crc";
    case ImportProblem::ExtendedOnly: return "extended_only";
    }
    return "unknown";
}

namespace {

// vermagic after its first word: same_magic() ignores the release when CRCs are checked.
std::string afterRelease(const std::string& vermagic) {
    const size_t space = vermagic.find(' ');
    return space == std::string::npos ? std::string() : vermagic.substr(space + 1);
}

std::string hex(uint64_t value) {
    std::ostringstream out;
    out << "0x" << std::hex;
    out.width(8);
    out.fill('0');
    out << value;
    return out.str();
}

}  // namespace

ModuleVerdict checkModule(ModuleImports module, const KernelExports& kernel, const ModuleCheckOptions& options) {
    ModuleVerdict verdict;
    verdict.module = std::move(module);
    const ModuleImports& m = verdict.module;
    auto problem = [&](ModuleProblem p) {
        verdict.loads = false;
        verdict.problems.push_back(std::move(p));
    };

    if (!m.tableProblem.empty()) problem({"", ImportProblem::BadTables, {}, {}, {}, m.tableProblem});
    if (m.table == VersionTable::None && !m.undefined.empty())
        problem({"", ImportProblem::NoVersions, {}, {}, {}, "no __versions table: a kernel with modversions refuses it unless forced (modprobe --force-modversion)"});
    if (options.checkVermagic && !kernel.vermagic().empty() && !m.vermagic.empty()) {
        const bool withCrcs = m.table != VersionTable::None;
        const bool same = withCrcs ? afterRelease(m.vermagic) == afterRelease(kernel.vermagic()) : m.vermagic == kernel.vermagic();
        if (!same) problem({"", ImportProblem::Vermagic, {}, {}, {}, "vermagic '" + m.vermagic + "' is not the kernel's '" + kernel.vermagic() + "'"});
    }
    for (const std::string& name : m.onlyInExtended)
        verdict.warnings.push_back({name, ImportProblem::ExtendedOnly, m.crcs.at(name), {}, {}, "only in the extended version table (a name too long for __versions)"});

    // The loader checks module_layout (check_modstruct_version) as an import of every module,
    // whether the module refers to it or not: its CRC guards struct module itself.
    std::vector<std::string> imports = m.undefined;
    if (kernel.find("module_layout") && !m.weak.count("module_layout")) imports.insert(imports.begin(), "module_layout");
    for (const std::string& name : imports) {
        ++verdict.checked;
        const KernelExport* exporter = kernel.find(name);
        auto own = m.crcs.find(name);
        const std::optional<uint64_t> moduleCrc = own == m.crcs.end() ? std::nullopt : std::optional<uint64_t>(own->second);
        if (!exporter) {
            if (m.weak.count(name) && m.weak.at(name)) continue;  // a weak reference may stay unresolved
            problem({name, ImportProblem::MissingSymbol, moduleCrc, {}, {}, "no exporter in the kernel"});
            continue;
        }
        if (!exporter->crc) {
            verdict.warnings.push_back({name, ImportProblem::ExporterNoCrc, moduleCrc, {}, exporter->module, "exported by " + exporter->module + " without a CRC: accepted as it is"});
            continue;
        }
        if (m.table == VersionTable::None) continue;  // reported once, as no_versions
        if (!moduleCrc) {
            ModuleProblem p{name, ImportProblem::MissingCrc, {}, exporter->crc, exporter->module, std::string("not in the module's ") + versionTableName(m.table) + " table"};
            if (options.strictMissing) {
                p.detail += ": refused (a missing CRC fails the load, as Debian's kernels have it)";
                problem(std::move(p));
            } else {
                p.detail += ": accepted with a warning";
                verdict.warnings.push_back(std::move(p));
            }
            continue;
        }
        if (*moduleCrc != *exporter->crc)
            problem({name, ImportProblem::CrcMismatch, moduleCrc, exporter->crc, exporter->module,
                     "module expects " + hex(*moduleCrc) + ", " + exporter->module + " exports " + hex(*exporter->crc)});
    }
    return verdict;
}

std::vector<ModuleFileOutcome> checkModuleFiles(const std::vector<std::string>& files, const KernelExports& kernel,
                                                const ModuleCheckOptions& options, std::atomic<size_t>* done) {
    std::vector<ModuleFileOutcome> out(files.size());
    std::atomic<size_t> next{0};
    auto work = [&](unsigned) {
        for (size_t i; (i = next++) < files.size();) {
            try {
                const ElfFile file(files[i]);
                out[i].verdict = checkModule(readModuleImports(file), kernel, options);
            } catch (const Error& e) {
                out[i].error = e.what();
            } catch (const std::bad_alloc&) {
                out[i].error = files[i] + ": out of memory";
            }
            if (done) ++*done;
        }
    };
    const unsigned threads = std::min<unsigned>(defaultThreads(), unsigned(std::max<size_t>(1, files.size())));
    runOnWorkers(threads, work);
    return out;
}

}  // namespace kabiscope
