#include "dwarf/dwarf_file.h"

#include <dwarf.h>

#include "base/error.h"

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

}  // namespace

void DwarfFile::failWithDwarfError(const std::string& what) const { fail(path_, what, ": ", lastDwarfError()); }

DwarfFile::DwarfFile(std::string path) : path_(std::move(path)) {
    session_.reset(dwfl_begin(&kOfflineCallbacks));
    if (!session_) fail(path_, "cannot start libdwfl: ", dwfl_errmsg(-1));

    Dwfl_Module* module = dwfl_report_offline(session_.get(), path_.c_str(), path_.c_str(), -1);
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
