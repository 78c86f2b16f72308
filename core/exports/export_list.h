// ExportList: the names of the exported symbols to version, in input order, without duplicates.
//
// Comes from an explicit list (parsed exactly like gendwarfksyms' stdin: the first token of each
// line, duplicates ignored, a line without a token is an error) or is discovered from the object
// the way kbuild builds that list (exports/export_discovery.h). A list that opens with a
// `[section]` line is a review's symbol list instead, in the INI form Android GKI
// (`[abi_symbol_list]`), libabigail (`[..._whitelist]`) and RHEL's kABI stablelists
// (`[rhel9_x86_64_stablelist]`, names indented by a tab) share: sections, one name per line,
// blank lines and `#`/`;` comments skipped.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kabiscope {

// Symbol names the kernel's export machinery makes: EXPORT_SYMBOL's __ksymtab_<name> entry, and
// the __gendwarfksyms_ptr_<name> pointer that keeps an export's type in DWARF.
inline constexpr std::string_view kKsymtabPrefix = "__ksymtab_";
inline constexpr std::string_view kSymbolPointerPrefix = "__gendwarfksyms_ptr_";

// How an export was declared, for Module.symvers and the explorer's columns.
struct ExportInfo {
    std::string name;
    std::string exportType = "EXPORT_SYMBOL";  // or EXPORT_SYMBOL_GPL
    std::string nameSpace;                     // symbol namespace, "" for none
    // False when the source does not say how the symbol is exported (a symtypes file holds only
    // types): then exportType and nameSpace are placeholders, and no diff compares them.
    bool declarationKnown = true;
};

class ExportList {
public:
    // Adds `name` unless already present; returns whether it was added.
    bool add(std::string name);
    bool add(ExportInfo info);
    bool contains(std::string_view name) const { return index_.count(std::string(name)) != 0; }
    const std::vector<ExportInfo>& entries() const { return entries_; }
    size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    // gendwarfksyms' stdin format, or an INI symbol list (above). `source` names the input in
    // errors ("-" for stdin), with the line.
    static ExportList parse(std::istream& in, const std::string& source);

private:
    std::vector<ExportInfo> entries_;
    std::unordered_set<std::string> index_;
};

}  // namespace kabiscope
