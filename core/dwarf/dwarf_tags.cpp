#include "dwarf/dwarf_tags.h"

#include <dwarf.h>

namespace kabiscope {

const DwarfTagFacts* dwarfTagFacts(int tag) {
    // One entry per tag; a switch, since rendering asks for every DIE.
    static constexpr DwarfTagFacts kAtomic{NodeKind::Modifier, "atomic_type", true}, kConst{NodeKind::Modifier, "const_type", true},
        kImmutable{NodeKind::Modifier, "immutable_type", true}, kPacked{NodeKind::Modifier, "packed_type", true},
        kPointer{NodeKind::Modifier, "pointer_type", true}, kReference{NodeKind::Modifier, "reference_type", true},
        kRestrict{NodeKind::Modifier, "restrict_type", true}, kRvalue{NodeKind::Modifier, "rvalue_reference_type", true},
        kShared{NodeKind::Modifier, "shared_type", true}, kVolatile{NodeKind::Modifier, "volatile_type", true},
        kTemplate{NodeKind::Modifier, "template_type_parameter_type", true}, kTypedef{NodeKind::Typedef, "typedef_type", true},
        kClass{NodeKind::Class, "class_type", true}, kStructure{NodeKind::Structure, "structure_type", true},
        kUnion{NodeKind::Union, "union_type", true}, kEnumeration{NodeKind::Enumeration, "enumeration_type", true},
        kEnumerator{NodeKind::Enumerator, "enumerator", true}, kParameter{NodeKind::Parameter, "formal_parameter", false},
        kMember{NodeKind::Member, "member", false}, kSubrange{NodeKind::Subrange, "subrange_type", false},
        kVariant{NodeKind::Variant, "variant", false}, kVariantPart{NodeKind::VariantPart, "variant_part", false},
        kArray{NodeKind::Array, "array_type", false}, kBase{NodeKind::BaseType, "base_type", true},
        kSubroutine{NodeKind::Subroutine, "subroutine_type", false}, kUnspecified{NodeKind::Unspecified, "unspecified_type", false};
    switch (tag) {
    case DW_TAG_atomic_type: return &kAtomic;
    case DW_TAG_const_type: return &kConst;
    case DW_TAG_immutable_type: return &kImmutable;
    case DW_TAG_packed_type: return &kPacked;
    case DW_TAG_pointer_type: return &kPointer;
    case DW_TAG_reference_type: return &kReference;
    case DW_TAG_restrict_type: return &kRestrict;
    case DW_TAG_rvalue_reference_type: return &kRvalue;
    case DW_TAG_shared_type: return &kShared;
    case DW_TAG_volatile_type: return &kVolatile;
    case DW_TAG_template_type_parameter: return &kTemplate;
    case DW_TAG_typedef: return &kTypedef;
    case DW_TAG_class_type: return &kClass;
    case DW_TAG_structure_type: return &kStructure;
    case DW_TAG_union_type: return &kUnion;
    case DW_TAG_enumeration_type: return &kEnumeration;
    case DW_TAG_enumerator: return &kEnumerator;
    case DW_TAG_formal_parameter: return &kParameter;
    case DW_TAG_member: return &kMember;
    case DW_TAG_subrange_type: return &kSubrange;
    case DW_TAG_variant: return &kVariant;
    case DW_TAG_variant_part: return &kVariantPart;
    case DW_TAG_array_type: return &kArray;
    case DW_TAG_base_type: return &kBase;
    case DW_TAG_subroutine_type: return &kSubroutine;
    case DW_TAG_unspecified_type: return &kUnspecified;
    default: return nullptr;
    }
}

}  // namespace kabiscope
