// readSymbolList: a review's symbol list from wherever it is kept — a file (gendwarfksyms' one
// name per line, or an INI list: Android GKI, libabigail, RHEL's kabi_stablelist_<arch>), '-'
// for stdin, or RHEL's stablelist directory (kabi-module/kabi_<arch>/, one file per symbol:
// readers/rhel_stablelist.h), whose still-stable entries are the list, as show-kabi prints it.
#pragma once

#include <string>

#include "exports/export_list.h"

namespace kabiscope {

ExportList readSymbolList(const std::string& path);

}  // namespace kabiscope
