#include "version/crc_expander.h"

#include <zlib.h>

#include "base/error.h"
#include "kabi/kabi_rules.h"

namespace kabiscope {

struct CrcExpander::Sink {
    uLong crc = crc32(0L, Z_NULL, 0);
    std::string* capture = nullptr;

    void add(const char* data, size_t size) {
        if (size == 0) return;
        crc = crc32_z(crc, reinterpret_cast<const Bytef*>(data), size);
        if (capture) capture->append(data, size);
    }
};

CrcExpander::CrcExpander(TypeTable& table, const KabiRules* rules, std::string file)
    : table_(table), rules_(rules), file_(std::move(file)) {}

uint32_t CrcExpander::crc(const Record& root, std::string* capture) {
    Sink sink;
    sink.capture = capture;
    if (++generation_ == 0) {  // wrapped: forget every old mark
        std::fill(expandedIn_.begin(), expandedIn_.end(), 0);
        generation_ = 1;
    }
    expand(root, sink);
    return uint32_t(sink.crc);
}

RecordId CrcExpander::resolve(const Record::Reference& reference, const Record& owner) {
    if (reference.target != kUnresolved) return reference.target;
    RecordId id = table_.find(reference.name);
    if (id == kNoRecord && rules_) {
        // A type_string rule may define a type DWARF does not have (spec §8.2).
        if (const std::string* value = rules_->typeString(reference.name))
            id = table_.offer(parseTypeString(file_, reference.name, *value));
    }
    if (id == kNoRecord)
        fail(file_, "unknown type reference to '", reference.name, "' when expanding '", owner.name, "'");
    reference.target = id;
    return id;
}

void CrcExpander::expand(const Record& record, Sink& sink) {
    if (++depth_ > 100000) fail(file_, "type references nested too deeply while expanding '", record.name, "'");
    size_t at = 0;
    for (const auto& reference : record.references) {
        sink.add(record.text.data() + at, reference.offset - at);
        at = reference.offset;
        const RecordId target = resolve(reference, record);
        if (expandedIn_.size() < table_.size()) expandedIn_.resize(table_.size(), 0);
        if (expandedIn_[target] == generation_) {
            sink.add(reference.name.data(), reference.name.size());
        } else {
            // Marked before descending, so cycles end in a literal reference.
            expandedIn_[target] = generation_;
            expand(table_.record(target), sink);
        }
    }
    sink.add(record.text.data() + at, record.text.size() - at);
    --depth_;
}

}  // namespace kabiscope
