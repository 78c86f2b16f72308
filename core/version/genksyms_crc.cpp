#include "version/genksyms_crc.h"

#include <zlib.h>

#include "base/error.h"

namespace kabiscope {

namespace {

// What genksyms hashes for a type met before: its kind's keyword, then its name.
const char* keywordOf(char prefix) {
    switch (prefix) {
    case 's': return "struct ";
    case 'u': return "union ";
    case 'e': return "enum ";
    default: return "";  // typedefs and enum constants: the name alone
    }
}

}  // namespace

// genksyms -T writes "extern " before the definition of anything declared extern (a symbol, or
// a struct defined in an extern declaration: "extern struct efi { ... } efi;") but never hashes
// it: the keyword is a flag of the symbol there, not a token of its definition.
uint32_t GenksymsCrc::firstHashed(uint32_t record) const {
    const GenksymsRecord& r = file_.records[record];
    return r.tokenCount > 0 && file_.tokens[r.firstToken] == "extern" ? 1 : 0;
}

GenksymsCrc::GenksymsCrc(const GenksymsSymtypes& file) : file_(file), metIn_(file.records.size(), 0) {}

uint32_t GenksymsCrc::crc(uint32_t record, const GenksymsScopes& scopes, std::vector<uint32_t>* reached) {
    if (++epoch_ == 0) {  // wrapped: forget every mark
        std::fill(metIn_.begin(), metIn_.end(), 0);
        epoch_ = 1;
    }
    input_.clear();
    stack_.clear();
    metIn_[record] = epoch_;
    stack_.push_back({record, firstHashed(record)});
    while (!stack_.empty()) {
        Frame& frame = stack_.back();
        const GenksymsRecord& current = file_.records[frame.record];
        if (frame.next == current.tokenCount) {
            stack_.pop_back();
            continue;
        }
        const std::string_view token = file_.tokens[current.firstToken + frame.next++];
        const char prefix = genksymsReferencePrefix(token);
        if (!prefix) {
            input_.append(token);
            input_ += ' ';
            continue;
        }
        const uint32_t target = scopes.resolve(token);
        if (target == kNoGenksymsRecord) {
            const std::string& section = file_.sections[scopes.current()].label;
            fail(file_.where(current), current.key, " refers to ", token, ", which ",
                 file_.sections.size() == 1 && section == file_.path ? std::string("the file")
                                                                     : "section '" + section + "'",
                 " does not define");
        }
        if (metIn_[target] == epoch_) {
            input_ += keywordOf(prefix);
            input_.append(file_.records[target].name);
            input_ += ' ';
            continue;
        }
        metIn_[target] = epoch_;
        if (reached) reached->push_back(target);
        stack_.push_back({target, firstHashed(target)});  // `frame` is not used after this
    }
    return uint32_t(crc32_z(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(input_.data()), input_.size()));
}

}  // namespace kabiscope
