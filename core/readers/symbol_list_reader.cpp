#include "readers/symbol_list_reader.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/error.h"
#include "readers/rhel_stablelist.h"

namespace kabiscope {

ExportList readSymbolList(const std::string& path) {
    if (path == "-") return ExportList::parse(std::cin, "-");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        const std::optional<std::string> arch = stablelistArchDirectory(path);
        if (!arch) fail(path, "a directory, but not a kABI stablelist (kabi-module/kabi_<arch>/, one file per symbol)");
        ExportList list;
        for (KernelExport& entry : readStablelistDirectory(*arch)) list.add(std::move(entry.name));
        if (list.empty()) fail(*arch, "no symbol of this kABI stablelist is still stable (every range has closed)");
        return list;
    }
    std::ifstream in(path);
    if (!in) fail(path, "cannot open symbol list: ", errnoMessage(errno));
    return ExportList::parse(in, path);
}

}  // namespace kabiscope
