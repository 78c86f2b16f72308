// Limits that keep recursion on the stack bounded, whatever the input.
//
// Rendering DWARF and expanding CRC inputs recurse once per level of type nesting. The deepest
// nesting on a Debian 6.12 vmlinux is about 250 levels; DWARF (valid or crafted) can nest a
// typedef chain tens of thousands deep, which would overflow an 8 MB thread stack (a rendering
// level takes ~800 bytes, more under AddressSanitizer). Past this depth the input is refused with
// an error naming the file, never a crash.
#pragma once

namespace kabiscope {

inline constexpr unsigned kMaxTypeNesting = 2048;

}  // namespace kabiscope
