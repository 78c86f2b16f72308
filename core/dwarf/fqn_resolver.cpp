#include "dwarf/fqn_resolver.h"

#include "dwarf/die_access.h"
#include "dwarf/dwarf_file.h"
#include "dwarf/dwarf_tags.h"
#include "model/type_graph.h"

namespace kabiscope {

namespace {

bool passesPrefix(int tag) {
    return tag == DW_TAG_namespace || tag == DW_TAG_class_type || tag == DW_TAG_structure_type;
}

// Tags whose rendering prints the fqn (dwarf/dwarf_tags.h).
bool printsFqn(int tag) {
    const DwarfTagFacts* facts = dwarfTagFacts(tag);
    return facts && facts->printsFqn;
}

constexpr unsigned kMaxDepth = 4096;

// C has no nested types: compilers emit a struct defined inside another (or inside a function)
// as its sibling, so below a C struct there are only members, and nothing inside a C function
// ever gets a name other than its own. The walk can skip function bodies, most of a kernel's DIEs.
bool isC(int language) {
    switch (language) {
    case DW_LANG_C89:
    case DW_LANG_C:
    case DW_LANG_C99:
    case DW_LANG_C11:
#ifdef DW_LANG_C17
    case DW_LANG_C17:
#endif
        return true;
    default: return false;
    }
}

}  // namespace

FqnResolver::FqnResolver(const DwarfFile& file, TypeGraph& graph) : file_(file), graph_(graph), keys_(file.dwarf()) {
    Dwarf* alternate = dwarf_getalt(file.dwarf());
    if (!alternate) return;
    Dwarf_CU* cu = nullptr;
    Dwarf_Die unit;
    while (dwarf_get_units(alternate, cu, &cu, nullptr, nullptr, &unit, nullptr) == 0) addUnit(unit);
}

void FqnResolver::addUnit(Dwarf_Die unit, const std::function<void(Dwarf_Die&)>* onCandidate) {
    if (!resolvedUnits_.insert(unit.cu).second) return;
    skipFunctionBodies_ = isC(dwarf_srclang(&unit));
    walkChildren(&unit, nullptr, 0, onCandidate);
}

// `onCandidate` is passed down only where export candidates can be: the unit's top level and
// inside namespaces, classes and structures on the way down from it.
void FqnResolver::walkChildren(Dwarf_Die* parent, const std::string* prefix, unsigned depth,
                               const std::function<void(Dwarf_Die&)>* onCandidate) {
    if (depth > kMaxDepth) file_.failWithDwarfError("corrupt DWARF: DIE tree nested too deeply");
    Dwarf_Die child;
    int status = dwarf_child(parent, &child);
    if (status < 0) file_.failWithDwarfError("corrupt DWARF: cannot read DIE children");
    while (status == 0) {
        const int tag = dwarf_tag(&child);
        const char* name = die::name(&child);
        const bool passes = passesPrefix(tag);
        const bool hasChildren = dwarf_haschildren(&child) > 0 && !(skipFunctionBodies_ && tag == DW_TAG_subprogram);
        if (onCandidate && (tag == DW_TAG_subprogram || tag == DW_TAG_variable)) (*onCandidate)(child);
        const auto* childCandidates = passes ? onCandidate : nullptr;
        const bool stores = prefix && name && printsFqn(tag);
        if (stores || (prefix && passes && hasChildren)) {
            // The scoped name is only built where it is kept or passed down: most named DIEs
            // under a prefix are C struct members, which need neither.
            std::string scoped = *prefix + "::" + (name ? name : "<anonymous>");
            if (stores) {
                scoped_[keys_.of(child)] = graph_.storeText(scoped);
                if (recordNames) recordNames->emplace_back(keys_.of(child), scoped);
            }
            if (hasChildren) walkChildren(&child, passes ? &scoped : nullptr, depth + 1, childCandidates);
        } else if (!prefix && name && passes && hasChildren) {
            const std::string scope(name);
            walkChildren(&child, &scope, depth + 1, childCandidates);
        } else if (hasChildren) {
            walkChildren(&child, nullptr, depth + 1, childCandidates);
        }
        status = dwarf_siblingof(&child, &child);
        if (status < 0) file_.failWithDwarfError("corrupt DWARF: cannot read DIE siblings");
    }
}

void FqnResolver::adoptUnit(Dwarf_Die unit, const UnitNames& names) {
    if (!resolvedUnits_.insert(unit.cu).second) return;
    for (const auto& [offset, name] : names) scoped_[offset] = graph_.storeText(name);
}

std::string_view FqnResolver::fqn(Dwarf_Die* die, const char* name) const {
    if (die->cu != lastResolvedUnit_) {
        if (!resolvedUnits_.count(die->cu)) return {};
        lastResolvedUnit_ = die->cu;
    }
    if (!scoped_.empty()) {
        auto it = scoped_.find(keys_.of(*die));
        if (it != scoped_.end()) return it->second;
    }
    return name ? std::string_view(name) : std::string_view();
}

}  // namespace kabiscope
