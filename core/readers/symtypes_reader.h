// A build file read from gendwarfksyms' symtypes text (`kabiscope versions --symtypes`, the
// kernel's KBUILD_SYMTYPES=1 output): every type's and symbol's rendering, from which each
// symbol's CRC is recomputed exactly as gendwarfksyms computes it.
//
// A line is `<name> <rendering>`: a type (`s#foo`, `u#`, `e#`, `t#`) or a symbol. Each rendering
// becomes a record of its scope's table (model/type_table.h), so the CRC expander walks it as it
// walks DWARF renderings. gendwarfksyms writes one object's lines sorted by name; a concatenation
// of several objects' files is split where that order breaks, each part one scope (one type_map).
#pragma once

#include <string>
#include <string_view>

#include "model/build_file.h"

namespace kabiscope {

// Reads `path` and computes its symbols' CRCs. A malformed line, or a reference to a type the
// file does not define, is a kabiscope::Error naming the file (and line).
BuildFile readSymtypesFile(const std::string& path);

// Shared with readers of other symtypes-shaped text (readers/reference_reader.h):
// where the name at the start of a line ends (a quoted `s#'foo bar'` included), npos if unclosed;
size_t symtypesNameEnd(const std::string& line);
// whether a rendering is in gendwarfksyms' DWARF grammar ("structure_type foo { ... }", "subprogram
// ( ... ) -> ..."), not genksyms' C ("struct foo { ... }"): told by its first keyword;
bool isGendwarfksymsRendering(std::string_view rendering);
// every symbol's CRC from its scope's records, then the symbols sorted by name.
void computeRecordCrcs(BuildFile& file, const std::string& path);

}  // namespace kabiscope
