// A build read from a Module.symvers (or RHEL's Module.kabi_<arch>, or a RHEL kABI stablelist
// directory): every export's CRC, export type, namespace and module, without types.
//
// Each module the file names becomes one BuildFile ("vmlinux", "fs/ext4/ext4"), its symbols
// sorted by name with hasCrc set and no scope: a diff then says *that* a CRC changed, and the
// explorer shows the CRCs and says types are not available. The line format (every historic
// column order) is modules/kernel_exports.h's parseModuleSymversLine.
#pragma once

#include <string>

#include "model/build.h"

namespace kabiscope {

class ExportList;

// Reads `path`; a malformed line is a kabiscope::Error naming the file and line. With `only`,
// just the symbols it lists.
Build readModuleSymversBuild(const std::string& path, const ExportList* only = nullptr);

// The still-stable entries of a RHEL stablelist's kabi_<arch> directory (readers/rhel_stablelist.h).
Build readStablelistBuild(const std::string& archDirectory, const ExportList* only = nullptr);

// True when the first line of `path` that is not blank or a '#' comment parses as a
// Module.symvers line.
bool looksLikeModuleSymvers(const std::string& path);

}  // namespace kabiscope
