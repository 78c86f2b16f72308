#include "elf/decompress.h"

#include <cstring>
#include <memory>

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "base/error.h"

namespace kabiscope {

namespace {

constexpr size_t kChunk = size_t(1) << 20;

// Grows `out` by a chunk for the next write, refusing to pass `limit`.
char* grow(std::string& out, size_t& used, uint64_t limit, const std::string& path, const char* format) {
    if (used >= limit) fail(path, format, " data decompresses to more than ", limit >> 20, " MiB; refusing to read it");
    if (out.size() < used + kChunk) out.resize(used + kChunk);
    return out.data() + used;
}

std::string unxz(const std::string& path, std::string_view input, uint64_t limit) {
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
        fail(path, "cannot start the xz decoder");
    std::unique_ptr<lzma_stream, void (*)(lzma_stream*)> guard(&stream, lzma_end);
    stream.next_in = reinterpret_cast<const uint8_t*>(input.data());
    stream.avail_in = input.size();
    std::string out;
    size_t used = 0;
    for (;;) {
        char* next = grow(out, used, limit, path, "xz");
        stream.next_out = reinterpret_cast<uint8_t*>(next);
        stream.avail_out = kChunk;
        const lzma_ret ret = lzma_code(&stream, LZMA_FINISH);
        used += kChunk - stream.avail_out;
        if (ret == LZMA_STREAM_END) break;
        if (ret == LZMA_OK) continue;
        if (ret == LZMA_BUF_ERROR) fail(path, "truncated xz data");
        fail(path, "corrupt xz data (liblzma error ", int(ret), ")");
    }
    out.resize(used);
    return out;
}

std::string unzstd(const std::string& path, std::string_view input, uint64_t limit) {
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream*)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!stream) fail(path, "cannot start the zstd decoder");
    ZSTD_inBuffer in{input.data(), input.size(), 0};
    std::string out;
    size_t used = 0;
    size_t last = 1;
    while (in.pos < in.size || last != 0) {
        char* next = grow(out, used, limit, path, "zstd");
        ZSTD_outBuffer buffer{next, kChunk, 0};
        last = ZSTD_decompressStream(stream.get(), &buffer, &in);
        if (ZSTD_isError(last)) fail(path, "corrupt zstd data: ", ZSTD_getErrorName(last));
        used += buffer.pos;
        if (in.pos == in.size && last != 0 && buffer.pos < kChunk) fail(path, "truncated zstd data");
    }
    out.resize(used);
    return out;
}

std::string gunzip(const std::string& path, std::string_view input, uint64_t limit) {
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) fail(path, "cannot start the gzip decoder");
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, inflateEnd);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = uInt(input.size());
    std::string out;
    size_t used = 0;
    for (;;) {
        char* next = grow(out, used, limit, path, "gzip");
        stream.next_out = reinterpret_cast<Bytef*>(next);
        stream.avail_out = uInt(kChunk);
        const int ret = inflate(&stream, Z_NO_FLUSH);
        used += kChunk - stream.avail_out;
        if (ret == Z_STREAM_END) break;
        if (ret == Z_OK) continue;
        if (ret == Z_BUF_ERROR && stream.avail_in == 0) fail(path, "truncated gzip data");
        fail(path, "corrupt gzip data: ", stream.msg ? stream.msg : "zlib error");
    }
    out.resize(used);
    return out;
}

}  // namespace

Compression detectCompression(std::string_view head) {
    static const unsigned char kXz[] = {0xfd, '7', 'z', 'X', 'Z', 0};
    static const unsigned char kZstd[] = {0x28, 0xb5, 0x2f, 0xfd};
    if (head.size() >= sizeof kXz && std::memcmp(head.data(), kXz, sizeof kXz) == 0) return Compression::Xz;
    if (head.size() >= sizeof kZstd && std::memcmp(head.data(), kZstd, sizeof kZstd) == 0) return Compression::Zstd;
    if (head.size() >= 2 && uint8_t(head[0]) == 0x1f && uint8_t(head[1]) == 0x8b) return Compression::Gzip;
    return Compression::None;
}

const char* compressionName(Compression compression) {
    switch (compression) {
    case Compression::Xz: return "xz";
    case Compression::Zstd: return "zstd";
    case Compression::Gzip: return "gzip";
    case Compression::None: break;
    }
    return "none";
}

std::string decompress(const std::string& path, std::string_view input, Compression compression, uint64_t limit) {
    switch (compression) {
    case Compression::Xz: return unxz(path, input, limit);
    case Compression::Zstd: return unzstd(path, input, limit);
    case Compression::Gzip: return gunzip(path, input, limit);
    case Compression::None: break;
    }
    return std::string(input);
}

std::string_view withoutCompressionSuffix(std::string_view name) {
    for (std::string_view suffix : {".xz", ".zst", ".gz"})
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
            return name.substr(0, name.size() - suffix.size());
    return name;
}

}  // namespace kabiscope
