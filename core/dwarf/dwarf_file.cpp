#include "dwarf/dwarf_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dwarf.h>
#include <elfutils/libdwelf.h>

#include "base/error.h"
#include "base/unique_fd.h"
#include "dwarf/debug_file_lookup.h"
#include "elf/decompress.h"
#include "elf/elf_handle.h"

namespace kabiscope {

namespace {

std::string hex(const unsigned char* bits, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < size; ++i) {
        out += digits[bits[i] >> 4];
        out += digits[bits[i] & 15];
    }
    return out;
}

// The build-id of the ELF file at `path`, empty when it has none or cannot be read.
std::string buildIdOfFile(const std::string& path) {
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return {};
    const ElfHandle elf(elf_begin(fd.get(), ELF_C_READ_MMAP, nullptr));
    if (!elf) return {};
    const void* bits = nullptr;
    const ssize_t size = dwelf_elf_gnu_build_id(elf.get(), &bits);
    return size > 0 ? hex(static_cast<const unsigned char*>(bits), size_t(size)) : std::string();
}

// Where `dwarf`'s .debug_info lies in its file's mapping, when its pages there are the file's
// own bytes and never written: an mmapped file of type other than ET_REL (libdwfl relocates
// those in place) whose section libelf hands out uncompressed and unconverted. Null otherwise.
const char* mappedDebugInfo(Dwarf* dwarf, size_t& size) {
    Elf* elf = dwarf_getelf(dwarf);
    GElf_Ehdr header;
    if (!elf || !gelf_getehdr(elf, &header) || header.e_type == ET_REL) return nullptr;
    size_t rawSize = 0;
    const char* raw = elf_rawfile(elf, &rawSize);
    size_t names = 0;
    if (!raw || elf_getshdrstrndx(elf, &names) != 0) return nullptr;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr) || (shdr.sh_flags & SHF_COMPRESSED)) continue;
        const char* name = elf_strptr(elf, names, shdr.sh_name);
        if (!name || std::strcmp(name, ".debug_info") != 0) continue;
        Elf_Data* data = elf_rawdata(scn, nullptr);
        if (!data || !data->d_buf) return nullptr;
        const char* bytes = static_cast<const char*>(data->d_buf);
        const bool inMapping = bytes == raw + shdr.sh_offset && shdr.sh_offset + data->d_size <= rawSize;
        size = data->d_size;
        return inMapping ? bytes : nullptr;
    }
    return nullptr;
}

// The path rule of dwarf/debug_file_lookup.h, for the object's own debug file; -1 when none fits.
int findByPath(Dwfl_Module* module, DebugFileSearch* search, char** found) {
    const unsigned char* bits = nullptr;
    GElf_Addr vaddr = 0;
    const int size = dwfl_module_build_id(module, &bits, &vaddr);
    search->buildId = size > 0 ? hex(bits, size_t(size)) : std::string();
    if (search->buildId.empty()) return -1;  // nothing to check a candidate against: no guessing
    for (const std::string& candidate : debugFileCandidates(search->objectPath, search->roots)) {
        struct stat st {};
        if (::stat(candidate.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        const std::string id = buildIdOfFile(candidate);
        if (search->buildId.empty() || id != search->buildId) {
            search->mismatched = candidate;
            search->mismatchedId = id;
            continue;
        }
        const int debug = ::open(candidate.c_str(), O_RDONLY | O_CLOEXEC);
        if (debug < 0) continue;
        *found = ::strdup(candidate.c_str());
        search->used = candidate;
        return debug;
    }
    return -1;
}

// libdwfl's lookup (build-id, debuglink) under the roots, then the path rule for what it does
// not find. Only for the object itself: libdwfl asks again for a dwz alt file, with the debug
// file's name, which the path rule knows nothing of. A C callback: nothing may escape it.
int findDebugFile(Dwfl_Module* module, void** userdata, const char* name, Dwarf_Addr base, const char* file,
                  const char* debuglink, GElf_Word crc, char** found) noexcept {
    const int fd = dwfl_standard_find_debuginfo(module, userdata, name, base, file, debuglink, crc, found);
    if (fd >= 0) return fd;
    auto* search = static_cast<DebugFileSearch*>(*userdata);
    if (!search || !file || search->objectPath != file) return -1;
    try {
        return findByPath(module, search, found);
    } catch (...) {  // out of memory while building paths
        return -1;
    }
}

std::string lastDwarfError() {
    const char* message = dwarf_errmsg(-1);
    return message ? message : "unknown libdw error";
}

// libdwfl's message for `code` (-1: its last error). It has none when no error was recorded,
// which a corrupt file can cause (found by object_versions_fuzzer): never a null string.
std::string dwflError(int code = -1) {
    const char* message = dwfl_errmsg(code);
    return message ? message : "unknown libdwfl error";
}

// A compressed object (an installed .ko.zst; libdwfl itself reads only xz and gzip) as an
// anonymous in-memory file holding its decompressed image, or -1 when it is not compressed.
int decompressedDescriptor(const std::string& path) {
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return -1;  // libdwfl reports the error
    char head[8] = {};
    const ssize_t got = ::pread(fd.get(), head, sizeof head, 0);
    const Compression compression = detectCompression(std::string_view(head, got > 0 ? size_t(got) : 0));
    struct stat st {};
    if (compression == Compression::None || ::fstat(fd.get(), &st) != 0) return -1;
    std::string packed(size_t(st.st_size), '\0');
    for (size_t done = 0; done < packed.size();) {
        const ssize_t n = ::pread(fd.get(), packed.data() + done, packed.size() - done, off_t(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail(path, n < 0 ? errnoMessage(errno) : "file shrank while being read");
        done += size_t(n);
    }
    const std::string image = decompress(path, packed, compression);
    UniqueFd memory(::memfd_create("kabiscope-image", MFD_CLOEXEC));
    if (!memory.valid()) fail(path, "cannot hold the decompressed image: ", errnoMessage(errno));
    for (size_t done = 0; done < image.size();) {
        const ssize_t n = ::write(memory.get(), image.data() + done, image.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail(path, "cannot hold the decompressed image: ", errnoMessage(errno));
        done += size_t(n);
    }
    return memory.release();  // libdwfl takes it
}

}  // namespace

void DwarfFile::failWithDwarfError(const std::string& what) const { fail(path_, what, ": ", lastDwarfError()); }

DwarfFile::DwarfFile(std::string path, std::vector<std::string> debugRoots) : path_(std::move(path)) {
    search_.objectPath = path_;
    search_.roots = debugRoots.empty() ? std::vector<std::string>{kDefaultDebugRoot} : std::move(debugRoots);
    debuginfoPath_ = dwflDebuginfoPath(search_.roots);
    debuginfoPathPointer_ = debuginfoPath_.data();
    callbacks_.find_elf = dwfl_build_id_find_elf;
    callbacks_.find_debuginfo = findDebugFile;
    callbacks_.section_address = dwfl_offline_section_address;
    callbacks_.debuginfo_path = &debuginfoPathPointer_;
    session_.reset(dwfl_begin(&callbacks_));
    if (!session_) fail(path_, "cannot start libdwfl: ", dwflError());

    // libdwfl owns the descriptor once the module is reported.
    const int image = decompressedDescriptor(path_);
    Dwfl_Module* module = dwfl_report_offline(session_.get(), path_.c_str(), path_.c_str(), image);
    if (!module) fail(path_, "cannot read DWARF: ", dwflError());
    if (dwfl_report_end(session_.get(), nullptr, nullptr) != 0) fail(path_, "cannot read DWARF: ", dwflError());
    void** userdata = nullptr;
    dwfl_module_info(module, &userdata, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
    if (userdata) *userdata = &search_;

    Dwarf_Addr bias = 0;
    dwarf_ = dwfl_module_getdwarf(module, &bias);
    if (!dwarf_) {
        const int code = dwfl_errno();
        if (code == 0) failWithoutDwarf();  // libdwfl found nothing, and recorded no error
        const std::string message = dwflError(code);
        if (message.find("No DWARF") != std::string::npos || message.find("no debugging") != std::string::npos)
            failWithoutDwarf();
        if (message.find("compression type") != std::string::npos)  // zstd before elfutils 0.189
            fail(path_, "cannot read DWARF: its debug sections are compressed in a way this libdw (elfutils ",
                 dwfl_version(nullptr), ") cannot read, such as zstd: run objcopy --decompress-debug-sections on it first");
        fail(path_, "cannot read DWARF: ", message);
    }

    failIfAlternateMissing();

    Dwarf_CU* cu = nullptr;
    Dwarf_Die cuDie;
    Dwarf_Half version = 0;
    uint8_t unitType = 0;
    int status;
    while ((status = dwarf_get_units(dwarf_, cu, &cu, &version, &unitType, &cuDie, nullptr)) == 0) {
        if (version < 2 || version > 5) fail(path_, "unsupported DWARF version ", version);
        // gendwarfksyms versions from every unit dwarf_get_units returns, but a split unit's
        // types are elsewhere: refused, not versioned as if it had none (every CRC would be 0).
        failIfSplit(cuDie, unitType);
        units_.push_back(cuDie);
    }
    if (status < 0) failWithDwarfError("corrupt DWARF: cannot read compilation units");
    if (units_.empty()) failWithoutDwarf();
    infoMapped_ = mappedDebugInfo(dwarf_, infoSize_);
}

void DwarfFile::releaseUnit(size_t index) const {
    if (!infoMapped_ || index >= units_.size()) return;
    auto offsetOf = [&](size_t unit) {
        Dwarf_Die die = units_[unit];
        return size_t(dwarf_dieoffset(&die));
    };
    static const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
    const uintptr_t base = reinterpret_cast<uintptr_t>(infoMapped_);
    const uintptr_t from = (base + offsetOf(index) + page - 1) & ~(page - 1);
    const uintptr_t to = (base + (index + 1 < units_.size() ? offsetOf(index + 1) : infoSize_)) & ~(page - 1);
    if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);  // NOLINT(performance-no-int-to-ptr): page rounding of an address in the mapping
}

void DwarfFile::failIfAlternateMissing() const {
    const char* name = nullptr;
    const void* buildId = nullptr;
    if (dwelf_dwarf_gnu_debugaltlink(dwarf_, &name, &buildId) <= 0 || dwarf_getalt(dwarf_)) return;
    fail(path_, "its types are partly in the dwz file ", name ? name : "(unnamed)",
         " (.gnu_debugaltlink), which was not found: put it there, or install the package that has it");
}

void DwarfFile::failIfSplit(Dwarf_Die& unit, uint8_t unitType) const {
    Dwarf_Attribute attribute;
    const bool named = dwarf_attr(&unit, DW_AT_dwo_name, &attribute) || dwarf_attr(&unit, DW_AT_GNU_dwo_name, &attribute);
    if (unitType == DW_UT_split_compile || unitType == DW_UT_split_type)
        fail(path_, kDwoRefusal);
    if (unitType != DW_UT_skeleton && !named) return;
    const char* dwo = named ? dwarf_formstring(&attribute) : nullptr;
    fail(path_, "split DWARF (-gsplit-dwarf): its types are in ", dwo ? dwo : "a .dwo file",
         ", which kabiscope does not read (nor does gendwarfksyms); rebuild without -gsplit-dwarf");
}

void DwarfFile::failWithoutDwarf() const {
    std::string roots;
    for (const std::string& root : search_.roots) roots += (roots.empty() ? "" : ", ") + root;
    if (!search_.mismatched.empty())
        fail(path_, "no DWARF debugging information, and the debug file ", search_.mismatched, " is of another build (build-id ",
             search_.mismatchedId.empty() ? "none" : search_.mismatchedId, ", this file's ",
             search_.buildId.empty() ? "none" : search_.buildId, ")");
    if (!search_.buildId.empty())
        fail(path_, "no DWARF debugging information, and no debug file for build-id ", search_.buildId, " under ", roots,
             " (install its -dbg package, or give its directory with --debug-root)");
    fail(path_, "no DWARF debugging information (build with -g)");
}

}  // namespace kabiscope
