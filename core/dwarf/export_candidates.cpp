#include "dwarf/export_candidates.h"

#include <dwarf.h>

#include "dwarf/dwarf_file.h"

namespace kabiscope {

namespace {

void visitChildren(const DwarfFile& file, Dwarf_Die& parent, const std::function<void(Dwarf_Die&)>& visit,
                   unsigned depth) {
    if (depth > 4096) file.failWithDwarfError("corrupt DWARF: DIE tree nested too deeply");
    Dwarf_Die child;
    int status = dwarf_child(&parent, &child);
    if (status < 0) file.failWithDwarfError("corrupt DWARF: cannot read DIE children");
    while (status == 0) {
        switch (dwarf_tag(&child)) {
        case DW_TAG_namespace:
        case DW_TAG_class_type:
        case DW_TAG_structure_type: visitChildren(file, child, visit, depth + 1); break;
        case DW_TAG_subprogram:
        case DW_TAG_variable: visit(child); break;
        default: break;
        }
        status = dwarf_siblingof(&child, &child);
        if (status < 0) file.failWithDwarfError("corrupt DWARF: cannot read DIE siblings");
    }
}

}  // namespace

void forEachExportCandidate(const DwarfFile& file, Dwarf_Die unit, const std::function<void(Dwarf_Die&)>& visit) {
    visitChildren(file, unit, visit, 0);
}

}  // namespace kabiscope
