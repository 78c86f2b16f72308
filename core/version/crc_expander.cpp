#include "version/crc_expander.h"

#include <cstring>
#include <tuple>
#include <zlib.h>

#include "base/error.h"
#include "kabi/kabi_rules.h"

namespace kabiscope {

namespace {

// Past this many bytes of reach bitsets a scope stops sharing. Bitsets cost about entries^2/16
// bytes: a whole Debian vmlinux in --whole-file mode reaches 13,900 types (12 MB), its largest
// compilation unit 1,450 (130 KB); the budget only guards against far larger inputs.
constexpr size_t kReachBudget = size_t(96) << 20;

}  // namespace

// Collects output bytes and feeds them to crc32 in large blocks: zlib's crc32 runs at ~7 GB/s
// on 64 KiB blocks but under 1 GB/s on the short runs between type references.
struct CrcExpander::Sink {
    uLong crc = crc32(0L, Z_NULL, 0);
    uint64_t length = 0;  // bytes hashed into `crc`, pending ones included
    std::string* capture = nullptr;
    size_t used = 0;
    char buffer[1 << 16];

    void add(const char* data, size_t size) {
        if (capture) capture->append(data, size);
        length += size;
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
    // Appends bytes known only by their CRC and length.
    void combine(uint32_t otherCrc, uint64_t otherLength) {
        flush();
        crc = crc32_combine(crc, otherCrc, z_off_t(otherLength));
        length += otherLength;
    }
    // Starts hashing a part on its own; returns what to hand to endPart().
    std::pair<uLong, uint64_t> beginPart() {
        flush();
        const std::pair<uLong, uint64_t> outer{crc, length};
        crc = crc32(0L, Z_NULL, 0);
        length = 0;
        return outer;
    }
    // Ends a part: returns its CRC and length, and appends it to what came before.
    std::pair<uint32_t, uint64_t> endPart(std::pair<uLong, uint64_t> outer) {
        flush();
        const std::pair<uint32_t, uint64_t> part{uint32_t(crc), length};
        crc = outer.first;
        length = outer.second;
        combine(part.first, part.second);
        return part;
    }
};

struct CrcExpander::Entry {
    explicit Entry(FlatTypes::Id type) : flat(type) {}
    FlatTypes::Id flat;
    std::vector<uint32_t> successors;  // per reference of `record`, once resolved
    bool resolved = false;
    bool shared = false;  // `sharedCrc`/`sharedLength` hold its expansion from nothing
    uint32_t sharedCrc = 0;
    uint64_t sharedLength = 0;
};

CrcExpander::CrcExpander(const TypeGraph& graph, VersionScope& scope, const KabiRules* rules,
                         std::string file, CrcWorkspace& workspace, bool shareExpansions)
    : graph_(graph), scope_(scope), scopeStamp_(++workspace.expanders), rules_(rules), file_(std::move(file)),
      work_(workspace) {
    if (shareExpansions) reach_ = std::make_unique<ReachSets>();
}

CrcExpander::~CrcExpander() = default;

uint32_t CrcExpander::crc(TypeTarget root, const std::string& rootName, std::string* capture,
                          std::vector<ExpansionEvent>* events) {
    auto sinkOwner = std::make_unique<Sink>();
    Sink& sink = *sinkOwner;
    sink.capture = capture;
    owner_ = rootName;
    std::fill(expanded_.begin(), expanded_.end(), 0);
    const uint32_t rootEntry = entryOf(root);
    if (reach_ && !capture) {
        reach_->index(
            rootEntry, [this](uint32_t e) -> const std::vector<uint32_t>& { return successors(e); },
            [this] { return entries_.size(); }, kReachBudget);
        if (reach_->overBudget()) reach_.reset();
    }
    expand(rootEntry, rootName, sink, capture ? events : nullptr);
    sink.flush();
    return uint32_t(sink.crc);
}

uint32_t CrcExpander::entryOf(TypeTarget target) {
    uint32_t* slot;
    if (target.isRecord()) {
        if (recordEntries_.size() < scope_.overrides.size()) recordEntries_.resize(scope_.overrides.size(), UINT32_MAX);
        slot = &recordEntries_[target.index()];
        if (*slot != UINT32_MAX) return *slot;
        entries_.emplace_back(work_.flat.add(scope_.overrides.record(target.index())));
    } else {
        const NodeId id = target.index();
        slot = &work_.entryOf[id];
        if (work_.entryScope[id] == scopeStamp_) return *slot;
        work_.entryScope[id] = scopeStamp_;
        entries_.emplace_back(work_.flatten(graph_, id));
    }
    *slot = uint32_t(entries_.size() - 1);
    return *slot;
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

const std::vector<uint32_t>& CrcExpander::successors(uint32_t entry) {
    if (!entries_[entry].resolved) {
        const FlatTypes& flat = work_.flat;
        const FlatTypes::Id type = entries_[entry].flat;
        std::vector<uint32_t> resolved;
        resolved.reserve(flat.referenceCount(type));
        for (size_t i = 0; i < flat.referenceCount(type); ++i) {
            // Copied out: resolving may flatten more types and move the store's arrays.
            const FlatTypes::Reference reference = flat.referencesBegin(type)[i];
            TypeTarget target;
            if (reference.node != kNoNode) target = resolveNamed(scope_, graph_, reference.node);
            if (!target.valid()) target = resolveName(std::string(flat.name(reference)), owner_);  // type_string rules
            resolved.push_back(entryOf(target));
        }
        entries_[entry].successors = std::move(resolved);
        entries_[entry].resolved = true;
    }
    return entries_[entry].successors;
}

// Depth-first over the references, on an explicit stack: a chain of types can be as long as the
// scope has types, far deeper than a thread's stack would allow recursion.
void CrcExpander::expand(uint32_t root, const std::string& rootName, Sink& sink, std::vector<ExpansionEvent>* events) {
    struct Frame {
        uint32_t entry;
        uint32_t next = 0;                   // the next reference to handle
        uint32_t at = 0;                     // the text before it is hashed up to here
        bool sharedPart;                     // hashing this entry's expansion from nothing, to keep it
        std::pair<uLong, uint64_t> outer{};  // what endPart() needs, for a shared part
    };
    std::vector<Frame> stack;
    auto open = [&](uint32_t entry, bool sharedPart, std::pair<uLong, uint64_t> outer) {
        setBit(expanded_, entry);  // before descending, so cycles end in a literal reference
        successors(entry);         // resolved now: may flatten more types
        stack.push_back({entry, 0, 0, sharedPart, outer});
    };
    // The store's arrays may move whenever a type is flattened: text and references are looked
    // up again on every step.
    const FlatTypes& flat = work_.flat;
    auto note = [&](ExpansionEvent::Kind kind, std::string_view name) {
        if (events) events->push_back({kind, std::string(name), sink.capture->size(), unsigned(stack.size())});
    };
    note(ExpansionEvent::Kind::Expand, rootName);
    open(root, false, {});
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const FlatTypes::Id type = entries_[frame.entry].flat;
        const std::vector<uint32_t>& next = entries_[frame.entry].successors;
        if (frame.next < next.size()) {
            const FlatTypes::Reference& reference = flat.referencesBegin(type)[frame.next];
            sink.add(flat.text(type).data() + frame.at, reference.offset - frame.at);
            frame.at = reference.offset;
            const uint32_t child = next[frame.next++];
            if (testBit(expanded_, child)) {
                note(ExpansionEvent::Kind::Abbreviate, flat.name(reference));
                sink.add(flat.name(reference));
            } else if (reach_ && !sink.capture && reach_->disjoint(child, expanded_)) {
                // Nothing the child reaches is expanded yet: its expansion is the one it has from
                // nothing, the same for every symbol of the scope (docs/crc-sharing.md).
                const Entry& shared = entries_[child];
                if (shared.shared) {
                    sink.combine(shared.sharedCrc, shared.sharedLength);
                    reach_->addTo(child, expanded_);
                } else {
                    open(child, true, sink.beginPart());  // `frame` is invalid from here
                }
            } else {
                note(ExpansionEvent::Kind::Expand, flat.name(reference));
                open(child, false, {});
            }
            continue;
        }
        const std::string_view text = flat.text(type);
        sink.add(text.data() + frame.at, text.size() - frame.at);
        const Frame done = frame;
        stack.pop_back();
        note(ExpansionEvent::Kind::End, {});
        if (done.sharedPart) {
            Entry& shared = entries_[done.entry];
            std::tie(shared.sharedCrc, shared.sharedLength) = sink.endPart(done.outer);
            shared.shared = true;
            reach_->addTo(done.entry, expanded_);
        }
    }
}

uint32_t crcOfInput(std::string_view input) {
    return uint32_t(crc32_z(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(input.data()), input.size()));
}

CrcInputReader::CrcInputReader(const BuildFile& build) : build_(build) {}

CrcInputReader::~CrcInputReader() = default;

std::string CrcInputReader::input(const SymbolVersion& symbol) {
    const BuildFile& build = build_;
    if (!symbol.hasCrc || symbol.scope >= build.scopes.size() || !symbol.target.valid()) return {};
    if (symbol.scope != scope_ || !expander_) {
        // Every reference a symbol reaches was resolved when its CRC was computed, so without
        // rules the expander only reads the scope; the cast is for its lazily-extended interface.
        VersionScope& scope = const_cast<VersionScope&>(*build.scopes[symbol.scope]);
        expander_.reset();
        workspace_.reset(scope.firstNode);
        expander_ = std::make_unique<CrcExpander>(build.graph, scope, nullptr, build.path, workspace_);
        scope_ = symbol.scope;
    }
    std::string input;
    expander_->crc(symbol.target, symbol.name(), &input);
    return input;
}

std::string CrcInputReader::trace(const SymbolVersion& symbol, std::vector<ExpansionEvent>& events) {
    events.clear();
    if (input(symbol).empty()) return {};  // sets up the scope's expander
    std::string input;
    expander_->crc(symbol.target, symbol.name(), &input, &events);
    return input;
}

}  // namespace kabiscope
