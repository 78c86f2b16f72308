#include "version/object_versioner.h"

#include <cstring>

#include "base/error.h"
#include "dwarf/die_access.h"
#include "dwarf/dwarf_file.h"
#include "kabi/kabi_rules.h"
#include "output/gendwarfksyms_order.h"
#include "version/crc_expander.h"

namespace kabiscope {

namespace {

constexpr std::string_view kPointerPrefix = "__gendwarfksyms_ptr_";

bool isPointerName(const char* name) {
    return name && std::strncmp(name, kPointerPrefix.data(), kPointerPrefix.size()) == 0;
}

}  // namespace

ObjectVersioner::ObjectVersioner(const DwarfFile& file, std::vector<ExportInfo> exports,
                                 const std::unordered_map<std::string, AliasKey>& aliasKeys,
                                 ObjectVersionerOptions options, std::string label)
    : file_(file),
      options_(options),
      scope_(std::make_unique<VersionScope>()),
      fqns_(file),
      renderer_(file, fqns_, options.rules, scope_->graph) {
    scope_->label = std::move(label);
    exports_.reserve(exports.size());
    for (auto& info : exports) {
        Export e;
        e.info = std::move(info);
        if (auto it = aliasKeys.find(e.info.name); it != aliasKeys.end()) e.key = it->second;
        exports_.push_back(std::move(e));
    }
    std::vector<std::string_view> names;
    for (size_t i = 0; i < exports_.size(); ++i) {
        byName_.emplace(exports_[i].info.name, i);
        names.push_back(exports_[i].info.name);
        if (exports_[i].key) groups_[*exports_[i].key].push_back(i);
    }
    hashOrder_ = gendwarfksymsOrder(names);
}

ObjectVersioner::~ObjectVersioner() = default;

template <typename Visit>
void ObjectVersioner::forGroup(size_t index, Visit&& visit) {
    if (!exports_[index].key) {
        visit(exports_[index]);
        return;
    }
    for (size_t member : groups_[*exports_[index].key]) visit(exports_[member]);
}

// gendwarfksyms' symbol_get: the export of that name, if it or an alias is still unbound.
std::optional<size_t> ObjectVersioner::unprocessed(const char* name) {
    if (!name || !*name) return std::nullopt;
    std::string_view key(name);
    if (isPointerName(name)) key.remove_prefix(kPointerPrefix.size());
    auto it = byName_.find(key);
    if (it == byName_.end()) return std::nullopt;
    bool open = false;
    forGroup(it->second, [&](Export& e) { open = open || e.state == State::Unprocessed; });
    return open ? std::optional<size_t>(it->second) : std::nullopt;
}

void ObjectVersioner::addUnit(Dwarf_Die unit) {
    fqns_.addUnit(unit);
    visitExportCandidates(unit, 0);
    // Pass 3: exports still unbound but seen through a __gendwarfksyms_ptr_ pointer.
    for (size_t index : hashOrder_) {
        Export& e = exports_[index];
        if (e.state == State::Unprocessed && e.pointer) bind(index, *e.pointer);
    }
}

void ObjectVersioner::visitExportCandidates(Dwarf_Die& parent, unsigned depth) {
    if (depth > 4096) file_.failWithDwarfError("corrupt DWARF: DIE tree nested too deeply");
    Dwarf_Die child;
    int status = dwarf_child(&parent, &child);
    if (status < 0) file_.failWithDwarfError("corrupt DWARF: cannot read DIE children");
    while (status == 0) {
        switch (dwarf_tag(&child)) {
        case DW_TAG_namespace:
        case DW_TAG_class_type:
        case DW_TAG_structure_type: visitExportCandidates(child, depth + 1); break;
        case DW_TAG_subprogram:
        case DW_TAG_variable: matchCandidate(child); break;
        default: break;
        }
        status = dwarf_siblingof(&child, &child);
        if (status < 0) file_.failWithDwarfError("corrupt DWARF: cannot read DIE siblings");
    }
}

void ObjectVersioner::matchCandidate(Dwarf_Die& die) {
    // The type comes from the abstract origin when there is one; the name is tried on the DIE
    // first, then on the origin (spec §4).
    Dwarf_Die origin;
    Dwarf_Die source = die;
    const bool hasOrigin = die::reference(&die, DW_AT_abstract_origin, &origin);
    if (hasOrigin) source = origin;
    std::optional<size_t> match = unprocessed(die::symbolName(&die));
    if (!match && hasOrigin) match = unprocessed(die::symbolName(&source));
    if (!match) return;
    if (isPointerName(die::symbolName(&source)))
        rememberPointer(*match, source);
    else
        bind(*match, source);
}

void ObjectVersioner::rememberPointer(size_t index, Dwarf_Die& source) {
    const char* name = die::symbolName(&source);
    Dwarf_Die pointer;
    if (!die::reference(&source, DW_AT_type, &pointer) || dwarf_tag(&pointer) != DW_TAG_pointer_type)
        fail(file_.path(), name, " must be a pointer type");
    Dwarf_Die pointee;
    if (!die::reference(&pointer, DW_AT_type, &pointee)) fail(file_.path(), name, " pointer missing a type attribute");
    const Dwarf_Die remembered = dwarf_tag(&pointee) == DW_TAG_subroutine_type ? pointee : pointer;
    forGroup(index, [&](Export& e) { e.pointer = remembered; });
}

void ObjectVersioner::bind(size_t index, Dwarf_Die die) {
    forGroup(index, [](Export& e) { e.state = State::Mapped; });
    const NodeId node = renderer_.renderSymbol(die);
    forGroup(index, [&](Export& e) { e.node = node; });
}

std::unique_ptr<VersionScope> ObjectVersioner::finish(uint32_t scopeIndex, std::vector<SymbolVersion>& symbols,
                                                      std::vector<std::string>& warnings) {
    VersionScope& scope = *scope_;
    const KabiRules* rules = options_.rules;
    auto flattenWithRules = [&](NodeId node, std::string name) {
        if (rules)
            if (const std::string* value = rules->typeString(name)) {
                Record parsed = parseTypeString(file_.path(), std::move(name), *value);
                parsed.root = node;
                return parsed;
            }
        return flattenNode(scope.graph, node, std::move(name));
    };

    // The type_map: every named type rendered in this scope; longest rendering wins.
    for (NodeId id = 0; id < scope.graph.size(); ++id) {
        if (!scope.graph.isNamedType(id)) continue;
        scope.types.offer(flattenWithRules(id, scope.graph.referenceName(id)));
    }

    CrcExpander expander(scope.types, rules, file_.path());
    std::vector<uint32_t> recordOf(exports_.size(), UINT32_MAX);
    for (size_t index : hashOrder_) {
        Export& e = exports_[index];
        if (e.state == State::Unprocessed) continue;
        Record record = flattenWithRules(e.node, e.info.name);
        if (e.state != State::Processed) {
            std::string* capture = nullptr;
            if (options_.captureCrcInput) {
                scope.crcInputs.emplace_back(e.info.name, std::string());
                capture = &scope.crcInputs.back().second;
            }
            const uint32_t crc = expander.crc(record, capture);
            forGroup(index, [&](Export& member) {
                member.crc = crc;
                member.state = State::Processed;
            });
        }
        recordOf[index] = uint32_t(scope.symbolRecords.size());
        scope.symbolRecords.push_back(std::move(record));
    }

    for (size_t index : hashOrder_) {
        if (exports_[index].state != State::Processed)
            warnings.push_back(file_.path() + ": no information for symbol " + exports_[index].info.name);
    }
    for (size_t index = 0; index < exports_.size(); ++index) {
        Export& e = exports_[index];
        SymbolVersion version;
        version.info = std::move(e.info);
        version.versioned = e.state == State::Processed;
        version.crc = e.crc;
        version.scope = scopeIndex;
        version.record = recordOf[index];
        symbols.push_back(std::move(version));
    }
    return std::move(scope_);
}

}  // namespace kabiscope
