#include "version/crc_expander.h"

#include <cstring>
#include <zlib.h>

#include "base/error.h"
#include "kabi/kabi_rules.h"

namespace kabiscope {

// Collects output bytes and feeds them to crc32 in large blocks: zlib's crc32 runs at ~7 GB/s
// on 64 KiB blocks but under 1 GB/s on the short runs between type references.
struct CrcExpander::Sink {
    uLong crc = crc32(0L, Z_NULL, 0);
    std::string* capture = nullptr;
    size_t used = 0;
    char buffer[1 << 16];

    void add(const char* data, size_t size) {
        if (capture) capture->append(data, size);
        if (used + size > sizeof buffer) {
            flush();
            if (size > sizeof buffer) {
                crc = crc32_z(crc, reinterpret_cast<const Bytef*>(data), size);
                return;
            }
        }
        std::memcpy(buffer + used, data, size);
        used += size;
    }
    void add(std::string_view s) { add(s.data(), s.size()); }
    void flush() {
        if (used) crc = crc32_z(crc, reinterpret_cast<const Bytef*>(buffer), used);
        used = 0;
    }
};

CrcExpander::CrcExpander(const TypeGraph& graph, VersionScope& scope, const KabiRules* rules,
                         std::string file, CrcWorkspace& workspace)
    : graph_(graph), scope_(scope), scopeStamp_(++workspace.expanders), rules_(rules), file_(std::move(file)),
      work_(workspace) {}

uint32_t CrcExpander::crc(TypeTarget root, const std::string& rootName, std::string* capture) {
    auto sinkOwner = std::make_unique<Sink>();
    Sink& sink = *sinkOwner;
    sink.capture = capture;
    if (++work_.generation == 0) {  // wrapped: forget every old mark
        work_.reset(scope_.firstNode);
        work_.generation = 1;
    }
    owner_ = rootName;
    expandRecord(recordOf(root), sink);
    sink.flush();
    return uint32_t(sink.crc);
}

const Record& CrcExpander::recordOf(TypeTarget target) {
    if (target.isRecord()) return scope_.overrides.record(target.index());
    const NodeId id = target.index();
    if (work_.flatScope[id] != scopeStamp_) {
        flat_.push_back(flattenNode(graph_, id, {}));
        work_.flatOf[id] = uint32_t(flat_.size() - 1);
        work_.flatScope[id] = scopeStamp_;
    }
    return flat_[work_.flatOf[id]];
}

bool CrcExpander::markExpanded(TypeTarget target) {
    uint32_t* mark;
    if (target.isRecord()) {
        if (work_.recordMarks.size() < scope_.overrides.size()) work_.recordMarks.resize(scope_.overrides.size(), 0);
        mark = &work_.recordMarks[target.index()];
    } else {
        mark = &work_.nodeMarks[target.index()];
    }
    if (*mark == work_.generation) return false;
    *mark = work_.generation;  // marked before descending, so cycles end in a literal reference
    return true;
}

TypeTarget CrcExpander::resolveName(const std::string& reference, const std::string& owner) {
    if (auto it = scope_.types.find(reference); it != scope_.types.end()) return it->second;
    if (rules_) {
        // A type_string rule may define a type DWARF does not have (spec §8.2).
        if (const std::string* value = rules_->typeString(reference)) {
            const TypeTarget target = TypeTarget::record(scope_.overrides.offer(parseTypeString(file_, reference, *value)));
            scope_.types.emplace(reference, target);
            return target;
        }
    }
    fail(file_, "unknown type reference to '", reference, "' when expanding '", owner, "'");
}

TypeTarget CrcExpander::resolveNamedNode(NodeId named) {
    if (work_.resolvedScope[named] == scopeStamp_) return work_.resolved[named];
    TypeTarget target = resolveNamed(scope_, graph_, named);
    if (!target.valid()) target = resolveName(graph_.referenceName(named), owner_);  // type_string rules
    work_.resolved[named] = target;
    work_.resolvedScope[named] = scopeStamp_;
    return target;
}

void CrcExpander::expandRecord(const Record& record, Sink& sink) {
    size_t at = 0;
    for (const auto& reference : record.references) {
        sink.add(record.text.data() + at, reference.offset - at);
        at = reference.offset;
        const TypeTarget target = reference.node != kNoNode ? resolveNamedNode(reference.node)
                                                            : resolveName(reference.name, owner_);
        if (!markExpanded(target)) {
            sink.add(reference.name);
            continue;
        }
        if (++depth_ > 100000) fail(file_, "type references nested too deeply while expanding '", owner_, "'");
        expandRecord(recordOf(target), sink);
        --depth_;
    }
    sink.add(record.text.data() + at, record.text.size() - at);
}

uint32_t crcOfInput(std::string_view input) {
    return uint32_t(crc32_z(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(input.data()), input.size()));
}

std::string CrcInputReader::input(const SymbolVersion& symbol) {
    const VersionedBuild& build = build_;
    if (!symbol.versioned || symbol.scope >= build.scopes.size()) return {};
    // Every reference a symbol reaches was resolved when its CRC was computed, so without rules
    // the expander only reads the scope; the cast is for its lazily-extended interface.
    VersionScope& scope = const_cast<VersionScope&>(*build.scopes[symbol.scope]);
    workspace_.reset(scope.firstNode);
    CrcExpander expander(build.graph, scope, nullptr, build.path, workspace_);
    std::string input;
    expander.crc(symbol.target, symbol.name(), &input);
    return input;
}

}  // namespace kabiscope
