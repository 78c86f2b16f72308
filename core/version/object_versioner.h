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
#include "model/versioned_build.h"

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

class ObjectVersioner {
public:
    ObjectVersioner(const DwarfFile& file, FqnResolver& fqns, DieRenderer& renderer, std::vector<ExportInfo> exports,
                    const std::unordered_map<std::string, AliasKey>& aliasKeys, ObjectVersionerOptions options);

    // Passes 1-3 of gendwarfksyms over one compilation unit. `candidates`, when given, are the
    // unit's export-candidate DIEs that can match an export, in DIE order, found by an earlier
    // walk of `fqns` over the unit (kbuild mode); otherwise the name walk finds them.
    void addUnit(Dwarf_Die unit, const std::vector<Dwarf_Die>* candidates = nullptr);

    // Builds the scope's type_map and the CRCs. Appends one SymbolVersion per export to
    // `build.symbols` and the scope to `build.scopes`.
    // `firstNode`: the first node rendered for this scope (the graph's size when it started).
    void finish(VersionedBuild& build, std::string label, NodeId firstNode, CrcWorkspace& workspace);

private:
    enum class State { Unprocessed, Mapped, Processed };
    struct Export {
        ExportInfo info;
        std::optional<AliasKey> key;
        State state = State::Unprocessed;
        NodeId node = kNoNode;
        std::optional<Dwarf_Die> pointer;  // __gendwarfksyms_ptr_ fallback
        uint32_t crc = 0;
        TypeTarget target;
    };

    template <typename Visit>
    void forGroup(size_t index, Visit&& visit);
    std::optional<size_t> unprocessed(const char* name);
    void matchCandidate(Dwarf_Die& die);
    void bind(size_t index, Dwarf_Die die);
    void rememberPointer(size_t index, Dwarf_Die& source);
    void buildTypeMap(const TypeGraph& graph, VersionScope& scope, CrcWorkspace& workspace);

    const DwarfFile& file_;
    FqnResolver& fqns_;
    DieRenderer& renderer_;
    ObjectVersionerOptions options_;
    std::vector<Export> exports_;
    std::unordered_map<std::string_view, size_t> byName_;
    static constexpr uint32_t kNotExported = OffsetMap::kMissing - 1;
    OffsetMap exportOfName_;  // a DIE name's address -> its export's index, or kNotExported
    std::map<AliasKey, std::vector<size_t>> groups_;
    std::vector<size_t> hashOrder_;
};

}  // namespace kabiscope
