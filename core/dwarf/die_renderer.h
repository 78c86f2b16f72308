// DieRenderer: turns DIEs into TypeGraph nodes with gendwarfksyms' exact grammar.
//
// Each DIE is rendered once per versioning scope and cached by DIE offset, as gendwarfksyms'
// die_map does; later uses only link to the cached node. That cache is observable under
// --stable (the __kabi_renamed name leak, docs/gendwarfksyms-compat.md), which is why
// renderings are never recomputed per symbol. The per-tag rules are in the .cpp, next to the
// spec sections they implement.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <elfutils/libdw.h>

#include "base/offset_map.h"
#include "dwarf/die_node_index.h"
#include "dwarf/die_access.h"
#include "dwarf/fqn_resolver.h"
#include "model/type_graph.h"

namespace kabiscope {

class DwarfFile;
class KabiRules;

class DieRenderer {
public:
    // `rules` is null without --stable: then no kABI rule or __kabi_ convention applies.
    DieRenderer(const DwarfFile& file, const FqnResolver& fqns, const KabiRules* rules, TypeGraph& graph);

    // Renders an exported symbol's DIE: a subprogram (or a subroutine type reached through a
    // __gendwarfksyms_ptr_ pointer) as "subprogram ( ... ) -> ...", anything else as
    // "variable <type>". Cached per DIE, so aliases bound to one DIE share the node.
    NodeId renderSymbol(Dwarf_Die die);

    // Forgets which DIEs were rendered (not the nodes). kbuild mode calls it between units: a
    // unit's DIEs are never reached again, and a small map is a fast map.
    void forgetRenderedDies();
    // Since the last forgetRenderedDies(): did renderings reach DIEs of more than one unit?
    bool renderedOutsideHome() const { return typeNodes_.spansUnits(); }

private:
    struct SymbolState;
    struct ListState {
        bool first = true;
    };

    NodeId renderType(Dwarf_Die die, SymbolState& state, ListState* list, std::string_view enumFqn);

    // gendwarfksyms renders a non-aggregate type again when it is reached while its first
    // rendering is still in progress, and the later rendering is the one every lookup finds
    // (docs/gendwarfksyms-compat.md, "Types reached again while in progress").
    void reenter(NodeId again, SymbolState& state);
    void rerender(size_t frame, size_t top, NodeId topChild, SymbolState& state);
    void renderInto(NodeId id, int tag, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, ListState* list,
                    std::string_view enumFqn);

    void appendTypeAttr(Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state);
    void appendFqn(std::string_view fqn);
    // DWARF text to keep in the graph: text in the file's releasable .debug_info (names given
    // inline, DW_FORM_string) is copied once into the graph here, while its page is in memory;
    // the rest (.debug_str) stays borrowed until the graph detaches.
    std::string_view kept(std::string_view text);
    void appendName(std::string_view text);
    void appendUdataAttr(Dwarf_Die& die, const die::Attributes& attrs, unsigned attr, NumberLabel label);
    void appendByteSize(Dwarf_Die& die, const die::Attributes& attrs, std::string_view fqn);
    void appendListComma(ListState* list);

    void renderModifier(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view fqn);
    void renderSubroutine(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view keyword);
    void renderListItem(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, ListState* list, std::string_view keyword);
    void renderAggregate(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, int tag, std::string_view fqn);
    void renderUnion(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, SymbolState& state, std::string_view fqn);
    void renderEnumerator(NodeId id, Dwarf_Die& die, const die::Attributes& attrs, ListState* list, std::string_view enumFqn);

    bool isExpandedDefinition(Dwarf_Die& die, const die::Attributes& attrs, std::string_view fqn);
    bool isPrivateDefinition(Dwarf_Die& die, const die::Attributes& attrs);
    bool isKabiIgnoredMember(Dwarf_Die& member);
    enum class KabiStatus {
        Scanning = 0,
        Normal = 1,
        Reserved = 2,
        Ignored = 3
    };
    KabiStatus unionKabiStatus(Dwarf_Die& unionDie, Dwarf_Die* placeholder, const char** originalName);

    std::string_view fqnOf(Dwarf_Die& die, const die::Attributes& attrs);
    [[noreturn]] void failAt(Dwarf_Die& die, const std::string& what) const;

    const DwarfFile& file_;
    const FqnResolver& fqns_;
    const KabiRules* rules_;
    TypeGraph& graph_;
    die::DieKeys keys_;  // what typeNodes_ and symbolNodes_ are keyed by
    DieNodeIndex typeNodes_;
    OffsetMap symbolNodes_;
    TextCopies inlineCopies_;  // names given inline in .debug_info, copied into the graph
    // The types being rendered, outermost first, including those being rendered again.
    struct Frame {
        Dwarf_Die die;
        NodeId id;
    };
    std::vector<Frame> frames_;
    struct FramePush {
        FramePush(std::vector<Frame>& frames, Frame frame) : frames_(frames) { frames_.push_back(frame); }
        ~FramePush() { frames_.pop_back(); }
        std::vector<Frame>& frames_;
    };
    // Types whose second rendering is finished: reached again, gendwarfksyms reuses that one.
    std::unordered_set<NodeId> rerendered_;
    // A list item's name as its latest rendering printed it (--stable's renamed-name quirk).
    std::unordered_map<NodeId, const char*> rerenderedNames_;
    // (unit, DW_AT_decl_file index) -> defined in a .c file
    std::unordered_map<const void*, std::unordered_map<Dwarf_Word, bool>> privateFiles_;
    unsigned depth_ = 0;           // renderType recursion (base/limits.h)
    unsigned anonymousDepth_ = 0;  // ... of which anonymous types since the last named one
};

}  // namespace kabiscope
