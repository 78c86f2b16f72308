// ObjectVersioner: one gendwarfksyms run — versions a set of exports over a set of units.
//
// Implements spec §2.2, §4, §6 and §7 for one scope: binds each export (and its alias group) to
// the first matching DIE in unit order, falls back to __gendwarfksyms_ptr_ pointers after each
// unit, renders through the build's DieRenderer, builds the scope's type_map from the nodes its
// exports reach and computes CRCs in gendwarfksyms' order. `--whole-file` uses one
// ObjectVersioner for all units of a file; kbuild mode one per exporting compilation unit, each
// worker thread with its own renderer (the die_map) that forgets its DIEs between units, so
// every unit gets exactly the renderings a run on its own object would make.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <elfutils/libdw.h>

#include "base/offset_map.h"
#include "model/build_file.h"

namespace kabiscope {

class DieRenderer;
class DwarfFile;
class FqnResolver;
class KabiRules;
struct CrcWorkspace;

// Symbol table key (section index, value) that makes exports aliases of each other (spec §2.2).
using AliasKey = std::pair<uint32_t, uint64_t>;

struct ObjectVersionerOptions {
    const KabiRules* rules = nullptr;  // non-null means --stable
    bool captureCrcInput = false;
};

// Thrown by ObjectVersioner::addUnitAsRecords when a unit's types reach into another unit: the
// renderings of the earlier units are gone, so the file must be versioned keeping them.
struct NeedsAllUnitsTypes {};

class ObjectVersioner {
public:
    ObjectVersioner(const DwarfFile& file, FqnResolver& fqns, DieRenderer& renderer, std::vector<ExportInfo> exports,
                    const std::unordered_map<std::string, AliasKey>& aliasKeys, ObjectVersionerOptions options);

    // Passes 1-3 of gendwarfksyms over one compilation unit. `candidates`, when given, are the
    // unit's export-candidate DIEs that can match an export, in DIE order, found by an earlier
    // walk of `fqns` over the unit (kbuild mode); otherwise the name walk finds them.
    void addUnit(Dwarf_Die unit, const std::vector<Dwarf_Die>* candidates = nullptr);

    // addUnit, then keeps of the unit's renderings only what the CRCs need and forgets its
    // nodes (`graph` is the renderer's): each named type's rendering as a record while it is
    // the longest of its name so far (first come on a tie, as in the type map), and the
    // rendering of each export bound in it. Whole-file mode without types kept: memory stays
    // that of one unit, and the type map is built as the units go. finish() then versions from
    // the records. Throws NeedsAllUnitsTypes when the unit's types reach another unit's DIEs.
    void addUnitAsRecords(Dwarf_Die unit, TypeGraph& graph, CrcWorkspace& workspace,
                          const std::vector<Dwarf_Die>* candidates = nullptr);

    // Builds the scope's type_map and the CRCs. Appends one SymbolVersion per export to
    // `build.symbols` and the scope to `build.scopes`. Reads only the graph and what the units
    // left here: the DWARF file, resolver and renderer may be gone by then (a whole kernel's
    // DWARF session is better closed before its CRCs are computed).
    // `firstNode`: the first node rendered for this scope (the graph's size when it started).
    void finish(BuildFile& build, std::string label, NodeId firstNode, CrcWorkspace& workspace);

private:
    enum class State {
        Unprocessed,
        Mapped,
        Processed
    };
    struct Export {
        ExportInfo info;
        std::optional<AliasKey> key;
        State state = State::Unprocessed;
        NodeId node = kNoNode;
        std::optional<Dwarf_Die> pointer;  // __gendwarfksyms_ptr_ fallback
        uint32_t crc = 0;
        TypeTarget target;
        RecordId record = kNoRecord;  // addUnitAsRecords: its rendering in records_
    };

    template <typename Visit>
    void forGroup(size_t index, Visit&& visit);
    std::optional<size_t> unprocessed(const char* name);
    void matchCandidate(Dwarf_Die& die);
    void bind(size_t index, Dwarf_Die die);
    void rememberPointer(size_t index, Dwarf_Die& source);
    void buildTypeMap(const TypeGraph& graph, VersionScope& scope, CrcWorkspace& workspace);
    void keepUnitRecords(const TypeGraph& graph, NodeId firstNode, CrcWorkspace& workspace);

    const DwarfFile& file_;
    std::string path_;  // file_'s, for errors once file_ may be closed
    FqnResolver& fqns_;
    DieRenderer& renderer_;
    ObjectVersionerOptions options_;
    std::vector<Export> exports_;
    std::unordered_map<std::string_view, size_t> byName_;
    static constexpr uint32_t kNotExported = OffsetMap::kMissing - 1;
    OffsetMap exportOfName_;  // a DIE name's address -> its export's index, or kNotExported
    std::map<AliasKey, std::vector<size_t>> groups_;
    std::vector<size_t> hashOrder_;
    std::vector<size_t> hashRank_;     // per export: its place in hashOrder_
    std::vector<size_t> withPointer_;  // exports given a pointer in the current unit

    // addUnitAsRecords: the type map so far, as records.
    struct Best {
        RecordId record = kNoRecord;
        uint32_t length = 0;
        bool fixed = false;  // a type_string rule defines it
    };
    bool asRecords_ = false;
    TypeTable records_;
    std::vector<std::pair<std::string, Best>> best_;       // key: prefix letter + name
    std::unordered_map<std::string, uint32_t> bestIndex_;  // key -> index in best_
    OffsetMap bestOfName_;                                 // name view's address -> index in best_
    std::vector<size_t> boundInUnit_;                      // exports bound by the current addUnit
};

}  // namespace kabiscope
