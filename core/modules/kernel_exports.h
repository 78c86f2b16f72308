// KernelExports: the symbols a kernel offers modules, with the CRC each was exported with.
//
// Read from any of (docs/check-modules.md):
// - a Module.symvers, or a RHEL Module.kabi_<arch>, in every historic column order: `crc name
//   module type` (before 5.3), `crc name namespace module type` (5.3 - 5.x), `crc name module
//   type namespace` (now); the module column is told from the namespace by content;
// - a vmlinux or a .ko: the entries of its __ksymtab tables with their namespaces and CRCs,
//   with or without their __ksymtab_/__crc_ labels (exports/ksymtab_reader.h);
// - a RHEL kABI stablelist directory (kabi-module/kabi_<arch>/: readers/rhel_stablelist.h), its
//   still-stable entries: the exports a module may rely on across the release's updates;
// - a directory: a build tree or /lib/modules/<version>, searched for vmlinux, Module.symvers and
//   modules (.ko, .ko.xz, .ko.zst, .ko.gz).
// Several sources together are one kernel: a later source does not replace an earlier export.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kabiscope {

struct KernelExport {
    std::string name;
    std::optional<uint32_t> crc;  // none: exported without a CRC (the loader accepts any)
    std::string module;           // "vmlinux", "fs/ext4/ext4"
    std::string exportType;       // EXPORT_SYMBOL, EXPORT_SYMBOL_GPL
    std::string nameSpace;
    std::string source;  // the file it was read from
};

class KernelExports {
public:
    // Adds what `path` holds (file or directory, by content). Returns how many exports it added.
    size_t add(const std::string& path, const std::function<void(const std::string&)>& progress = {});

    const KernelExport* find(const std::string& name) const;
    size_t size() const { return exports_.size(); }
    // The kernel's vermagic when a source says it (a module of that kernel's, or vmlinux).
    const std::string& vermagic() const { return vermagic_; }
    const std::vector<std::string>& sources() const { return sources_; }

    void addExport(KernelExport e);  // first one of a name wins

private:
    size_t addModuleSymvers(const std::string& path);
    size_t addElf(const std::string& path);
    size_t addDirectory(const std::string& path, const std::function<void(const std::string&)>& progress);

    std::unordered_map<std::string, KernelExport> exports_;
    std::string vermagic_;
    std::vector<std::string> sources_;
};

// One Module.symvers line parsed: nullopt for a blank line, kabiscope::Error naming the file and
// line for a malformed one.
std::optional<KernelExport> parseModuleSymversLine(const std::string& path, size_t lineNumber, const std::string& line);

// Calls `visit` for each export line of the Module.symvers at `path` (RHEL stablelist `#`
// header lines and blank lines skipped). Errors name the file (and line); a file without a
// single export line is "not a Module.symvers".
void forEachModuleSymversLine(const std::string& path, const std::function<void(KernelExport&&)>& visit);

// True when `name` is a module file name: .ko, .ko.xz, .ko.zst, .ko.gz.
bool isModuleFileName(const std::string& name);

}  // namespace kabiscope
