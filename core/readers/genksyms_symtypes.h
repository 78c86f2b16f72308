// GenksymsSymtypes: a genksyms symtypes file (KBUILD_SYMTYPES=1, `genksyms -T`) split into its
// records and sections, before any CRC is computed or node made.
//
// A line is `<name> <tokens...>`: `s#foo struct foo { t#u32 len ; } `, `E#MAX ( 5 ) + 2 `,
// `do_foo int do_foo ( s#foo * ) `. Names with a prefix are types (t# typedef, e# enum, s#
// struct, u# union, E# enum constant), the others exported symbols. Tokens are separated by
// whitespace; a token `X#name` refers to the type of that name.
//
// Sections: one object's file holds each name once, so a concatenation of several objects'
// files (`cat *.symtypes`) starts a new section where a name comes again. suse-kabi-tools'
// consolidated files mark sections with `/* <file> */` lines, omit a type that is the same as
// its last definition before, and write an opaque declaration local to a section as `s##foo`
// (suse-kabi-tools.5). A name in a section means its definition there, else its last
// definition in an earlier section: docs/genksyms-symtypes.md.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kabiscope {

inline constexpr uint32_t kNoGenksymsRecord = UINT32_MAX;

struct GenksymsRecord {
    char prefix = 0;          // 't', 'e', 's', 'u', 'E'; 0 for an exported symbol
    std::string_view key;     // "s#foo" as references spell it, or the symbol's name
    std::string_view name;    // "foo"
    std::string_view text;    // the definition as written, without the name and outer spaces
    uint32_t firstToken = 0;  // its tokens in GenksymsSymtypes::tokens
    uint32_t tokenCount = 0;
    uint32_t section = 0;
    uint32_t file = 0;   // which of GenksymsSymtypes::files it is on
    size_t line = 0;     // 1-based, for errors
    bool local = false;  // `s##foo`: this section's own opaque declaration
    bool isType() const { return prefix != 0; }
};

struct GenksymsSection {
    std::string label;                                       // "<path>", "<path> (part 2)", or the /* */ name
    std::vector<uint32_t> records;                           // in file order
    std::unordered_map<std::string_view, uint32_t> defined;  // types by key
};

struct GenksymsSymtypes {
    std::string path;                // the file, or the directory of a tree
    std::vector<std::string> files;  // the files read, in order
    std::deque<std::string> texts;   // their whole text; every view points into one or `made`
    std::deque<std::string> made;    // text the files abbreviate (`s##foo` declarations)
    std::vector<GenksymsRecord> records;
    std::vector<std::string_view> tokens;
    std::vector<GenksymsSection> sections;

    std::string where(const GenksymsRecord& record) const {
        return files[record.file] + ":" + std::to_string(record.line);
    }
};

// Reads and splits `path`. A malformed line (no definition, an unknown prefix, an unclosed quote
// or comment, a name defined twice in one marked section) is a kabiscope::Error naming the file
// and line.
GenksymsSymtypes readGenksymsSymtypes(const std::string& path);
// A tree of per-object files (a kernel built with KBUILD_SYMTYPES=1): each of `files` (under
// the directory `path`, in the order given) opens a section named by its path relative to `path`.
GenksymsSymtypes readGenksymsTree(const std::string& path, const std::vector<std::string>& files);

// The prefix of a reference token ("s#foo" gives 's'), or 0 for a plain token.
char genksymsReferencePrefix(std::string_view token);

// True when a symtypes line's definition is genksyms' C (not gendwarfksyms' DWARF grammar), or
// the line is a consolidated file's `/* <file> */` section mark.
bool isGenksymsSymtypesLine(std::string_view line);

// What each section's names mean: walked section by section, in file order.
class GenksymsScopes {
public:
    explicit GenksymsScopes(const GenksymsSymtypes& file) : file_(file) {}
    // Makes `section` current: sections are entered in file order (never back).
    void enter(uint32_t section);
    // The record `key` means in the current section, kNoGenksymsRecord when none.
    uint32_t resolve(std::string_view key) const;
    uint32_t current() const { return current_; }

private:
    const GenksymsSymtypes& file_;
    uint32_t current_ = 0;
    uint32_t merged_ = 0;                                    // the sections before this one are in latest_
    std::unordered_map<std::string_view, uint32_t> latest_;  // last definitions of the sections before
};

}  // namespace kabiscope
