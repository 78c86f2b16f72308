// Text on a terminal: how many columns a UTF-8 string takes (wcwidth: CJK wide, combining marks
// none), cutting it to a width, and the ASCII spelling of the few non-ASCII characters kabiscope
// writes (→ ↩ — … ▸ ▾ │ ├ └ ─ − ›) for terminals without UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace kabiscope::tui {

// Columns `text` takes; invalid UTF-8 counts one column a byte.
int displayWidth(std::string_view text);
// The longest prefix of `text` that fits in `width` columns; when cut, the last column is
// `ellipsis` ("…", or "~" in ASCII).
std::string fitToWidth(std::string_view text, int width, std::string_view ellipsis = "\u2026");
// The longest suffix of `text` that fits in `width` columns, led by `ellipsis` when cut: the
// end of a path ("…/debug/vmlinux") says more than its start.
std::string fitTail(std::string_view text, int width, std::string_view ellipsis = "\u2026");
// `text` padded with spaces (or cut) to exactly `width` columns.
std::string padToWidth(std::string_view text, int width, std::string_view ellipsis = "\u2026");
// Every character outside ASCII replaced by an ASCII spelling ("->", "<-", "-", "...", ">", "v",
// "|", "+", "`", "-"), or '?' when there is none.
std::string asciiFallback(std::string_view text);

}  // namespace kabiscope::tui
