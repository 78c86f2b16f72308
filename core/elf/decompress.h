// Compressed files as distributions ship kernel modules: .ko.xz, .ko.zst, .ko.gz.
//
// Recognised by their magic bytes, not their name, and decompressed into memory with the
// libraries made for each format (liblzma, libzstd, zlib), so ElfFile can read an installed
// module as it is. Output is bounded: a file that decompresses past the limit is refused with a
// one-line error instead of exhausting memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kabiscope {

enum class Compression {
    None,
    Xz,
    Zstd,
    Gzip
};

// What the first bytes of a file say (at least 6 bytes for a sure answer).
Compression detectCompression(std::string_view head);
const char* compressionName(Compression compression);  // "xz", "zstd", "gzip", "none"

// A file name without the suffix an installed module's compression adds: "ext4.ko.xz" ->
// "ext4.ko"; other names unchanged. The one list of those suffixes (.xz, .zst, .gz).
std::string_view withoutCompressionSuffix(std::string_view name);

// Largest decompressed size accepted (a kernel module is a few MB; a vmlinux a few hundred).
inline constexpr uint64_t kMaxDecompressedBytes = uint64_t(4) << 30;

// Decompresses `input` (the whole file) of the given format; kabiscope::Error naming `path`
// on a corrupt or truncated stream, or when the output would pass `limit`.
std::string decompress(const std::string& path, std::string_view input, Compression compression,
                       uint64_t limit = kMaxDecompressedBytes);

}  // namespace kabiscope
