#include "dwarf/dwarf_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dwarf.h>

#include "base/error.h"
#include "elf/decompress.h"

namespace kabiscope {

namespace {

const Dwfl_Callbacks kOfflineCallbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
    .debuginfo_path = nullptr,
};

std::string lastDwarfError() {
    const char* message = dwarf_errmsg(-1);
    return message ? message : "unknown libdw error";
}

// A compressed object (an installed .ko.zst; libdwfl itself reads only xz and gzip) as an
// anonymous in-memory file holding its decompressed image, or -1 when it is not compressed.
int decompressedDescriptor(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;  // libdwfl reports the error
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    char head[8] = {};
    const ssize_t got = ::pread(fd, head, sizeof head, 0);
    const Compression compression = detectCompression(std::string_view(head, got > 0 ? size_t(got) : 0));
    struct stat st {};
    if (compression == Compression::None || ::fstat(fd, &st) != 0) return -1;
    std::string packed(size_t(st.st_size), '\0');
    for (size_t done = 0; done < packed.size();) {
        const ssize_t n = ::pread(fd, packed.data() + done, packed.size() - done, off_t(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail(path, n < 0 ? std::strerror(errno) : "file shrank while being read");
        done += size_t(n);
    }
    const std::string image = decompress(path, packed, compression);
    const int memory = ::memfd_create("kabiscope-image", MFD_CLOEXEC);
    if (memory < 0) fail(path, "cannot hold the decompressed image: ", std::strerror(errno));
    for (size_t done = 0; done < image.size();) {
        const ssize_t n = ::write(memory, image.data() + done, image.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(memory);
            fail(path, "cannot hold the decompressed image: ", std::strerror(errno));
        }
        done += size_t(n);
    }
    return memory;
}

}  // namespace

void DwarfFile::failWithDwarfError(const std::string& what) const { fail(path_, what, ": ", lastDwarfError()); }

DwarfFile::DwarfFile(std::string path) : path_(std::move(path)) {
    session_.reset(dwfl_begin(&kOfflineCallbacks));
    if (!session_) fail(path_, "cannot start libdwfl: ", dwfl_errmsg(-1));

    // libdwfl owns the descriptor once the module is reported.
    const int image = decompressedDescriptor(path_);
    Dwfl_Module* module = dwfl_report_offline(session_.get(), path_.c_str(), path_.c_str(), image);
    if (!module) fail(path_, "cannot read DWARF: ", dwfl_errmsg(-1));
    if (dwfl_report_end(session_.get(), nullptr, nullptr) != 0) fail(path_, "cannot read DWARF: ", dwfl_errmsg(-1));

    Dwarf_Addr bias = 0;
    dwarf_ = dwfl_module_getdwarf(module, &bias);
    if (!dwarf_) {
        const int code = dwfl_errno();
        std::string message = dwfl_errmsg(code);
        if (message.find("No DWARF") != std::string::npos || message.find("no debugging") != std::string::npos)
            fail(path_, "no DWARF debugging information (build with -g)");
        fail(path_, "cannot read DWARF: ", message);
    }

    Dwarf_CU* cu = nullptr;
    Dwarf_Die cuDie;
    Dwarf_Half version = 0;
    uint8_t unitType = 0;
    int status;
    while ((status = dwarf_get_units(dwarf_, cu, &cu, &version, &unitType, &cuDie, nullptr)) == 0) {
        if (version < 2 || version > 5) fail(path_, "unsupported DWARF version ", version);
        (void)unitType;  // gendwarfksyms versions from every unit dwarf_get_units returns
        units_.push_back(cuDie);
    }
    if (status < 0) failWithDwarfError("corrupt DWARF: cannot read compilation units");
    if (units_.empty()) fail(path_, "no DWARF debugging information (build with -g)");
}

}  // namespace kabiscope
