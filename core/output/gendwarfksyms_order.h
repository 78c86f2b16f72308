// The order in which gendwarfksyms prints symbols (#SYMVER lines, --dump-versions).
//
// It walks its name hash table: buckets fnv1a32(name) % 4096 ascending (bytes taken as signed
// chars), and within a bucket the name read later comes first. The order carries no meaning;
// reproducing it lets `--crc-input` match gendwarfksyms' --dump-versions byte for byte,
// including which member of an alias group gets the one line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kabiscope {

uint32_t gendwarfksymsNameHash(std::string_view name);

// Indices into `namesInInputOrder`, in gendwarfksyms' iteration order.
std::vector<size_t> gendwarfksymsOrder(const std::vector<std::string_view>& namesInInputOrder);

}  // namespace kabiscope
