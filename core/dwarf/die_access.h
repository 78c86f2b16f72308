// Small, exact readers of DIE attributes, with gendwarfksyms' semantics.
//
// Only the DIE's own attributes are read (no DW_AT_specification / abstract_origin following):
// a value is "present" only when libdw can read it in the requested form, e.g. an attribute in
// expression form is absent for udata(). These rules decide bytes of the CRC, so keep them here.
#pragma once

#include <optional>
#include <string_view>

#include <dwarf.h>
#include <elfutils/libdw.h>

namespace kabiscope::die {

inline const char* stringAttr(Dwarf_Die* d, unsigned name) {
    Dwarf_Attribute attr;
    if (!dwarf_attr(d, name, &attr)) return nullptr;
    return dwarf_formstring(&attr);
}

inline const char* name(Dwarf_Die* d) { return stringAttr(d, DW_AT_name); }

// rustc puts the mangled name in DW_AT_linkage_name; C uses DW_AT_name.
inline const char* symbolName(Dwarf_Die* d) {
    const char* linkage = stringAttr(d, DW_AT_linkage_name);
    return linkage ? linkage : name(d);
}

inline std::optional<Dwarf_Word> udata(Dwarf_Die* d, unsigned name) {
    Dwarf_Attribute attr;
    Dwarf_Word value;
    if (!dwarf_attr(d, name, &attr) || dwarf_formudata(&attr, &value) != 0) return std::nullopt;
    return value;
}

inline bool flag(Dwarf_Die* d, unsigned name) {
    Dwarf_Attribute attr;
    bool value = false;
    return dwarf_attr(d, name, &attr) && dwarf_formflag(&attr, &value) == 0 && value;
}

inline bool reference(Dwarf_Die* d, unsigned name, Dwarf_Die* out) {
    Dwarf_Attribute attr;
    return dwarf_attr(d, name, &attr) && dwarf_formref_die(&attr, out) != nullptr;
}

inline int tag(Dwarf_Die* d) { return dwarf_tag(d); }

}  // namespace kabiscope::die
