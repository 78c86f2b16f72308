// Where the DWARF of a stripped object lives: its separate debug file under a debug root.
//
// An installed module (/lib/modules/<release>/kernel/fs/ext4/ext4.ko.xz) carries no DWARF; its
// distribution's -dbg package does. libdwfl finds a debug file by build-id
// (<root>/.build-id/xx/rest.debug) and by .gnu_debuglink; Debian's linux-image-*-dbg packages
// lay modules out by path instead (<root>/lib/modules/<release>/kernel/fs/ext4/ext4.ko,
// uncompressed) with build-id links only for vmlinux. This adds the path rule: the object's
// path, without its compression suffix, from its lib/modules/ or boot/ component on, under each
// root. A candidate is used only when its build-id equals the object's, so a debug file of
// another build is never read as this one's.
#pragma once

#include <string>
#include <vector>

namespace kabiscope {

// The default debug root, as libdwfl and Debian's -dbg packages have it.
inline constexpr const char* kDefaultDebugRoot = "/usr/lib/debug";

// The paths under `roots` where the path rule looks for `objectPath`'s debug file, in order.
std::vector<std::string> debugFileCandidates(const std::string& objectPath, const std::vector<std::string>& roots);

// libdwfl's search path for `roots` (":.debug:" then each root), so that its build-id and
// debuglink lookup searches them too.
std::string dwflDebuginfoPath(const std::vector<std::string>& roots);

}  // namespace kabiscope
