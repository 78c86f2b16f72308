// DwarfFile: the DWARF of one ELF file, opened through libdwfl.
//
// libdwfl's offline mode applies the relocations of ET_REL objects (.o, .ko) to .debug_*
// sections and decompresses SHF_COMPRESSED sections, exactly as gendwarfksyms gets them.
// A stripped object's DWARF is read from its debug file under the debug roots (default
// /usr/lib/debug; dwarf/debug_file_lookup.h). Owns the Dwfl session (RAII); the Dwarf* it hands out lives as long as this object.
// A Dwarf_Die is a small value that points into this session's memory: never keep one past the
// DwarfFile's lifetime and never share a session between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

namespace kabiscope {

// Why a split DWARF object (.dwo) is refused: said wherever one is met.
inline constexpr const char* kDwoRefusal =
    "a split DWARF object (.dwo) has no symbols to version: give the object it belongs to, built without -gsplit-dwarf";

struct DwflCloser {
    void operator()(Dwfl* dwfl) const { dwfl_end(dwfl); }
};

// What the debug-file lookup of one session knows; libdwfl's callback fills it.
struct DebugFileSearch {
    std::string objectPath;
    std::vector<std::string> roots;
    std::string buildId;                   // the object's, once looked up
    std::string used;                      // the debug file found by the path rule
    std::string mismatched, mismatchedId;  // a candidate of another build, for the error
};

class DwarfFile {
public:
    // `debugRoots` empty: /usr/lib/debug.
    explicit DwarfFile(std::string path, std::vector<std::string> debugRoots = {});
    DwarfFile(const DwarfFile&) = delete;
    DwarfFile& operator=(const DwarfFile&) = delete;

    const std::string& path() const { return path_; }
    Dwarf* dwarf() const { return dwarf_; }

    // The compilation units in dwarf_get_units order, as CU DIEs.
    const std::vector<Dwarf_Die>& units() const { return units_; }

    // Throws kabiscope::Error naming this file with the last libdw error appended.
    [[noreturn]] void failWithDwarfError(const std::string& what) const;

    // The roots the debug file was looked for under (for further sessions on the same file).
    const std::vector<std::string>& debugRoots() const { return search_.roots; }

    // Tells the kernel this session is done, for now, with the mapped .debug_info of unit
    // `index`: a reader that goes through the units calls it as it leaves each one, so a whole
    // kernel's 200 MB of DIEs is not all resident at once (a diff holds two). Only page-table
    // entries go: reading those bytes again faults them back in from the file. A no-op where that
    // would not give the same bytes back: a file libdwfl relocated in memory (ET_REL), a section
    // decompressed or converted into memory. Const: what is resident is not what is read.
    void releaseUnit(size_t index) const;
    // True when `text` lies in the .debug_info that releaseUnit() releases: whoever keeps such
    // text (a DW_FORM_string name) past its unit copies it, or reading it faults the page back in.
    bool inReleasableInfo(const char* text) const {
        return infoMapped_ && text >= infoMapped_ && text < infoMapped_ + infoSize_;
    }

private:
    [[noreturn]] void failWithoutDwarf() const;
    // Refuses a file dwz compressed with others whose alternate file libdw did not find.
    void failIfAlternateMissing() const;
    // Refuses a split unit: a skeleton whose types are in a .dwo, or a .dwo's own unit.
    void failIfSplit(Dwarf_Die& unit, uint8_t unitType) const;

    std::string path_;
    DebugFileSearch search_;
    std::string debuginfoPath_;
    char* debuginfoPathPointer_ = nullptr;
    Dwfl_Callbacks callbacks_{};
    std::unique_ptr<Dwfl, DwflCloser> session_;
    Dwarf* dwarf_ = nullptr;
    std::vector<Dwarf_Die> units_;
    const char* infoMapped_ = nullptr;  // .debug_info in the file's read-only mapping, or null
    size_t infoSize_ = 0;
};

}  // namespace kabiscope
