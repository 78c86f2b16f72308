#include "dwarf/die_renderer.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "base/error.h"
#include "base/large_stack.h"
#include "base/limits.h"
#include "dwarf/die_access.h"
#include "dwarf/dwarf_tags.h"
#include "model/type_facts.h"
#include "dwarf/dwarf_file.h"
#include "kabi/kabi_rules.h"

namespace kabiscope {

// What gendwarfksyms keeps per exported symbol while rendering it. Only the kABI "original name"
// survives from one list item to the next (the __kabi_renamed leak, spec §8.4).
struct DieRenderer::SymbolState {
    const char* originalName = nullptr;
};

namespace {

constexpr std::string_view kKabiPrefix = "__kabi_";

bool startsWith(const char* s, std::string_view prefix) {
    return s && std::strncmp(s, prefix.data(), prefix.size()) == 0;
}

std::string hex(uint64_t value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%" PRIx64, value);
    return buffer;
}

// Iterates the children of a DIE, turning libdw errors into kabiscope errors.
template <typename Visit>
void forEachChild(const DwarfFile& file, Dwarf_Die& parent, Visit&& visit) {
    Dwarf_Die child;
    int status = dwarf_child(&parent, &child);
    if (status < 0) file.failWithDwarfError("corrupt DWARF: cannot read children of DIE " + hex(dwarf_dieoffset(&parent)));
    while (status == 0) {
        if (!visit(child)) return;
        status = dwarf_siblingof(&child, &child);
        if (status < 0) file.failWithDwarfError("corrupt DWARF: cannot read siblings of DIE " + hex(dwarf_dieoffset(&child)));
    }
}

}  // namespace

DieRenderer::DieRenderer(const DwarfFile& file, const FqnResolver& fqns, const KabiRules* rules, TypeGraph& graph)
    : file_(file), fqns_(fqns), rules_(rules), graph_(graph), keys_(file.dwarf()) {}

void DieRenderer::failAt(Dwarf_Die& die, const std::string& what) const {
    fail(file_.path(), what, " (DIE ", hex(dwarf_dieoffset(&die)), ")");
}

std::string_view DieRenderer::fqnOf(Dwarf_Die& die, const die::Attributes& attrs) { return fqns_.fqn(&die, attrs.name()); }

void DieRenderer::forgetRenderedDies() {
    typeNodes_.clear();
    symbolNodes_ = OffsetMap();
    privateFiles_.clear();
    rerendered_.clear();
    rerenderedNames_.clear();
}

NodeId DieRenderer::renderSymbol(Dwarf_Die die) {
    const Dwarf_Off offset = keys_.of(die);
    if (const NodeId cached = symbolNodes_.find(offset); cached != OffsetMap::kMissing) return cached;
    if (die.cu != typeNodes_.home()) {
        Dwarf_Die unit;
        if (!dwarf_cu_die(die.cu, &unit, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr))
            file_.failWithDwarfError("corrupt DWARF: dwarf_cu_die failed");
        typeNodes_.setHome(die.cu, dwarf_dieoffset(&unit));
    }
    const int tag = dwarf_tag(&die);
    const bool subprogram = tag == DW_TAG_subprogram || tag == DW_TAG_subroutine_type;
    const NodeId id = graph_.beginNode(NodeKind::Symbol, subprogram ? "subprogram" : "variable", offset);
    symbolNodes_.insert(offset, id);
    SymbolState state;
    const die::Attributes attrs(&die);
    if (subprogram) {
        renderSubroutine(id, die, attrs, state, "subprogram");
    } else {
        graph_.appendText("variable ");
        appendTypeAttr(die, attrs, state);
    }
    graph_.endNode(id);
    return id;
}

NodeId DieRenderer::renderType(Dwarf_Die die, SymbolState& state, ListState* list, std::string_view enumFqn) {
    const Dwarf_Off offset = keys_.of(die);
    if (const NodeId cached = typeNodes_.find(die, offset); cached != DieNodeIndex::kMissing) {
        if (graph_.isOpen(cached)) reenter(cached, state);
        return cached;
    }
    const int tag = dwarf_tag(&die);
    const DwarfTagFacts* facts = dwarfTagFacts(tag);
    if (!facts) failAt(die, "unexpected type: DWARF tag " + hex(unsigned(tag)));
    const DwarfTagFacts& info = *facts;
    const NodeId id = graph_.beginNode(info.kind, info.keyword, offset);
    typeNodes_.insert(die, offset, id);
    const die::Attributes attrs(&die);
    // Named types start a new run of anonymous nesting: walkers of the graph stop at them.
    const bool named = referencePrefix(info.kind) != 0 && attrs.name();
    const unsigned anonymousDepth = anonymousDepth_;
    anonymousDepth_ = named ? 0 : anonymousDepth_ + 1;
    if (++depth_ > kMaxNestingOnOrdinaryStack && !onLargeStack()) throw NeedsLargeStack{};
    if (depth_ > kMaxTypeNesting)
        failAt(die, "type references nested more than " + std::to_string(kMaxTypeNesting) + " levels deep: not supported");
    if (anonymousDepth_ > kMaxAnonymousNesting)
        failAt(die, "anonymous types nested more than " + std::to_string(kMaxAnonymousNesting) + " levels deep: not supported");
    {
        const FramePush push(frames_, {die, id});
        renderInto(id, tag, die, attrs, state, list, enumFqn);
    }
    --depth_;
    anonymousDepth_ = anonymousDepth;
    graph_.endNode(id);
    return id;
}

// A DIE reached again while it is still being rendered is, in gendwarfksyms, rendered a second
// time right there (die_map only finds finished renderings), and that second rendering is what
// every later lookup returns. It differs from the first in one way that shows: each list item
// on the path from the type down to the first struct (which prints unexpanded the second time)
// is rendered again while its list's separator flag is still set by its finished siblings'
// replays, so it prints without its " ," separator. The children not started yet are rendered
// for the first time inside the second rendering, which is where gendwarfksyms renders them.
void DieRenderer::reenter(NodeId again, SymbolState& state) {
    if (isAggregate(graph_.node(again).kind) || rerendered_.count(again)) return;
    size_t frame = frames_.size();
    while (frame > 0 && frames_[frame - 1].id != again) --frame;
    if (frame == 0) return;  // not a type rendering (a symbol's own node)
    rerender(frame - 1, frames_.size() - 1, again, state);
}

// Renders frames_[frame] again: its finished children are left as they are, the one in progress
// (frames_[frame + 1], or `topChild` for the innermost frame) is rendered again in turn, and the
// children after it are rendered now. `top` is the innermost frame when the type was reached.
void DieRenderer::rerender(size_t frame, size_t top, NodeId topChild, SymbolState& state) {
    const Frame again = frames_[frame];
    const NodeId inProgress = frame < top ? frames_[frame + 1].id : topChild;
    const FramePush push(frames_, again);
    Dwarf_Die die = again.die;
    ListState list;
    auto visit = [&](Dwarf_Die child, bool listItem) {
        const NodeId id = typeNodes_.find(child, keys_.of(child));
        if (id == DieNodeIndex::kMissing) {
            renderType(child, state, listItem ? &list : nullptr, {});
            return;
        }
        if (id != inProgress) return;  // finished: replayed unchanged
        if (listItem) list.first = false;
        // An aggregate prints unexpanded; a type rendered again already is replayed; the
        // innermost frame's child is the type itself (gendwarfksyms would recurse forever).
        if (isAggregate(graph_.node(id).kind) || rerendered_.count(id) || frame == top) return;
        if (listItem) graph_.removeLeadingText(id, " ,");
        rerender(frame + 1, top, topChild, state);
    };
    auto visitType = [&] {
        Dwarf_Die type;
        if (die::reference(&die, DW_AT_type, &type)) visit(type, false);
    };
    switch (dwarf_tag(&die)) {
    case DW_TAG_subroutine_type:
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            if (dwarf_tag(&child) == DW_TAG_formal_parameter) visit(child, true);
            return true;
        });
        visitType();
        break;
    case DW_TAG_array_type:
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            if (dwarf_tag(&child) == DW_TAG_subrange_type) visit(child, false);
            return true;
        });
        visitType();
        break;
    case DW_TAG_formal_parameter:
        if (rules_) state.originalName = nullptr;
        visitType();
        if (rules_) {
            const char* name = die::name(&die);
            if (startsWith(name, kKabiPrefix)) name = nullptr;
            if (state.originalName) name = state.originalName;
            rerenderedNames_[again.id] = name;
        }
        break;
    default: visitType(); break;  // modifiers and typedefs
    }
    rerendered_.insert(again.id);
}

void DieRenderer::renderInto(NodeId id, int tag, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state,
                             ListState* list, std::string_view enumFqn) {
    if (const DwarfTagFacts* facts = dwarfTagFacts(tag); facts && (facts->kind == NodeKind::Modifier || facts->kind == NodeKind::Typedef)) {
        renderModifier(id, die, attrs, state, fqnOf(die, attrs));  // the modifiers and typedefs (dwarf/dwarf_tags.h)
        return;
    }
    switch (tag) {
    case DW_TAG_base_type: {
        const std::string_view fqn = fqnOf(die, attrs);
        graph_.node(id).setName(kept(fqn));
        graph_.appendText("base_type");
        appendFqn(fqn);
        appendByteSize(die, attrs, fqn);
        appendUdataAttr(die, attrs, DW_AT_encoding, NumberLabel::Encoding);
        appendUdataAttr(die, attrs, DW_AT_alignment, NumberLabel::Alignment);
        return;
    }
    case DW_TAG_subrange_type: {
        if (auto count = attrs.udata(DW_AT_count))
            graph_.appendNumber(NumberLabel::Bound, *count);
        else if (auto upper = attrs.udata(DW_AT_upper_bound))
            graph_.appendNumber(NumberLabel::Bound, *upper + 1);
        else
            graph_.appendText("[]");
        return;
    }
    case DW_TAG_array_type:
        graph_.appendText("array_type");
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            if (dwarf_tag(&child) == DW_TAG_subrange_type) graph_.appendChild(renderType(child, state, nullptr, {}));
            return true;
        });
        graph_.appendText(" {");
        graph_.appendBreak();
        appendTypeAttr(die, attrs, state);
        graph_.appendBreak();
        graph_.appendText("}");
        return;
    case DW_TAG_subroutine_type: renderSubroutine(id, die, attrs, state, "subroutine_type"); return;
    case DW_TAG_formal_parameter: renderListItem(id, die, attrs, state, list, "formal_parameter "); return;
    case DW_TAG_member: renderListItem(id, die, attrs, state, list, "member "); return;
    case DW_TAG_variant: {
        appendListComma(list);
        graph_.appendText("variant {");
        graph_.appendBreak();
        ListState members;
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            if (dwarf_tag(&child) == DW_TAG_member) graph_.appendChild(renderType(child, state, &members, {}));
            return true;
        });
        graph_.appendBreak();
        graph_.appendText("}");
        appendUdataAttr(die, attrs, DW_AT_discr_value, NumberLabel::DiscrValue);
        return;
    }
    case DW_TAG_variant_part: {
        appendListComma(list);
        graph_.appendText("variant_part {");
        graph_.appendBreak();
        ListState items;
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            graph_.appendChild(renderType(child, state, &items, {}));
            return true;
        });
        graph_.appendBreak();
        graph_.appendText("}");
        return;
    }
    case DW_TAG_class_type:
    case DW_TAG_structure_type:
    case DW_TAG_enumeration_type: renderAggregate(id, die, attrs, state, tag, fqnOf(die, attrs)); return;
    case DW_TAG_union_type: renderUnion(id, die, attrs, state, fqnOf(die, attrs)); return;
    case DW_TAG_enumerator: renderEnumerator(id, die, attrs, list, enumFqn); return;
    case DW_TAG_unspecified_type: graph_.appendText("unspecified_type"); return;
    default: failAt(die, "unexpected type: DWARF tag " + hex(unsigned(tag)));
    }
}

void DieRenderer::appendTypeAttr(Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state) {
    Dwarf_Die type;
    if (attrs.reference(DW_AT_type, &type)) {
        graph_.appendChild(renderType(type, state, nullptr, {}));
        return;
    }
    // Compilers omit DW_AT_type for void; gendwarfksyms prints it.
    graph_.appendText("base_type void");
}

void DieRenderer::appendFqn(std::string_view fqn) {
    if (fqn.empty()) return;
    graph_.appendText(" ");
    appendName(fqn);
}

std::string_view DieRenderer::kept(std::string_view text) {
    if (text.empty() || !file_.inReleasableInfo(text.data())) return text;
    return inlineCopies_.copy(text, [this](std::string_view t) { return graph_.storeText(t); });
}

void DieRenderer::appendName(std::string_view text) {
    if (!text.empty() && file_.inReleasableInfo(text.data()))
        graph_.appendText(kept(text));
    else
        graph_.appendBorrowedText(text);
}

void DieRenderer::appendUdataAttr(Dwarf_Die& die, const die::Attributes& attrs, unsigned attr, NumberLabel label) {
    if (auto value = attrs.udata(attr)) graph_.appendNumber(label, *value);
}

void DieRenderer::appendByteSize(Dwarf_Die& die, const die::Attributes& attrs, std::string_view fqn) {
    auto value = attrs.udata(DW_AT_byte_size);
    if (!value) return;
    if (rules_)
        if (auto override = rules_->byteSize(fqn)) value = override;
    graph_.appendNumber(NumberLabel::ByteSize, *value);
}

void DieRenderer::appendListComma(ListState* list) {
    if (!list || list->first) {
        if (list) list->first = false;
        return;
    }
    graph_.appendText(" ,");
    graph_.appendBreak();
}

void DieRenderer::renderModifier(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view fqn) {
    graph_.node(id).setName(kept(fqn));
    graph_.appendText(graph_.node(id).keyword());
    appendFqn(fqn);
    graph_.appendText(" {");
    graph_.appendBreak();
    appendTypeAttr(die, attrs, state);
    graph_.appendBreak();
    graph_.appendText("}");
    appendByteSize(die, attrs, fqn);
    appendUdataAttr(die, attrs, DW_AT_alignment, NumberLabel::Alignment);
}

void DieRenderer::renderSubroutine(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view keyword) {
    graph_.appendText(keyword);
    graph_.appendText(" (");
    graph_.appendBreak();
    ListState parameters;
    forEachChild(file_, die, [&](Dwarf_Die& child) {
        if (dwarf_tag(&child) == DW_TAG_formal_parameter)
            graph_.appendChild(renderType(child, state, &parameters, {}));
        return true;
    });
    graph_.appendBreak();
    graph_.appendText(")");
    graph_.appendBreak();
    graph_.appendText("-> ");
    appendTypeAttr(die, attrs, state);
}

void DieRenderer::renderListItem(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, ListState* list,
                                 std::string_view keyword) {
    const char* name = attrs.name();
    if (rules_) {
        // __kabi_ members print without their name; a renamed placeholder may supply one.
        if (startsWith(name, kKabiPrefix)) name = nullptr;
        state.originalName = nullptr;
        // A rules file's "what if KABI_REPLACE gave it its old name" (kabi/kabi_rules.h): the
        // aggregate is the frame below this item's own.
        if (name && !rules_->empty() && frames_.size() >= 2 && std::string_view(keyword) == "member ") {
            const std::string_view aggregate = graph_.node(frames_[frames_.size() - 2].id).name();
            if (const std::string* old = rules_->memberRename(aggregate, name))
                name = graph_.storeText(std::string_view(old->c_str(), old->size() + 1)).data();  // with its NUL
        }
    }
    appendListComma(list);
    graph_.appendText(keyword);
    appendTypeAttr(die, attrs, state);
    // QUIRK (spec §8.4): originalName may have been left behind by the last member of a struct
    // first rendered inside this item's type. A later rendering of the item decides instead.
    if (rules_) {
        const auto later = rerenderedNames_.find(id);
        if (later != rerenderedNames_.end())
            name = later->second;
        else if (state.originalName)
            name = state.originalName;
    }
    if (name) {
        graph_.node(id).setName(kept(name));
        graph_.appendText(" ");
        appendName(name);
    }
    appendUdataAttr(die, attrs, DW_AT_accessibility, NumberLabel::Accessibility);
    appendUdataAttr(die, attrs, DW_AT_bit_size, NumberLabel::BitSize);
    appendUdataAttr(die, attrs, DW_AT_data_bit_offset, NumberLabel::DataBitOffset);
    appendUdataAttr(die, attrs, DW_AT_data_member_location, NumberLabel::DataMemberLocation);
}

bool DieRenderer::isPrivateDefinition(Dwarf_Die& die, const die::Attributes& attrs) {
    // Definitions in .c files cannot change the public ABI (spec §5.3 rule 3).
    auto fileIndex = attrs.udata(DW_AT_decl_file);
    if (!fileIndex) return false;
    auto& unitFiles = privateFiles_[die.cu];
    if (auto it = unitFiles.find(*fileIndex); it != unitFiles.end()) return it->second;
    Dwarf_Die unit;
    if (!dwarf_cu_die(die.cu, &unit, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr))
        file_.failWithDwarfError("corrupt DWARF: dwarf_cu_die failed");
    Dwarf_Files* files = nullptr;
    size_t count = 0;
    if (dwarf_getsrcfiles(&unit, &files, &count) != 0) file_.failWithDwarfError("corrupt DWARF: cannot read line table files");
    const char* path = dwarf_filesrc(files, *fileIndex, nullptr, nullptr);
    if (!path) file_.failWithDwarfError("corrupt DWARF: bad DW_AT_decl_file " + std::to_string(*fileIndex));
    const char* dot = std::strrchr(path, '.');
    const bool isPrivate = dot && std::strcmp(dot, ".c") == 0;
    unitFiles.emplace(*fileIndex, isPrivate);
    return isPrivate;
}

bool DieRenderer::isExpandedDefinition(Dwarf_Die& die, const die::Attributes& attrs, std::string_view fqn) {
    if (attrs.flag(DW_AT_declaration)) return false;
    if (rules_ && rules_->isDeclOnly(fqn)) return false;
    return !isPrivateDefinition(die, attrs);
}

void DieRenderer::renderAggregate(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, int tag, std::string_view fqn) {
    graph_.node(id).setName(kept(fqn));
    graph_.appendText(graph_.node(id).keyword());
    appendFqn(fqn);
    graph_.appendText(" {");
    graph_.appendBreak();
    const bool expand = isExpandedDefinition(die, attrs, fqn);
    if (expand) {
        ListState items;
        forEachChild(file_, die, [&](Dwarf_Die& child) {
            const int childTag = dwarf_tag(&child);
            if (tag == DW_TAG_enumeration_type) {
                if (childTag == DW_TAG_enumerator) graph_.appendChild(renderType(child, state, &items, fqn));
                return true;
            }
            switch (childTag) {
            case DW_TAG_member:
                if (rules_ && isKabiIgnoredMember(child)) return true;
                if (rules_ && !rules_->empty()) {  // a rules file's "what if it were KABI_IGNOREd"
                    const char* name = die::name(&child);
                    if (name && rules_->isMemberIgnored(fqn, name)) return true;
                }
                [[fallthrough]];
            case DW_TAG_variant_part: graph_.appendChild(renderType(child, state, &items, {})); return true;
            case DW_TAG_class_type:
            case DW_TAG_enumeration_type:
            case DW_TAG_structure_type:
            case DW_TAG_template_type_parameter:
            case DW_TAG_union_type:
            case DW_TAG_subprogram: return true;  // nested types and member functions are not members
            default: failAt(child, "unexpected structure_type child: DWARF tag " + hex(unsigned(childTag)));
            }
        });
    }
    graph_.appendBreak();
    graph_.appendText("}");
    if (expand) {
        appendByteSize(die, attrs, fqn);
        appendUdataAttr(die, attrs, DW_AT_alignment, NumberLabel::Alignment);
    }
}

void DieRenderer::renderUnion(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view fqn) {
    if (rules_) {
        Dwarf_Die placeholder;
        const char* originalName = nullptr;
        const KabiStatus status = unionKabiStatus(die, &placeholder, &originalName);
        if (status == KabiStatus::Reserved) {
            // The union stands for its placeholder: KABI_USE/KABI_REPLACE keep the old rendering.
            // It gets no name, so even a named union is inlined, never a u# reference.
            state.originalName = originalName;
            graph_.appendChild(renderType(placeholder, state, nullptr, {}));
            return;
        }
        if (status == KabiStatus::Ignored) {
            // QUIRK (spec §8.3): reached other than as a member's type, it renders as nothing,
            // and (unnamed, like a reserved union) it is inlined as that nothing.
            return;
        }
    }
    renderAggregate(id, die, attrs, state, DW_TAG_union_type, fqn);
}

void DieRenderer::renderEnumerator(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, ListState* list, std::string_view enumFqn) {
    const std::string_view fqn = fqnOf(die, attrs);
    graph_.node(id).setName(kept(fqn));
    std::optional<uint64_t> value;
    if (rules_) {
        if (rules_->isEnumeratorIgnored(enumFqn, fqn)) return;
        value = rules_->enumeratorValue(enumFqn, fqn);
    }
    appendListComma(list);
    graph_.appendText("enumerator");
    appendFqn(fqn);
    if (!value) value = attrs.udata(DW_AT_const_value);
    if (value) {
        graph_.appendText(" = ");
        graph_.appendNumber(NumberLabel::Plain, *value);
    }
}

// gendwarfksyms' get_kabi_status for one member name: 1 normal, 2 reserved, 3 ignored.
static int kabiNameStatus(const char* name, const char** suffix) {
    *suffix = nullptr;
    if (!startsWith(name, kKabiPrefix)) return 1;
    const char* rest = name + kKabiPrefix.size();
    if (startsWith(rest, "reserved")) return 2;
    if (startsWith(rest, "ignored")) return 3;
    if (startsWith(rest, "renamed")) {
        *suffix = rest + std::strlen("renamed");
        return 2;
    }
    return 1;
}

DieRenderer::KabiStatus DieRenderer::unionKabiStatus(Dwarf_Die& unionDie, Dwarf_Die* placeholder,
                                                     const char** originalName) {
    // Spec §8.3: look at the union's members in order; a struct member is judged by its first
    // member. The first non-normal verdict decides; two normal members end the scan.
    int result = 0;
    int normalMembers = 0;
    const char* name = nullptr;
    Dwarf_Die candidate;
    forEachChild(file_, unionDie, [&](Dwarf_Die& member) {
        if (dwarf_tag(&member) != DW_TAG_member) return true;
        Dwarf_Die type;
        if (!die::reference(&member, DW_AT_type, &type)) failAt(member, "union member missing a type");
        result = kabiNameStatus(die::name(&member), &name);
        if (result == 2) candidate = type;
        if (result != 1) return false;
        if (dwarf_tag(&type) == DW_TAG_structure_type) {
            result = 0;
            forEachChild(file_, type, [&](Dwarf_Die& inner) {
                if (dwarf_tag(&inner) != DW_TAG_member) return true;
                result = kabiNameStatus(die::name(&inner), &name);
                if (result == 2 && !die::reference(&inner, DW_AT_type, &candidate))
                    failAt(inner, "structure member missing a type");
                return false;
            });
        }
        if (result <= 1 && ++normalMembers < 2) return true;
        return false;
    });
    if (result == 2) {
        *placeholder = candidate;
        *originalName = name;
        return KabiStatus::Reserved;
    }
    if (result == 3) return KabiStatus::Ignored;
    return KabiStatus::Normal;
}

bool DieRenderer::isKabiIgnoredMember(Dwarf_Die& member) {
    Dwarf_Die type;
    if (!die::reference(&member, DW_AT_type, &type)) failAt(member, "member missing a type");
    if (dwarf_tag(&type) != DW_TAG_union_type) return false;
    Dwarf_Die placeholder;
    const char* originalName = nullptr;
    return unionKabiStatus(type, &placeholder, &originalName) == KabiStatus::Ignored;
}

}  // namespace kabiscope
