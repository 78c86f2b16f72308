#include "dwarf/debug_file_lookup.h"

#include <filesystem>

#include "elf/decompress.h"

namespace kabiscope {

namespace fs = std::filesystem;

std::vector<std::string> debugFileCandidates(const std::string& objectPath, const std::vector<std::string>& roots) {
    std::error_code ec;
    fs::path absolute = fs::absolute(objectPath, ec);
    if (ec) absolute = objectPath;
    absolute = absolute.lexically_normal();
    // ext4.ko.xz -> ext4.ko: -dbg packages hold the uncompressed object's name.
    const std::string file(withoutCompressionSuffix(absolute.filename().string()));
    // The directory parts from each lib/modules/ or boot/ component on: an unpacked package
    // (~/debian/6.12.117/lib/modules/...) maps as an installed one does.
    std::vector<fs::path> tails;
    std::vector<std::string> parts;
    for (const fs::path& part : absolute.parent_path()) parts.push_back(part.string());
    for (size_t i = 0; i < parts.size(); ++i) {
        const bool modules = parts[i] == "lib" && i + 1 < parts.size() && parts[i + 1] == "modules";
        if (!modules && parts[i] != "boot") continue;
        fs::path tail;
        for (size_t j = i; j < parts.size(); ++j) tail /= parts[j];
        tails.push_back(tail / file);
    }
    std::vector<std::string> out;
    for (const std::string& root : roots)
        for (const fs::path& tail : tails) out.push_back((fs::path(root) / tail).string());
    return out;
}

std::string dwflDebuginfoPath(const std::vector<std::string>& roots) {
    std::string path = ":.debug";
    for (const std::string& root : roots) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(root, ec);
        path += ':' + (ec ? root : absolute.string());
    }
    return path;
}

}  // namespace kabiscope
