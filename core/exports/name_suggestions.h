// suggestNames: "did you mean _printk?" for a symbol name that no build exports.
//
// Kernel names are often renamed by an underscore prefix (printk -> _printk) or a small edit
// (kmalloc_node_trace -> kmalloc_node_trace_noprof); the candidates are the exports whose name
// matches once leading underscores are ignored, then those within a small edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kabiscope {

// Up to `limit` names of `names` close to `wanted`, closest first (ties in name order).
std::vector<std::string> suggestNames(std::string_view wanted, const std::vector<std::string>& names, size_t limit = 3);

}  // namespace kabiscope
