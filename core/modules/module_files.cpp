#include "modules/module_files.h"

#include <algorithm>
#include <filesystem>

#include "base/error.h"
#include "modules/kernel_exports.h"

namespace kabiscope {

namespace fs = std::filesystem;

std::vector<std::string> findModuleFiles(const std::vector<std::string>& arguments) {
    std::vector<std::string> files;
    for (const std::string& argument : arguments) {
        std::error_code ec;
        if (!fs::is_directory(argument, ec)) {
            files.push_back(argument);  // whatever it is, reading it says what is wrong
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(argument, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && isModuleFileName(it->path().filename().string())) found.push_back(it->path().string());
        if (ec) fail(argument, "cannot read directory: ", ec.message());
        if (found.empty()) fail(argument, "no kernel modules (.ko, .ko.xz, .ko.zst, .ko.gz) in this directory");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace kabiscope
