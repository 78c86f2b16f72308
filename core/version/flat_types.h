// FlatTypes: the flattened renderings of one scope's types, for the CRC expander.
//
// Flattening a node (gendwarfksyms' type_expand of one die_map entry) inlines its anonymous
// children and cuts out its references to named types. A scope flattens every type it reaches,
// ~500 per compilation unit and 555,000 over a vmlinux, so this store keeps all of them in a few
// arenas that are cleared, not freed, between scopes: no allocation per type. The CRC expander
// streams the text from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/type_graph.h"
#include "model/type_table.h"

namespace kabiscope {

class FlatTypes {
public:
    using Id = uint32_t;

    struct Reference {
        uint32_t offset;     // position in the type's text where the reference stands
        uint32_t nameBegin;  // "s#foo", in the name arena
        uint32_t nameLength;
        NodeId node;  // the named node it was flattened from, or kNoNode
    };

    void clear();

    Id add(const TypeGraph& graph, NodeId root);
    Id add(const Record& record);

    std::string_view text(Id id) const {
        const Type& t = types_[id];
        return {text_.data() + t.textBegin, t.textEnd - t.textBegin};
    }
    const Reference* referencesBegin(Id id) const { return references_.data() + types_[id].referenceBegin; }
    size_t referenceCount(Id id) const { return types_[id].referenceEnd - types_[id].referenceBegin; }
    std::string_view name(const Reference& r) const { return {names_.data() + r.nameBegin, r.nameLength}; }

private:
    struct Type {
        uint32_t textBegin, textEnd;
        uint32_t referenceBegin, referenceEnd;
    };
    void flattenInto(const TypeGraph& graph, NodeId id, uint32_t textBegin, unsigned depth);
    uint32_t nameOf(const TypeGraph& graph, NodeId named);

    std::string text_;
    std::string names_;
    std::vector<Reference> references_;
    std::vector<Type> types_;
};

}  // namespace kabiscope
