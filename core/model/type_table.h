// TypeTable: gendwarfksyms' type_map — one flattened record per named type.
//
// A Record is a type's rendering with nested named types left as references, exactly the text
// after the name on a symtypes line. It is stored as its literal bytes plus the positions of its
// references, so CRC expansion can stream the bytes without rebuilding strings. When two
// renderings share a name (a declaration in one unit, a definition in another), the longest
// wins, first come on a tie: gendwarfksyms' rule.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/type_graph.h"

namespace kabiscope {

using RecordId = uint32_t;
inline constexpr RecordId kNoRecord = UINT32_MAX;

struct Record {
    struct Reference {
        uint32_t offset;        // position in `text` where the reference stands
        std::string name;       // "s#foo"
        NodeId node = kNoNode;  // the named node it was flattened from, if any
    };

    std::string name;  // "s#foo" for types, the symbol name for symbols
    std::string text;  // literal bytes with the references cut out
    std::vector<Reference> references;
    NodeId root = kNoNode;  // the graph node it was flattened from, if any

    size_t length() const;          // bytes of the symtypes rendering (gendwarfksyms' `len`)
    std::string rendering() const;  // the symtypes rendering, references inline
};

// Flattens a node into a record (gendwarfksyms' type_expand of one die_map entry).
Record flattenNode(const TypeGraph& graph, NodeId root, std::string name);

// The length of a node's flattened rendering, without building it (memoized per node).
// `memo` maps a node to its length (UINT32_MAX: not known yet), e.g. a NodeSlots<uint32_t>.
template <typename Memo>
size_t renderingLength(const TypeGraph& graph, NodeId root, Memo& memo);

// Parses a kABI type_string value ("structure_type foo { member t#bar x }") into a record.
// Throws kabiscope::Error (for `file`) on an empty value or an unclosed quoted reference.
Record parseTypeString(const std::string& file, std::string name, std::string_view value);

class TypeTable {
public:
    // Inserts `record` unless a record of that name exists that is at least as long.
    RecordId offer(Record record);
    RecordId find(std::string_view name) const;
    Record& record(RecordId id) { return records_[id]; }
    const Record& record(RecordId id) const { return records_[id]; }
    size_t size() const { return records_.size(); }
    const std::deque<Record>& records() const { return records_; }

private:
    // A deque: records are added while others are being expanded (type_string rules define
    // types lazily), and references to existing records must stay valid.
    std::deque<Record> records_;
    std::unordered_map<std::string, RecordId> byName_;
};

}  // namespace kabiscope
