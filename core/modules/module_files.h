// The module files a command line names: files as given, directories searched for .ko,
// .ko.xz, .ko.zst and .ko.gz (sorted, so reports are stable). Shared by the CLI and the explorer.
#pragma once

#include <string>
#include <vector>

namespace kabiscope {

// kabiscope::Error for a directory that cannot be read or holds no module.
std::vector<std::string> findModuleFiles(const std::vector<std::string>& arguments);

}  // namespace kabiscope
