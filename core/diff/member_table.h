// compareMembers: a type's two renderings, member by member, for people to read.
//
// A record's symtypes rendering is one line ("structure_type foo { member ... , member ... }
// byte_size(24)"), several kB for a kernel struct, and the difference can sit anywhere in it.
// This splits each side's top-level list (members, enumerators, parameters) at its " , "
// separators, pairs the items by name, and puts the changed ones first: what the details pane,
// `explain` and the reports show. Text only: it works on renderings stored in a DiffResult.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kabiscope {

struct MemberLine {
    enum class Change : uint8_t {
        Same,
        Changed,
        Added,
        Removed
    };
    Change change = Change::Same;
    std::string name;     // "rx_dropped", "formal_parameter 2", or the item's text when unnamed
    std::string oldText;  // the item as rendered, without the list separator ("" when added)
    std::string newText;  // ("" when removed)
};

struct MemberTable {
    std::string oldHead, newHead;   // before the list: "structure_type foo {"
    std::string oldTail, newTail;   // after it: "} byte_size(24)"
    bool hasList = false;           // false: no brace or parenthesis list; lines holds the whole texts
    std::vector<MemberLine> lines;  // changed, added and removed first (in new-side order), then the same
    size_t changedCount() const;
};

MemberTable compareMembers(std::string_view oldRendering, std::string_view newRendering);

// "+", "-", "~" or " " for a line's change, for text reports.
char changeSign(MemberLine::Change change);

}  // namespace kabiscope
