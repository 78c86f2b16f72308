// FqnResolver: gendwarfksyms' fully qualified names (pass 1 of every compilation unit).
//
// Only DW_TAG_namespace, DW_TAG_class_type and DW_TAG_structure_type pass a scope prefix to their
// children, so C types keep their plain names, Rust types become crate::module::Type and C++
// types ns::Type. Enumerators always keep their bare name. Only DIEs whose name differs from
// DW_AT_name, and that can be rendered with a name (types and enumerators), are recorded;
// everything else falls back to DW_AT_name.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <elfutils/libdw.h>

#include "dwarf/die_access.h"

namespace kabiscope {

class DwarfFile;
class TypeGraph;

class FqnResolver {
public:
    // Scoped names are stored in `graph`, so the views handed out live as long as the graph;
    // plain names are views into the DWARF string table.
    // A file dwz compressed with others has types in its alternate file (die_access.h's DieKeys):
    // its units are walked at once, so those types have the names they had before dwz.
    FqnResolver(const DwarfFile& file, TypeGraph& graph);

    // Walks one compilation unit and records the scoped names in it (once: a unit already walked
    // is skipped). `onCandidate`, if given, also receives, in DIE order, every DIE that could
    // define an exported symbol as gendwarfksyms looks for them (spec §4): the subprograms and
    // variables at the unit's top level and inside namespaces, classes and structures on the way
    // down from it, never inside functions. One walk serves both.
    void addUnit(Dwarf_Die unit, const std::function<void(Dwarf_Die&)>* onCandidate = nullptr);

    // Scoped names found by another resolver's walk of the same unit (on another DWARF session:
    // `unit` is this session's unit DIE), taken as if this one had walked it.
    using UnitNames = std::vector<std::pair<Dwarf_Off, std::string>>;
    void adoptUnit(Dwarf_Die unit, const UnitNames& names);
    // While set, addUnit also lists the scoped names it records here (cleared by the caller).
    UnitNames* recordNames = nullptr;

    // The fqn of a DIE ("" when anonymous or when the last scope is anonymous); `name` is its
    // DW_AT_name, already read by the caller.
    std::string_view fqn(Dwarf_Die* die, const char* name) const;

private:
    void walkChildren(Dwarf_Die* parent, const std::string* prefix, unsigned depth,
                      const std::function<void(Dwarf_Die&)>* onCandidate);

    const DwarfFile& file_;
    TypeGraph& graph_;
    die::DieKeys keys_;  // what scoped_ is keyed by
    std::unordered_map<Dwarf_Off, std::string_view> scoped_;
    // Units already walked. A DIE of a unit not walked yet (a cross-unit reference) has no fqn
    // in gendwarfksyms, so it has none here either.
    std::unordered_set<const void*> resolvedUnits_;
    mutable const void* lastResolvedUnit_ = nullptr;
    bool skipFunctionBodies_ = false;  // the unit being walked is C
};

}  // namespace kabiscope
