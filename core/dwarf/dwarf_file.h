// DwarfFile: the DWARF of one ELF file, opened through libdwfl.
//
// libdwfl's offline mode applies the relocations of ET_REL objects (.o, .ko) to .debug_*
// sections and decompresses SHF_COMPRESSED sections, exactly as gendwarfksyms gets them.
// Owns the Dwfl session (RAII); the Dwarf* it hands out lives as long as this object.
// A Dwarf_Die is a small value that points into this session's memory: never keep one past the
// DwarfFile's lifetime and never share a session between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

namespace kabiscope {

struct DwflCloser {
    void operator()(Dwfl* dwfl) const { dwfl_end(dwfl); }
};

class DwarfFile {
public:
    explicit DwarfFile(std::string path);

    const std::string& path() const { return path_; }
    Dwarf* dwarf() const { return dwarf_; }

    // The compilation units in dwarf_get_units order, as CU DIEs.
    const std::vector<Dwarf_Die>& units() const { return units_; }

    // Throws kabiscope::Error naming this file with the last libdw error appended.
    [[noreturn]] void failWithDwarfError(const std::string& what) const;

private:
    std::string path_;
    std::unique_ptr<Dwfl, DwflCloser> session_;
    Dwarf* dwarf_ = nullptr;
    std::vector<Dwarf_Die> units_;
};

}  // namespace kabiscope
