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

#include "model/type_graph.h"

namespace kabiscope::die {

// DieKeys: a DIE's offset, made unique across a file and its dwz alternate file.
//
// A file dwz compressed together with others (`dwz -m`) keeps the types they share in an
// alternate file (.gnu_debugaltlink), which libdw follows for DW_FORM_GNU_ref_alt; its DIEs have
// offsets of their own, which collide with the file's. Whatever keeps DIEs by offset keys them
// with of(): the alternate file's get bit 39 set (no .debug_info is 512 GB). The unit of the
// last DIE asked about is remembered: nearly every lookup is in the same unit as the last.
class DieKeys {
public:
    static constexpr Dwarf_Off kAlternate = kAlternateDieBit;

    explicit DieKeys(Dwarf* file) : file_(file) {}
    Dwarf_Off of(Dwarf_Die& d) const {
        if (d.cu != lastUnit_) {
            lastUnit_ = d.cu;
            lastAlternate_ = dwarf_cu_getdwarf(d.cu) != file_;
        }
        const Dwarf_Off offset = dwarf_dieoffset(&d);
        return lastAlternate_ ? offset | kAlternate : offset;
    }
    // True for a DIE of the alternate file.
    bool alternate(Dwarf_Die& d) const { return (of(d) & kAlternate) != 0; }

private:
    Dwarf* file_;
    mutable Dwarf_CU* lastUnit_ = nullptr;
    mutable bool lastAlternate_ = false;
};

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

inline bool flag(Dwarf_Die* d, unsigned name) {
    Dwarf_Attribute attr;
    bool value = false;
    return dwarf_attr(d, name, &attr) && dwarf_formflag(&attr, &value) == 0 && value;
}

inline bool reference(Dwarf_Die* d, unsigned name, Dwarf_Die* out) {
    Dwarf_Attribute attr;
    return dwarf_attr(d, name, &attr) && dwarf_formref_die(&attr, out) != nullptr;
}

}  // namespace kabiscope::die

namespace kabiscope::die {

// The attributes of one DIE that rendering reads, gathered in a single pass over the DIE
// (dwarf_getattrs) instead of one abbreviation scan per dwarf_attr() call: rendering a kernel
// reads millions of DIEs. Semantics are those of the single readers above.
class Attributes {
public:
    explicit Attributes(Dwarf_Die* d) {
        if (dwarf_getattrs(d, &Attributes::collect, this, 0) == -1) present_ = 0;
    }

    bool has(unsigned code) const { return present_ & bit(code); }
    const char* string(unsigned code) const {
        if (!has(code)) return nullptr;
        return dwarf_formstring(const_cast<Dwarf_Attribute*>(&slots_[slot(code)]));
    }
    const char* name() const { return string(DW_AT_name); }
    std::optional<Dwarf_Word> udata(unsigned code) const {
        Dwarf_Word value;
        if (!has(code) || dwarf_formudata(const_cast<Dwarf_Attribute*>(&slots_[slot(code)]), &value) != 0)
            return std::nullopt;
        return value;
    }
    bool flag(unsigned code) const {
        bool value = false;
        return has(code) && dwarf_formflag(const_cast<Dwarf_Attribute*>(&slots_[slot(code)]), &value) == 0 && value;
    }
    bool reference(unsigned code, Dwarf_Die* out) const {
        return has(code) && dwarf_formref_die(const_cast<Dwarf_Attribute*>(&slots_[slot(code)]), out) != nullptr;
    }

private:
    static constexpr int kUnused = -1;
    static int slot(unsigned code) {
        switch (code) {
        case DW_AT_name: return 0;
        case DW_AT_type: return 1;
        case DW_AT_byte_size: return 2;
        case DW_AT_encoding: return 3;
        case DW_AT_alignment: return 4;
        case DW_AT_accessibility: return 5;
        case DW_AT_bit_size: return 6;
        case DW_AT_data_bit_offset: return 7;
        case DW_AT_data_member_location: return 8;
        case DW_AT_discr_value: return 9;
        case DW_AT_count: return 10;
        case DW_AT_upper_bound: return 11;
        case DW_AT_const_value: return 12;
        case DW_AT_decl_file: return 13;
        case DW_AT_declaration: return 14;
        default: return kUnused;
        }
    }
    static uint32_t bit(unsigned code) {
        const int s = slot(code);
        return s == kUnused ? 0 : (1u << s);
    }
    static int collect(Dwarf_Attribute* attribute, void* self) {
        auto* attrs = static_cast<Attributes*>(self);
        const int s = slot(dwarf_whatattr(attribute));
        // The first occurrence wins, as with dwarf_attr().
        if (s != kUnused && !(attrs->present_ & (1u << s))) {
            attrs->slots_[s] = *attribute;
            attrs->present_ |= 1u << s;
        }
        return DWARF_CB_OK;
    }

    Dwarf_Attribute slots_[15];
    uint32_t present_ = 0;
};

}  // namespace kabiscope::die
