// RHEL's kABI stablelist directory (redhat/kabi/kabi-module/kabi_<arch>/): one file per
// stable symbol, named for it, holding a release range and the symbol's Module.symvers line.
//
//   #2-                     first and last minor release (empty: still stable), first line
//   #I:0                    metadata '#<key>:<value>'; I picks which symvers line is current
//   #P:net/core/skbuff.c
//   0xd93dd652	__alloc_skb	vmlinux	EXPORT_SYMBOL
//
// Read as RHEL's show-kabi reads it (docs/build-inputs.md): a file name with a '.' is not an
// entry; the first line must be the range; of the remaining lines, the one `#I` picks (default
// the first) is the symbol's line, and it must name the file's symbol. Entries whose range has
// closed (`#2-5`) are no longer stable and are left out. The `kabi-module` directory above the
// arch directories may be given when it holds one architecture; with several, the error names them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/kernel_exports.h"

namespace kabiscope {

// The kabi_<arch> directory `path` names (itself, or the one below a kabi-module directory),
// nullopt when `path` is no stablelist directory. kabiscope::Error when a kabi-module directory
// holds several architectures.
std::optional<std::string> stablelistArchDirectory(const std::string& path);

// One entry file, the entry of `symbol`: nullopt when its range has closed. Errors name the
// file and line.
std::optional<KernelExport> readStablelistEntry(const std::string& path, const std::string& symbol);

// Every stable entry of the kabi_<arch> directory, sorted by name. Errors name the file and line.
std::vector<KernelExport> readStablelistDirectory(const std::string& archDirectory);

}  // namespace kabiscope
